import Foundation
import Testing

/// docs/kyll.1 documents every command and every option the commands accept, and formats cleanly.
@Suite struct ManPageTests {
    static let commands = ["build", "clean", "doctor", "new", "new-theme"]

    static var manPage: String {
        let text = (try? String(contentsOf: Repository.root.appendingPathComponent("docs/kyll.1"), encoding: .utf8)) ?? ""
        return text.replacingOccurrences(of: "\\-", with: "-")
    }

    /// The `--long` options in a command's help.
    static func longOptions(_ help: String) -> Set<String> {
        var options: Set<String> = []
        for word in help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "(" || $0 == ")" || $0 == "/" }) {
            guard word.hasPrefix("--"), word.count > 2 else { continue }
            let name = word.prefix { $0 != "<" && $0 != "=" && $0 != "." && $0 != ":" }
            options.insert(String(name))
        }
        return options
    }

    @Test(arguments: commands)
    func documentsEveryOption(_ command: String) throws {
        let kyll = try #require(KyllExecutable.path)
        let help = try runProgram(kyll, ["help", command])
        #expect(help.status == 0)
        let options = Self.longOptions(help.standardOutput).subtracting(["--help", "--version"])
        #expect(!options.isEmpty)
        let page = Self.manPage
        #expect(page.contains(".BR \(command)") || page.contains(".B \(command)") || page.contains(".BI \(command)"),
                "no section for \(command)")
        for option in options.sorted() {
            let spelled = "--[no-]" + (option.hasPrefix("--no-") ? option.dropFirst(5) : option.dropFirst(2))
            #expect(page.contains(option) || page.contains(spelled), "docs/kyll.1 does not mention \(option) of \(command)")
        }
    }

    @Test func formatsWithoutWarnings() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let result = try runProgram("/usr/bin/groff", ["-man", "-ww", "-z", "-Tutf8", "docs/kyll.1"], directory: Repository.root)
        #expect(result.status == 0 && result.standardError.isEmpty, "\(result.output)")
    }
}
