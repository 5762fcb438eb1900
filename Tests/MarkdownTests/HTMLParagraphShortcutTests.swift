import Testing
@testable import Markdown

/// `<p>` HTML blocks of plain phrasing markup (printed paragraphs, as Jekyll's excerpts are) are
/// printed as they came, without a parse. The outputs are kramdown 2's (`input: GFM`), and
/// the full conversion must give the same.
@Suite struct HTMLParagraphShortcutTests {
    @Test(arguments: [
        "<p>x</p>\n", "<p></p>\n", "<p>a</p>\n\n", "<p>a</p>\n\n<p>b <em>c</em></p>\n\n", "<p>a</p>\n<p>b</p>\n",
        "<p>Input, framework really if <em>gateway</em> module, <strong>Domain way</strong> refactor.</p>\n",
        "<p>a <a href=\"/x/y_z-1.html\">l</a> <code class=\"language-plaintext highlighter-rouge\">v_x</code> <del>d</del></p>\n",
        "<p>a <sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup></p>\n",
        // An excerpt with footnote references: its paragraphs, then the notes kramdown printed.
        "<p>a.<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup></p>\n\n"
            + "<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n"
            + "      <p>Note <em>x</em>.\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n"
            + "    </li>\n  </ol>\n</div>\n",
        "<p>a</p>\n\n<p>b</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n"
            + "    <li id=\"fn:one\" role=\"doc-endnote\">\n      <p>x &#8617;</p>\n    </li>\n"
            + "    <li id=\"fn:2-b_c\" role=\"doc-endnote\">\n      <p>y <code>z</code></p>\n    </li>\n  </ol>\n</div>\n",
        "<p>a <a href=\"/x?a=1&amp;b=2\">l</a> &lt;b&gt; &quot; &rsquo;s &hellip; &#8217; &#x2019; &foo;</p>\n",
        "<p>*x* _y_ `c` [l](u) \"q\" -- ... {::nomarkdown} \\x ü — “x”</p>\n",
        "<p>a <em>b <code>c</code></em> d <br /> <img src=\"a.png\" alt=\"\" /> <abbr title=\"x &amp; y\">d</abbr></p>\n",
    ])
    func printedAsItCame(_ html: String) {
        let converter = KramdownConverter()
        #expect(converter.htmlWithoutParsing(html) == html)
        var counts: CmarkBlockBuilder.BlockCounts? = nil
        #expect(converter.convert(html, counts: &counts).html == html)
        #expect(converter.convert(html).html == html)
    }

    @Test func finalNewlineAdded() {
        #expect(KramdownConverter().convert("<p>a <em>b</em></p>").html == "<p>a <em>b</em></p>\n")
    }

    /// What kramdown changes (escapes, re-quotes, closes, splits) or reads differently.
    @Test(arguments: [
        "<p>a > b</p>\n", "<p>a & b</p>\n", "<p>x <br></p>\n", "<p>a <EM>b</EM></p>\n", "<p>a <em >b</em></p>\n",
        "<p>a <a href='u'>z</a></p>\n", "<p>a\nb</p>\n", "<p>x</p><p>y</p>\n", "<p>x <span>y</p>\n", "<p>a</p>\n\n\n", "<p>a</p>\n \n<p>b</p>\n",
        "<p>a</p>  \n", "<p>a <!-- c --> b</p>\n", "<p>a <p>b</p> c</p>\n", " <p>a</p>\n", "<p class=\"x\">a</p>\n",
        "<p>a <div>b</div></p>\n", "<p>a <em>b</p>\n", "<p>a <em>b</strong></p>\n", "<p>a <img src=\"x\"></p>\n",
        "<p>a <a href=\"x\" href=\"y\">b</a></p>\n", "<p>a &#;</p>\n", "<p>tab\there</p>\n", "<p>a</p>\n<ul>\n",
        "<p>a</p>\n\n<div class=\"footnotes\">\n</div>\n", "<p>a</p>\n\nb\n",
        "<p>a</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>x</p>\n    </li>\n  </ol>\n</div>\nx\n",
        "<p>a</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>x</p>\n    </li>\n  </ol>\n</div>\n",
        "<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>x</p>\n    </li>\n  </ol>\n</div>\n",
        "<p>a</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n  </ol>\n</div>\n",
        "<p>a</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n  <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>x</p>\n    </li>\n  </ol>\n</div>\n",
        "<p>a</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>x</p>\n\n      <p>y</p>\n    </li>\n  </ol>\n</div>\n",
        "<p>a</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>x > y</p>\n    </li>\n  </ol>\n</div>\n",
        "<p>a</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:a b\" role=\"doc-endnote\">\n      <p>x</p>\n    </li>\n  </ol>\n</div>\n",
        "<p>a</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>x</p>\n    </li>\n  </ol>\n</div>",
    ])
    func notTaken(_ text: String) {
        #expect(KramdownConverter().htmlWithoutParsing(text) == nil)
    }

    /// Random texts of paragraph fragments (a fixed seed): whenever the shortcut answers, the full
    /// conversion says the same.
    @Test func agreesWithTheFullConversion() {
        let fragments = [
            "<p>", "</p>", "</p>\n", "</p>\n\n", "<em>", "</em>", "<strong>", "</strong>", "<code>", "</code>",
            "<a href=\"/x/y\">", "<a href='u'>", "</a>", "<span>", "</span>", "<del>", "</del>", "<br />", "<br>",
            "<img src=\"a.png\" alt=\"\" />", "&amp;", "&lt;", "&quot;", "&#8217;", "&foo;", "&", ">", "'", "\"",
            "x", "word", " ", "  ", "\n", "\t", "*", "_", "`", "--", "...", "ü", "“", "<!-- c -->", "<div>", "</div>",
            "{::nomarkdown}", "\\", "[l](u)", "eight words of plain text", "longerword\u{7F}", "text\u{1}more text",
            // Pieces of kramdown's footnotes block.
            "\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n", "    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>",
            "</p>\n    </li>\n", "\n    </li>\n", "  </ol>\n</div>\n", "<sup id=\"fnref:1\" role=\"doc-noteref\">", "</sup>",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let converter = KramdownConverter()
        var taken = 0
        for _ in 0..<4000 {
            var text = "<p>"
            for _ in 0..<(1 + next(12)) { text += fragments[next(fragments.count)] }
            if next(2) == 0 { text += "</p>\n" }
            guard let shortcut = converter.htmlWithoutParsing(text) else { continue }
            taken += 1
            var counts: CmarkBlockBuilder.BlockCounts? = nil
            #expect(shortcut == converter.convert(text, counts: &counts).html, "\(text.debugDescription)")
        }
        #expect(taken > 100, "the generator rarely makes texts the shortcut takes (\(taken))")
    }

    @Test func notWithBlockHTMLParsed() {
        var options = KramdownOptions()
        options.parseBlockHTML = true
        #expect(KramdownConverter(options: options).htmlWithoutParsing("<p>*x*</p>\n") == nil)
    }
}
