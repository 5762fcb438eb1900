import Foundation
@testable import Sass
import Testing

/// The guard reads the one file libsass would import and hands it over; the CSS, the source map
/// and the included files must come out exactly as from libsass's own look-up (`restrictImports`
/// off), and anything the guard cannot vouch for is left to libsass.
@Suite struct ImportLoadingTests {
    static let files = [
        "site/_sass/_ok.scss": ".ok { a: b; }\n",
        "site/_sass/_nest.scss": "@import 'ok';\n.nest { c: d; }\n",
        "site/_sass/comp/_index.scss": ".comp { e: f; }\n",
        "site/_sass/_plain.css": ".plain { g: h; }\n",
        "site/_sass/_indented.sass": ".indented\n  i: j\n",
        "site/_sass/_queries.scss": "@import \"ok\" screen;\n.queries { k: l; }\n",
        "site/_sass/_both.scss": ".both-scss { m: n; }\n",
        "site/_sass/_both.sass": ".both-sass\n  m: n\n",
        "site/_local.scss": ".local { o: p; }\n",
    ]

    static let sources = [
        "@import \"ok\";\n.x { y: z; }\n",
        "@import \"nest\", 'local';\n@import \"comp\";\n",
        "@import \"plain\";\n@import \"indented\";\n",
        "@import \"ok\" screen;\n@import \"nest\";\n",
        "/* @import \"ok\" print; */\n@import \"nest\";\n",
        "@import \"queries\";\n",
        "@import \"ok\";\n.x { @import \"nest\"; }\n@import \"ok\";\n",
        "@import \"both\";\n",
        "@import \"nowhere\";\n",
    ]

    @Test(arguments: sources)
    func loadedImportsCompileAsLibsassLoadsThem(source: String) throws {
        try SassErrorTests.withFiles(Self.files) { root in
            var options = SassOptions(style: .compact, loadPaths: [root + "/site/_sass"], inputPath: root + "/site/main.scss",
                                      outputPath: root + "/site/main.css", sourceComments: true)
            options.sourceMap = SassOptions.SourceMap(file: root + "/site/main.css.map", includeContents: true)
            var open = options
            open.restrictImports = false
            switch (Result { try Sass.compile(source, options: open) }, Result { try Sass.compile(source, options: options) }) {
            case (.success(let expected), .success(let actual)):
                #expect(actual.css == expected.css)
                #expect(actual.sourceMap == expected.sourceMap)
                #expect(actual.includedFiles == expected.includedFiles)
            case (.failure(let expected as SassError), .failure(let actual as SassError)):
                #expect(actual.message == expected.message)
                #expect(actual.file == expected.file && actual.line == expected.line && actual.column == expected.column)
            default:
                Issue.record("one compile failed, the other did not")
            }
        }
    }

    /// What the guard does with each import: loads plain ones, leaves the rest to libsass.
    @Test func loadsOnlyWhatItCanVouchFor() throws {
        try SassErrorTests.withFiles(Self.files) { root in
            let input = root + "/site/main.scss"
            let options = SassOptions(loadPaths: [root + "/site/_sass"], inputPath: input)
            let plain = ImportGuard(options: options, input: "@import \"ok\", \"indented\", \"plain\";\n")
            #expect(plain.decision(importing: "ok", from: input)
                    == .load(path: root + "/site/_sass/_ok.scss", contents: Array(".ok { a: b; }\n".utf8) + [0, 0]))
            #expect(plain.decision(importing: "plain", from: input)
                    == .load(path: root + "/site/_sass/_plain.css", contents: Array(".plain { g: h; }\n".utf8) + [0, 0]))
            // Indented Sass (converted as libsass reads it), several candidates, none.
            #expect(plain.decision(importing: "indented", from: input) == .decline)
            #expect(plain.decision(importing: "both", from: input) == .decline)
            #expect(plain.decision(importing: "nowhere", from: input) == .decline)
            // A loaded file's own imports are loaded when plain.
            #expect(plain.decision(importing: "nest", from: input) != .decline)
            #expect(plain.decision(importing: "ok", from: root + "/site/_sass/_nest.scss") != .decline)
            #expect(plain.decision(importing: "queries", from: input) != .decline)
            #expect(plain.decision(importing: "ok", from: root + "/site/_sass/_queries.scss") == .decline)
            // An input with media queries on any import, or in indented syntax.
            let queries = ImportGuard(options: options, input: "@import \"ok\";\n@import \"local\" print;\n")
            #expect(queries.decision(importing: "ok", from: input) == .decline)
            var indented = options
            indented.syntax = .indented
            #expect(ImportGuard(options: indented, input: "@import ok\n").decision(importing: "ok", from: input) == .decline)
        }
    }

    static let texts: [(String, Bool)] = [
        ("", true),
        (".a { b: c; }", true),
        ("@import \"a\";", true),
        ("@import 'a', \"b/c\" ;\n@import \"d\"", true),
        (".x { @import \"a\" }", true),
        ("@IMPORT \"a\";", true),
        ("@import \"a\" screen;", false),
        ("@import url(a.css);", false),
        ("@import \"a\" /* why */;", false),
        ("// @import \"a\" print;\n", false),
        ("@import \"#{$name}\";", false),
        ("@import \"a\\\"b\";", false),
        ("@import \"a", false),
        ("@imports \"a\";", false),
        ("@import\n  \"a\",\n  \"b\";", true),
    ]

    @Test(arguments: texts)
    func plainImports(text: String, plain: Bool) {
        var text = text
        #expect(text.withUTF8 { PlainImports.inText(UnsafeRawBufferPointer($0)) } == plain)
    }
}
