/// One node of a kramdown document tree: block-level elements made by `BlockParser`, span-level
/// ones made by `SpanParser` from a block's raw text. The kinds and their data follow kramdown's
/// own element model, because its HTML converter decides the output from exactly these.
final class Element {
    /// (Changed only when an `ElementPool` hands the element out again: `reuse(as:)`.)
    @exclusivity(unchecked) private(set) var kind: Kind
    /// The element's text (a text's characters, a code span's code, an HTML element's name …).
    /// A text the span parser cut from its source keeps that source and the range instead and
    /// becomes a string only when one is asked for: most texts are only escaped into the HTML,
    /// straight from the bytes (`withText`).
    var value: String {
        get {
            guard !textPending, !spansSimple, !holdsItemParagraph, let bytes = sourceBytes else { return storedValue }
            storedValue = bytes.string(sourceRange)
            sourceBytes = nil
            sourceBase = nil
            return storedValue
        }
        set {
            if textPending || holdsItemParagraph { makePendingChild() }
            storedValue = newValue
            sourceBytes = nil
            sourceBase = nil
        }
    }
    @exclusivity(unchecked) private var storedValue: String
    @exclusivity(unchecked) private var sourceBytes: Bytes?
    @exclusivity(unchecked) private var sourceRange = 0..<0
    /// Where `sourceBytes`' bytes are (the array is kept here and never changed, so its storage
    /// stays put): reading the text through it takes no reference to the array.
    @exclusivity(unchecked) private var sourceBase: UnsafePointer<UInt8>?
    @exclusivity(unchecked) var attrs: Attributes
    /// The child elements. An emphasis, strong emphasis, link or image whose spans so far are one
    /// text cut from the source keeps that text on itself (`textPending`, in the fields a text
    /// keeps its own in: these kinds have no text of their own) instead of a text element in an
    /// array of one, two objects fewer for most of them; reading or changing the children makes
    /// the text element first, so every reader sees the same children. A list item's one
    /// transparent paragraph may be kept on the item the same way (`holdsItemParagraph`).
    var children: [Element] {
        @inline(__always) _read {
            if textPending || holdsItemParagraph { makePendingChild() }
            yield storedChildren
        }
        @inline(__always) set {
            if textPending || holdsItemParagraph { dropPendingChild() }
            storedChildren = newValue
        }
        @inline(__always) _modify {
            if textPending || holdsItemParagraph { makePendingChild() }
            yield &storedChildren
        }
    }
    @exclusivity(unchecked) private var storedChildren: [Element] = []
    /// Block-level category (for the kinds that can be either).
    @exclusivity(unchecked) var block = false

