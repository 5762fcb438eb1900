/// kramdown's span-level grammar, run on a block's raw text (cmark-gfm decides the blocks; the text
/// inside them is read the way kramdown reads it, because its emphasis, link, escape, quote and
/// typography rules differ from CommonMark's).
///
/// The parser tries its sub-parsers in kramdown's order at every position where one of them can
/// start, and falls back to plain text, as kramdown's `parse_spans` does.
final class SpanParser {
    enum Parser: Int, CaseIterable {
        case emphasis, codespan, autolink, spanHTML, footnoteMarker, link, smartQuotes, inlineMath
        case spanExtensions, htmlEntity, typographicSyms, lineBreak, escapedChars, strikethrough
        var bit: UInt32 { UInt32(rawValue) }
    }

    /// A link definition; the IAL on its end-of-block marker is read when a link uses it.
    struct LinkDefinition { var url: String; var title: String?; var eob: Element? }
    struct Footnote { var content: Element; var eob: Element }
    struct Abbreviation { var title: String; var eob: Element }

    /// The state of one conversion that the block parser, the span parser and the converter
    /// share: options (which `{::options}` may change), definitions, ids and warnings.
    final class Context {
        @exclusivity(unchecked) var options: KramdownOptions
        /// Whether a `{::options}` may have changed `options` (even one that adds none to
        /// `inlineOptions`): `reset` copies them back only then (comparing or copying them cost
        /// more than the rest of a reset).
        @exclusivity(unchecked) var optionsMayHaveChanged = false
        @exclusivity(unchecked) var linkDefinitions: [String: LinkDefinition] = [:]
        @exclusivity(unchecked) var footnotes: [String: Footnote] = [:]
        /// Footnote names in the order they were first defined.
        @exclusivity(unchecked) var footnoteOrder: [String] = []
        @exclusivity(unchecked) var abbreviations: [String: Abbreviation] = [:]
        @exclusivity(unchecked) var alds: [String: IAL] = [:]
        @exclusivity(unchecked) var gfmIDs = HeaderIDCounts()
        /// The ids of the headers named by their pending text (`GFMPass.countTextID`).
        let textIDBytes = TextIDBytes()
        @exclusivity(unchecked) var warnings: [MarkdownWarning] = []
        /// Footnotes a marker named (kramdown's `:marker`), for the unreferenced-footnote warning.
        @exclusivity(unchecked) var referencedFootnotes: Set<String> = []
        /// Whether the source holds a backslash before a line end (a GFM break); when it does
        /// not (and `hard_wrap` is off) no text of the tree can hold a break.
        @exclusivity(unchecked) var sourceHasBackslashBreak = true
        /// Whether the tree pass met an IAL that references `toc` (only a list with one becomes
        /// the table of contents): when none did, the converter does not collect the headers.
        @exclusivity(unchecked) var mayRequestTOC = false
        /// Options set with `{::options}`, in order.
        @exclusivity(unchecked) var inlineOptions: [(String, String)] = []
        /// What the tree pass read of the texts with simple spans, for the converter (the
        /// pool's, emptied: its room kept from conversion to conversion).
        let simpleSpanOps: SimpleSpans.Ops
        let parsers: [Parser]
        /// `parsers` as a bit set (`SpanParser.mask`), made once for every parser of the conversion.
        let parsersMask: UInt32
        /// The blank element of every run of one empty line with no block IAL waiting, shared by
        /// all such runs of the document (a quarter of a page's elements were these) and by the
        /// pool's later documents (`ElementPool.newlineBlank`): a blank is
        /// only read (its kind and text) and moved, and the two places that add a run to the one
        /// before it give a shared one an element of its own first (`isSharedBlank`).
        let newlineBlank: Element
        /// Where the conversion's block elements come from.
        let elementPool: ElementPool
        init(options: KramdownOptions, parsers: [Parser]? = nil, elementPool: ElementPool = ElementPool()) {
            self.options = options
            self.elementPool = elementPool
            simpleSpanOps = elementPool.simpleSpanOps
            simpleSpanOps.truncate(to: 0)
            newlineBlank = elementPool.newlineBlank
            if let parsers {
                self.parsers = parsers
            } else {
                var p: [Parser] = [.emphasis, .codespan, .autolink, .spanHTML, .footnoteMarker, .link,
                                   .smartQuotes, .inlineMath, .spanExtensions, .htmlEntity, .typographicSyms]
                if !(options.input == .gfm && options.hardWrap) { p.append(.lineBreak) }
                p.append(.escapedChars)
                if options.input == .gfm { p.append(.strikethrough) }
                self.parsers = p
            }
            parsersMask = SpanParser.mask(self.parsers)
        }

