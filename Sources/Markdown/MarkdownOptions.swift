/// The `kramdown:` options Jekyll passes to kramdown, with Jekyll 4.3's defaults.
///
/// Names follow the configuration keys (`auto_ids` → `autoIDs`). Jekyll's own layer is reproduced
/// too: `syntax_highlighter` comes from `highlighter:`, `default_lang` is `plaintext`, and
/// `guess_lang` is copied into the highlighter options.
public struct KramdownOptions: Sendable, Equatable {
    public enum Input: String, Sendable { case gfm = "GFM", kramdown }
    public enum EntityOutput: String, Sendable { case asChar = "as_char", asInput = "as_input", numeric, symbolic }
    public enum MathEngine: String, Sendable { case mathjax, none }
    public enum SyntaxHighlighter: String, Sendable { case rouge, none }

    /// Highlighter options for code blocks or for code spans (`syntax_highlighter_opts.block/span`).
    public struct HighlighterOptions: Sendable, Equatable {
        public var defaultLang: String?
        public var guessLang: Bool
        public var disable: Bool
        /// The options kramdown hands to Rouge's legacy HTML formatter: the `<pre>` class of the
        /// wrapper, the wrapper itself (never around spans), and a line-number table.
        public var cssClass = "highlight"
        public var wrap = true
        public var lineNumbers = false
        public var table = RougeTable()
        public init(defaultLang: String? = "plaintext", guessLang: Bool = true, disable: Bool = false) {
            self.defaultLang = defaultLang
            self.guessLang = guessLang
            self.disable = disable
        }

        /// Sets the formatter options named in a `syntax_highlighter_opts` mapping (Ruby truth:
        /// only false and nil are false).
        mutating func setFormatterOptions(_ m: [String: OptionValue]) {
            if let v = m["css_class"]?.string { cssClass = v }
            if let v = m["wrap"] { wrap = v.truthy }
            if let v = m["line_numbers"] { lineNumbers = v.truthy }
            if let v = m["start_line"]?.int { table.startLine = v }
            if let v = m["table_class"]?.string { table.tableClass = v }
            if let v = m["gutter_class"]?.string { table.gutterClass = v }
            if let v = m["code_class"]?.string { table.codeClass = v }
        }
    }

    public var input: Input = .gfm
    public var autoIDs = true
    public var autoIDPrefix = ""
    /// Only meaningful for `input: kramdown`; the GFM parser always strips.
    public var autoIDStripping = false
    public var tocLevels: Set<Int> = [1, 2, 3, 4, 5, 6]
    /// Entity names for ‘ ’ “ ” in that order.
    public var smartQuotes = ["lsquo", "rsquo", "ldquo", "rdquo"]
    public var entityOutput: EntityOutput = .asChar
    public var hardWrap = false
    public var footnoteNr = 1
    public var footnoteBacklink = "&#8617;"
    public var footnoteBacklinkInline = false
    public var footnotePrefix = ""
    public var headerOffset = 0
    public var mathEngine: MathEngine = .mathjax
    public var syntaxHighlighter: SyntaxHighlighter = .rouge
    public var blockHighlighting = HighlighterOptions()
    public var spanHighlighting = HighlighterOptions()
    public var parseBlockHTML = false
    public var parseSpanHTML = true
    public var transliteratedHeaderIDs = false
    /// `typographic_symbols`: replacement text for `hellip`, `mdash`, `ndash`, `laquo`, `raquo`,
    /// `laquo_space`, `raquo_space`.
    public var typographicSymbols: [String: String] = [:]
    /// What reads the block structure of GFM input: cmark-gfm's block tree checked against
    /// kramdown's rules (`CmarkBlockBuilder`, the default), or kramdown's block grammar alone.
    /// `input: kramdown` always uses the grammar.
    var blockSource: BlockSource = .cmark
    enum BlockSource: Sendable { case kramdownGrammar, cmark }

    public init() {}

