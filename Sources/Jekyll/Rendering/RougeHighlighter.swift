import Highlight
import Markdown

/// The Highlight module's lexers as the Markdown module's highlighting hook and for `{% highlight %}`.
/// A language Rouge knows but the Highlight module has no lexer for yet comes out escaped in the
/// same wrappers, as Rouge's plain-text lexer would print it.
struct RougeHighlighter: CodeHighlighter {
    private let languages = PlainCodeHighlighter()

    func lexer(for language: String) -> String? {
        if let lexer = Highlighter.lexer(for: language) { return lexer.name }
        return languages.lexer(for: language)
    }

    func lexer(for language: String, code: String) -> String? {
        if let lexer = Highlighter.lexer(for: language, code: code) { return lexer.name }
        return languages.lexer(for: language)
    }

    func highlight(_ code: String, lexer: String) -> String {
        Highlighter.lexer(for: lexer)?.highlight(code) ?? Highlighter.escape(code)
    }
}