        /// Sets the context back to the state `init` gives it, with `options`, for another
        /// conversion (`ElementPools`): made once per pool instead of once per page. The
        /// tables keep their room; what they held is released (the pool recycles the tree after).
        func reset(options: KramdownOptions) {
            if optionsMayHaveChanged {
                self.options = options
                optionsMayHaveChanged = false
            }
            // (most pages fill none of the tables: emptying an empty one still costs a call)
            if !linkDefinitions.isEmpty { linkDefinitions.removeAll(keepingCapacity: true) }
            if !footnotes.isEmpty { footnotes.removeAll(keepingCapacity: true) }
            if !footnoteOrder.isEmpty { footnoteOrder.removeAll(keepingCapacity: true) }
            if !abbreviations.isEmpty { abbreviations.removeAll(keepingCapacity: true) }
            if !alds.isEmpty { alds.removeAll(keepingCapacity: true) }
            gfmIDs.removeAll()
            textIDBytes.removeAll()
            if !warnings.isEmpty { warnings = [] }
            if !referencedFootnotes.isEmpty { referencedFootnotes.removeAll(keepingCapacity: true) }
            sourceHasBackslashBreak = true
            mayRequestTOC = false
            if !inlineOptions.isEmpty { inlineOptions = [] }
            simpleSpanOps.truncate(to: 0)
        }

        /// Whether `el` is `newlineBlank`, which must not be changed.
        func isSharedBlank(_ el: Element) -> Bool { el === newlineBlank }