    // Kind-specific data; the rarely used parts live in `extra`, so most elements stay small.
    @exclusivity(unchecked) var quote: Quote = .lsquo
    @exclusivity(unchecked) var typographic: Typographic = .mdash
    @exclusivity(unchecked) var contentModel: ContentModel = .span
    @exclusivity(unchecked) var eob: EOBKind = .marker
    @exclusivity(unchecked) var isClosed = false
    @exclusivity(unchecked) var transparent = false
    @exclusivity(unchecked) var firstAsPara = false
    /// A paragraph, header or table cell whose raw text is still its own text (`value`, usually a
    /// range of the source) instead of a `rawText` child: one element and one child array fewer for each
    /// until the tree pass parses the text into its spans. `rawTextChild()` makes the child for
    /// the block grammar's rules that read or extend it.
    @exclusivity(unchecked) var spansPending = false
    /// A paragraph or table cell whose raw text (`sourceBytes[sourceRange]`) holds only simple
    /// spans: it has no children, the converter prints the spans from the text (`SimpleSpans`).
    @exclusivity(unchecked) private(set) var spansSimple = false
    /// The operations that print them (`SimpleSpans.Ops`).
    @exclusivity(unchecked) private(set) var simpleSpanOps: Range<Int32> = 0..<0
    /// An emphasis, link or image whose only child is still the text `sourceBytes[sourceRange]`
    /// (see `children`).
    @exclusivity(unchecked) private var textPending = false
    /// Whether the pending text holds no span trigger (`keepRawTextAsChildText`), so none of the
    /// bytes HTML escaping changes (`&`, `<`, `>` and `"` are all triggers): printed as it is.
    @exclusivity(unchecked) private(set) var pendingTextNeedsNoEscape = false
    /// A list item whose only child is a transparent paragraph of one line of the source (most
    /// items of a tight list), kept on the item itself: the paragraph's raw text, its spans and
    /// its line are in the item's own fields, an item has none of its own there. Reading or
    /// changing the children makes the paragraph first (`children`); the tree pass and the
    /// converter read it in place (two objects fewer per item: the paragraph and the array).
    @exclusivity(unchecked) private(set) var holdsItemParagraph = false
    @exclusivity(unchecked) var level = 0
    /// The line of the Markdown the element starts on (0 when not recorded), for warnings.
    @exclusivity(unchecked) var line = 0
    /// The rarely used kind-specific data (`Element+Extra.swift`); nil for most elements.
    @exclusivity(unchecked) var extra: Extra?
    /// A GFM header whose id the GFM pass worked out and kept (`textIDBytes`): how
    /// many headers before it had the same id (no id string made, none put in `attrs`); -1 for
    /// every other element.
    @exclusivity(unchecked) var textIDRepeats: Int32 = -1
    /// With `textIDRepeats`: where that id's bytes are in the context's `TextIDBytes`.
    @exclusivity(unchecked) var textIDBytes: Range<Int32> = 0..<0

    init(_ kind: Kind, _ value: String = "", attrs: Attributes = Attributes()) {
        self.kind = kind
        self.storedValue = value
        self.attrs = attrs
    }

    /// An element without text or attributes (most of them), without passing either in.
    init(_ kind: Kind) {
        self.kind = kind
        self.storedValue = ""
        self.attrs = Attributes()
    }

    static func text(_ s: String) -> Element { Element(.text, s) }

    /// A text (or raw text) of the bytes `range` of `source`, which must hold whole UTF-8
    /// characters there.
    static func text(_ source: Bytes, _ range: Range<Int>, kind: Kind = .text) -> Element {
        text(source, Self.base(of: source), range, kind: kind)
    }

    /// `text(source, range)` when the caller knows where `source`'s bytes are (`base(of:)`), from
    /// `pool` when one is given.
    static func text(_ source: Bytes, _ base: UnsafePointer<UInt8>?, _ range: Range<Int>, kind: Kind = .text,
                     pool: ElementPool? = nil) -> Element {
        let el = pool?.element(kind) ?? Element(kind)
        el.sourceBytes = source
        el.sourceBase = base
        el.sourceRange = range
        return el
    }

    /// The address of an array's bytes, valid while that array (or a copy of it) is kept and not
    /// changed.
    static func base(of source: Bytes) -> UnsafePointer<UInt8>? {
        source.withUnsafeBufferPointer { $0.baseAddress }
    }

    /// A block whose raw text is `source[range]`, kept on the block itself (`spansPending`).
    func setPendingSpans(_ source: Bytes, _ range: Range<Int>) {
        sourceBytes = source
        sourceBase = Self.base(of: source)
        sourceRange = range
        spansPending = true
    }

    /// Adds a line end to the block's pending raw text when the source has one right after it
    /// (the text then stays a range of the source: no `rawText` child made for the line end);
    /// false (and nothing done) otherwise.
    func extendPendingSpansByLineEnd() -> Bool {
        guard spansPending, let bytes = sourceBytes, sourceRange.upperBound < bytes.count,
              bytes[sourceRange.upperBound] == Byte.newline else { return false }
        sourceRange = sourceRange.lowerBound..<sourceRange.upperBound + 1
        return true
    }

