import Markdown
import MarkdownHighlight
import Testing

/// `escapesPlainly(lexer:)` lets the Markdown converter escape inline code itself instead of asking
/// the highlighter: it must answer yes only where the highlighter's markup is exactly the escaped code.
@Suite struct PlainEscapingTests {
    static let samples = ["", "x", "a < b && c > d", "&amp; &#60; \"quoted\" 'single'", "line\nbreak\ttab  ",
                          "ünïcödé → ∑", "<span class=\"k\">def</span>", "if (a) { return b; }"]

    @Test(arguments: samples) func plainTextLexerOnlyEscapes(code: String) {
        let rouge = RougeHighlighter()
        #expect(rouge.escapesPlainly(lexer: "plaintext"))
        #expect(rouge.highlight(code, lexer: "plaintext") == PlainCodeHighlighter().highlight(code, lexer: "plaintext"))
    }

    @Test(arguments: ["ruby", "javascript", "python"]) func lexersWithTokensDoNotClaimIt(lexer: String) {
        let rouge = RougeHighlighter()
        #expect(!rouge.escapesPlainly(lexer: lexer))
        #expect(rouge.highlight("def f(x): return x", lexer: lexer) != "def f(x): return x")
    }
}