    /// Builds options from the values of a `kramdown:` mapping, as strings, integers, booleans or
    /// arrays. Unknown keys are ignored, as kramdown ignores them.
    public init(config: [String: OptionValue], highlighter: String = "rouge") {
        self.init()
        if let v = config["syntax_highlighter"]?.string { syntaxHighlighter = SyntaxHighlighter(rawValue: v) ?? .none }
        else { syntaxHighlighter = SyntaxHighlighter(rawValue: highlighter) ?? .none }
        if let v = config["input"]?.string { input = v.lowercased() == "kramdown" ? .kramdown : .gfm }
        if let v = config["auto_ids"]?.bool { autoIDs = v }
        if let v = config["auto_id_prefix"]?.string { autoIDPrefix = v }
        if let v = config["auto_id_stripping"]?.bool { autoIDStripping = v }
        if let v = config["toc_levels"] { tocLevels = Self.levels(v) }
        if let v = config["smart_quotes"] { smartQuotes = Self.quotes(v) }
        if let v = config["entity_output"]?.string, let e = EntityOutput(rawValue: v) { entityOutput = e }
        if let v = config["hard_wrap"]?.bool { hardWrap = v }
        if let v = config["footnote_nr"]?.int { footnoteNr = v }
        if let v = config["footnote_backlink"]?.string { footnoteBacklink = v }
        if let v = config["footnote_backlink_inline"]?.bool { footnoteBacklinkInline = v }
        if let v = config["footnote_prefix"]?.string { footnotePrefix = v }
        if let v = config["header_offset"]?.int { headerOffset = v }
        if let v = config["math_engine"] { mathEngine = v.string.flatMap(MathEngine.init(rawValue:)) ?? .none }
        if let v = config["parse_block_html"]?.bool { parseBlockHTML = v }
        if let v = config["parse_span_html"]?.bool { parseSpanHTML = v }
        if let v = config["transliterated_header_ids"]?.bool { transliteratedHeaderIDs = v }
        if case .map(let m)? = config["typographic_symbols"] { typographicSymbols = m.compactMapValues(\.string) }
        // Jekyll: default_lang defaults to plaintext, guess_lang is copied from kramdown.guess_lang.
        var shared = HighlighterOptions(defaultLang: "plaintext", guessLang: config["guess_lang"]?.bool ?? true)
        var block: [String: OptionValue] = [:], span: [String: OptionValue] = [:]
        if case .map(let opts)? = config["syntax_highlighter_opts"] {
            if let v = opts["default_lang"]?.string { shared.defaultLang = v }
            if let v = opts["disable"]?.bool { shared.disable = v }
            shared.setFormatterOptions(opts)
            if case .map(let m)? = opts["block"] { block = m }
            if case .map(let m)? = opts["span"] { span = m }
        }
        blockHighlighting = Self.apply(block, to: shared)
        spanHighlighting = Self.apply(span, to: shared)
    }

    private static func apply(_ m: [String: OptionValue], to base: HighlighterOptions) -> HighlighterOptions {
        var o = base
        if let v = m["default_lang"]?.string { o.defaultLang = v }
        if let v = m["guess_lang"]?.bool { o.guessLang = v }
        if let v = m["disable"]?.bool { o.disable = v }
        o.setFormatterOptions(m)
        return o
    }

    static func levels(_ v: OptionValue) -> Set<Int> {
        switch v {
        case .array(let a): return Set(a.compactMap(\.int))
        case .int(let i): return [i]
        case .string(let s):
            // "1..3" or "1,2,3"
            let parts = s.split(separator: ".", omittingEmptySubsequences: true)
            if s.contains(".."), parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b {
                return Set(a...b)
            }
            return Set(s.split(separator: ",").compactMap { Int($0.trimmingSpaces) })
        default: return [1, 2, 3, 4, 5, 6]
        }
    }

    static func quotes(_ v: OptionValue) -> [String] {
        let items: [String]
        switch v {
        case .array(let a): items = a.compactMap(\.string)
        case .string(let s): items = s.split(separator: ",").map { String($0.trimmingSpaces) }
        default: items = []
        }
        return items.count == 4 ? items : ["lsquo", "rsquo", "ldquo", "rdquo"]
    }
}

/// A configuration value as read from YAML, without depending on a YAML module.
public enum OptionValue: Sendable, Equatable {
    case string(String), int(Int), bool(Bool), array([OptionValue]), map([String: OptionValue]), null

    var string: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }
    var bool: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s): return s == "true" ? true : (s == "false" ? false : nil)
        case .null: return false
        default: return nil
        }
    }
    /// Ruby's truth: everything but false and nil.
    var truthy: Bool {
        switch self {
        case .bool(let b): return b
        case .null: return false
        default: return true
        }
    }
    var int: Int? {
        switch self {
        case .int(let i): return i
        case .string(let s): return Int(s)
        default: return nil
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
