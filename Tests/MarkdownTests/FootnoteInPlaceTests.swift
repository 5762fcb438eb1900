import Testing
import Markdown

/// A footnote's content is converted in place, its backlinks added for the conversion and taken
/// off after, unless a table of contents may list its headers: the table reads them later, with
/// the backlinks kramdown gave them, also when it stands in a later footnote. Expected HTML:
/// kramdown 2.4 (Jekyll 4.3.1's) for the same input and options.
struct FootnoteInPlaceTests {
    static func convert(_ source: String) -> String {
        let options = KramdownOptions(config: ["input": .string("GFM"), "footnote_backlink_inline": .bool(true)])
        return KramdownConverter(options: options).convert(source).html
    }

    @Test func tableOfContentsInALaterFootnoteListsTheBacklinks() {
        #expect(Self.convert("Text[^a] and[^b] and again[^a].\n\n[^a]:\n    ## Head of a\n\n[^b]:\n    * toc\n    {:toc}\n")
            == "<p>Text<sup id=\"fnref:a\" role=\"doc-noteref\"><a href=\"#fn:a\" class=\"footnote\" rel=\"footnote\">1</a></sup> and<sup id=\"fnref:b\" role=\"doc-noteref\"><a href=\"#fn:b\" class=\"footnote\" rel=\"footnote\">2</a></sup> and again<sup id=\"fnref:a:1\" role=\"doc-noteref\"><a href=\"#fn:a\" class=\"footnote\" rel=\"footnote\">1</a></sup>.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:a\" role=\"doc-endnote\">\n\n      <h2 id=\"head-of-a\">Head of a\u{A0}<a href=\"#fnref:a\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a>\u{A0}<a href=\"#fnref:a:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a></h2>\n    </li>\n    <li id=\"fn:b\" role=\"doc-endnote\">\n\n<ul id=\"markdown-toc\">\n  <li><a href=\"#head-of-a\" id=\"markdown-toc-head-of-a\">Head of a\u{A0}<a href=\"#fnref:a\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a>\u{A0}<a href=\"#fnref:a:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a></a></li>\n</ul>\n    </li>\n  </ol>\n</div>\n")
    }

    /// Without a table of contents (converted in place), twice by one converter: the backlinks
    /// printed once each time, none left in the content for the second conversion.
    @Test func inPlaceConversionLeavesNoBacklinksBehind() {
        let options = KramdownOptions(config: ["input": .string("GFM"), "footnote_backlink_inline": .bool(true)])
        let converter = KramdownConverter(options: options)
        let expected = "<p>Text<sup id=\"fnref:a\" role=\"doc-noteref\"><a href=\"#fn:a\" class=\"footnote\" rel=\"footnote\">1</a></sup> and again<sup id=\"fnref:a:1\" role=\"doc-noteref\"><a href=\"#fn:a\" class=\"footnote\" rel=\"footnote\">1</a></sup>.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:a\" role=\"doc-endnote\">\n\n      <h2 id=\"head-of-a\">Head of a\u{A0}<a href=\"#fnref:a\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a>\u{A0}<a href=\"#fnref:a:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a></h2>\n    </li>\n  </ol>\n</div>\n"
        #expect(converter.convert("Text[^a] and again[^a].\n\n[^a]:\n    ## Head of a\n").html == expected)
        #expect(converter.convert("Text[^a] and again[^a].\n\n[^a]:\n    ## Head of a\n").html == expected)
    }
}
