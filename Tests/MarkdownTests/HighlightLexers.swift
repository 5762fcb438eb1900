import Highlight
import Markdown

/// The Highlight module's Rouge-compatible lexers as the Markdown module's highlighting hook, as
/// the Jekyll module wires them, so that code blocks in the shared cases carry Rouge's token spans.
/// A language Rouge knows but the Highlight module has no lexer for comes out escaped in the same
/// wrappers, as Rouge's plain-text lexer prints it.
struct HighlightLexers: CodeHighlighter {
    private let rougeNames = PlainCodeHighlighter()

    func lexer(for language: String) -> String? {
        Highlighter.lexer(for: language)?.name ?? rougeNames.lexer(for: language)
    }

    func highlight(_ code: String, lexer: String) -> String {
        Highlighter.lexer(for: lexer)?.highlight(code) ?? Highlighter.escape(code)
    }
}
