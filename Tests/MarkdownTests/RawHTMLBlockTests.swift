import Testing
@testable import Markdown

/// Raw HTML blocks, the way kramdown 2.4 (`input: GFM`, as Jekyll 4.3.1 runs it) prints them and
/// warns about them: tag names and attributes in any case, duplicates, `markdown` attributes, void
/// and unclosed elements, and the text between tags.
@Suite struct RawHTMLBlockTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let markdown: String
        let html: String
        let warnings: [String]
        init(_ name: String, _ markdown: String, _ html: String, _ warnings: [String]) {
            (self.name, self.markdown, self.html, self.warnings) = (name, markdown, html, warnings)
        }
        var description: String { name }
    }

    static let cases: [Case] = [
        Case("mixed-case tags and attributes",
             "<DIV Class=\"a\" ID=x>\n<P Title='t'>text <A HREF=\"/u\">link</A></P>\n</DiV>\n",
             "<div class=\"a\" id=\"x\">\n<p title=\"t\">text <a href=\"/u\">link</a></p>\n</div>\n",
             []),
        Case("duplicate attribute",
             "<div class=\"a\" class=\"b\" id=\"x\">\n<p>x</p>\n</div>\n",
             "<div class=\"b\" id=\"x\">\n<p>x</p>\n</div>\n",
             ["Duplicate HTML attribute 'class' on line 1 - overwriting previous one"]),
        Case("markdown=\"1\"",
             "<div markdown=\"1\">\n*em* text\n</div>\n",
             "<div>\n  <p><em>em</em> text</p>\n</div>\n",
             []),
        Case("markdown=\"0\"",
             "<div markdown=\"0\">\n*em* text\n</div>\n",
             "<div>\n*em* text\n</div>\n",
             []),
        Case("markdown=\"span\"",
             "<div markdown=\"span\">\n*em* text\n</div>\n",
             "<div>\n<em>em</em> text\n</div>\n",
             []),
        Case("markdown=\"1\" on a span-content element",
             "<p markdown=\"1\">*em* <b>x</b> text</p>\n",
             "<p><em>em</em> <b>x</b> text</p>\n",
             []),
        Case("void elements",
             "<div>\n<img src=\"a.png\" alt=\"A\">\n<br>\n<hr/>\n<input type=checkbox checked>\n</div>\n",
             "<div>\n<img src=\"a.png\" alt=\"A\" />\n<br />\n<hr />\n<input type=\"checkbox\" checked=\"\" />\n</div>\n",
             []),
        Case("unclosed elements",
             "<div>\n<p>open\n<span>never closed\n</div>\n\nafter\n",
             "<div>\n<p>open\n<span>never closed\n&lt;/div&gt;\n\nafter\n</span></p></div>\n",
             ["Found invalidly used HTML closing tag for 'div' on line 4 - ignoring it", "Found no end tag for 'span' on line 3 - auto-closing it"]),
        Case("text runs, comments and instructions between tags",
             "<div>\n  text one\n  <b>bold</b> between <i>it</i>\n  <!-- note -->\n  <?php x ?>\n  tail\n</div>\n",
             "<div>\n  text one\n  <b>bold</b> between <i>it</i>\n  <!-- note -->\n  <?php x ?>\n  tail\n</div>\n",
             []),
        Case("a lone < in text",
             "<div>\n<p>a < b and c<d</p>\n</div>\n",
             "<div>\n<p>a &lt; b and c&lt;d</p>\n</div>\n",
             []),
        Case("unknown elements keep their case",
             "<Custom-Tag Data-X=\"1\">\n<Inner>t</Inner>\n</Custom-Tag>\n",
             "<Custom-Tag Data-X=\"1\">\n<Inner>t</Inner>\n</Custom-Tag>\n",
             []),
        Case("unknown close tags match exactly",
             "<div>\n<custom>x</CUSTOM></custom>\n</div>\n",
             "<div>\n<custom>x&lt;/CUSTOM&gt;</custom>\n</div>\n",
             ["Found invalidly used HTML closing tag for 'CUSTOM' on line 2 - ignoring it"]),
        Case("names past eight bytes",
             "<blockquote>\n<figcaption>cap</FIGCAPTION>\n<blockquotes>q</blockquotes>\n</blockquote>\n",
             "<blockquote>\n<figcaption>cap</figcaption>\n<blockquotes>q</blockquotes>\n</blockquote>\n",
             []),
        Case("attribute value across lines, close tag with space",
             "<div>\n<a href=\"/x\" title=\"multi\nline\">l</a>\n</Div >\n",
             "<div>\n<a href=\"/x\" title=\"multi\nline\">l</a>\n</div>\n",
             []),
        Case("nested elements on one line",
             "<section>\n<div><div><p>deep</p></div></div>\n</section>\n\ntext\n",
             "<section>\n<div><div><p>deep</p></div></div>\n</section>\n\n<p>text</p>\n",
             []),
        Case("table cells in any case",
             "<table>\n<tr><TD>c</td></tr>\n</table>\n",
             "<table>\n<tr><td>c</td></tr>\n</table>\n",
             []),
        Case("script and style",
             "<div>\n<script>if (a < b) {}</script>\n<style>p{}</style>\n</div>\n",
             "<div>\n<script>if (a < b) {}</script>\n<style>p{}</style>\n</div>\n",
             []),
        Case("adjacent tags and non-ASCII text",
             "<div>\n<p><a href=\"x\">a</a><a href=\"y\">b</a>.</p>\n<p>été <em>ü</em></p>\n</div>\n",
             "<div>\n<p><a href=\"x\">a</a><a href=\"y\">b</a>.</p>\n<p>été <em>ü</em></p>\n</div>\n",
             []),
        Case("Kelvin sign lower-cases to k in a nested tag",
             "<div>\n<\u{212A}bd>x</KBD> <b>y</\u{212A}>\n</div>\n",
             "<div>\n<kbd>x</kbd> <b>y&lt;/\u{212A}&gt;\n&lt;/div&gt;\n</b></div>\n",
             ["Found invalidly used HTML closing tag for '\u{212A}' on line 2 - ignoring it", "Found invalidly used HTML closing tag for 'div' on line 3 - ignoring it", "Found no end tag for 'b' on line 2 - auto-closing it"]),
        Case("Kelvin sign lower-cases to k at block start",
             "<\u{212A}BD>\n*x*\n</kbd>\n",
             "<p><kbd>\n*x*\n</kbd></p>\n",
             []),
    ]

    @Test(arguments: cases)
    func printedAsKramdownPrintsIt(_ c: Case) {
        let result = KramdownConverter().convert(c.markdown)
        #expect(result.html == c.html)
        #expect(result.warnings.map(\.kramdownMessage) == c.warnings)
    }

    @Test func knownNamesAreInByteOrder() {
        let names = HTMLScanner.knownNames.map { Array($0.name.utf8) }
        #expect(zip(names, names.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        #expect(names.allSatisfy { $0.count <= 10 && $0.allSatisfy { $0 < 0x80 } })
        // `Scan`'s list of span elements names the same ones
        #expect(Set(HTMLScanner.spanElementList) == Set(HTMLScanner.knownNames.filter { $0.classes.contains(.span) }.map(\.name)))
    }

    @Test func namesAreClassifiedWhateverTheirCase() {
        #expect(HTMLScanner.knownName("DiV", foldCase: true)?.name == "div")
        #expect(HTMLScanner.knownName("DiV", foldCase: false) == nil)
        #expect(HTMLScanner.knownName("blockQuote", foldCase: true)?.classes == [.block, .blockContent])
        #expect(HTMLScanner.knownName("figcaptioN", foldCase: false) == nil)
        #expect(HTMLScanner.knownName("FIGCAPTION", foldCase: true)?.name == "figcaption")  // folded past the eighth byte
        // a prefix of a known name, or a known name and more, is not known
        for unknown in ["blockquotes", "blockquot", "optgroups", "optgrou", "di", "divs", "h7", ""] {
            #expect(HTMLScanner.knownName(unknown, foldCase: true) == nil, "\(unknown)")
        }
        #expect(HTMLScanner.knownName("\u{212A}bd", foldCase: true)?.name == "kbd")
        #expect(HTMLScanner.spanElements.contains("img") && !HTMLScanner.spanElements.contains("IMG"))
        #expect(HTMLScanner.withoutBody.contains("br") && !HTMLScanner.withoutBody.contains("div"))
        #expect(HTMLScanner.contentModel("td") == .block && HTMLScanner.contentModel("p") == .span)
        #expect(HTMLScanner.contentModel("pre") == .raw && HTMLScanner.contentModel("custom") == .raw)
    }

    @Test func attributesAreReadWhereTheyAre() {
        let src = Array("<a HREF='x' b=c d e = \"f g\" b=h>".utf8)
        let tag = HTMLScanner.tag(src, 0)!
        var duplicates: [String] = []
        let attrs = HTMLScanner.attributes(src, tag.attributes, lowercase: true) { duplicates.append($0) }
        #expect(attrs.pairs.map(\.key) == ["href", "b", "d", "e"])
        #expect(attrs.pairs.map(\.value) == ["x", "h", "", "f g"])
        #expect(duplicates == ["b"])
        #expect(HTMLScanner.attributes(" HREF='x' b=c", lowercase: false) == Attributes([("HREF", "x"), ("b", "c")]))
    }
}
