import Liquid
import Testing
@testable import Jekyll
@testable import JekyllPlugins

/// Shortcuts the filters and plugins take on their usual inputs must give what the long way gives.
@Suite struct FilterShortcutTests {
    /// `relative_url` hands back its input where `relative` would give the same text.
    @Test(arguments: [
        ("/about/", nil), ("", nil), ("/", ""), ("/a-b/c.html", "/"), ("about", nil), ("//x/y", nil),
        ("/a/./b", nil), ("/a/../b", ""), ("/a b", nil), ("/p?q", nil), ("/x", "/blog"), ("/é/", nil),
        ("/" + String(repeating: "abc/", count: 20), nil), ("/tags/#c", nil),
    ] as [(String, String?)])
    func relativeURLReturnsUnchanged(path: String, baseurl: String?) {
        let unchanged = SiteURL.returnsUnchanged(path, baseurl: baseurl)
        if unchanged { #expect(SiteURL.relative(path, baseurl: baseurl) == path) }
        // A plain path from the root without a base is always handed back.
        let noBase = baseurl == nil || baseurl == "" || baseurl == "/"
        #expect(unchanged == (noBase && (path.isEmpty || SiteURL.isPlainRootPath(path))))
    }

    /// `normalize_whitespace`: runs of ASCII whitespace one space, none at either end.
    @Test(arguments: [
        ("", ""), ("a b", "a b"), ("  a \t\n b  ", "a b"), ("a\r\nb", "a b"), ("\u{0B}a\u{0C}", "a"),
        ("a  \u{301}b", "a \u{301}b"), ("é\n\né", "é é"),
    ])
    func normalizeWhitespace(text: String, expected: String) {
        #expect(Liquidish.normalizeWhitespace(text) == expected)
    }
}
