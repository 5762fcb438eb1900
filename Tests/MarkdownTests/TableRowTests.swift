import Testing
@testable import Markdown
import MarkdownHighlight

/// Table rows with nothing to keep whole or unescape (no backtick, `<` or backslash) are split
/// into cells as ranges of the source; the others as strings. Both must print what kramdown does.
struct TableRowTests {
    /// Expected HTML from kramdown 2.4 with GFM input, as Jekyll 4.3.1 calls it (code spans with
    /// Rouge's class): plain rows with padded, tab-separated and empty cells beside rows with an
    /// escaped pipe, a code span holding a pipe and a `<`.
    @Test func plainAndOtherRowsConvertAsKramdownDoes() {
        let markdown = "| Name | Value |\tNote |\n|:-----|------:|:----:|\n|  a   |   1   | x *y* |\n| | 2 |  |\nb | c\\|d | e\nf |   g h\t| `i|j` | k < l\n|  |\n"
        let html = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown).html
        #expect(html == "<table>\n  <thead>\n    <tr>\n      <th style=\"text-align: left\">Name</th>\n      <th style=\"text-align: right\">Value</th>\n      <th style=\"text-align: center\">Note</th>\n      <th>\u{a0}</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td style=\"text-align: left\">a</td>\n      <td style=\"text-align: right\">1</td>\n      <td style=\"text-align: center\">x <em>y</em></td>\n      <td>\u{a0}</td>\n    </tr>\n    <tr>\n      <td style=\"text-align: left\">\u{a0}</td>\n      <td style=\"text-align: right\">2</td>\n      <td style=\"text-align: center\">\u{a0}</td>\n      <td>\u{a0}</td>\n    </tr>\n    <tr>\n      <td style=\"text-align: left\">b</td>\n      <td style=\"text-align: right\">c|d</td>\n      <td style=\"text-align: center\">e</td>\n      <td>\u{a0}</td>\n    </tr>\n    <tr>\n      <td style=\"text-align: left\">f</td>\n      <td style=\"text-align: right\">g h</td>\n      <td style=\"text-align: center\"><code class=\"language-plaintext highlighter-rouge\">i|j</code></td>\n      <td>k &lt; l</td>\n    </tr>\n    <tr>\n      <td style=\"text-align: left\">\u{a0}</td>\n      <td style=\"text-align: right\">\u{a0}</td>\n      <td style=\"text-align: center\">\u{a0}</td>\n      <td>\u{a0}</td>\n    </tr>\n  </tbody>\n</table>\n")
    }

    /// A plain cell keeps its text as a range of the source on itself, as a paragraph does: a
    /// text without a span trigger, simple spans, other spans, an empty cell (Jekyll 4.3.1's
    /// HTML); and with an abbreviation defined, whose pass reads the cells' texts as elements.
    @Test func cellTextsKeptOnTheCellConvertAsKramdownDoes() {
        let converter = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter())
        #expect(converter.convert("| Name | Value | Note |\n|:-----|------:|:----:|\n| plain | *em* and `code` | [link](http://x.y) |\n| a & b | <b>html</b> | |\n| \"quoted\" -- dash | ~~gone~~ | x\\|y |\n\nText before.\n\na | b\n--|--\n1 | 2\n").html == "<table>\n  <thead>\n    <tr>\n      <th style=\"text-align: left\">Name</th>\n      <th style=\"text-align: right\">Value</th>\n      <th style=\"text-align: center\">Note</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td style=\"text-align: left\">plain</td>\n      <td style=\"text-align: right\"><em>em</em> and <code class=\"language-plaintext highlighter-rouge\">code</code></td>\n      <td style=\"text-align: center\"><a href=\"http://x.y\">link</a></td>\n    </tr>\n    <tr>\n      <td style=\"text-align: left\">a &amp; b</td>\n      <td style=\"text-align: right\"><b>html</b></td>\n      <td style=\"text-align: center\">\u{a0}</td>\n    </tr>\n    <tr>\n      <td style=\"text-align: left\">“quoted” – dash</td>\n      <td style=\"text-align: right\"><del>gone</del></td>\n      <td style=\"text-align: center\">x|y</td>\n    </tr>\n  </tbody>\n</table>\n\n<p>Text before.</p>\n\n<table>\n  <thead>\n    <tr>\n      <th>a</th>\n      <th>b</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td>1</td>\n      <td>2</td>\n    </tr>\n  </tbody>\n</table>\n")
        #expect(converter.convert("| HTML cell | plain |\n|---|---|\n| the HTML way | none |\n\n*[HTML]: Hyper Text\n").html == "<table>\n  <thead>\n    <tr>\n      <th><abbr title=\"Hyper Text\">HTML</abbr> cell</th>\n      <th>plain</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td>the <abbr title=\"Hyper Text\">HTML</abbr> way</td>\n      <td>none</td>\n    </tr>\n  </tbody>\n</table>\n\n")
    }

    /// A table without a backtick or `<` is one text to the span grammar, and its last check
    /// (`pipesOnEveryLine`) reads the text's first and last lines in place: as the check splits
    /// the text (empty lines at the end left out, a pipe first or after a byte that is no backslash).
    @Test func pipesOnFirstAndLastLinesAsTheTextSplitReadsThem() {
        func splitCheck(_ text: Bytes) -> Bool {
            var lines = text.split(separator: Byte.newline, omittingEmptySubsequences: false)
            while lines.last?.isEmpty == true { lines.removeLast() }
            let firstHasPipe = lines.first.map { BlockParser.hasTablePipe(Bytes($0), 0) } ?? false
            if lines.count > 1 && !firstHasPipe { return false }
            return lines.last.map { BlockParser.hasTablePipe(Bytes($0), 0) } ?? false
        }
        var random = BlockSkeletonTests.SeededRandom(seed: 0xD1B5_4A32_D192_ED03)
        func next() -> UInt64 { UInt64(random.next()) }
        let alphabet = Bytes("a|\\\n\n ".utf8)
        for _ in 0..<20_000 {
            let text = (0..<Int(next() % 14)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            let inPlace = text.withUnsafeBufferPointer { BlockParser.pipesOnFirstAndLastLines($0) }
            #expect(inPlace == splitCheck(text), "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
    }
}
