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

    /// Expected HTML from Jekyll 4.3.1 (kramdown 2.4, GFM input): one-line items, whose
    /// paragraph is cut from the list's source without a walk of the item, next to the items
    /// that still need one (a table pipe, a header, a nested list or an IAL on the line, lazy
    /// and indented lines), loose and task items, spans and typography, trailing spaces.
    @Test func oneLineItemsConvertAsKramdownDoes() {
        let markdown = "- plain item\n- item with *em*, **strong** and `code`\n- item | with pipe\n- # heading item\n- [ ] open task\n- [x] done task\n- trailing spaces   \n- Ünïcode item -- dash... \"quoted\"\n- 1. nested on the first line\n- lazy item\ncontinued lazily\n- last\n\n* loose one\n\n* loose two\n    indented more\n\n1. first\n2. second\n3. {:.c} ial\n4. <span>html</span>\n\n- a\n  - nested one-line\n  - nested two\n- b\n"
        let html = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown).html
        #expect(html == "<ul class=\"task-list\">\n  <li>plain item</li>\n  <li>item with <em>em</em>, <strong>strong</strong> and <code class=\"language-plaintext highlighter-rouge\">code</code></li>\n  <li>\n    <table>\n      <tbody>\n        <tr>\n          <td>item</td>\n          <td>with pipe</td>\n        </tr>\n      </tbody>\n    </table>\n  </li>\n  <li>\n    <h1 id=\"heading-item\">heading item</h1>\n  </li>\n  <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />open task</li>\n  <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />done task</li>\n  <li class=\"task-list-item\">trailing spaces</li>\n  <li class=\"task-list-item\">Ünïcode item – dash… “quoted”</li>\n  <li>\n    <ol>\n      <li>nested on the first line</li>\n    </ol>\n  </li>\n  <li class=\"task-list-item\">lazy item\ncontinued lazily</li>\n  <li class=\"task-list-item\">\n    <p>last</p>\n  </li>\n  <li class=\"task-list-item\">\n    <p>loose one</p>\n  </li>\n  <li class=\"task-list-item\">loose two\n  indented more</li>\n</ul>\n\n<ol>\n  <li>first</li>\n  <li>second</li>\n  <li class=\"c\">ial</li>\n  <li><span>html</span></li>\n</ol>\n\n<ul>\n  <li>a\n    <ul>\n      <li>nested one-line</li>\n      <li>nested two</li>\n    </ul>\n  </li>\n  <li>b</li>\n</ul>\n")
    }

    /// Expected HTML from Jekyll 4.3.1: one-line items followed by blank lines (one empty line,
    /// lines of spaces and tabs, several), loose and tight, the last item's blank lines after
    /// the list.
    @Test func oneLineItemsWithBlankLinesConvertAsKramdownDoes() {
        let markdown = "- one\n\n- two\n  \n\n- three\n\n\nafter\n\n1. x\n2. y\n \t\n\n* last\n\n"
        let html = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown).html
        #expect(html == "<ul>\n  <li>\n    <p>one</p>\n  </li>\n  <li>\n    <p>two</p>\n  </li>\n  <li>\n    <p>three</p>\n  </li>\n</ul>\n\n<p>after</p>\n\n<ol>\n  <li>x</li>\n  <li>y</li>\n</ol>\n\n<ul>\n  <li>last</li>\n</ul>\n\n")
    }

    /// Expected HTML from Jekyll 4.3.1: kramdown reads the text before a list nested without a
    /// blank line apart from that list, so a table there ends at it (a line without a pipe, or a
    /// block quote, still makes a paragraph of the text). Through cmark's tree and through the
    /// grammar alone alike.
    @Test(arguments: [KramdownOptions.BlockSource.cmark, .kramdownGrammar])
    func tableBeforeANestedListConvertsAsKramdownDoes(through source: KramdownOptions.BlockSource) {
        let markdown = "- a | b\n  - nested\n- c\n\n1. x | y\n   1. inner\n\n* one\n  two | three\n  * nested\n\n- q | r\n  s | t\n  - n\n\n- `u|v` w\n  - n\n\n- a | b\n  > quote\n"
        let html = CmarkBlockCorpusTests.converter(source).convert(markdown).html
        #expect(html == "<ul>\n  <li>\n    <table>\n      <tbody>\n        <tr>\n          <td>a</td>\n          <td>b</td>\n        </tr>\n      </tbody>\n    </table>\n    <ul>\n      <li>nested</li>\n    </ul>\n  </li>\n  <li>c</li>\n</ul>\n\n<ol>\n  <li>\n    <table>\n      <tbody>\n        <tr>\n          <td>x</td>\n          <td>y</td>\n        </tr>\n      </tbody>\n    </table>\n    <ol>\n      <li>inner</li>\n    </ol>\n  </li>\n</ol>\n\n<ul>\n  <li>one\ntwo | three\n    <ul>\n      <li>nested</li>\n    </ul>\n  </li>\n  <li>\n    <table>\n      <tbody>\n        <tr>\n          <td>q</td>\n          <td>r</td>\n        </tr>\n        <tr>\n          <td>s</td>\n          <td>t</td>\n        </tr>\n      </tbody>\n    </table>\n    <ul>\n      <li>n</li>\n    </ul>\n  </li>\n  <li><code class=\"language-plaintext highlighter-rouge\">u|v</code> w\n    <ul>\n      <li>n</li>\n    </ul>\n  </li>\n  <li>a | b\n    <blockquote>\n      <p>quote</p>\n    </blockquote>\n  </li>\n</ul>\n")
    }

    /// The same for lists `BlockSkeleton` leaves out of cmark's copy (followed by a paragraph).
    @Test(arguments: [KramdownOptions.BlockSource.cmark, .kramdownGrammar])
    func tableBeforeANestedListInAListLeftOutConvertsAsKramdownDoes(through source: KramdownOptions.BlockSource) {
        let markdown = "- x\n- a | b\n  - nested\n- y\n\nafter\n\n- | c | d |\n  - n\n\nend\n"
        let html = CmarkBlockCorpusTests.converter(source).convert(markdown).html
        #expect(html == "<ul>\n  <li>x</li>\n  <li>\n    <table>\n      <tbody>\n        <tr>\n          <td>a</td>\n          <td>b</td>\n        </tr>\n      </tbody>\n    </table>\n    <ul>\n      <li>nested</li>\n    </ul>\n  </li>\n  <li>y</li>\n</ul>\n\n<p>after</p>\n\n<ul>\n  <li>\n    <table>\n      <tbody>\n        <tr>\n          <td>c</td>\n          <td>d</td>\n        </tr>\n      </tbody>\n    </table>\n    <ul>\n      <li>n</li>\n    </ul>\n  </li>\n</ul>\n\n<p>end</p>\n")
    }

    /// A list whose lines hold no `[`, space, tab, `x` or `X`, then `]` has no task item, so the
    /// block builder leaves out the task pass (`CmarkBlockBuilder.mayHoldTaskMarker`).
    @Test func taskMarkerCheck() {
        func check(_ s: String) -> Bool { CmarkBlockBuilder.mayHoldTaskMarker(Bytes(s.utf8), 0..<s.utf8.count) }
        #expect(check("- [ ] a\n") && check("- [x] a\n") && check("- [X] a\n") && check("- a\n- [\t] b\n"))
        #expect(!check("- [a](b) link\n") && !check("- [] a\n") && !check("- [ x] a\n") && !check("- a [ "))
        let b = Bytes("x [ ] y".utf8)
        #expect(!CmarkBlockBuilder.mayHoldTaskMarker(b, 0..<4) && CmarkBlockBuilder.mayHoldTaskMarker(b, 2..<5))
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

    /// Long views find their lines into room made at once (one line a 32 bytes), and again with
    /// room for all when they have more: the starts are every byte after a newline but the last.
    @Test(arguments: [
        "short\nlines\n", String(repeating: "a line of some forty bytes, give or take\n", count: 40),
        String(repeating: "\n", count: 600), String(repeating: "x\n", count: 400) + "no newline at the end",
        String(repeating: "y", count: 700) + "\n" + String(repeating: "z", count: 100) + "\n\n",
    ])
    func sourceViewLineStarts(_ text: String) {
        let bytes = Bytes(text.utf8)
        let expected = bytes.indices.dropLast().filter { bytes[$0] == Byte.newline }.map { $0 + 1 }
        #expect(SourceView(bytes, firstLine: 0).laterLineStarts == expected)
    }
}
