import Testing
@testable import Jekyll
import JekyllPlugins

/// Pages plugins generate — redirects, the sitemap, the feed — note what they read, so a rebuild
/// renders them only when that changed; and the documents `kyll serve` keeps between rebuilds
/// (`SourceCache`) must give what a full build gives.
extension IncrementalBuildTests {
    /// Five posts, each moved from an old URL; a sitemap; a feed of the two newest posts.
    static let redirectedBlog: [String: String] = {
        var files = IncrementalBuildTests.blog
        files["_config.yml"]! += "url: https://example.com\nplugins: [jekyll-feed, jekyll-sitemap, jekyll-redirect-from]\n"
            + "feed:\n  posts_limit: 2\n"
        for n in 1...5 {
            files["_posts/2024-0\(n)-01-p\(n).md"] = "---\nlayout: post\ntitle: P\(n)\nredirect_from: /old/p\(n)/\n---\nBody \(n).\n"
        }
        return files
    }()

    @Test func generatedPagesRenderOnlyWhenWhatTheyReadChanged() throws {
        let site = try Fixture(IncrementalBuildTests.redirectedBlog)
        let first = try site.build().rendered
        #expect(first.contains("old/p2/index.html") && first.contains("sitemap.xml") && first.contains("feed.xml"))

        try site.write("_posts/2024-02-01-p2.md", "---\nlayout: post\ntitle: P2\nredirect_from: /old/p2/\n---\nBody two, edited.\n")
        // Not among the feed's two posts: the redirects, the sitemap and the feed read nothing that changed.
        #expect(try site.build().rendered == ["2024/02/01/p2.html"])
        try site.destinationMatchesFullBuild("a body")

        try site.write("_posts/2024-05-01-p5.md", "---\nlayout: post\ntitle: P5\nredirect_from: /old/p5/\n---\nBody five, edited.\n")
        #expect(try site.build().rendered == ["2024/05/01/p5.html", "feed.xml"])
        try site.destinationMatchesFullBuild("a body the feed shows")

        try site.write("_posts/2024-02-01-p2.md", "---\nlayout: post\ntitle: P2, renamed\nredirect_from: /old/p2/\n---\nBody two, edited.\n")
        // Its neighbours and the index show its title; the sitemap and the feed read every post's fields.
        #expect(try site.build().rendered
            == ["2024/01/01/p1.html", "2024/02/01/p2.html", "2024/03/01/p3.html", "feed.xml", "index.html", "sitemap.xml"])
        try site.destinationMatchesFullBuild("a title")

        try site.write("_posts/2024-02-01-p2.md",
                       "---\nlayout: post\ntitle: P2, renamed\npermalink: /moved/\nredirect_from: /old/p2/\n---\nBody two, edited.\n")
        // The redirect page to it and redirects.json now name the new URL.
        let moved = try site.build().rendered
        #expect(moved.contains("old/p2/index.html") && moved.contains("redirects.json") && moved.contains("moved/index.html"))
        #expect(!moved.contains("old/p3/index.html"))
        try site.destinationMatchesFullBuild("a permalink a redirect points to")

        try site.write("_posts/2024-03-01-p3.md", "---\nlayout: post\ntitle: P3\nredirect_from: [/old/p3/, /older/p3/]\n---\nBody 3.\n")
        #expect(try site.build().rendered.contains("older/p3/index.html"))
        try site.destinationMatchesFullBuild("a new redirect")

        try site.write("_layouts/redirect.html", "<a href=\"{{ page.redirect.to }}\">moved</a>\n")
        #expect(try site.build().rendered.contains("old/p1/index.html"))
        try site.destinationMatchesFullBuild("the site's own redirect layout")

        try site.write("static.pdf", "%PDF\n")
        #expect(try site.build().rendered.contains("sitemap.xml"))
        try site.destinationMatchesFullBuild("a static file the sitemap lists")
    }

    /// `kyll serve` keeps the documents of unchanged files between rebuilds: their URLs, dates,
    /// excerpts and output paths must still be right when other files change around them.
    @Test func keptDocumentsStayRightAcrossRebuilds() throws {
        var files = IncrementalBuildTests.redirectedBlog
        files["_config.yml"] = "title: Blog\ntime: 2024-06-01 12:00:00\ntimezone: UTC\nurl: https://example.com\npaginate: 2\n"
            + "plugins: [jekyll-feed, jekyll-sitemap, jekyll-redirect-from, jekyll-paginate]\n"
        files["index.html"] = "---\n---\n{% for post in paginator.posts %}{{ post.title }}: {{ post.excerpt }}{% endfor %}"
        files["_posts/2024-04-01-p4.md"] = "---\nlayout: post\ntitle: P4\nredirect_from: /old/p4/\n---\nFour.\n<!--more-->\nRest.\n"
        let site = try Fixture(files)
        _ = try site.build()
        try site.write("_posts/2024-03-15-inserted.md", "---\nlayout: post\ntitle: Inserted\n---\nIn between.\n")
        try site.rebuildMatchesFullBuild("a post between kept ones: neighbours and pages shift")
        try site.remove("_posts/2024-01-01-p1.md")
        try site.rebuildMatchesFullBuild("the oldest post removed")
        try site.write("_posts/2024-04-01-p4.md", "---\nlayout: post\ntitle: P4\nredirect_from: /old/p4/\n---\nFour, again.\n<!--more-->\nRest.\n")
        try site.rebuildMatchesFullBuild("an excerpt edited")
        try site.rebuildMatchesFullBuild("nothing changed")
    }
}
