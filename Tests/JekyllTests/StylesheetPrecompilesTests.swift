import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// `StylesheetPrecompiles`: stylesheets compiled while the site is read are used only for the same
/// page, text and syntax; a stylesheet with Liquid is left to the render; and a build that uses them
/// writes what the render's own compile writes.
@Suite struct StylesheetPrecompilesTests {
    static let files: [String: String] = [
        "_config.yml": "title: Styles\n",
        "_sass/_colors.scss": "$ink: #123456;\n",
        "assets/css/main.scss": "---\n---\n@import \"colors\";\nbody { color: $ink; }\n",
        "assets/css/liquid.scss": "---\n---\nbody { width: {{ 3 | times: 2 }}px; }\n",
        "styles/plain.sass": "---\n---\na\n  margin: 0\n",
        "_drafts/hidden.scss": "---\n---\nb { c: d; }\n",
    ]

    /// The precompiles of a fresh site, with the walk finished, and the site's Sass conversion.
    static func precompiled(_ root: String) throws -> (StylesheetPrecompiles, SassConversion) {
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: Logger(sink: { _, _ in }))
        let sass = SassConversion(configuration: configuration, theme: nil)
        let precompiles = StylesheetPrecompiles()
        precompiles.start(configuration: configuration, sass: sass)
        return (precompiles, sass)
    }

    static func body(_ path: String) -> String {
        String(FrontMatterSplit.split(files[path]!)!.body)
    }

    @Test func takesOnlyTheSameTextAndSyntaxOnce() throws {
        let root = NSTemporaryDirectory() + "kyll-early-css-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (precompiles, sass) = try Self.precompiled(root)
        let text = Self.body("assets/css/main.scss")
        precompiles.waitForWalk()
        #expect(precompiles.isRegistered("assets/css/main.scss"))
        #expect(precompiles.take(relativePath: "assets/css/main.scss", text: text + " ", syntax: .scss) == nil,
                "other text: the render compiles")
        #expect(precompiles.isRegistered("assets/css/main.scss") == false, "a mismatch drops the guess")
        let (again, _) = try Self.precompiled(root)
        again.waitForWalk()
        #expect(again.isRegistered("styles/plain.sass"))
        #expect(!again.isRegistered("assets/css/liquid.scss"))
        let expected = try sass.convert(text, syntax: .scss, name: "main.scss", basename: "main", isPage: true,
                                        relativePath: "assets/css/main.scss", contentLine: 3)
        let early = again.take(relativePath: "assets/css/main.scss", text: text, syntax: .scss)
        #expect(early?.css == expected.css)
        #expect(early?.sourceMap == expected.sourceMap)
        #expect(early?.css.contains("#123456") == true)
        #expect(again.take(relativePath: "assets/css/main.scss", text: text, syntax: .scss) == nil, "handed out once")
        #expect(again.take(relativePath: "styles/plain.sass", text: Self.body("styles/plain.sass"), syntax: .scss) == nil,
                "another syntax")
        #expect(again.take(relativePath: "assets/css/liquid.scss", text: Self.body("assets/css/liquid.scss"), syntax: .scss) == nil,
                "Liquid is left to the render")
        #expect(again.isRegistered("_drafts/hidden.scss") == false, "folders the reader skips are not walked")
    }

    @Test func aBuildWritesWhatTheRenderCompiles() throws {
        let scratch = try StagedOutputsTests.Scratch(Self.files)
        try scratch.build()
        #expect(scratch.text("assets/css/main.css")?.contains("color: #123456") == true)
        #expect(scratch.text("assets/css/liquid.css")?.contains("width: 6px") == true)
        #expect(scratch.text("styles/plain.css")?.contains("margin: 0") == true)
        #expect(scratch.text("assets/css/main.css.map")?.contains("_colors.scss") == true)
    }
}
