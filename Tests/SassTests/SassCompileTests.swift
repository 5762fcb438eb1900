import Sass
import Testing

@Suite struct SassCompileTests {
    static let source = ".a { .b { width: (10px / 3); } }"

    @Test(arguments: [
        (SassOptions.OutputStyle.nested, ".a .b {\n  width: 3.3333333333px; }\n"),
        (.expanded, ".a .b {\n  width: 3.3333333333px;\n}\n"),
        (.compact, ".a .b { width: 3.3333333333px; }\n"),
        (.compressed, ".a .b{width:3.3333333333px}\n"),
    ])
    func outputStyles(style: SassOptions.OutputStyle, expected: String) throws {
        #expect(try Sass.compile(Self.source, options: SassOptions(style: style)).css == expected)
    }

    /// Jekyll strips this mark (or swaps in `@charset "UTF-8";` with `add_charset`).
    @Test func compressedNonASCIIStartsWithAByteOrderMark() throws {
        let source = "a { content: \"é\"; }"
        #expect(try Sass.compile(source, options: SassOptions(style: .compressed)).css == "\u{FEFF}a{content:\"é\"}\n")
        #expect(try Sass.compile(source, options: SassOptions(style: .expanded)).css
                == "@charset \"UTF-8\";\na {\n  content: \"é\";\n}\n")
    }

    @Test func precisionAndIndentedSyntax() throws {
        let options = SassOptions(syntax: .indented, style: .compact, precision: 3)
        #expect(try Sass.compile(".a\n  .b\n    width: (10px / 3)\n", options: options).css == ".a .b { width: 3.333px; }\n")
    }

    @Test func embeddedSourceMapAndRoot() throws {
        let map = SassOptions.SourceMap(file: "/out/a.css.map", embed: true, root: "/src/")
        let output = try Sass.compile(Self.source, options: SassOptions(inputPath: "/src/a.scss", sourceMap: map))
        #expect(output.css.contains("/*# sourceMappingURL=data:application/json;base64,"))
        #expect(output.sourceMap?.contains("\"sourceRoot\": \"/src/\"") == true)
    }

    /// What Jekyll's `scssify` filter asks for: an empty map file, so no map at all.
    @Test func emptyMapFileMeansNoMap() throws {
        let options = SassOptions(style: .compact, inputPath: "stdin", outputPath: "stdin.css",
                                  sourceMap: SassOptions.SourceMap(file: "", includeContents: true, omitURL: true))
        let output = try Sass.compile(Self.source, options: options)
        #expect(output.css == ".a .b { width: 3.3333333333px; }\n")
        #expect(output.sourceMap == nil)
    }

    @Test func noSourceMapUnlessAsked() throws {
        let output = try Sass.compile(Self.source)
        #expect(output.sourceMap == nil)
        #expect(!output.css.contains("sourceMappingURL"))
    }

    @Test func compilesInParallelWithTheSameResult() async throws {
        let source = String(repeating: "@mixin m($x) { width: $x * 2; }\n.c { @include m(3px); &:hover { color: darken(#abc, 5%); } }\n", count: 50)
        let options = SassOptions(style: .expanded, inputPath: "/tmp/p.scss",
                                  sourceMap: SassOptions.SourceMap(file: "/tmp/p.css.map", includeContents: true))
        let expected = try Sass.compile(source, options: options)
        try await withThrowingTaskGroup(of: SassOutput.self) { group in
            for _ in 0..<64 { group.addTask { try Sass.compile(source, options: options) } }
            for try await output in group { #expect(output == expected) }
        }
    }

    @Test func linksLibsass365() {
        // The golden files were made with Debian's 3.6.5, the libsass sassc-ruby uses there.
        #expect(Sass.libsassVersion.hasPrefix("3.6.5"))
    }
}