        /// kramdown's last warnings: footnotes defined but never named by a marker, in definition order.
        func warnUnreferencedFootnotes() {
            for name in footnoteOrder where !referencedFootnotes.contains(name) {
                guard let note = footnotes[name] else { continue }
                warnings.append(MarkdownWarning("Footnote definition for '\(name)'", .onLine, " is unreferenced - ignoring",
                                                line: note.content.line))
            }
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
    @exclusivity(unchecked) private(set) var src: Bytes {
        didSet {
            srcBase = Element.base(of: src)
            triggers = src.withUnsafeBufferPointer { triggerRoom.mark($0) }
        }
    }
    /// Where `src`'s bytes are, for the texts cut from it (`Element.text`).
    @exclusivity(unchecked) private(set) var srcBase: UnsafePointer<UInt8>?
    @exclusivity(unchecked) private var lines: LineCounter
    @exclusivity(unchecked) var pos = 0
    @exclusivity(unchecked) var tree: Element
    @exclusivity(unchecked) var stack: [Element] = []
    /// The parser set in effect for the current `parseSpans` call.
    var active: [Parser] { didSet { activeMask = Self.mask(active) } }
    /// Where `src`'s triggers are, marked whenever `src` is set, for `nextStart`.
    @exclusivity(unchecked) private(set) var triggers: TriggerBitmap
    /// The room `triggers` is marked in (reused from text to text).
    private let triggerRoom: TriggerBitmap.Room
    /// `active` as a bit set, for the per-byte start test.
    @exclusivity(unchecked) var activeMask: UInt32 = 0

    static func mask(_ parsers: [Parser]) -> UInt32 {
        var m: UInt32 = 0
        for p in parsers { m |= 1 << p.bit }
        return m
    }
    var gfm: Bool { context.options.input == .gfm }

    /// `firstLine`: the line of the Markdown the text starts on, for warnings; `tree`: the element
    /// spans go into; `triggerRoom`: where the triggers are marked, which no other parser may
    /// mark in while this one parses (the tree pass's parser takes its pool's).
    init(_ text: String, context: Context, firstLine: Int = 1, tree: Element, triggerRoom: TriggerBitmap.Room? = nil) {
        self.context = context
        self.lines = LineCounter(firstLine: firstLine)
        let bytes = text.bytes
        let room = triggerRoom ?? TriggerBitmap.Room()
        self.src = bytes
        self.srcBase = Element.base(of: bytes)
        self.triggerRoom = room
        self.triggers = bytes.withUnsafeBufferPointer { room.mark($0) }
        self.tree = tree
        self.active = context.parsers
        self.activeMask = context.parsersMask
    }

    /// Parses the whole text into a list of span elements (with only `parsers`, when given).
    static func parse(_ text: String, context: Context, firstLine: Int = 1, parsers: [Parser]? = nil) -> [Element] {
        let root = Element(.rawText)
        let p = SpanParser(text, context: context, firstLine: firstLine, tree: root)
        if let parsers { p.active = parsers }
        _ = p.parseSpans(root, stop: nil, parsers: nil)
        return root.children
    }

    /// `parse` with this parser, once it is done with its text: the tree pass parses every
    /// block's text with one parser instead of making one per text.
    func parseNext(_ text: String, firstLine: Int) -> [Element] {
        parseNext(bytes: text.bytes, firstLine: firstLine)
    }

    /// `parseNext` of UTF-8 bytes.
    func parseNext(bytes: Bytes, firstLine: Int) -> [Element] {
        src = bytes
        pos = 0
        lines = LineCounter(firstLine: firstLine)
        stack.removeAll(keepingCapacity: true)
        if activeMask != context.parsersMask { active = context.parsers }
        let root = reusableRoot
        // room for the spans a text of this length usually has, instead of growing 1, 2, 4 …
        root.children = []
        root.children.reserveCapacity(min(src.count / 24 + 1, 256))
        tree = root
        _ = parseSpans(root, stop: nil, parsers: nil)
        defer { root.children = [] }
        return root.children
    }

    /// The element `parseNext` parses into, emptied each time (one per parser, not per text).
    private lazy var reusableRoot = Element(.rawText)

    // MARK: the main loop

    typealias StopTest = (SpanParser, Int) -> Bool

    /// Parses spans into `el` until the end of input, or until `stop` matches at a position and
    /// `accept` agrees. Returns whether the stop was found; the stop itself is not consumed.
    @discardableResult
    func parseSpans(_ el: Element, stop: StopTest?, parsers: [Parser]?, accept: (() -> Bool)? = nil) -> Bool {
        guard let stop else { return parseSpans(el, hasStop: false, stop: { _, _ in false }, parsers: parsers, accept: { true }) }
        return parseSpans(el, hasStop: true, stop: stop, parsers: parsers, accept: accept ?? { true })
    }

    /// `parseSpans` with closures that do not escape, so the parsers that stop at a delimiter
    /// (emphasis, links: some hundred thousand per megabyte) allocate no closure contexts.
    @discardableResult
    func parseSpans(_ el: Element, hasStop: Bool, stop: StopTest, parsers: [Parser]?, accept: () -> Bool) -> Bool {
        stack.append(tree)
        tree = el
        let savedActive = parsers.map { _ in active }
        if let p = parsers { active = p }
        defer {
            tree = stack.removeLast()
            if let savedActive { active = savedActive }
        }
        var stopFound = false
        while pos < src.count && !stopFound {
            guard let p = nextStart(hasStop: hasStop, stop: stop) else {
                if !hasStop { addText(pos, src.count); pos = src.count }
                break
            }
            addText(pos, p)
            pos = p
            if hasStop, stop(self, pos) { stopFound = accept() }
            if stopFound { break }
            if !dispatch() { addText(pos, pos + charLength(at: pos)); pos += charLength(at: pos) }
        }
        return stopFound
    }

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
        let s = src
        let c = s[p]
        let m = activeMask
        @inline(__always) func on(_ parser: Parser) -> Bool { m & (1 << parser.bit) != 0 }
        @inline(__always) func next(_ k: Int) -> UInt8 { p + k < s.count ? s[p + k] : 0 }
        if on(.smartQuotes) {
            if c == Byte.quote || c == Byte.apos { return true }
            if c != Byte.backslash {
                let l = c < 0x80 ? 1 : (s.scalar(at: p)?.1 ?? 1)
                let q = p + l < s.count ? s[p + l] : 0
                if q == Byte.quote || q == Byte.apos { return true }
            }
        }
        switch c {
        case Byte.star, Byte.underscore: return on(.emphasis)
        case Byte.backtick: return on(.codespan)
        case Byte.lt: return on(.autolink) || on(.spanHTML) || (on(.typographicSyms) && next(1) == Byte.lt)
        case Byte.lbracket: return on(.footnoteMarker) || on(.link)
        case Byte.bang: return (on(.footnoteMarker) || on(.link)) && next(1) == Byte.lbracket
        case Byte.dollar: return on(.inlineMath)
        case Byte.lbrace: return on(.spanExtensions) && next(1) == Byte.colon
        case Byte.amp: return on(.htmlEntity)
        case Byte.dash: return on(.typographicSyms) && next(1) == Byte.dash
        case Byte.dot: return on(.typographicSyms) && next(1) == Byte.dot && next(2) == Byte.dot
        case Byte.gt: return on(.typographicSyms) && next(1) == Byte.gt
        case Byte.tilde: return on(.strikethrough) && next(1) == Byte.tilde
        case Byte.backslash:
            if on(.escapedChars) { return true }
            if on(.typographicSyms), (next(1) == Byte.lt && next(2) == Byte.lt) || (next(1) == Byte.gt && next(2) == Byte.gt) { return true }
            return on(.lineBreak) && next(1) == Byte.newline
        case Byte.space:
            if on(.typographicSyms), (next(1) == Byte.lt && next(2) == Byte.lt) || (next(1) == Byte.gt && next(2) == Byte.gt) { return true }
            return on(.lineBreak) && next(1) == Byte.space && next(2) == Byte.newline
        default: return false
        }
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
        // `tree` is not retained for this: the parse keeps it (on `stack` or as the caller's
        // element) until the text is added
        Unmanaged.passUnretained(tree)._withUnsafeGuaranteedRef { tree in
            // an emphasis's or a link's first text stays on it (most hold one text)
            if tree.hasPendingText {
                if tree.extendPendingText(srcBase, from..<to) { return }
            } else if tree.hasNoChildStorage && tree.holdsPendingText {
                tree.setPendingText(src, srcBase, from..<to)
                return
            }
            // kept as a range of the source until a string is needed (see `Element.value`)
            if let last = tree.children.last, last.kind == .text {
                if !last.extendText(srcBase, from..<to) { last.value += src.string(from..<to) }
            } else if tree.children.capacity == 0 {
                // the first child of an emphasis or a link (most hold one text): an array of
                // exactly one, not one made by the growth path
                tree.children = [.text(src, srcBase, from..<to, pool: context.elementPool)]
            } else {
                tree.children.append(.text(src, srcBase, from..<to, pool: context.elementPool))
            }
        }
    }

    func addText(_ s: String, to el: Element? = nil) {
        let target = el ?? tree
        if let last = target.children.last, last.kind == .text {
            last.value += s
        } else if !s.isEmpty {
            target.children.append(.text(s))
        }
    }

    /// A warning about the text at `p` (by default the current position); `head`, `clause` and
    /// `tail` as `MarkdownWarning` takes them.
    func warn(_ head: String, _ clause: MarkdownWarning.LineClause = .onLine, _ tail: String = "", at p: Int? = nil) {
        context.warnings.append(MarkdownWarning(head, clause, tail, line: lineNumber(at: p ?? pos)))
    }

    /// The line of the Markdown at `p` in this text.
    func lineNumber(at p: Int) -> Int { lines.line(at: p, in: src) }

    /// Whether `el` or an ancestor in the current parse has the kind `k`.
    func inside(_ k: Element.Kind) -> Bool {
        tree.kind == k || stack.contains { $0.kind == k }
    }
}
