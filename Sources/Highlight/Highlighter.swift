/// Entry point: find a lexer by the names Rouge 3.30 accepts and highlight code with it.
public enum Highlighter {
    /// Every lexer this module provides.
    public static let allLexers: [Lexer] = [
        .plainText, .python, .yaml, .shell, .console, .liquid, .ruby, .javascript, .typescript, .css, .html, .xml, .markdown, .diff, .sass, .scss, .json, .apache, .nginx, .php, .c, .cpp, .java, .go, .rust, .swift, .sql, .docker, .toml, .ini, .make, .tex, .matlab, .r, .julia, .haskell, .erb,
    ]

    private static let registry: [String: Lexer] = {
        var table: [String: Lexer] = [:]
        for lexer in allLexers {
            table[lexer.name] = lexer
            for alias in lexer.aliases { table[alias] = lexer }
        }
        return table
    }()

    /// The lexer Rouge's `Lexer.find` picks for `name`: an exact, case-sensitive match of a tag
    /// or alias. Options after `?` (`"ruby?foo=bar"`) are accepted and ignored. Nil when this
    /// module has no such lexer, and for `"guess"`, which needs the code: see
    /// `lexer(for:code:)`.
    public static func lexer(for name: String) -> Lexer? {
        // Plain text, kramdown's default language for code spans, is looked up when a site's
        // converter is set up, code or not: found without making every lexer for the registry
        // (~120 k instructions at every start).
        if name == Lexer.plainText.name || Lexer.plainText.aliases.contains(name) { return .plainText }
        if let lexer = registry[name] { return lexer }
        guard let q = name.firstIndex(of: "?") else { return nil }
        return registry[String(name[..<q])]
    }

    /// Rouge's `Lexer.find_fancy(name, code)`: like `lexer(for:)`, and `"guess"` (alone or with
    /// options) guesses from `code` (see `guess(_:)`).
    public static func lexer(for name: String, code: String) -> Lexer? {
        let base = name.firstIndex(of: "?").map { String(name[..<$0]) } ?? name
        if base == "guess" { return guess(code) }
        return lexer(for: name)
    }

    /// The token-span HTML of `code` in `language`, or nil for a language no lexer knows.
    public static func highlight(_ code: String, language: String) -> String? {
        lexer(for: language, code: code)?.highlight(code)
    }

    /// `text` escaped as Rouge escapes (`&`, `<`, `>` only): what an unknown language gets.
    public static func escape(_ text: String) -> String { HTMLFormatter.escape(text) }
}
