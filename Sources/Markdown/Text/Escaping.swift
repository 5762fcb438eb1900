/// kramdown's three escaping modes and its entity printing.
enum Escape {
    /// `&`, `<`, `>` always (code, math, raw-text elements).
    static func all(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b == Byte.amp || b == Byte.lt || b == Byte.gt { needs = true; break }
        guard needs else { return s }
        var out = String()
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Text: `<`, `>`, `&` escaped, but entity references already written (`&amp;`, `&#60;`) kept.
    static func text(_ s: String) -> String { escape(s, quote: false) }

    /// Attribute values: as text, plus `"`.
    static func attribute(_ s: String) -> String { escape(s, quote: true) }

    private static func escape(_ s: String, quote: Bool) -> String {
        let b = s.bytes
        var needs = false
        for c in b where c == Byte.amp || c == Byte.lt || c == Byte.gt || (quote && c == Byte.quote) {
            needs = true; break
        }
        guard needs else { return s }
        var out = Bytes()
        out.reserveCapacity(b.count + 16)
        var i = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case Byte.amp:
                if let end = referenceEnd(b, i) {
                    out.append(contentsOf: b[i..<end]); i = end; continue
                }
                out.append(contentsOf: "&amp;".utf8)
            case Byte.lt: out.append(contentsOf: "&lt;".utf8)
            case Byte.gt: out.append(contentsOf: "&gt;".utf8)
            case Byte.quote where quote: out.append(contentsOf: "&quot;".utf8)
            default: out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// REXML's REFERENCE_RE at `i` (which holds `&`): `&name;`, `&#123;` or `&#x1F;`.
    /// Returns the index after the `;`.
    static func referenceEnd<C: RandomAccessCollection>(_ b: C, _ i: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        var j = i + 1
        guard j < b.count else { return nil }
        if b[j] == Byte.hash {
            j += 1
            if j < b.count, b[j] == 0x78 {
                let start = j + 1
                j = start
                while j < b.count, Byte.isHex(b[j]) { j += 1 }
                return j > start && j < b.count && b[j] == 0x3B ? j + 1 : nil
            }
            let start = j
            while j < b.count, Byte.isDigit(b[j]) { j += 1 }
            return j > start && j < b.count && b[j] == 0x3B ? j + 1 : nil
        }
        guard Byte.isWord(b[j]) || b[j] == Byte.colon else { return nil }
        j += 1
        while j < b.count, Byte.isWord(b[j]) || b[j] == Byte.dash || b[j] == Byte.dot || b[j] == Byte.colon { j += 1 }
        return j < b.count && b[j] == 0x3B ? j + 1 : nil
    }
}

/// An entity as kramdown models it: a code point, its name when it has one, and how it was written.
struct Entity: Equatable {
    var codePoint: UInt32
    var name: String?

    static func named(_ name: String) -> Entity? {
        guard let cp = EntityTable.byName[name] else { return nil }
        return Entity(codePoint: cp, name: name)
    }

    static func numeric(_ cp: UInt32) -> Entity {
        let real = EntityTable.aliases[cp] ?? cp
        return Entity(codePoint: real, name: EntityTable.nameByCodePoint[real])
    }

    var character: String? { Unicode.Scalar(codePoint).map { String(Character($0)) } }

    static let nbsp = Entity(codePoint: 160, name: "nbsp")

    /// `entity_to_str`: the character itself under `as_char` unless it needs escaping (`"` is fine),
    /// else the original spelling, else `&name;` / `&#n;`.
    func output(_ mode: KramdownOptions.EntityOutput, original: String? = nil) -> String {
        let ch = character
        let escapable = ch == "<" || ch == ">" || ch == "&" || ch == "\""
        if mode == .asChar, let c = ch, c == "\"" || !escapable { return c }
        if mode == .asInput || mode == .asChar, let o = original { return o }
        if mode == .symbolic || (escapable && ch != nil), let n = name { return "&\(n);" }
        return "&#\(codePoint);"
    }
}

extension EntityTable {
    static let nameByCodePoint: [UInt32: String] = {
        var m: [UInt32: String] = [:]
        for (name, cp) in byName { m[cp] = name }
        return m
    }()
}
