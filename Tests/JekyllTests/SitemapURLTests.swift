@testable import Jekyll
@testable import JekyllPlugins
import Testing

/// The sitemap prints most URLs after the site's as they are (`Sitemap.printsAsItIs`); it must
/// print what jekyll-sitemap's `url | replace: '/index.html', '/' | absolute_url | xml_escape`
/// gives, which the general path makes.
@Suite struct SitemapURLTests {
    static let siteURL = "https://x.org"

    static func generalPath(_ url: String) -> String {
        XML.escape(SiteURL.absolute(url.replacingAll("/index.html", with: "/"), url: siteURL, baseurl: nil))
    }

    @Test(arguments: [
        ("/", true),
        ("/a/b.html", true),
        ("/2020/01/02/post.html", true),
        ("/a!$()*+,;=@~-._/", true),
        ("/a/index.htm", true),
        ("/a/xindex.html", true),
        ("/index.html.bak/", false),
        ("/a&b.html", false),
        ("/it's/", false),
        ("/a%20b/", false),
        ("/a b/", false),
        ("/zürich/", false),
        ("/a:b/", false),
        ("/index.html", false),
        ("/a/index.html", false),
        ("/a/index.html/b/", false),
        ("/index.htmlx", false),
        ("//host/x.html", false),
        ("a/b.html", false),
    ] as [(String, Bool)])
    func printedAsItIsOnlyWhereTheGeneralPathGivesTheSame(url: String, asItIs: Bool) {
        #expect(SiteURL.absolutePrefix(url: Self.siteURL, baseurl: nil) == Self.siteURL)
        #expect(Sitemap.printsAsItIs(url) == asItIs)
        if Sitemap.printsAsItIs(url) {
            #expect(Self.siteURL + url == Self.generalPath(url))
        }
    }

    @Test func escapesAndCutsOnTheGeneralPath() {
        #expect(Self.generalPath("/a&b/it's/index.html") == "https://x.org/a&amp;b/it&apos;s/")
    }
}
