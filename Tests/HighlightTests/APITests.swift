import Foundation
import Testing
@testable import Highlight
import Markdown

@Suite struct LookupTests {
    @Test(arguments: [
        ("python", "python"), ("py", "python"), ("text", "plaintext"), ("plaintext", "plaintext"),
        ("python?foo=bar", "python"),
    ])
    func findsByTagOrAlias(name: String, tag: String) {
        #expect(Highlighter.lexer(for: name)?.name == tag)
    }

    @Test(arguments: ["Python", "PY", "nosuchlang", "", "?", "asn.1", "guess"])
    func unknownNamesHaveNoLexer(name: String) {
        #expect(Highlighter.lexer(for: name) == nil)
        if name != "guess" { #expect(Highlighter.highlight("x", language: name) == nil) }
    }

    @Test func guessNeedsTheCode() {
        #expect(Highlighter.lexer(for: "guess", code: "#!/bin/sh\necho") == .shell)
        #expect(Highlighter.lexer(for: "guess?x=1", code: "plain words") == .plainText)
        #expect(Highlighter.lexer(for: "ruby", code: "") == .ruby)
        #expect(Highlighter.lexer(for: "Ruby", code: "") == nil)
    }

    /// `Fixtures/lexer-names.txt` (written by `generate.rb`): Rouge 3.30's tag and aliases for
    /// each lexer the samples use.
    static var rougeNames: [[String]] {
        Fixtures.read(Fixtures.root.deletingLastPathComponent().appendingPathComponent("lexer-names.txt"))
            .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    @Test(arguments: rougeNames)
    func answersToRougesNames(names: [String]) throws {
        let tag = try #require(names.first)
        let lexer = try #require(Highlighter.lexer(for: tag), "no lexer \(tag)")
        #expect(lexer.name == tag)
        #expect(Set(lexer.aliases) == Set(names.dropFirst()).subtracting([tag]))
        for alias in names.dropFirst() { #expect(Highlighter.lexer(for: alias) == lexer, "\(alias)") }
    }

    /// The Markdown module keeps its own table of every Rouge name (it cannot import this
    /// module); where the two overlap they must agree.
    @Test(arguments: Highlighter.allLexers.map(\.name))
    func markdownsRougeNamesAgree(tag: String) throws {
        let lexer = try #require(Highlighter.lexer(for: tag))
        for name in [tag] + lexer.aliases {
            #expect(PlainCodeHighlighter().lexer(for: name) == tag, "\(name)")
        }
    }

    @Test func issueLanguagesAreAllThere() {
        #expect(Self.rougeNames.count >= 30)
        for name in ["plaintext", "python", "ruby", "javascript", "typescript", "json", "yaml", "shell", "bash",
                     "console", "html", "xml", "css", "scss", "c", "cpp", "java", "go", "rust", "swift", "sql",
                     "markdown", "diff", "dockerfile", "toml", "ini", "makefile", "latex", "r", "matlab", "julia",
                     "liquid"] {
            #expect(Highlighter.lexer(for: name) != nil, "\(name)")
            #expect(!Fixtures.samples(name).isEmpty || Self.rougeNames.contains { $0.contains(name) }, "\(name)")
        }
    }

    @Test func everyNameIsRegisteredOnce() {
        var seen = Set<String>()
        for lexer in Highlighter.allLexers {
            for name in [lexer.name] + lexer.aliases {
                #expect(seen.insert(name).inserted, "\(name) registered twice")
            }
        }
    }
}

@Suite struct FormatterTests {
    @Test func escapesOnlyAmpersandAndAngleBrackets() {
        #expect(Highlighter.escape(#"a < b && c > "d" 'e'"#) == #"a &lt; b &amp;&amp; c &gt; "d" 'e'"#)
        #expect(Highlighter.highlight("x < y & \"z\"\n", language: "text") == "x &lt; y &amp; \"z\"\n")
    }

    @Test func emptyCodeGivesEmptyHTML() {
        #expect(Highlighter.highlight("", language: "python") == "")
    }

    @Test func mergesConsecutiveTokensOfOneType() throws {
        let python = try #require(Highlighter.lexer(for: "python"))
        // `0` and `123` are lexed as two integers; Rouge merges them into one span.
        #expect(python.highlight("0123") == #"<span class="mi">0123</span>"#)
        #expect(python.tokens("0123").count == 1)
    }

    static let tablesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tables")

    static var tableSamples: [String] {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: tablesRoot.path)) ?? []).flatMap { lang in
            ((try? fm.contentsOfDirectory(atPath: tablesRoot.appendingPathComponent(lang).path)) ?? [])
                .filter { !$0.hasSuffix(Fixtures.expectedSuffix) }.map { "\(lang)/\($0)" }
        }.sorted()
    }

