/// kramdown's span-level grammar, run on a block's raw text (cmark-gfm decides the blocks; the text
/// inside them is read the way kramdown reads it, because its emphasis, link, escape, quote and
/// typography rules differ from CommonMark's).
///
/// The parser tries its sub-parsers in kramdown's order at every position where one of them can
/// start, and falls back to plain text, as kramdown's `parse_spans` does.
final class SpanParser {
    enum Parser: CaseIterable {
        case emphasis, codespan, autolink, spanHTML, footnoteMarker, link, smartQuotes, inlineMath
        case spanExtensions, htmlEntity, typographicSyms, lineBreak, escapedChars, strikethrough
    }

    /// A link definition; the IAL on its end-of-block marker is read when a link uses it.
    struct LinkDefinition { var url: String; var title: String?; var eob: Element? }
    struct Footnote { var content: Element; var eob: Element }
    struct Abbreviation { var title: String; var eob: Element }

    /// The state of one conversion that the block parser, the span parser and the converter
    /// share: options (which `{::options}` may change), definitions, ids and warnings.
    final class Context {
        var options: KramdownOptions
        var linkDefinitions: [String: LinkDefinition] = [:]
        var footnotes: [String: Footnote] = [:]
        /// Footnote names in the order they were first defined.
        var footnoteOrder: [String] = []
        var abbreviations: [String: Abbreviation] = [:]
        var alds: [String: IAL] = [:]
        var gfmIDs: [String: Int] = [:]
        var warnings: [String] = []
        /// Options set with `{::options}`, in order.
        var inlineOptions: [(String, String)] = []
        var parsers: [Parser]
        init(options: KramdownOptions, parsers: [Parser]? = nil) {
            self.options = options
            if let parsers { self.parsers = parsers; return }
            var p: [Parser] = [.emphasis, .codespan, .autolink, .spanHTML, .footnoteMarker, .link,
                               .smartQuotes, .inlineMath, .spanExtensions, .htmlEntity, .typographicSyms]
            if !(options.input == .gfm && options.hardWrap) { p.append(.lineBreak) }
            p.append(.escapedChars)
            if options.input == .gfm { p.append(.strikethrough) }
            self.parsers = p
        }

        /// `update_attr_with_ial`: the ALDs an IAL refers to (recursively), then its attributes.
        func resolve(_ ial: IAL, onto attrs: Attributes, depth: Int = 0) -> Attributes {
            var a = attrs
            if depth < 32 {
                for r in ial.refs { if let ald = alds[r] { a = resolve(ald, onto: a, depth: depth + 1) } }
            }
            a.apply(ial)
            return a
        }
    }

    let context: Context
    var src: Bytes
    var pos = 0
    var tree: Element
    var stack: [Element] = []
    /// The parser set in effect for the current `parseSpans` call.
    var active: [Parser]
    var gfm: Bool { context.options.input == .gfm }

    init(_ text: String, context: Context) {
        self.context = context
        self.src = text.bytes
        self.tree = Element(.root)
        self.active = context.parsers
    }

    /// Parses the whole text into a list of span elements (with only `parsers`, when given).
    static func parse(_ text: String, context: Context, parsers: [Parser]? = nil) -> [Element] {
        let root = Element(.rawText)
        let p = SpanParser(text, context: context)
        p.tree = root
        if let parsers { p.active = parsers }
        _ = p.parseSpans(root, stop: nil, parsers: nil)
        return root.children
    }

    // MARK: the main loop

    typealias StopTest = (SpanParser, Int) -> Bool

    /// Parses spans into `el` until the end of input, or until `stop` matches at a position and
    /// `accept` agrees. Returns whether the stop was found; the stop itself is not consumed.
    @discardableResult
    func parseSpans(_ el: Element, stop: StopTest?, parsers: [Parser]?, accept: (() -> Bool)? = nil) -> Bool {
        stack.append(tree)
        tree = el
        let savedActive = active
        if let p = parsers { active = p }
        defer { tree = stack.removeLast(); active = savedActive }
        var stopFound = false
        while pos < src.count && !stopFound {
            // scan_until(/(?=stop|span_start)/)
            var p = pos
            var found = false
            let n = src.count
            while p < n {
                // most bytes can start nothing: skip them without asking every parser
                let c = src[p]
                if !Self.trigger[Int(c)] {
                    let next = p + 1 < n ? src[p + 1] : 0
                    if next != Byte.quote && next != Byte.apos { p += 1; continue }
                }
                if let s = stop, s(self, p) { found = true; break }
                if spanStart(at: p) { found = true; break }
                p += 1
            }
            if !found {
                if stop == nil { addText(pos, src.count); pos = src.count }
                break
            }
            addText(pos, p)
            pos = p
            if let s = stop, s(self, pos) { stopFound = accept?() ?? true }
            if stopFound { break }
            if !dispatch() { addText(pos, pos + charLength(at: pos)); pos += charLength(at: pos) }
        }
        return stopFound
    }

