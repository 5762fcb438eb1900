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
}
