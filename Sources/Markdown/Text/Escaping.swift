/// kramdown's three escaping modes and its entity printing.
enum Escape {
    /// `&`, `<`, `>` always (code, math, raw-text elements).
    static func all(_ s: String) -> String { escaped(s, .all) }

    /// Text: `<`, `>`, `&` escaped, but entity references already written (`&amp;`, `&#60;`) kept.
    static func text(_ s: String) -> String { escaped(s, .text) }

    /// `HTMLBuffer.escape` as a string; the string itself when it has nothing to escape.
    private static func escaped(_ s: String, _ mode: HTMLBuffer.EscapeMode) -> String {
        guard s.utf8.contains(where: { $0 == Byte.amp || $0 == Byte.lt || $0 == Byte.gt }) else { return s }
        var buffer = HTMLBuffer(capacity: s.utf8.count + 16)
        buffer.escape(s, mode: mode)
        return buffer.string
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