    /// The block's `rawText` child, first made from its pending raw text if it has one.
    @discardableResult
    func rawTextChild() -> Element? {
        if spansPending {
            spansPending = false
            let raw = Element(.rawText)
            raw.storedValue = storedValue
            raw.takeSource(of: self)
            value = ""
            children.insert(raw, at: 0)
            return raw
        }
        return children.first.flatMap { $0.kind == .rawText ? $0 : nil }
    }

    /// The UTF-8 bytes of `value` (copied from the source of a source cut, unchecked).
    var valueBytes: Bytes {
        if textPending { return Bytes(storedValue.utf8) }
        if let base = sourceBase { return Bytes(UnsafeBufferPointer(start: base + sourceRange.lowerBound, count: sourceRange.count)) }
        if let bytes = sourceBytes { return Bytes(bytes[sourceRange]) }
        return Bytes(storedValue.utf8)
    }

    /// Extends a text cut from the source whose bytes are at `base` that ends at `range`'s start
    /// by `range`; false (and nothing done) when the text is not such a text.
    func extendText(_ base: UnsafePointer<UInt8>?, _ range: Range<Int>) -> Bool {
        guard !textPending, let own = sourceBase, own == base, sourceRange.upperBound == range.lowerBound else { return false }
        sourceRange = sourceRange.lowerBound..<range.upperBound
        return true
    }