    @Test(arguments: tableSamples)
    func tableMatchesRouge(sample: String) throws {
        let url = Self.tablesRoot.appendingPathComponent(sample)
        let lang = url.deletingLastPathComponent().lastPathComponent
        let lexer = try #require(Highlighter.lexer(for: lang))
        let code = Fixtures.read(url)
        #expect(RougeTable.jekyllTag.wrap(lexer.highlight(code)) == Fixtures.read(URL(fileURLWithPath: url.path + Fixtures.expectedSuffix)))
    }

    @Test func tableHonoursStartLineAndClasses() throws {
        let text = try #require(Highlighter.lexer(for: "text"))
        let table = RougeTable(startLine: 9, tableClass: "t", gutterClass: "g", codeClass: "c")
        #expect(table.wrap(text.highlight("a\nb"))
            == #"<table class="t"><tbody><tr><td class="g gl"><pre class="lineno">9"# + "\n10\n"
            + #"</pre></td><td class="c"><pre>a"# + "\nb\n</pre></td></tr></tbody></table>")
    }
}

@Suite struct RobustnessTests {
    /// Deterministic pseudo-random inputs mixing code-like bytes, newlines and non-ASCII text.
    static func noise(_ seed: UInt64, length: Int) -> String {
        var state = seed &+ 0x9E3779B97F4A7C15
        let alphabet = Array(#" \n\t{}[]()<>"'`$#@%^&*-+=/\|;:,.!?~_aZ09xeE"#.unicodeScalars) + ["é", "π", "😀", "\u{A0}"]
        var out = String.UnicodeScalarView()
        for _ in 0..<length {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            out.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
        }
        return String(out)
    }

    @Test(arguments: Highlighter.allLexers.map(\.name))
    func everyByteComesOutOnceAndLexingEnds(name: String) throws {
        let lexer = try #require(Highlighter.lexer(for: name))
        for seed in 0..<40 {
            let input = Self.noise(UInt64(seed), length: 300)
            let joined = lexer.tokens(input).map(\.text).joined()
            #expect(joined == input, "seed \(seed)")
        }
    }

    @Test func highlightsFromManyThreadsAtOnce() async throws {
        let python = try #require(Highlighter.lexer(for: "python"))
        let code = "def f(x):\n    return f'{x!r}' + 1\n"
        let expected = python.highlight(code)
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<64 { group.addTask { python.highlight(code) } }
            var all: [String] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}

@Suite struct CharSetTests {
    static func same(_ a: CharSet, _ b: CharSet) -> Bool {
        (0...255).allSatisfy { a.contains(UInt8($0)) == b.contains(UInt8($0)) }
    }

    @Test func sharedMasksMatchTheirPatterns() {
        let table: [(CharSet, CharSet)] = [
            (.digit, CharSet("0-9")), (.word, CharSet("a-zA-Z0-9_")), (.alpha, CharSet("a-zA-Z")),
            (.space, CharSet(" \t\n\u{0B}\u{0C}\r")), (.hex, CharSet("0-9a-fA-F")), (.spaceOrTab, CharSet(" \t")),
            (.spaceOnly, CharSet(" ")), (.newline, CharSet("\n")), (.identifierStart, CharSet("a-zA-Z_")),
            (.wordOrDash, CharSet("a-zA-Z0-9_-")), (.octal, CharSet("0-7")), (.binary, CharSet("01")),
            (.upper, CharSet("A-Z")), (.lower, CharSet("a-z")), (.alnum, CharSet("a-zA-Z0-9")),
            (.blank, CharSet(" \t\u{0B}\u{0C}\r")),
        ]
        for (mask, pattern) in table { #expect(Self.same(mask, pattern)) }
    }

    @Test func patternSyntax() {
        let set = CharSet("-a-cx-")
        #expect("-abcx".utf8.allSatisfy(set.contains))
        #expect(!set.contains(UInt8(ascii: "d")))
        #expect(CharSet("!-#").contains(UInt8(ascii: "\"")))
    }
}
