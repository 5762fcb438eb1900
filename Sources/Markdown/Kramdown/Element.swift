/// kramdown's span-level elements, as our span parser builds them from a block's raw text.
final class Span {
    enum Kind: Equatable {
        case text, codespan, em, strong, a, img, br, entity, smartQuote, typographic, math, footnote
        case htmlElement, xmlComment, comment, raw, abbreviation, root
    }
    enum ContentModel { case raw, span }
    enum Quote: Int { case lsquo = 0, rsquo, ldquo, rdquo }
    enum Typographic { case mdash, ndash, hellip, laquoSpace, raquoSpace, laquo, raquo }

    let kind: Kind
    var value: String
    var attrs: Attributes
    var children: [Span] = []
    // Kind-specific data.
    var entity: Entity?
    var original: String?
    var quote: Quote = .lsquo
    var typographic: Typographic = .mdash
    var contentModel: ContentModel = .span
    var isClosed = false
    var blockCategory = false

    init(_ kind: Kind, _ value: String = "", attrs: Attributes = Attributes()) {
        self.kind = kind
        self.value = value
        self.attrs = attrs
    }

    static func text(_ s: String) -> Span { Span(.text, s) }
}

/// An ordered attribute list, the way Ruby hashes keep insertion order.
struct Attributes: Equatable {
    private(set) var pairs: [(key: String, value: String)] = []

    init() {}
    init(_ pairs: [(String, String)]) { for (k, v) in pairs { self[k] = v } }

    var isEmpty: Bool { pairs.isEmpty }

    subscript(key: String) -> String? {
        get { pairs.first { $0.key == key }?.value }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let v = newValue { pairs[i].value = v } else { pairs.remove(at: i) }
            } else if let v = newValue {
                pairs.append((key, v))
            }
        }
    }

    /// kramdown's `html_attributes`: ` key="escaped"`, skipping an empty `id`.
    var html: String {
        var out = ""
        for (k, v) in pairs {
            if k == "id" && v.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) { continue }
            out += " \(k)=\"\(Escape.attribute(v))\""
        }
        return out
    }

    /// Applies an IAL: classes accumulate, other keys overwrite.
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

    mutating func merge(_ other: IAL) {
        refs += other.refs
        attributes.apply(other)
    }
}
