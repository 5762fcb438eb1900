/// One node of a kramdown document tree: block-level elements made by `BlockParser`, span-level
/// ones made by `SpanParser` from a block's raw text. The kinds and their data follow kramdown's
/// own element model, because its HTML converter decides the output from exactly these.
final class Element {
    enum Kind: Equatable {
        // block level
        case root, blank, p, header, hr, codeblock, blockquote, ul, ol, li, dl, dt, dd
        case table, thead, tbody, tfoot, tr, td, eob
        // either level (`block` tells which)
        case htmlElement, xmlComment, xmlPI, comment, raw, math
        // span level
        case text, rawText, codespan, em, strong, a, img, br, entity, smartQuote, typographic, footnote, abbreviation
    }
    enum ContentModel { case raw, span, block }
    enum Quote: Int { case lsquo = 0, rsquo, ldquo, rdquo }
    enum Typographic { case mdash, ndash, hellip, laquoSpace, raquoSpace, laquo, raquo }
    enum Alignment { case none, left, center, right }
    /// What an end-of-block marker stands for (kramdown's `:eob` values).
    enum EOBKind { case marker, linkDef, abbrevDef, footnoteDef, ald, ial, options }

    let kind: Kind
    @exclusivity(unchecked) var value: String
    @exclusivity(unchecked) var attrs: Attributes
    @exclusivity(unchecked) var children: [Element] = []
    /// Block-level category (for the kinds that can be either).
    @exclusivity(unchecked) var block = false
    /// The block or span IAL given to this element, applied to `attrs` after parsing.
    @exclusivity(unchecked) var ial: IAL?

    // Kind-specific data; the rarely used parts live in `extra`, so most elements stay small.
    @exclusivity(unchecked) var quote: Quote = .lsquo
    @exclusivity(unchecked) var typographic: Typographic = .mdash
    @exclusivity(unchecked) var contentModel: ContentModel = .span
    @exclusivity(unchecked) var eob: EOBKind = .marker
    @exclusivity(unchecked) var isClosed = false
    @exclusivity(unchecked) var transparent = false
    @exclusivity(unchecked) var firstAsPara = false
    @exclusivity(unchecked) var level = 0
    /// The line of the Markdown the element starts on (0 when not recorded), for warnings.
    @exclusivity(unchecked) var line = 0
    @exclusivity(unchecked) private var extra: Extra?

    private final class Extra {
        var entity: Entity?
        var original: String?
        var rawText: String?
        var lang: String?
        var alignment: [Alignment] = []
        var rawTypes: [String] = []
    }

    private var extras: Extra {
        if let e = extra { return e }
        let e = Extra()
        extra = e
        return e
    }

    var entity: Entity? { get { extra?.entity } set { extras.entity = newValue } }
    var original: String? { get { extra?.original } set { extras.original = newValue } }
    /// Headers and terms: the text their id is made from.
    var rawText: String? { get { extra?.rawText } set { extras.rawText = newValue } }
    /// Code blocks: the language word of a fence.
    var lang: String? { get { extra?.lang } set { extras.lang = newValue } }
    var alignment: [Alignment] { get { extra?.alignment ?? [] } set { extras.alignment = newValue } }
    /// `:raw` elements: the `type` list of `{::nomarkdown type="…"}`.
    var rawTypes: [String] { get { extra?.rawTypes ?? [] } set { extras.rawTypes = newValue } }

    init(_ kind: Kind, _ value: String = "", attrs: Attributes = Attributes()) {
        self.kind = kind
        self.value = value
        self.attrs = attrs
    }

    static func text(_ s: String) -> Element { Element(.text, s) }

    /// A deep copy (kramdown copies footnote content before adding backlinks to it).
    func copy() -> Element {
        let c = Element(kind, value, attrs: attrs)
        c.block = block; c.ial = ial; c.entity = entity; c.original = original; c.quote = quote
        c.typographic = typographic; c.contentModel = contentModel; c.isClosed = isClosed
        c.transparent = transparent; c.level = level; c.rawText = rawText; c.lang = lang
        c.firstAsPara = firstAsPara; c.alignment = alignment; c.eob = eob; c.rawTypes = rawTypes
        c.children = children.map { $0.copy() }
        return c
    }
}

/// An ordered attribute list, the way Ruby hashes keep insertion order.
struct Attributes: Equatable {
    private(set) var pairs: [(key: String, value: String)] = []

    init() {}
    init(_ pairs: [(String, String)]) { for (k, v) in pairs { self[k] = v } }

    var isEmpty: Bool { pairs.isEmpty }

    subscript(key: String) -> String? {
        get {
            for p in pairs where p.key == key { return p.value }
            return nil
        }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let v = newValue { pairs[i].value = v } else { pairs.remove(at: i) }
            } else if let v = newValue {
                pairs.append((key, v))
            }
        }
    }

    /// `update_attr_with_ial` without references: classes accumulate, other keys overwrite.
    mutating func apply(_ ial: IAL) {
        for (k, v) in ial.attributes.pairs {
            if k == "class" {
                let old = self["class"] ?? ""
                self["class"] = old.isEmpty ? v : old + " " + v
            } else {
                self[k] = v
            }
        }
    }

    static func == (a: Attributes, b: Attributes) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// An inline attribute list `{: .class #id key="v" ref}`: attributes plus ALD references.
struct IAL: Equatable {
    var attributes = Attributes()
    var refs: [String] = []
    var isEmpty: Bool { attributes.isEmpty && refs.isEmpty }

    /// `update_ial_with_ial`: references are appended, classes accumulate, other keys overwrite.
    mutating func merge(_ other: IAL) {
        refs += other.refs
        attributes.apply(other)
    }
}