    /// Bytes at which a span parser or a stop pattern may match.
    static let trigger: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in "*_`<[]!\"'$&{-.\\ ~>".utf8 { t[Int(c)] = true }
        return t
    }()

    func charLength(at i: Int) -> Int { src.scalar(at: i)?.1 ?? 1 }

    /// Tries the active parsers in order at `pos`; returns whether one handled it.
    func dispatch() -> Bool {
        for parser in active where startMatches(parser, at: pos) {
            run(parser)
            return true
        }
        return false
    }

    /// Whether any active parser's start pattern (the span_start alternation) matches at `p`.
    func spanStart(at p: Int) -> Bool {
        let c = src[p]
        for parser in active {
            switch parser {
            case .emphasis: if c == Byte.star || c == Byte.underscore { return true }
            case .codespan: if c == Byte.backtick { return true }
            case .autolink, .spanHTML: if c == Byte.lt { return true }
            case .footnoteMarker, .link: if c == Byte.lbracket || (c == Byte.bang && src.at(p + 1) == Byte.lbracket) { return true }
            case .smartQuotes:
                if c == Byte.quote || c == Byte.apos { return true }
                if c != Byte.backslash, let n = src.scalar(at: p), let q = src.at(p + n.1), q == Byte.quote || q == Byte.apos { return true }
            case .inlineMath: if c == Byte.dollar { return true }
            case .spanExtensions: if c == Byte.lbrace && src.at(p + 1) == Byte.colon { return true }
            case .htmlEntity: if c == Byte.amp { return true }
            case .typographicSyms:
                if src.hasPrefix("--", at: p) || src.hasPrefix("...", at: p) { return true }
                if c == Byte.backslash || c == Byte.space {
                    if src.hasPrefix("<<", at: p + 1) || src.hasPrefix(">>", at: p + 1) { return true }
                }
                if src.hasPrefix("<<", at: p) || src.hasPrefix(">>", at: p) { return true }
            case .lineBreak:
                if src.hasPrefix("  \n", at: p) || (c == Byte.backslash && src.at(p + 1) == Byte.newline) { return true }
            case .escapedChars: if c == Byte.backslash { return true }
            case .strikethrough: if src.hasPrefix("~~", at: p) { return true }
            }
        }
        return false
    }

    /// Each parser's own start regexp, checked at `p`.
    func startMatches(_ parser: Parser, at p: Int) -> Bool {
        let c = src[p]
        switch parser {
        case .emphasis: return c == Byte.star || c == Byte.underscore
        case .codespan: return c == Byte.backtick
        case .autolink: return autolinkMatch(at: p) != nil
        case .spanHTML:
            guard c == Byte.lt, let n = src.at(p + 1) else { return false }
            return n == Byte.slash || src.hasPrefix("!--", at: p + 1) || HTMLScanner.nameEnd(src, p + 1) != nil
        case .footnoteMarker: return footnoteMarkerMatch(at: p) != nil
        case .link:
            if c == Byte.lbracket { return src.at(p + 1).map { $0 != Byte.caret } ?? false }
            return c == Byte.bang && src.at(p + 1) == Byte.lbracket && (src.at(p + 2).map { $0 != Byte.caret } ?? false)
        case .smartQuotes:
            if c == Byte.quote || c == Byte.apos { return true }
            if c == Byte.backslash { return false }
            guard let n = src.scalar(at: p), let q = src.at(p + n.1) else { return false }
            return q == Byte.quote || q == Byte.apos
        case .inlineMath: return inlineMathMatch(at: p) != nil
        case .spanExtensions: return c == Byte.lbrace && src.at(p + 1) == Byte.colon
        case .htmlEntity: return entityMatch(at: p) != nil
        case .typographicSyms: return typographicMatch(at: p) != nil
        case .lineBreak:
            return src.hasPrefix("  \n", at: p) || src.hasPrefix("\\\\\n", at: p)
        case .escapedChars:
            guard c == Byte.backslash, let n = src.at(p + 1) else { return false }
            return Self.isEscapable(n, gfm: active.contains(.strikethrough) || gfm)
        case .strikethrough: return strikethroughMatch(at: p) != nil
        }
    }

    static func isEscapable(_ c: UInt8, gfm: Bool) -> Bool {
        switch c {
        case Byte.backslash, Byte.dot, Byte.star, Byte.underscore, Byte.plus, Byte.backtick, Byte.lt, Byte.gt,
             Byte.lparen, Byte.rparen, Byte.lbracket, Byte.rbracket, Byte.lbrace, Byte.rbrace, Byte.hash,
             Byte.bang, Byte.colon, Byte.pipe, Byte.quote, Byte.apos, Byte.dollar, Byte.equals, Byte.dash:
            return true
        case Byte.tilde: return gfm
        default: return false
        }
    }

    func run(_ parser: Parser) {
        switch parser {
        case .emphasis: parseEmphasis()
        case .codespan: parseCodespan()
        case .autolink: parseAutolink()
        case .spanHTML: parseSpanHTML()
        case .footnoteMarker: parseFootnoteMarker()
        case .link: parseLink()
        case .smartQuotes: parseSmartQuotes()
        case .inlineMath: parseInlineMath()
        case .spanExtensions: parseSpanExtensions()
        case .htmlEntity: parseEntity()
        case .typographicSyms: parseTypographic()
        case .lineBreak:
            tree.children.append(Element(.br))
            pos += 2
        case .escapedChars:
            addText(pos + 1, pos + 2)
            pos += 2
        case .strikethrough: parseStrikethrough()
        }
    }

    // MARK: text

    func addText(_ from: Int, _ to: Int) {
        guard to > from else { return }
        addText(src.string(from..<to))
    }

    func addText(_ s: String, to el: Element? = nil) {
        let target = el ?? tree
        if let last = target.children.last, last.kind == .text {
            last.value += s
        } else if !s.isEmpty {
            target.children.append(.text(s))
        }
    }

    func warn(_ s: String) { context.warnings.append(s) }

    /// Whether `el` or an ancestor in the current parse has the kind `k`.
    func inside(_ k: Element.Kind) -> Bool {
        tree.kind == k || stack.contains { $0.kind == k }
    }
}
