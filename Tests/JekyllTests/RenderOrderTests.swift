import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// Stylesheets without Liquid start before the other documents (libsass is a small site's longest
/// job); everything else keeps the render order.
@Suite struct RenderOrderTests {
    @Test(arguments: [
        ([], [0, 1, 2, 3, 4]),
        ([3], [3, 0, 1, 2, 4]),
        ([4, 1], [4, 1, 0, 2, 3]),
    ])
    func startOrder(leading: [Int], expected: [Int]) {
        let state = RenderState(count: 5, leading: leading)
        var order: [Int] = []
        while let id = state.nextDocument() { order.append(id) }
        #expect(order == expected)
    }

    /// Which documents of a built site may start early.
    @Test func onlyStylesheetsWithoutLiquid() throws {
        let root = NSTemporaryDirectory() + "kyll-order-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "_config.yml": "title: Order\n",
            "index.md": "---\n---\n# Home\n",
            "assets/plain.scss": "---\n---\nbody { color: red; }\n",
            "assets/liquid.scss": "---\n---\nbody { color: {{ site.title | size }}; }\n",
            "assets/script.js": "---\n---\nvar a = 1;\n",
        ]
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger)
        var site = setup.site
        try SiteReader(logger: logger).read(&site)
        let early = site.pages.filter(\.neverWaitsForOthers).map(\.name)
        #expect(early == ["plain.scss"])
        try SiteBuild.build(configuration, plugins: JekyllPlugins.all, logger: logger)
        let css = String(decoding: try FileSystem.read(Path.join(root, "site/_site/assets/liquid.css")), as: UTF8.self)
        #expect(css.contains("color: 5"))
    }
}
