import Foundation
import Liquid
import Testing
@testable import Jekyll
import JekyllPlugins

/// A small site is rendered and written on the build's own thread, a larger one on all its cores.
@Suite struct SmallSiteWorkersTests {
    @Test(arguments: [(pages: 3, posts: 0, bytesEach: 100, staticFiles: 0, workers: 1), (10, 5, 1_000, 48, 1),
                      (10, 6, 100, 0, 2), (3, 0, 30_000, 0, 2), (0, 40, 100, 0, 2), (10, 5, 100, 49, 2)])
    func aSmallSiteHasOneWorker(pages: Int, posts: Int, bytesEach: Int, staticFiles: Int, workers: Int) throws {
        let root = NSTemporaryDirectory() + "kyll-small-site-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try SiteRebuilderTests.Fixture.write(Path.join(root, "site/_config.yml"), "title: Small\n")
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger, cores: 2)
        var site = setup.site
        let text = String(repeating: "x", count: bytesEach)
        site.pages = (0..<pages).map { site.generatedPage(dir: "", name: "p\($0).md", content: text, data: OrderedHash()) }
        let postsAt = try #require(site.collectionIndex("posts"))
        site.collections[postsAt].docs = (0..<posts).map {
            site.generatedPage(dir: "_posts", name: "2020-01-01-p\($0).md", content: text, data: OrderedHash())
        }
        site.staticFiles = (0..<staticFiles).map {
            StaticFile(path: Path.join(site.source, "images/i\($0).png"), relativePath: "/images/i\($0).png", name: "i\($0).png",
                       extname: ".png", collection: nil, url: "/images/i\($0).png", data: OrderedHash(),
                       modificationTime: site.time, isWritten: true)
        }
        #expect(setup.workers(rendering: site) == workers)
    }
}
