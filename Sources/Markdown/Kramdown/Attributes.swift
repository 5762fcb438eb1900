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
                // the first attribute (a link's `href`, a header's `id`) into an array of exactly
                // one, not through `Array`'s growth path
                if pairs.capacity == 0 { pairs = [(key, v)] } else { pairs.append((key, v)) }
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
