import Foundation
import Sass
import Testing

/// `@import` may read only below the load paths and the input file's folder.
@Suite struct ImportRestrictionTests {
    static let files = [
        "site/_sass/_ok.scss": ".ok { a: b; }\n",
        "site/_sass/_climber.scss": "@import \"../../outside/secret\";\n",
        "site/_local.scss": ".local { a: b; }\n",
        "outside/_secret.scss": ".secret { a: b; }\n",
    ]

    /// Runs `body` with the scratch tree, symbolic links added, and Jekyll-like options.
    static func withSite(_ body: (String, SassOptions) throws -> Void) throws {
        try SassErrorTests.withFiles(files) { root in
            symlink(root + "/outside/_secret.scss", root + "/site/_sass/_link.scss")
            symlink(root + "/outside", root + "/site/_sass/linkdir")
            let options = SassOptions(loadPaths: [root + "/site/_sass"], inputPath: root + "/site/main.scss")
            try body(root, options)
        }
    }

    @Test(arguments: ["../outside/secret", "OUTSIDE/secret", "link", "linkdir/secret", "../site/_sass/linkdir/secret"])
    func importsLeavingTheAllowedFoldersAreRefused(_ target: String) throws {
        try Self.withSite { root, options in
            let url = target.replacingOccurrences(of: "OUTSIDE", with: root + "/outside")
            let error = #expect(throws: SassError.self) {
                try Sass.compile(".a { b: c; }\n@import \"\(url)\";\n", options: options)
            }
            #expect(error?.file == root + "/site/main.scss")
            #expect((error?.line, error?.column) == (2, 9))
            #expect(error?.message == "@import \"\(url)\" reads \(root)/outside/_secret.scss, which is outside the load paths and the input file's folder")
        }
    }

    @Test func aPartialCannotClimbOutEither() throws {
        try Self.withSite { root, options in
            let error = #expect(throws: SassError.self) { try Sass.compile("@import \"climber\";", options: options) }
            #expect(error?.file == root + "/site/_sass/_climber.scss")
            #expect(error?.line == 1)
        }
    }

    @Test func importsInsideTheAllowedFoldersWork() throws {
        try Self.withSite { root, options in
            let source = "@import \"ok\", \"local\", \"../site/_sass/ok\", \"plain.css\", \"http://example.com/x\";\n"
            let output = try Sass.compile(source, options: options)
            #expect(output.css == """
                @import url(plain.css);
                @import "http://example.com/x";
                .ok {
                  a: b; }

                .local {
                  a: b; }

                .ok {
                  a: b; }

                """)
            #expect(output.includedFiles.sorted() == [root + "/site/_local.scss", root + "/site/_sass/_ok.scss"])
        }
    }

    @Test func withoutTheRestrictionLibsassReadsAnything() throws {
        try Self.withSite { _, options in
            var open = options
            open.restrictImports = false
            let output = try Sass.compile("@import \"link\";", options: open)
            #expect(output.css == ".secret {\n  a: b; }\n")
        }
    }
}
