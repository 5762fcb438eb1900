import Testing
@testable import Jekyll

/// `{% seo %}`'s image: only a path or a hash (with `path`, `facebook` or `twitter`) names one;
/// any other `image` value is no image, as the plugin reads it. Outputs as Jekyll 4.3.1 printed them.
@Suite struct SeoImageTests {
    static let site: [String: String] = [
        "_config.yml": "title: Img\nurl: https://example.com\nplugins: [jekyll-seo-tag]\n",
        "true.html": "---\nimage: true\n---\n{% seo title=false %}",
        "list.html": "---\nimage: [x.png]\n---\n{% seo title=false %}",
        "path.html": "---\nimage: /y.png\n---\n{% seo title=false %}",
        "hash.html": "---\nimage:\n  twitter: /t.png\n---\n{% seo title=false %}",
    ]

    @Test func onlyAPathOrAHashIsAnImage() throws {
        let out = try SiteRebuilderTests.Fixture.buildOnce(Self.site)
        for page in ["true.html", "list.html"] {
            #expect(out[page]?.contains("image") == false, "\(page)")
            #expect(out[page]?.contains(#"<meta name="twitter:card" content="summary" />"#) == true, "\(page)")
        }
        #expect(out["path.html"]?.contains(#"<meta property="og:image" content="https://example.com/y.png" />"#) == true)
        #expect(out["hash.html"]?.contains(#"<meta property="og:image" content="https://example.com/t.png" />"#) == true)
        #expect(out["hash.html"]?.contains(
            #""image":{"twitter":"/t.png","url":"https://example.com/t.png","@type":"imageObject"}"#) == true)
    }
}
