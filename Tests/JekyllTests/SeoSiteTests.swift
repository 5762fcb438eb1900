import Testing
@testable import Jekyll

/// `{% seo %}` works out what depends on the site alone once per build where the build keeps such
/// values, and once per render where it does not (here: kramdown's warnings shown). Both must
/// print the same, page by page, and what the plugin prints.
@Suite struct SeoSiteTests {
    static let site: [String: String] = [
        "_config.yml": """
            title: "Seo *and* Co"
            tagline: The best tagline
            description: A site about <b>things</b> and   spaces
            url: https://seo.example.com
            author: Site Author
            logo: /img/logo.png
            twitter:
              username: "@seosite"
            facebook:
              app_id: 5678
            social:
              name: Social Name
              links: [https://github.com/seosite]
            plugins: [jekyll-seo-tag]

            """,
        "_data/authors.yml": "bob:\n  name: Bob Builder\n  twitter: bobthebuilder\n",
        "_layouts/default.html": "<head>{% seo %}</head>{{ content }}",
        "index.html": "---\nlayout: default\n---\nHome",
        "_posts/2024-01-01-first.md": "---\nlayout: default\ntitle: First\nauthor: bob\n---\nFirst *post*.",
        "_posts/2024-01-02-second.md": "---\nlayout: default\ntitle: Second\nauthor: bob\n---\nSecond.",
        "_posts/2024-01-03-third.md": "---\nlayout: default\ntitle: Third\n---\nThird.",
    ]

    @Test func sharedSiteValuesPrintWhatEachRenderWould() throws {
        let shared = try SiteRebuilderTests.Fixture.buildOnce(Self.site)
        var perRender = Self.site
        perRender["_config.yml"]! += "kramdown:\n  show_warnings: true\n"
        let own = try SiteRebuilderTests.Fixture.buildOnce(perRender)
        #expect(shared.keys.sorted() == own.keys.sorted())
        for (path, text) in shared { #expect(own[path] == text, "\(path)") }

        let home = try #require(shared["index.html"])
        #expect(home.contains(#"<title>Seo and Co | The best tagline</title>"#))
        #expect(home.contains(#""name":"Social Name""#))
        #expect(home.contains(#"<meta property="fb:app_id" content="5678" />"#))
        let first = try #require(shared["2024/01/01/first.html"])
        #expect(first.contains(#"<meta name="author" content="Bob Builder" />"#))
        #expect(first.contains(#"<meta name="twitter:creator" content="@bobthebuilder" />"#))
        #expect(first.contains(#""publisher":{"@type":"Organization","logo":{"@type":"ImageObject","url":"https://seo.example.com/img/logo.png"},"name":"Bob Builder"}"#))
        let second = try #require(shared["2024/01/02/second.html"])
        #expect(second.contains(#"<meta name="author" content="Bob Builder" />"#))
        let third = try #require(shared["2024/01/03/third.html"])
        #expect(third.contains(#"<meta name="author" content="Site Author" />"#))
        #expect(third.contains(#"<meta name="twitter:creator" content="@Site Author" />"#))
    }

    /// A page's date (a time) is printed as `date_to_xmlschema` prints it, in the site's zone:
    /// the tag prints it without calling the filter. A page's front matter date keeps its own
    /// zone until printed (a post's is read into the site's).
    @Test func pageDatesPrintAsTheFilterPrintsThem() throws {
        let built = try SiteRebuilderTests.Fixture.buildOnce([
            "_config.yml": "url: https://x.example\ntimezone: UTC\nplugins: [jekyll-seo-tag]\n",
            "_layouts/default.html": "{% seo %}FILTER={{ page.date | date_to_xmlschema }}",
            "zoned.md": "---\nlayout: default\ndate: 2024-01-01 10:30:00 +0500\n---\nText.",
        ])
        let page = try #require(built["zoned.html"])
        let marker = try #require(page.firstRange(of: "FILTER="))
        let filtered = String(page[marker.upperBound...])
        #expect(filtered == "2024-01-01T05:30:00+00:00")
        #expect(page.contains(#"<meta property="article:published_time" content="\#(filtered)" />"#))
        #expect(page.contains(#""datePublished":"\#(filtered)""#))
        #expect(page.contains(#""dateModified":"\#(filtered)""#))
    }

    /// jekyll-seo-tag formats the modified and published dates with `date_to_xmlschema`, which
    /// fails Jekyll's build for a value that is no date (`Liquid Exception: Invalid Date: … in
    /// /…/_layouts/default.html`, exit 1); a real date keeps the tag working.
    @Test(arguments: [
        ("last_modified_at: notadate", "'\"notadate\"'"),
        ("date: notadate", "'\"notadate\"'"),
        ("seo:\n  date_modified: 2020-13-45", "'\"2020-13-45\"'"),
    ] as [(String, String)])
    func aValueThatIsNoDateFailsTheBuild(frontMatter: String, shown: String) throws {
        let scratch = try StagedOutputsTests.Scratch([
            "_config.yml": "url: https://x.example\nplugins: [jekyll-seo-tag]\n",
            "_layouts/default.html": "<head>{% seo %}</head>{{ content }}",
            "page.md": "---\nlayout: default\n\(frontMatter)\n---\nText.",
        ])
        do {
            try scratch.build()
            Issue.record("built {% seo %} with \(frontMatter)")
        } catch let error as BuildError {
            #expect(error.jekyllLine?.message.hasPrefix("Invalid Date: \(shown) is not a valid datetime. in ") == true)
        }
    }
}
