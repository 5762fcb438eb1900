import Testing
@testable import Markdown

/// Footnotes that cite themselves or each other (found by the markdown fuzzer as a leak): the
/// output is kramdown's, and the parsed tree is freed once the conversion is over.
struct FootnoteCycleTests {
    static let source = "Text[^a] and[^b].\n\n[^a]: Cites itself[^a].\n[^b]: Cites a[^a], and b[^b].\n"

    @Test func printsWhatKramdownPrints() {
        let marker = { (id: String, name: String, n: Int) in
            "<sup id=\"fnref:\(id)\" role=\"doc-noteref\"><a href=\"#fn:\(name)\" class=\"footnote\" rel=\"footnote\">\(n)</a></sup>"
        }
        let back = { (name: String) in
            "\u{A0}<a href=\"#fnref:\(name)\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a>"
        }
        let expected = "<p>Text\(marker("a", "a", 1)) and\(marker("b", "b", 2)).</p>\n\n"
            + "<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n"
            + "    <li id=\"fn:a\" role=\"doc-endnote\">\n"
            + "      <p>Cites itself\(marker("a:1", "a", 1)).\(back("a"))</p>\n    </li>\n"
            + "    <li id=\"fn:b\" role=\"doc-endnote\">\n"
            + "      <p>Cites a\(marker("a:2", "a", 1)), and b\(marker("b:1", "b", 2)).\(back("b"))</p>\n    </li>\n"
            + "  </ol>\n</div>\n"
        #expect(convert(Self.source) == expected)
    }

    @Test func treeIsFreedAfterConversion() {
        weak var footnoteContent: Element?
        weak var document: Element?
        do {
            let context = SpanParser.Context(options: KramdownOptions())
            let root = Element(.root)
            root.block = true
            BlockParser(context: context, root: root).parseBlocks(root, KramdownConverter.sourceBytes(Self.source))
            TreeUpdate(ctx: context).run(root)
            _ = HTMLConverter(context: context, highlighter: nil).convertDocument(root)
            footnoteContent = context.footnotes["a"]?.content
            document = root
            #expect(footnoteContent != nil)
        }
        #expect(footnoteContent == nil, "a footnote citing itself keeps its tree alive")
        #expect(document == nil)
    }
}
