/// Kramdown's element classes of a tag name, found without building or hashing a `String`: the
/// name's first eight bytes packed big-endian into one integer, binary-searched among the known
/// names' keys. Pages with raw HTML (an academic homepage: hundreds of `<div>`, `<p>`, `<a>`) look up
/// every tag several times; `Set<String>` lookups and building the six sets at the first tag cost
/// more than the rest of the tag's parsing.
extension HTMLScanner {
    struct NameClasses: OptionSet {
        let rawValue: UInt8
        static let span = NameClasses(rawValue: 1)
        static let block = NameClasses(rawValue: 2)
        static let withoutBody = NameClasses(rawValue: 4)
        static let blockContent = NameClasses(rawValue: 8)
        static let spanContent = NameClasses(rawValue: 16)
        static let rawContent = NameClasses(rawValue: 32)
    }

    /// The names of one class, asked the way a `Set<String>` of them is (case matters).
    struct NameSet {
        let classes: NameClasses
        func contains(_ name: String) -> Bool {
            guard let known = HTMLScanner.knownName(name, foldCase: false) else { return false }
            return !known.classes.isDisjoint(with: classes)
        }
    }

    struct KnownName {
        /// Lower-case, as the element's value.
        let name: String
        let classes: NameClasses
        init(_ name: String, _ classes: NameClasses) { (self.name, self.classes) = (name, classes) }
    }

    /// Every name kramdown classifies, in byte order (the order of their packed keys).
    static let knownNames: [KnownName] = [
        KnownName("a", [.span, .spanContent]), KnownName("abbr", [.span, .spanContent]),
        KnownName("acronym", [.span, .spanContent]), KnownName("address", [.block, .blockContent]),
        KnownName("applet", [.block, .blockContent]), KnownName("area", [.withoutBody]),
        KnownName("article", [.block, .blockContent]), KnownName("aside", [.block, .blockContent]),
        KnownName("b", [.span, .spanContent]), KnownName("base", [.withoutBody]),
        KnownName("bdo", [.span, .spanContent]), KnownName("big", [.span, .spanContent]),
        KnownName("blockquote", [.block, .blockContent]), KnownName("body", [.block, .blockContent]),
        KnownName("br", [.span, .withoutBody]), KnownName("button", [.span, .spanContent]),
        KnownName("caption", [.block, .spanContent]), KnownName("cite", [.span, .spanContent]),
        KnownName("code", [.span, .rawContent]), KnownName("col", [.block, .withoutBody]),
        KnownName("colgroup", [.block]), KnownName("command", [.withoutBody]),
        KnownName("dd", [.block, .blockContent]), KnownName("del", [.span, .spanContent]),
        KnownName("details", [.blockContent]), KnownName("dfn", [.span, .spanContent]),
        KnownName("div", [.block, .blockContent]), KnownName("dl", [.block, .blockContent]),
        KnownName("dt", [.block, .spanContent]), KnownName("em", [.span, .spanContent]),
        KnownName("embed", [.withoutBody]), KnownName("fieldset", [.block, .blockContent]),
        KnownName("figcaption", [.block, .blockContent]), KnownName("figure", [.blockContent]),
        KnownName("footer", [.block, .blockContent]), KnownName("form", [.block, .blockContent]),
        KnownName("h1", [.block, .spanContent]), KnownName("h2", [.block, .spanContent]),
        KnownName("h3", [.block, .spanContent]), KnownName("h4", [.block, .spanContent]),
        KnownName("h5", [.block, .spanContent]), KnownName("h6", [.block, .spanContent]), KnownName("head", [.block]),
        KnownName("header", [.block, .blockContent]), KnownName("hgroup", [.block, .blockContent]),
        KnownName("hr", [.block, .withoutBody]), KnownName("html", [.block]), KnownName("i", [.span, .spanContent]),
        KnownName("iframe", [.block, .blockContent]), KnownName("img", [.span, .withoutBody]),
        KnownName("input", [.span, .withoutBody]), KnownName("ins", [.span, .spanContent]),
        KnownName("kbd", [.span, .rawContent]), KnownName("keygen", [.withoutBody]),
        KnownName("label", [.span, .spanContent]), KnownName("legend", [.block, .spanContent]),
        KnownName("li", [.block, .blockContent]), KnownName("link", [.withoutBody]),
        KnownName("main", [.block, .blockContent]), KnownName("map", [.block, .blockContent]),
        KnownName("mark", [.span]), KnownName("math", [.rawContent]), KnownName("menu", [.block, .blockContent]),
        KnownName("meta", [.withoutBody]), KnownName("nav", [.block, .blockContent]),
        KnownName("noscript", [.blockContent]), KnownName("object", [.blockContent]), KnownName("ol", [.block]),
        KnownName("optgroup", [.block, .spanContent]), KnownName("option", [.span, .rawContent]),
        KnownName("p", [.block, .spanContent]), KnownName("param", [.withoutBody]),
        KnownName("pre", [.block, .rawContent]), KnownName("q", [.span, .spanContent]),
        KnownName("rb", [.span, .spanContent]), KnownName("rbc", [.span, .spanContent]),
        KnownName("rp", [.span, .spanContent]), KnownName("rt", [.span, .spanContent]),
        KnownName("rtc", [.span, .spanContent]), KnownName("ruby", [.span, .spanContent]),
        KnownName("samp", [.span, .rawContent]), KnownName("script", [.rawContent]),
        KnownName("section", [.block, .blockContent]), KnownName("select", [.span, .spanContent]),
        KnownName("small", [.span, .spanContent]), KnownName("source", [.withoutBody]),
        KnownName("span", [.span, .spanContent]), KnownName("strong", [.span, .spanContent]),
        KnownName("style", [.rawContent]), KnownName("sub", [.span, .spanContent]),
        KnownName("summary", [.block, .blockContent]), KnownName("sup", [.span, .spanContent]),
        KnownName("table", [.block]), KnownName("tbody", [.block]), KnownName("td", [.block, .blockContent]),
        KnownName("textarea", [.rawContent]), KnownName("tfoot", [.block]), KnownName("th", [.block, .spanContent]),
        KnownName("thead", [.block]), KnownName("tr", [.block]), KnownName("track", [.withoutBody]),
        KnownName("tt", [.span, .spanContent]), KnownName("u", [.span]), KnownName("ul", [.block]),
        KnownName("var", [.span, .rawContent]), KnownName("wbr", [.withoutBody])
    ]
    private static let knownKeys: [UInt64] = knownNames.map { known in
        var name = known.name
        return name.withUTF8 { packedKey($0, foldCase: false) ?? 0 }
    }

