import Foundation
import Sass
import Testing

@Suite struct SassErrorTests {
    /// A scratch folder with the given files, removed after `body`.
    static func withFiles(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-sass-\(UUID().uuidString)").path
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(root)
    }

    @Test func errorInAPartialNamesThePartial() throws {
        try Self.withFiles(["site/_sass/_broken.scss": "a {\n  color: $missing;\n}\n"]) { root in
            let options = SassOptions(loadPaths: [root + "/site/_sass"], inputPath: root + "/site/main.scss")
            let error = #expect(throws: SassError.self) { try Sass.compile("@import \"broken\";\n", options: options) }
            #expect(error?.file == root + "/site/_sass/_broken.scss")
            #expect((error?.line, error?.column) == (2, 10))
            #expect(error?.message == "Undefined variable: \"$missing\".")
            #expect(error?.formatted.hasPrefix("Error: Undefined variable: \"$missing\".\n") == true)
            #expect(error?.description == "\(root)/site/_sass/_broken.scss:2:10: error: Undefined variable: \"$missing\".")
        }
    }

    @Test func syntaxErrorInTheInput() {
        let options = SassOptions(inputPath: "/site/style.scss")
        let error = #expect(throws: SassError.self) { try Sass.compile("a {\n  color: red;\n", options: options) }
        #expect(error?.file == "/site/style.scss")
        #expect((error?.line, error?.column) == (2, 14))
        #expect(error?.message == "Invalid CSS after \"  color: red;\": expected \"}\", was \"\"")
    }

    @Test func missingImport() {
        let error = #expect(throws: SassError.self) { try Sass.compile("\n@import \"nowhere\";") }
        #expect(error?.file == "stdin")
        #expect((error?.line, error?.column) == (2, 1))
        #expect(error?.message == "File to import not found or unreadable: nowhere.")
    }
}
