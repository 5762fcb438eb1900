import Foundation
import Testing

/// `kyll doctor`'s link check on a site with planted broken links, and on this repository's site.
@Suite struct DoctorTests {
    static let site = """
        -- _config.yml --
        url: https://example.com
        baseurl: /proj
        plugins: [jekyll-feed]
        -- _layouts/default.html --
        <html><head><link rel="stylesheet" href="{{ '/assets/app.css' | relative_url }}">{% feed_meta %}</head>
        <body>{{ content }}</body></html>
        -- assets/app.css --
        body {}
        -- index.md --
        ---
        layout: default
        ---
        [About](about/) [About again]({{ '/about' | relative_url }}) [Post]({{ site.posts[0].url | relative_url }})
        [Missing](missing.html) [Mail](mailto:a@b.c) [Elsewhere](https://other.org/x) [Top](#top)

        ![Gone]({{ '/images/gone.png' | relative_url }})
        -- about.md --
        ---
        layout: default
        permalink: /about/
        ---
        [Home](../) [Absolute](https://example.com/proj/nothing/) [Root](/about/)
        -- _posts/2020-01-01-hello.md --
        ---
        layout: default
        ---
        [Home]({{ '/' | relative_url }}) [Feed]({{ '/feed.xml' | absolute_url }}) [Sibling](other.html)
        """

    @Test func findsThePlantedBrokenLinks() throws {
        let folder = try TemporaryDirectory("kyll-doctor")
        try FixtureSite(Self.site).write(into: folder.url)
        let result = KyllRunner.run(["doctor"], in: folder.url)
        #expect(result.status == 1)
        let broken = result.standardError.withoutColors.split(separator: "\n")
            .filter { $0.contains("Broken link:") }
            .map { String($0.drop { $0 == " " }) }
        #expect(broken == [
            "Broken link: about/index.html:2:42: 'https://example.com/proj/nothing/' is not a file the site writes (from about.md)",
            "Broken link: about/index.html:2:99: '/about/' is outside the site's baseurl '/proj' (from about.md)",
            "Broken link: index.html:3:10: 'missing.html' is not a file the site writes (from index.md)",
            "Broken link: index.html:5:14: '/proj/images/gone.png' is not a file the site writes (from index.md)",
            "Broken link: 2020/01/01/hello.html:2:98: 'other.html' is not a file the site writes (from \(folder.url.path)/_posts/2020-01-01-hello.md)",
        ], "\(result.output)")
        #expect(result.standardError.contains("5 link(s) to this site lead to no file it writes."))
        #expect(!result.standardOutput.contains("Everything looks fine"))
        // No site was written; only the cache folder Jekyll's doctor leaves in the source too.
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("_site").path))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".jekyll-cache/.gitignore").path))
    }

    @Test func thisRepositorysSiteHasNoBrokenLinks() throws {
        let result = KyllRunner.run(["doctor"], in: Repository.root)
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("Broken link:"), "\(result.output)")
        #expect(result.standardOutput.contains("Your test results are in. Everything looks fine."), "\(result.output)")
    }
}