    /// Calls `body` with the UTF-8 bytes of `value`, without making a string of a source cut.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !textPending, let base = sourceBase { return body(UnsafeBufferPointer(start: base + sourceRange.lowerBound, count: sourceRange.count)) }
        if !textPending, let bytes = sourceBytes {
            return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[sourceRange])) }
        }
        var s = storedValue
        return s.withUTF8(body)
    }

    /// Whether the kind may keep its first text pending (see `children`): the spans whose
    /// children only the converter usually reads.
    var holdsPendingText: Bool { kind == .em || kind == .strong || kind == .a || kind == .img }

    /// A paragraph, header or table cell whose pending raw text (`spansPending`, a range of the
    /// source) is one text to the span grammar (`isOneText`): the text becomes its pending child text,
    /// without a span parse, a copy of the bytes, a text element or a child array. False (and
    /// nothing done) otherwise.
    func keepRawTextAsChildText(if isOneText: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard spansPending, kind == .p || kind == .header || kind == .td || holdsItemParagraph, let base = sourceBase, sourceBytes != nil,
              isOneText(UnsafeBufferPointer(start: base + sourceRange.lowerBound, count: sourceRange.count)) else { return false }
        spansPending = false
        if sourceRange.isEmpty {
            sourceBytes = nil
            sourceBase = nil
        } else {
            textPending = true
            pendingTextNeedsNoEscape = true
        }
        return true
    }

    /// A paragraph or table cell whose pending raw text `readSimpleSpans` reads (the range of
    /// the operations it recorded) keeps it for the converter (`spansSimple`) instead of having it parsed into
    /// span elements. False (and nothing done) otherwise.
    func keepRawTextAsSimpleSpans(_ readSimpleSpans: (UnsafeBufferPointer<UInt8>) -> Range<Int32>?) -> Bool {
        guard spansPending, kind == .p || kind == .td || holdsItemParagraph, let base = sourceBase, sourceBytes != nil,
              let ops = readSimpleSpans(UnsafeBufferPointer(start: base + sourceRange.lowerBound, count: sourceRange.count))
        else { return false }
        spansPending = false
        spansSimple = true
        simpleSpanOps = ops
        return true
    }

    /// A paragraph or table cell whose only child is a raw text that `readSimpleSpans` reads (a
    /// text the block grammar made or extended) keeps a copy of that text's bytes as its simple
    /// spans instead. False (and nothing done) otherwise.
    func keepRawTextChildAsSimpleSpans(_ readSimpleSpans: (UnsafeBufferPointer<UInt8>) -> Range<Int32>?) -> Bool {
        guard kind == .p || kind == .td, !textPending, storedChildren.count == 1, storedChildren[0].kind == .rawText else { return false }
        let bytes = storedChildren[0].valueBytes
        guard let ops = bytes.withUnsafeBufferPointer(readSimpleSpans) else { return false }
        simpleSpanOps = ops
        storedChildren = []
        sourceBytes = bytes
        sourceBase = Self.base(of: bytes)
        sourceRange = 0..<bytes.count
        spansSimple = true
        return true
    }

    /// Makes a paragraph with simple spans one with pending raw text again (for the span parser).
    func restorePendingSpans() {
        guard spansSimple else { return }
        spansSimple = false
        spansPending = true
    }

    /// Calls `body` with the raw text of a paragraph with simple spans and the range of their
    /// operations (nil when it has none).
    func withSimpleSpans<R>(_ body: (UnsafeBufferPointer<UInt8>, Range<Int32>) -> R) -> R? {
        guard spansSimple, let base = sourceBase else { return nil }
        return body(UnsafeBufferPointer(start: base + sourceRange.lowerBound, count: sourceRange.count), simpleSpanOps)
    }

    /// The pending child text as a string (nil when there is none).
    var pendingTextValue: String? { withPendingText { String(decoding: $0, as: UTF8.self) } }

    /// Whether the element has no child and never had room for one (its first text may then be
    /// kept pending).
    var hasNoChildStorage: Bool { !textPending && !holdsItemParagraph && storedChildren.capacity == 0 }

    /// Whether the element has children, its pending text (or item paragraph) included, without
    /// making that text an element.
    var hasChildren: Bool { textPending || holdsItemParagraph || !storedChildren.isEmpty }

    /// The kind of the last child (a pending text is a text), without taking a reference to it.
    @inline(__always) var lastChildKind: Kind? { holdsItemParagraph ? .p : textPending ? .text : storedChildren.last?.kind }

    /// Whether the element's only child is a pending text.
    var hasPendingText: Bool { textPending && !holdsItemParagraph }

    /// Keeps `source[range]` (bytes at `base`) as the element's only child, not yet an element.
    func setPendingText(_ source: Bytes, _ base: UnsafePointer<UInt8>?, _ range: Range<Int>) {
        textPending = true
        pendingTextNeedsNoEscape = false
        sourceBytes = source
        sourceBase = base
        sourceRange = range
    }

    /// Extends the pending text by `range` of the same source when it ends where `range` starts;
    /// false (and nothing done) otherwise.
    func extendPendingText(_ base: UnsafePointer<UInt8>?, _ range: Range<Int>) -> Bool {
        guard textPending, let own = sourceBase, own == base, sourceRange.upperBound == range.lowerBound else { return false }
        sourceRange = sourceRange.lowerBound..<range.upperBound
        pendingTextNeedsNoEscape = false
        return true
    }

    /// Calls `body` with the pending text's bytes (nil when there is none).
    func withPendingText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard textPending else { return nil }
        if let base = sourceBase { return body(UnsafeBufferPointer(start: base + sourceRange.lowerBound, count: sourceRange.count)) }
        return sourceBytes.map { bytes in bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[sourceRange])) } }
    }

    /// A list item's one-line paragraph `source[range]` (which starts on source line `line`),
    /// kept on the item as its only child, transparent (see `holdsItemParagraph`).
    func setItemParagraph(_ source: Bytes, _ range: Range<Int>, line paragraphLine: Int) {
        holdsItemParagraph = true
        setPendingSpans(source, range)
        line = paragraphLine
    }

    /// Makes the paragraph a list item keeps on itself (`holdsItemParagraph`) its child element.
    func makeItemParagraphChild() {
        if holdsItemParagraph { makeItemParagraph() }
    }

    /// Makes the pending child an element: the item's paragraph, or an emphasis's text.
    @inline(never) private func makePendingChild() {
        if holdsItemParagraph { return makeItemParagraph() }
        guard textPending, let bytes = sourceBytes else { return }
        storedChildren = [.text(bytes, sourceBase, sourceRange)]
        dropPendingText()
    }

    /// The source text (and its line) `other` keeps pending, kept by this element instead.
    private func takeSource(of other: Element) {
        sourceBytes = other.sourceBytes
        sourceBase = other.sourceBase
        sourceRange = other.sourceRange
        line = other.line
    }

    /// The paragraph `holdsItemParagraph` kept on the item, as `CmarkBlockBuilder` would have
    /// made it and the tree pass changed it so far.
    private func makeItemParagraph() {
        let p = Element(.p)
        p.block = true
        p.transparent = true
        p.takeSource(of: self)
        p.spansPending = spansPending
        p.spansSimple = spansSimple
        p.simpleSpanOps = simpleSpanOps
        p.textPending = textPending
        p.pendingTextNeedsNoEscape = pendingTextNeedsNoEscape
        clearItemParagraph()
        storedChildren = [p]
    }

    /// The item's fields the paragraph it kept on itself used, as an item without one has them.
    private func clearItemParagraph() {
        // (the item's own line is read only for children without one, and the paragraph has one)
        line = 0
        spansPending = false
        spansSimple = false
        simpleSpanOps = 0..<0
        dropPendingText()
    }

    /// Drops the pending child.
    @inline(never) private func dropPendingChild() {
        if holdsItemParagraph { clearItemParagraph() } else { dropPendingText() }
    }

    @inline(never) private func dropPendingText() {
        textPending = false
        pendingTextNeedsNoEscape = false
        holdsItemParagraph = false
        sourceBytes = nil
        sourceBase = nil
        sourceRange = 0..<0
    }

    /// The element as `init` left it but for its kind, its children handed to the caller
    /// (`ElementPool`: every stored property but `kind` is set back here); nil when it has none
    /// (most elements: their empty array is kept, not handed out and released).
    func resetForReuse() -> [Element]? {
        var former: [Element]? = nil
        if !storedChildren.isEmpty {
            former = []
            swap(&former!, &storedChildren)
        }
        if !storedValue.isEmpty { storedValue = "" }
        if sourceBytes != nil { sourceBytes = nil }
        sourceBase = nil
        sourceRange = 0..<0
        if !attrs.isEmpty { attrs = Attributes() }
        if extra != nil { extra = nil }
        block = false; quote = .lsquo; typographic = .mdash; contentModel = .span; eob = .marker
        isClosed = false; transparent = false; firstAsPara = false; spansPending = false; spansSimple = false
        simpleSpanOps = 0..<0; textPending = false; pendingTextNeedsNoEscape = false; holdsItemParagraph = false
        level = 0; line = 0; textIDRepeats = -1; textIDBytes = 0..<0
        return former
    }

    /// A reset element (`resetForReuse`) made one of kind `newKind`.
    func reuse(as newKind: Kind) { kind = newKind }

    /// A deep copy (kramdown copies footnote content before adding backlinks to it).
    func copy() -> Element {
        if holdsItemParagraph { makeItemParagraph() }
        let c = Element(kind, value, attrs: attrs)
        c.block = block; c.ial = ial; c.entity = entity; c.original = original; c.quote = quote
        c.typographic = typographic; c.contentModel = contentModel; c.isClosed = isClosed
        c.transparent = transparent; c.level = level; c.rawText = rawText; c.lang = lang; c.textIDRepeats = textIDRepeats; c.textIDBytes = textIDBytes
        c.firstAsPara = firstAsPara; c.spansPending = spansPending; c.alignment = alignment; c.eob = eob; c.rawTypes = rawTypes
        c.children = children.map { $0.copy() }
        if spansSimple {
            c.sourceBytes = sourceBytes
            c.sourceBase = sourceBase
            c.sourceRange = sourceRange
            c.spansSimple = true
            c.simpleSpanOps = simpleSpanOps
        }
        return c
    }
}
