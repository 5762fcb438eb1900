import Testing
@testable import Markdown
import MarkdownHighlight

/// A one-line list item whose paragraph is transparent keeps that paragraph on itself
/// (`Element.holdsItemParagraph`): every reader of its children sees the paragraph element, and
/// the tree pass and the converter read it in place.
struct ItemParagraphTests {
    @Test func readingTheChildrenMakesTheParagraph() {
        let source = Bytes("- one item\n".utf8)
        let li = Element(.li)
        li.block = true
        li.setItemParagraph(source, 2..<10, line: 3)
        #expect(li.holdsItemParagraph && li.hasChildren && li.lastChildKind == .p && !li.hasPendingText)
        #expect(li.value == "", "the paragraph's text is not the item's own")
        #expect(BlockParser.opensTight(li))
        let children = li.children
        #expect(!li.holdsItemParagraph && !li.spansPending && li.line == 0)
        #expect(children.count == 1 && li.children.first === children.first, "made once")
        let p = children[0]
        #expect(p.kind == .p && p.block && p.transparent && p.spansPending && p.line == 3)
        #expect(p.value == "one item")
    }

    @Test func settingTheChildrenDropsTheParagraph() {
        let source = Bytes("- one\n".utf8)
        let li = Element(.li)
        li.setItemParagraph(source, 2..<5, line: 1)
        li.children = [Element(.hr)]
        #expect(!li.holdsItemParagraph && !li.spansPending && li.children.map(\.kind) == [.hr])
        let copied = Element(.li)
        copied.setItemParagraph(source, 2..<5, line: 1)
        let copy = copied.copy()
        #expect(copy.children.count == 1 && copy.children[0].transparent && copy.children[0].value == "one")
    }

    /// Expected HTML from Jekyll 4.3.1 (kramdown 2.4, GFM input): items whose spans need the
    /// span parser (quotes, HTML, entities, footnotes), abbreviations and a backslash line end
    /// (passes that read every text), loose items next to tight ones, the last item of a loose
    /// list, items in a blockquote.
    @Test func itemsConvertAsKramdownDoes() {
        let markdown = "- plain one\n- say \"hi\" now\n- a <span>tag</span> here\n- fish &amp; chips\n- see[^n] note\n- HTML item\n- break at end\\\n- last *one*\n\n*[HTML]: Hyper Text Markup Language\n[^n]: The note.\n\n- a\n\n- b\n- c\n\nbetween\n\n- x\n\n- y\n\n> - quoted *one*\n> - quoted two\n"
        let html = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown).html
        #expect(html == "<ul>\n  <li>plain one</li>\n  <li>say “hi” now</li>\n  <li>a <span>tag</span> here</li>\n  <li>fish &amp; chips</li>\n  <li>see<sup id=\"fnref:n\" role=\"doc-noteref\"><a href=\"#fn:n\" class=\"footnote\" rel=\"footnote\">1</a></sup> note</li>\n  <li><abbr title=\"Hyper Text Markup Language\">HTML</abbr> item</li>\n  <li>break at end\\</li>\n  <li>last <em>one</em></li>\n</ul>\n\n<ul>\n  <li>\n    <p>a</p>\n  </li>\n  <li>b</li>\n  <li>c</li>\n</ul>\n\n<p>between</p>\n\n<ul>\n  <li>\n    <p>x</p>\n  </li>\n  <li>\n    <p>y</p>\n  </li>\n</ul>\n\n<blockquote>\n  <ul>\n    <li>quoted <em>one</em></li>\n    <li>quoted two</li>\n  </ul>\n</blockquote>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:n\" role=\"doc-endnote\">\n      <p>The note.\u{A0}<a href=\"#fnref:n\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n")
    }

    /// An item whose spans need the span parser (its paragraph made its child and parsed at
    /// once, not read a second time as that child): its spans' warnings name its own line, and
    /// the items around it keep theirs.
    @Test func itemSpansNeedingTheParserKeepTheirLine() {
        let markdown = "intro\n\n- plain *one*\n- see[^missing] and \"quotes\"\n- after[^gone]\n"
        let output = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown)
        #expect(output.html == "<p>intro</p>\n\n<ul>\n  <li>plain <em>one</em></li>\n  <li>see[^missing] and “quotes”</li>\n  <li>after[^gone]</li>\n</ul>\n")
        #expect(output.warnings.map(\.line) == [4, 5])
        #expect(output.warnings.map(\.message) == ["Footnote definition for 'missing' not found", "Footnote definition for 'gone' not found"])
    }

    /// An item's first paragraph followed by another block ends with a line end; a paragraph
    /// whose text the source follows with one keeps its text a range of the source
    /// (`extendPendingSpansByLineEnd`). Expected HTML from Jekyll 4.3.1: the line end after
    /// plain text, spans, trailing spaces or a tab, and a text the span parser reads.
    @Test func itemParagraphsBeforeNestedListsConvertAsKramdownDoes() {
        let source = Bytes("one\ntwo  \n".utf8)
        let p = Element(.p)
        p.setPendingSpans(source, 0..<3)
        #expect(p.extendPendingSpansByLineEnd() && p.value == "one\n")
        let q = Element(.p)
        q.setPendingSpans(source, 4..<7)
        #expect(!q.extendPendingSpansByLineEnd() && q.value == "two")
        let markdown = "- first line\n  - nested\n- second *em*\n  1. nested ordered\n- trailing spaces   \n  - nested\n- tab end\t\n  - nested\n- last \"quoted\"\n  - nested\n"
        let html = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown).html
        #expect(html == "<ul>\n  <li>first line\n    <ul>\n      <li>nested</li>\n    </ul>\n  </li>\n  <li>second <em>em</em>\n    <ol>\n      <li>nested ordered</li>\n    </ol>\n  </li>\n  <li>trailing spaces\n    <ul>\n      <li>nested</li>\n    </ul>\n  </li>\n  <li>tab end\n    <ul>\n      <li>nested</li>\n    </ul>\n  </li>\n  <li>last “quoted”\n    <ul>\n      <li>nested</li>\n    </ul>\n  </li>\n</ul>\n")
    }
}
