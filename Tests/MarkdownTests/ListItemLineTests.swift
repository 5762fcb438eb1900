import Testing
@testable import Markdown
import MarkdownHighlight

/// A list item's first line is cut after its marker's spaces straight from the source when a
/// text byte follows them (other items go through `firstListLine`), and its lines are read
/// through a `SourceView` that keeps no line starts for a one-line item.
struct ListItemLineTests {
    /// Expected HTML from kramdown 2.4 with GFM input, as Jekyll 4.3.1 calls it: marker spacing
    /// (one to four spaces, a tab, a vertical tab) decides how far later lines are indented;
    /// an item IAL; nested lists.
    @Test func markerSpacingConvertsAsKramdownDoes() {
        let markdown = "-   wide item\n    continued at four\n-  two\n   continued at three\n\n   second para of two\n-\ttab item\n  lazy\n- {:.c} ial item\n- \u{0B}vertical tab\n\n1.   ordered wide\n     same item\n\n        code in item\n2. next\n   - nested\n     more\n"
        let html = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown).html
        #expect(html == "<ul>\n  <li>wide item\ncontinued at four</li>\n  <li>\n    <p>two\ncontinued at three</p>\n\n    <p>second para of two</p>\n  </li>\n  <li>tab item\n  lazy</li>\n  <li class=\"c\">ial item</li>\n  <li>vertical tab</li>\n</ul>\n\n<ol>\n  <li>\n    <p>ordered wide\nsame item</p>\n\n    <p>code in item</p>\n  </li>\n  <li>\n    <p>next</p>\n    <ul>\n      <li>nested\nmore</li>\n    </ul>\n  </li>\n</ol>\n")
    }

    @Test func sourceViewLines() {
        let one = SourceView(Bytes("one line\n".utf8), firstLine: 7)
        #expect(one.lineCount == 1 && one.laterLineStarts.isEmpty)
        #expect(one.sourceLine(at: 0) == 7 && one.sourceLine(at: 8) == 7)
        #expect(one.offset(ofLine: 7) == 0 && one.offset(ofLine: 8) == nil && one.offset(ofLine: 6) == nil)
        #expect(one.offset(after: 7) == 9 && one.offset(after: 6) == 0)

        let three = SourceView(Bytes("a\nbc\n\nd".utf8), firstLine: 2)
        #expect(three.lineCount == 4)
        #expect([0, 1, 2, 3, 4, 5, 6, 7].map(three.sourceLine(at:)) == [2, 2, 3, 3, 3, 4, 5, 5])
        #expect([2, 3, 4, 5, 6].map(three.offset(ofLine:)) == [0, 2, 5, 6, nil])
        #expect([1, 2, 3, 4, 5].map(three.offset(after:)) == [0, 2, 5, 6, 7])

        // the cursor's count agrees with the search for growing offsets, and after going back
        var cursor = three.lineCursor()
        #expect([0, 1, 2, 4, 4, 5, 7, 1, 3, 6, 0].map { three.sourceLine(at: $0, &cursor) } == [2, 2, 3, 3, 3, 4, 5, 2, 3, 5, 2])

        let empty = SourceView([], firstLine: 3)
        #expect(empty.lineCount == 0 && empty.sourceLine(at: 0) == 3 && empty.offset(ofLine: 3) == nil && empty.offset(after: 3) == 0)
    }
}