    /// The first eight bytes of an ASCII name, big-endian (byte order is integer order), zero-padded;
    /// nil if a byte is not ASCII.
    private static func packedKey(_ name: UnsafeBufferPointer<UInt8>, foldCase: Bool) -> UInt64? {
        var key: UInt64 = 0
        for i in 0..<8 {
            key <<= 8
            guard i < name.count else { continue }
            let c = name[i]
            guard c < 0x80 else { return nil }
            key |= UInt64(foldCase && c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        }
        return key
    }

    /// The known element `name` names, matched exactly or, with `foldCase`, as `String.lowercased()`
    /// would match it; nil for names kramdown does not know.
    static func knownName(_ name: UnsafeBufferPointer<UInt8>, foldCase: Bool) -> KnownName? {
        guard !name.contains(where: { $0 >= 0x80 }) else {
            // only Unicode case mapping can make such a name known (the Kelvin sign lower-cases to `k`)
            guard foldCase else { return nil }
            let lower = Array(String(decoding: name, as: UTF8.self).lowercased().utf8)
            return lower.withUnsafeBufferPointer { knownName($0, foldCase: false) }
        }
        guard name.count <= 10, let key = packedKey(name, foldCase: foldCase) else { return nil }
        var low = 0
        var high = knownKeys.count
        while low < high {
            let mid = (low + high) / 2
            if knownKeys[mid] < key { low = mid + 1 } else { high = mid }
        }
        guard low < knownKeys.count, knownKeys[low] == key else { return nil }
        let known = knownNames[low]
        guard known.name.utf8.count == name.count else { return nil }
        // past eight bytes (`blockquote`, `figcaption`) the key does not hold the whole name
        if name.count > 8 {
            for (i, c) in known.name.utf8.enumerated() where i >= 8 {
                let b = name[i]
                guard c == (foldCase && b >= 0x41 && b <= 0x5A ? b | 0x20 : b) else { return nil }
            }
        }
        return known
    }

    static func knownName(_ b: Bytes, _ r: Range<Int>, foldCase: Bool) -> KnownName? {
        b.withUnsafeBufferPointer { knownName(UnsafeBufferPointer(rebasing: $0[r]), foldCase: foldCase) }
    }

    static func knownName(_ name: String, foldCase: Bool) -> KnownName? {
        var name = name
        return name.withUTF8 { knownName($0, foldCase: foldCase) }
    }

    /// Whether `b[r]` is `name` (the value of an element), ignoring case for a known HTML element the
    /// way comparing lower-cased strings does.
    static func name(_ b: Bytes, _ r: Range<Int>, is name: String, foldCase: Bool) -> Bool {
        var name = name
        return name.withUTF8 { expected in
            b.withUnsafeBufferPointer { all in
                let found = UnsafeBufferPointer(rebasing: all[r])
                guard foldCase else { return found.elementsEqual(expected) }
                guard !found.contains(where: { $0 >= 0x80 }) else {
                    return String(decoding: found, as: UTF8.self).lowercased() == String(decoding: expected, as: UTF8.self)
                }
                return found.count == expected.count
                    && zip(found, expected).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
            }
        }
    }
}
