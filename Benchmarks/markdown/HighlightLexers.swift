import Highlight
import Markdown

/// The Highlight module's lexers as the Markdown module's highlighting hook, wired as the Jekyll
/// module wires them, so that kyll highlights code as kramdown does with Rouge.
struct HighlightLexers: CodeHighlighter {
    private let rougeNames = PlainCodeHighlighter()

    func lexer(for language: String) -> String? {
        Highlighter.lexer(for: language)?.name ?? rougeNames.lexer(for: language)
    }

    func highlight(_ code: String, lexer: String) -> String {
        Highlighter.lexer(for: lexer)?.highlight(code) ?? Highlighter.escape(code)
    }
}
