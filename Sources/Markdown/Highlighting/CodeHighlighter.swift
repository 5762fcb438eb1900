/// The hook through which a Rouge-compatible highlighter colours code. The Markdown module
/// prints the wrappers kramdown and Jekyll put around code; the highlighter only supplies the
/// token markup inside `<code>`.
public protocol CodeHighlighter: Sendable {
    /// Rouge's `Lexer.find_fancy`: the lexer tag for a language name or alias as written in a
    /// fence (`sh` → `shell`, `yml` → `yaml`), possibly with `?option=value` after it; nil when
    /// there is no lexer for it (the code is then printed as `<pre><code class="language-x">`).
    func lexer(for language: String) -> String?

    /// `Lexer.find_fancy` given the code too: the name `guess` (alone or with options) picks the
    /// lexer from the code. Highlighters that cannot guess answer as `lexer(for:)` does.
    func lexer(for language: String, code: String) -> String?

    /// The token markup for `code` with the lexer `lexer` (as returned by `lexer(for:)`), the way
    /// Rouge's HTML formatter prints it: `<span class="k">def</span>` …, text escaped (`&`, `<`,
    /// `>`), without any wrapper.
    func highlight(_ code: String, lexer: String) -> String

    /// `highlight(code, lexer: lexer)` written into memory the caller provides: `room(n)`
    /// returns where up to `n` bytes may go; the result is how many were written there. Lets a
    /// converter take the markup into its own buffer without a string made and copied. Nil, with
    /// nothing written, to have the caller use `highlight` instead (the default).
    func highlight(_ code: String, lexer: String, into room: (Int) -> UnsafeMutablePointer<UInt8>) -> Int?

    /// Whether `highlight(code, lexer: lexer)` is always `code` with `&`, `<` and `>` escaped and
    /// nothing else (Rouge's plain-text lexer): the converter then escapes such code straight into
    /// its output. No by default.
    func escapesPlainly(lexer: String) -> Bool
}

extension CodeHighlighter {
    public func lexer(for language: String, code: String) -> String? { lexer(for: language) }

    public func escapesPlainly(lexer: String) -> Bool { false }

    public func highlight(_ code: String, lexer: String, into room: (Int) -> UnsafeMutablePointer<UInt8>) -> Int? { nil }

    /// Whether `lexer(for:code:)` must see the code for this name: Rouge's `guess`.
    static func guesses(_ language: String) -> Bool {
        language == "guess" || language.hasPrefix("guess?")
    }
}

/// Knows Rouge's languages but prints no token spans: the code comes out escaped inside the same
/// wrappers Rouge would produce. Used when no real highlighter is plugged in.
public struct PlainCodeHighlighter: CodeHighlighter {
    public init() {}

    public func lexer(for language: String) -> String? {
        let name = language.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return RougeLanguages.lexers[name]
    }

    public func highlight(_ code: String, lexer: String) -> String { Escape.all(code) }

    public func escapesPlainly(lexer: String) -> Bool { true }
}
