import Foundation
import Testing
@testable import Jekyll

/// The reader tells folders by the listing's entry types and looks for `_posts` only where a
/// folder lists one: posts in nested and linked `_posts` folders are still read, and a file
/// named `_posts` or a link to a file is not taken for a folder.
@Suite struct SiteReaderTests {
    @Test func readsPostsWhereverAFolderListsThem() throws {
        let root = NSTemporaryDirectory() + "kyll-site-reader-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = Path.join(root, "site")
        let post = "---\nlayout: none\n---\npost\n"
        try SiteRebuilderTests.Fixture.write(Path.join(site, "_config.yml"), "title: t\n")
        try SiteRebuilderTests.Fixture.write(Path.join(site, "_posts/2024-01-01-top.md"), post)
        try SiteRebuilderTests.Fixture.write(Path.join(site, "news/_posts/2024-02-01-nested.md"), post)
        try SiteRebuilderTests.Fixture.write(Path.join(root, "kept/_posts/2024-03-01-linked.md"), post)
        try SiteRebuilderTests.Fixture.write(Path.join(site, "flat/_posts"), "not a folder\n")
        try SiteRebuilderTests.Fixture.write(Path.join(site, "flat/page.md"), "---\n---\npage\n")
        try FileManager.default.createSymbolicLink(atPath: Path.join(site, "mirror"), withDestinationPath: Path.join(root, "kept"))
        try FileManager.default.createSymbolicLink(atPath: Path.join(site, "notes"), withDestinationPath: "flat/page.md")
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        _ = try SiteBuild.build(configuration, plugins: [], logger: logger)
        let out = Path.join(site, "_site")
        #expect(FileSystem.isFile(Path.join(out, "2024/01/01/top.html")))
        #expect(FileSystem.isFile(Path.join(out, "news/2024/02/01/nested.html")))
        #expect(FileSystem.isFile(Path.join(out, "mirror/2024/03/01/linked.html")))
        #expect(FileSystem.isFile(Path.join(out, "flat/page.html")))
        // A link to a page is a page of its own, not a folder.
        #expect(FileSystem.isFile(Path.join(out, "notes")))
    }

    /// Each `_posts` folder's posts are told as soon as they are read, before the reader goes on.
    @Test func tellsOfEachFoldersPostsWhenRead() throws {
        let root = NSTemporaryDirectory() + "kyll-site-reader-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = Path.join(root, "site")
        try SiteRebuilderTests.Fixture.write(Path.join(site, "_config.yml"), "title: t\n")
        try SiteRebuilderTests.Fixture.write(Path.join(site, "_posts/2024-01-01-top.md"), "---\n---\ntop\n")
        try SiteRebuilderTests.Fixture.write(Path.join(site, "_posts/2024-01-02-second.md"), "---\n---\nsecond\n")
        try SiteRebuilderTests.Fixture.write(Path.join(site, "news/_posts/2024-02-01-nested.md"), "---\n---\nnested\n")
        try SiteRebuilderTests.Fixture.write(Path.join(site, "page.md"), "---\n---\npage\n")
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: [], logger: logger)
        var read = setup.site
        var reader = SiteReader(logger: logger)
        var told: [[String]] = []
        reader.postsRead = { posts in told.append(posts.map(\.relativePath).sorted()) }
        try reader.read(&read)
        #expect(told.sorted { $0.count < $1.count } == [["news/_posts/2024-02-01-nested.md"],
                                                        ["_posts/2024-01-01-top.md", "_posts/2024-01-02-second.md"]])
    }
}
