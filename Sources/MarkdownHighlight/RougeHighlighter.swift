import Highlight
import Markdown

/// The Highlight module's lexers as the Markdown module's highlighting hook: how Jekyll wires
/// them (for kramdown's code blocks and `{% highlight %}`), and so how the Markdown tests and
/// benchmark wire them too. A language Rouge knows but the Highlight module has no lexer for yet
/// comes out escaped in the same wrappers, as Rouge's plain-text lexer would print it.
public struct RougeHighlighter: CodeHighlighter {
    private let languages = PlainCodeHighlighter()

    public init() {}

    public func lexer(for language: String) -> String? {
        if let lexer = Highlighter.lexer(for: language) { return lexer.name }
        return languages.lexer(for: language)
    }

    public func lexer(for language: String, code: String) -> String? {
        if let lexer = Highlighter.lexer(for: language, code: code) { return lexer.name }
        return languages.lexer(for: language)
    }

    public func highlight(_ code: String, lexer: String) -> String {
        Highlighter.lexer(for: lexer)?.highlight(code) ?? Highlighter.escape(code)
    }

    public func highlight(_ code: String, lexer: String, into room: (Int) -> UnsafeMutablePointer<UInt8>) -> Int? {
        Highlighter.lexer(for: lexer)?.highlight(code, into: room)
    }

    /// Rouge's plain-text lexer makes one text token of the code: no spans, only escaping.
    public func escapesPlainly(lexer: String) -> Bool { lexer == Lexer.plainText.name }
}
