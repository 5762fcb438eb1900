import Testing
@testable import Jekyll

/// kyll's link check: which `href`/`src` values lead into the site, and whether they resolve to a
/// written file as GitHub Pages resolves paths.
@Suite struct LinkCheckTests {
    static let written: Set<String> = [
        "index.html", "about/index.html", "blog/post.html", "blog/index.html", "feed.xml", "docs/a b.pdf",
        "notes.html", "assets/app.css",
    ]

    /// (link, page it is on, baseurl, the problem or nil)
    @Test(arguments: [
        ("/", "index.html", "", nil),
        ("/about/", "index.html", "", nil),
        ("/about", "index.html", "", nil),                      // about/index.html
        ("/notes", "index.html", "", nil),                      // notes.html
        ("/feed.xml", "index.html", "", nil),
        ("/feed.xml?x=1&y=2#top", "index.html", "", nil),
        ("post.html", "blog/index.html", "", nil),
        ("../about/", "blog/post.html", "", nil),
        ("./", "blog/post.html", "", nil),                      // blog/index.html
        ("../../../index.html", "blog/post.html", "", nil),     // never above the root
        ("/docs/a%20b.pdf", "index.html", "", nil),
        ("https://example.com/about/", "index.html", "", nil),  // the site's own url
        ("HTTP://EXAMPLE.COM/notes.html", "index.html", "", nil),
        ("//example.com/feed.xml", "index.html", "", nil),
        ("https://other.org/missing", "index.html", "", nil),   // another host
        ("mailto:me@example.com", "index.html", "", nil),
        ("javascript:void(0)", "index.html", "", nil),
        ("data:image/png;base64,AAAA", "index.html", "", nil),
        ("#section", "index.html", "", nil),
        ("", "index.html", "", nil),
        ("/missing.html", "index.html", "", "is not a file the site writes"),
        ("/blog/", "about/index.html", "", nil),
        ("/assets/", "index.html", "", "is not a file the site writes"),  // a folder without an index
        ("missing.png", "blog/post.html", "", "is not a file the site writes"),
        ("https://example.com/gone/", "index.html", "", "is not a file the site writes"),
        ("/proj/about/", "index.html", "/proj", nil),
        ("/proj", "index.html", "/proj/", nil),
        ("post.html", "blog/index.html", "/proj", nil),
        ("/about/", "index.html", "/proj", "is outside the site's baseurl '/proj'"),
        ("https://example.com/about/", "index.html", "/proj", "is outside the site's baseurl '/proj'"),
    ] as [(String, String, String, String?)])
    func resolves(_ link: String, _ page: String, _ baseurl: String, _ problem: String?) {
        let check = LinkCheck(written: Self.written, url: "https://example.com", baseurl: baseurl)
        #expect(check.problem(with: link, in: page, base: nil) == problem)
    }

    @Test func baseElementChangesRelativeLinks() {
        let check = LinkCheck(written: Self.written, url: "https://example.com", baseurl: "")
        let html = Array("<base href=\"/blog/\"><a href=\"post.html\">p</a><a href=\"nope.html\">n</a>".utf8)
        #expect(check.check(html: html, file: "index.html", origin: "index.md").map(\.target) == ["nope.html"])
    }

    @Test func scannerFindsAttributesWithTheirPositions() {
        let html = """
            <!doctype html>
            <!-- <a href="/in-comment"> -->
            <link rel=stylesheet href=/a.css>
            <script>if (a<b) document.write('<img src="/in-script">')</script>
            <p title='x > y'>text <A HREF = "/b?x=1&amp;y=2" >b</A>
            <img
              src="/c&#46;png" alt="&lt;">
            <textarea><a href="/in-textarea"></textarea><br/><a href='/d'>
            """
        let links = HTMLLinkScanner(Array(html.utf8)).links()
        #expect(links.map(\.value) == ["/a.css", "/b?x=1&y=2", "/c.png", "/d"])
        #expect(links.map(\.tag) == ["link", "a", "img", "a"])
        #expect(links.map(\.line) == [3, 5, 7, 8])
        #expect(links[0].column == 27)
        #expect(links[2].column == 8)
    }
}
