import Testing
@testable import Jekyll
@testable import JekyllPlugins
@testable import Liquid

/// `{% seo %}` cleans Markdown's HTML with `strip_html | normalize_whitespace | escape_once` in
/// one pass (`SeoCleaning.plainText(ofHTML:)`): it must give what the three filters give.
@Suite struct SeoCleaningTests {
    static func filters(_ html: String) -> String {
        EscapingFilters.escapeOnce(TextFilters.normalizeWhitespace(EscapingFilters.stripHTML(html)))
    }

    static let cases = [
        "", " ", "\n", "<p></p>\n", "plain", "  two  words  ",
        "<p>Input, framework <em>gateway</em> module.</p>\n",
        "<p>A <a href=\"/x/\">link</a> &amp; <code class=\"language-plaintext\">code_x</code></p>\n\n<p>Second\tline</p>\n",
        "<p>Entities &lt;kept&gt; &#39;x&#39; &copy; &#x27; &; &amp &a1; bare & and \"quotes\" 'single'</p>",
        "a < b and c > d", "x <y z", "<<>>", "<p>unclosed <b", "tail <", "> lead", "&", "&#", "&#12;", "&#12", "&abc",
        "<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\" role=\"doc-noteref\">1</a></sup>",
        "über <em>fiancée</em> 東京\u{000B}\u{000C}\r\n end ",
        "<p>split &am<b>p;</b> entity</p>", "<p>a\u{0}b</p>",
        // Tags near the sixteen bytes looked through before `memchr`, and a long one left open.
        "a<123456789abcde>b", "a<123456789abcdef>b", "a<123456789abcdefg>b words after it",
        "<p>open <a href=\"/a-very-long-url/\" title", "<p>open <a href=\"/x\"",
    ]

    @Test(arguments: cases) func matchesTheFilters(_ html: String) throws {
        let fused = try #require(SeoCleaning.plainText(ofHTML: html))
        #expect(fused == Self.filters(html))
    }

    @Test func matchesTheFiltersOnGeneratedHTML() throws {
        let pieces = ["<p>", "</p>", "<em>", "</em>", "<a href=\"/a b/\">", "</a>", " ", "  ", "\n", "\t", "word", "é",
                      "&amp;", "&", "&lt;", "<", ">", "\"", "'", "#", ";", "x1", "&#38;", "&q;",
                      // Runs of eight bytes and more, which the cleaning copies whole when it may.
                      "eight words of text", "longerword", " !bang", "a!b ", "tail  ", "\u{7F}x", "\u{1}y"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var html = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(state >> 59)
            for _ in 0..<count {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                html += pieces[Int(state >> 33) % pieces.count]
            }
            let fused = try #require(SeoCleaning.plainText(ofHTML: html))
            #expect(fused == Self.filters(html), "\(html.debugDescription)")
        }
    }

    @Test(arguments: ["<script>x</script>a", "a<!-- c -->b", "<style>p{}</style>"])
    func leavesBlocksToTheFilters(_ html: String) {
        #expect(SeoCleaning.plainText(ofHTML: html) == nil)
    }
}
