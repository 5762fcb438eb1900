import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// jekyll-sitemap prints `last_modified_at` through `date_to_xmlschema`, so its `lastmod` is what
/// that filter prints in the site's zone: a timestamp too, and nothing but the tags for an empty
/// string (as Jekyll 4.3.1 with jekyll-sitemap 1.4 prints them, checked with Jekyll).
@Suite struct SitemapDatesTests {
    @Test func lastModifiedIsPrintedAsTheFilterPrintsIt() throws {
        let scratch = try StagedOutputsTests.Scratch([
            "_config.yml": "timezone: America/New_York\nplugins:\n  - jekyll-sitemap\nurl: https://x.org\n",
            "a.html": "---\nlast_modified_at: 1577977200\n---\nx\n",
            "b.html": "---\nlast_modified_at: \"2020-01-02 10:00:00\"\n---\n{{ page.last_modified_at | date_to_xmlschema }}\n",
            "c.html": "---\nlast_modified_at: \"\"\n---\nx\n",
            "d.html": "---\nlast_modified_at: 2020-01-03\n---\nx\n",
            "e.html": "---\nlast_modified_at: \"2020-02-30\"\n---\nx\n",
        ])
        try scratch.build()
        // The filter itself, in the site's zone whatever this process's zone is.
        #expect(scratch.text("b.html") == "2020-01-02T10:00:00-05:00\n")
        let sitemap = try #require(scratch.text("sitemap.xml"))
        let entries = sitemap.components(separatedBy: "<url>\n").dropFirst()
            .map { $0.replacingOccurrences(of: "</urlset>\n", with: "") }
        #expect(entries == [
            "<loc>https://x.org/a.html</loc>\n<lastmod>2020-01-02T10:00:00-05:00</lastmod>\n</url>\n",
            "<loc>https://x.org/b.html</loc>\n<lastmod>2020-01-02T10:00:00-05:00</lastmod>\n</url>\n",
            "<loc>https://x.org/c.html</loc>\n<lastmod></lastmod>\n</url>\n",
            "<loc>https://x.org/d.html</loc>\n<lastmod>2020-01-03T00:00:00-05:00</lastmod>\n</url>\n",
            "<loc>https://x.org/e.html</loc>\n<lastmod>2020-03-01T00:00:00-05:00</lastmod>\n</url>\n",
        ])
    }

    /// A day past the month's end runs into the next month, as Ruby's `Time.parse` reads it: in a
    /// post's date (Jekyll 4.3.1 writes `date: 2020-02-30` to `/2020/03/01/`) and its `lastmod`.
    @Test func aDayPastTheMonthsEndRunsIntoTheNext() throws {
        let scratch = try StagedOutputsTests.Scratch([
            "_config.yml": "plugins:\n  - jekyll-sitemap\nurl: https://x.org\ntimezone: UTC\n",
            "_posts/2020-01-01-a.md": "---\ndate: 2020-02-30\nlast_modified_at: \"2020-04-31 10:00:00\"\n---\nx\n",
        ])
        try scratch.build()
        #expect(scratch.text("2020/03/01/a.html") == "<p>x</p>\n")
        #expect(scratch.text("sitemap.xml")?.contains("<lastmod>2020-05-01T10:00:00+00:00</lastmod>") == true)
    }

    /// A `last_modified_at` that is no date fails the build, as the template's `date_to_xmlschema`
    /// fails Jekyll's (exit 1, `Liquid Exception: Invalid Date: … in sitemap.xml`); a date-like string
    /// out of range is none either. The error points at the value, in front matter or in `defaults`.
    @Test(arguments: [
        ("p.html", "---\ntitle: x\nlast_modified_at: notadate\n---\nx\n", "'\"notadate\"'", "p.html", 3),
        ("_posts/2020-01-01-a.md", "---\nlast_modified_at: [1, 2]\n---\nx\n", "'[1, 2]'", "_posts/2020-01-01-a.md", 2),
        ("q.html", "---\nlast_modified_at: \"2020-13-45\"\n---\nx\n", "'\"2020-13-45\"'", "q.html", 2),
        ("d.html", "---\n---\nx\n", "'true'", "_config.yml", 8),
    ])
    func invalidLastModifiedFailsTheBuild(path: String, text: String, shown: String, at: String, line: Int) throws {
        let scratch = try StagedOutputsTests.Scratch([
            "_config.yml": "plugins:\n  - jekyll-sitemap\nurl: https://x.org\ndefaults:\n  - scope:\n      path: d.html\n    values:\n      last_modified_at: true\n",
            path: text,
        ])
        do {
            try scratch.build()
            Issue.record("built with an invalid last_modified_at")
        } catch let error as BuildError {
            let message = "Invalid Date: \(shown) is not a valid datetime."
            #expect(error.message == message)
            #expect(error.location?.path == at)
            #expect(error.location?.line == line)
            #expect(error.jekyllLine?.message == message + " in sitemap.xml")
        }
    }

    /// jekyll-feed prints `post.last_modified_at | default: post.date | date_to_xmlschema` the
    /// same way: a timestamp is a time (kyll printed the post's date), and what is no date fails
    /// the build naming feed.xml (as Jekyll 4.3.1 with jekyll-feed 0.17 does).
    @Test func feedUpdatedIsPrintedAsTheFilterPrintsIt() throws {
        let config = "timezone: America/New_York\nplugins:\n  - jekyll-feed\nurl: https://x.org\n"
        let scratch = try StagedOutputsTests.Scratch([
            "_config.yml": config,
            "_posts/2020-01-01-a.md": "---\nlast_modified_at: 1577977200\n---\nx\n",
        ])
        try scratch.build()
        #expect(scratch.text("feed.xml")?.contains("<updated>2020-01-02T10:00:00-05:00</updated>") == true)
        let failing = try StagedOutputsTests.Scratch([
            "_config.yml": config,
            "_posts/2020-01-01-a.md": "---\nlast_modified_at: notadate\n---\nx\n",
        ])
        do {
            try failing.build()
            Issue.record("built a feed with an invalid last_modified_at")
        } catch let error as BuildError {
            #expect(error.location == FileLocation(path: "_posts/2020-01-01-a.md", line: 2, column: 19))
            #expect(error.jekyllLine?.message == "Invalid Date: '\"notadate\"' is not a valid datetime. in feed.xml")
        }
    }
}
