import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// A stylesheet page compiled while the site is read stands in for the render's own compile only
/// when the render would compile exactly the same text.
@Suite struct EarlyStylesheetsTests {
    @Test(arguments: [
        ("a { color: red; }", false),
        ("a { b { c: d } }", false),
        ("a { color: { red } }", false),
        ("a { color: {{ site.color }}; }", true),
        ("{% if true %}a { b: c }{% endif %}", true),
        ("a{{b", true),
        ("", false),
    ])
    func liquidMarkupIsAnOutputOrATagOpening(text: String, holds: Bool) {
        #expect(EarlyStylesheets.holdsLiquidMarkup(text) == holds)
    }

    static let files = [
        "_config.yml": "title: Styles\ncolor: teal\nexclude: [skipped]\n",
        "assets/css/deep.scss": "---\n---\n@import \"shared\";\n.deep { width: $width; }\n",
        "skipped/excluded.scss": "---\n---\n.excluded { a: b }\n",
        "_drafts/hidden.scss": "---\n---\n.hidden { a: b }\n",
        "_sass/_shared.scss": "$width: 10px;\n",
        "plain.scss": "---\n---\n@import \"shared\";\n.plain { width: $width; }\n",
        "liquid.scss": "---\n---\n@import \"shared\";\n.liquid { color: {{ site.color }}; width: $width; }\n",
        "indented.sass": "---\n---\n.indented\n  color: red\n",
    ]

    /// The pages as the build reads them, each offered to the early compiler as the build does.
    static func readPages(_ root: String) throws -> (ContentConverters, [String: Document]) {
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger)
        var site = setup.site
        var reader = SiteReader(logger: logger)
        reader.pageRead = setup.converters.earlyStylesheets.starter(for: site.converters)
        try reader.read(&site)
        return (setup.converters, Dictionary(uniqueKeysWithValues: site.pages.map { ($0.name, $0) }))
    }

    @Test func onlyTheSameInputTakesTheEarlyResult() throws {
        let root = NSTemporaryDirectory() + "kyll-early-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (converters, pages) = try Self.readPages(root)
        let early = converters.earlyStylesheets
        let plain = try #require(pages["plain.scss"]), indented = try #require(pages["indented.sass"])
        let compiled = try #require(early.result(for: plain.content, syntax: .scss, page: plain))
        #expect(compiled.css == (try converters.sass.convert(plain.content, syntax: .scss, page: plain)).css)
        #expect(compiled.css.contains("width: 10px"))
        #expect(early.result(for: indented.content, syntax: .sass, page: indented)?.css.contains("color: red") == true)
        // Another text, another syntax or another page compiles afresh.
        #expect(early.result(for: plain.content + "\n.more { a: b }", syntax: .scss, page: plain) == nil)
        #expect(early.result(for: plain.content, syntax: .sass, page: plain) == nil)
        var renamed = plain
        renamed.name = "other.scss"
        #expect(early.result(for: plain.content, syntax: .scss, page: renamed) == nil)
        // Liquid may change the text: not compiled early.
        let liquid = try #require(pages["liquid.scss"])
        #expect(early.result(for: liquid.content, syntax: .scss, page: liquid) == nil)
    }

    /// The walk started before reading finds the stylesheets the reader will read (in any folder the
    /// reader enters), and nothing in excluded or special folders.
    @Test func theWalkBeforeReadingStartsWhatTheReaderWillRead() throws {
        let root = NSTemporaryDirectory() + "kyll-early-walk-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in Self.files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger)
        let early = setup.converters.earlyStylesheets
        early.startLooking(configuration: setup.site.configuration)
        early.waitUntilLooked()
        var site = setup.site
        try SiteReader(logger: logger).read(&site)  // no hook: only the walk started anything
        let pages = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.relativePath, $0) })
        for (path, syntax) in [("assets/css/deep.scss", ConverterKind.scss), ("plain.scss", .scss), ("indented.sass", .sass)] {
            let page = try #require(pages[path])
            #expect(early.result(for: page.content, syntax: syntax, page: page) != nil, "\(path)")
        }
        let liquid = try #require(pages["liquid.scss"])
        #expect(early.result(for: liquid.content, syntax: .scss, page: liquid) == nil)
        #expect(pages["skipped/excluded.scss"] == nil)
        for path in ["skipped/excluded.scss", "_drafts/hidden.scss", "liquid.scss"] {
            #expect(!early.hasStarted(path: Path.join(setup.site.configuration.source, path)), "\(path)")
        }
        #expect(early.hasStarted(path: Path.join(setup.site.configuration.source, "assets/css/deep.scss")))
    }

    @Test func stylesheetsBuildTheSameWithAndWithoutLiquid() throws {
        let out = try SiteRebuilderTests.Fixture.buildOnce(Self.files)
        #expect(out["plain.css"]?.contains(".plain { width: 10px; }") == true)
        #expect(out["liquid.css"]?.contains(".liquid { color: teal; width: 10px; }") == true)
        #expect(out["indented.css"]?.contains(".indented { color: red; }") == true)
        #expect(out["assets/css/deep.css"]?.contains(".deep { width: 10px; }") == true)
        #expect(out["skipped/excluded.css"] == nil)
    }
}
