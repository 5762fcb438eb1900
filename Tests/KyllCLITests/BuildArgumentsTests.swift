import Testing
@testable import KyllCLI

/// `kyll build` reads its arguments without swift-argument-parser when they are plain; these hold
/// that reading to swift-argument-parser's, spelling by spelling, and check that no option of
/// `build` is missing from it.
@Suite struct BuildArgumentsTests {
    static let directory = "/work/site"

    /// What swift-argument-parser makes of the words, in the fast path's terms.
    static func slow(_ words: [String]) -> BuildArguments? {
        guard let command = try? BuildCommand.parse(words) else { return nil }
        return BuildArguments(options: command.options.buildOptions(workingDirectory: directory),
                              watch: command.watching.watch, forcePolling: command.watching.forcePolling)
    }

    static func sample(_ name: String) -> String {
        switch name {
        case "--limit_posts": "-3"
        case "--config": "a.yml, b.yml"
        case "-p", "--plugins": "one,two"
        case "--theme-path": "/t1:/t2"
        default: "some/value"
        }
    }

    @Test func everyFlagAsSwiftArgumentParserReadsIt() throws {
        for flag in BuildArguments.spellings.flags {
            let words = ["extra", flag, "-d", "out"]
            let fast = try #require(BuildArguments.parse(words, workingDirectory: Self.directory), "\(flag)")
            #expect(fast == Self.slow(words), "\(flag)")
        }
    }

    @Test func everyValueAsSwiftArgumentParserReadsIt() throws {
        for option in BuildArguments.spellings.values {
            let words = [option, Self.sample(option), "-q"]
            let fast = try #require(BuildArguments.parse(words, workingDirectory: Self.directory), "\(option)")
            #expect(fast == Self.slow(words), "\(option)")
            #expect(fast != BuildArguments.parse(["-q"], workingDirectory: Self.directory), "\(option) set nothing")
        }
    }

    @Test(arguments: [
        [], ["-s", "a", "-s", "b"], ["--watch", "--no-watch"], ["--no-watch", "-w"], ["-I", "--future", "--safe"],
        ["--limit_posts", "0"], ["-d", ""],
    ])
    func linesAsSwiftArgumentParserReadsThem(words: [String]) throws {
        let fast = try #require(BuildArguments.parse(words, workingDirectory: Self.directory))
        #expect(fast == Self.slow(words))
    }

    /// Left to swift-argument-parser: its own spellings, and its errors.
    @Test(arguments: [
        ["--source=x"], ["-qI"], ["--nope"], ["-d"], ["-d", "-q"], ["--limit_posts", "many"], ["--", "-q"], ["-"],
    ])
    func leftToSwiftArgumentParser(words: [String]) {
        #expect(BuildArguments.parse(words, workingDirectory: Self.directory) == nil)
    }

    /// Every long option `build --help` lists is read by the fast path.
    @Test func noOptionOfBuildIsMissing() {
        let help = BuildCommand.helpMessage(columns: 200)
        let listed = Set(help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "/" })
            .map(String.init).filter { $0.hasPrefix("--") && $0.count > 2 }
            .map { $0.split(separator: " ").first.map(String.init) ?? $0 })
        let known = Set(BuildArguments.spellings.flags + BuildArguments.spellings.values)
        let missing = listed.subtracting(known).subtracting(["--help", "--version"])
        #expect(!listed.isEmpty)
        #expect(missing.isEmpty, "\(missing.sorted())")
    }
}
