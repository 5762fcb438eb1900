import Foundation

/// Recognisers for the pieces of HTML kramdown knows: start tags with well-formed attributes,
/// close tags, comments and processing instructions, plus its element classification tables.
enum HTMLScanner {
    struct Tag {
        var end: Int
        var nameRange: Range<Int>
        var attributes: Range<Int>
        var selfClosed: Bool
    }

    static let spanElementList: [String] = [
        "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em", "i", "img",
        "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp",
        "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var"]
    static let spanElements = NameSet(classes: .span)
    static let withoutBody = NameSet(classes: .withoutBody)

    typealias ContentModel = Element.ContentModel
    static func contentModel(_ name: String) -> ContentModel {
        contentModel(knownName(name, foldCase: false)?.classes ?? [])
    }
    static func contentModel(_ classes: NameClasses) -> ContentModel {
        if classes.contains(.blockContent) { return .block }
        if classes.contains(.spanContent) { return .span }
        return .raw
    }

    /// The tag name `b[r]`, lower-cased when it names a known HTML element, with that element's
    /// classes (none for an unknown name).
    static func normalizedName(_ b: Bytes, _ r: Range<Int>) -> (name: String, classes: NameClasses) {
        if let known = knownName(b, r, foldCase: true) { return (known.name, known.classes) }
        return (b.string(r), [])
    }

    private static func isNameStart(_ b: Bytes, _ i: Int) -> Int? {
        guard i >= 0, i < b.count else { return nil }
        let c = b[i]
        if c < 0x80 { return Byte.isAlpha(c) || c == Byte.underscore ? 1 : nil }
        guard let (s, l) = b.scalar(at: i) else { return nil }
        return s.isAlphaClass ? l : nil
    }
    private static func isNameChar(_ b: Bytes, _ i: Int) -> Int? {
        guard i >= 0, i < b.count else { return nil }
        let c = b[i]
        if c < 0x80 {
            return Byte.isAlpha(c) || Byte.isDigit(c) || c == Byte.dash || c == Byte.dot || c == Byte.underscore ? 1 : nil
        }
        guard let (s, l) = b.scalar(at: i) else { return nil }
        return s.isAlnumClass ? l : nil
    }

    /// REXML's UNAME_STR (an optionally prefixed XML name) at `i`; returns its end.
    static func nameEnd(_ b: Bytes, _ i: Int) -> Int? {
        func ncname(_ i: Int) -> Int? {
            guard let l = isNameStart(b, i) else { return nil }
            var j = i + l
            while let l2 = isNameChar(b, j) { j += l2 }
            return j
        }
        guard let first = ncname(i) else { return nil }
        if b.at(first) == Byte.colon, let second = ncname(first + 1) { return second }
        return first
    }

    @inline(__always) private static func skipSpace(_ b: Bytes, _ i: Int) -> Int {
        var j = i
        while j < b.count, Byte.isSpace(b[j]) { j += 1 }
        return j
    }

    /// One attribute `name`, `name=word` or `name="…"` at `i` (no leading space); returns its end.
    private static func attributeEnd(_ b: Bytes, _ i: Int) -> Int? {
        guard let n = nameEnd(b, i) else { return nil }
        let j = skipSpace(b, n)
        guard b.at(j) == Byte.equals else { return n }
        let k = skipSpace(b, j + 1)
        guard k < b.count else { return n }
        if b[k] == Byte.quote || b[k] == Byte.apos {
            var m = k + 1
            while m < b.count, b[m] != b[k] { m += 1 }
            return m < b.count ? m + 1 : n
        }
        var m = k
        while let (s, l) = b.scalar(at: m), s.isWordClass { m += l }
        return m > k ? m : n
    }

    /// HTML_TAG_RE at `i` (which holds `<`).
    static func tag(_ b: Bytes, _ i: Int) -> Tag? {
        guard b.at(i) == Byte.lt, let nameEnd = nameEnd(b, i + 1) else { return nil }
        var j = nameEnd
        var attrEnd = nameEnd
        // (\s+attribute)* — each attribute is atomic
        while true {
            let k = skipSpace(b, j)
            guard k > j, let e = attributeEnd(b, k) else { break }
            j = e
            attrEnd = e
        }
        let k = skipSpace(b, j)
        var closed = false
        var m = k
        if b.at(m) == Byte.slash { closed = true; m += 1 }
        guard b.at(m) == Byte.gt else { return nil }
        return Tag(end: m + 1, nameRange: i + 1..<nameEnd,
                   attributes: skipSpace(b, nameEnd)..<max(skipSpace(b, nameEnd), attrEnd), selfClosed: closed)
    }

    /// HTML_TAG_CLOSE_RE at `i`: `</name\s*>`; returns (end, name).
    static func closeTag(_ b: Bytes, _ i: Int) -> (Int, String)? {
        guard let (end, name) = closeTagRange(b, i) else { return nil }
        return (end, b.string(name))
    }

    /// `closeTag` with the name's range in `b`.
    static func closeTagRange(_ b: Bytes, _ i: Int) -> (end: Int, name: Range<Int>)? {
        guard b.hasPrefix("</", at: i), let e = nameEnd(b, i + 2) else { return nil }
        let k = skipSpace(b, e)
        guard b.at(k) == Byte.gt else { return nil }
        return (k + 1, i + 2..<e)
    }

    /// The first `<` at or after `i`.
    static func nextLessThan(_ b: Bytes, from i: Int) -> Int? {
        guard i < b.count else { return nil }
        return b.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, let hit = memchr(base + i, Int32(Byte.lt), buf.count - i) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// `<!--…-->` at `i`; returns its end.
    static func comment(_ b: Bytes, _ i: Int) -> Int? {
        guard b.hasPrefix("<!--", at: i) else { return nil }
        var j = i + 4
        while j + 2 < b.count {
            if b[j] == Byte.dash && b[j + 1] == Byte.dash && b[j + 2] == Byte.gt { return j + 3 }
            j += 1
        }
        return nil
    }

    /// `<?…?>` at `i`; returns its end.
    static func instruction(_ b: Bytes, _ i: Int) -> Int? {
        guard b.hasPrefix("<?", at: i) else { return nil }
        var j = i + 2
        while j + 1 < b.count {
            if b[j] == Byte.question && b[j + 1] == Byte.gt { return j + 2 }
            j += 1
        }
        return nil
    }

    /// Scans an attribute string the way `parse_html_attributes` does; names are lower-cased for
    /// known HTML elements; a later duplicate overwrites an earlier one, and is reported to
    /// `duplicate` for kramdown's warning.
    static func attributes(_ s: String, lowercase: Bool, duplicate: ((String) -> Void)? = nil) -> Attributes {
        let b = s.bytes
        return attributes(b, 0..<b.count, lowercase: lowercase) { duplicate?($0) }
    }

    /// `attributes` of the text `b[r]`, read where it is.
    static func attributes(_ b: Bytes, _ r: Range<Int>, lowercase: Bool, duplicate: (String) -> Void) -> Attributes {
        var attrs = Attributes()
        var i = r.lowerBound
        while i < r.upperBound {
            let k = skipSpace(b, i)
            guard k < r.upperBound else { break }
            // a tag's attributes are whole attributes: no name or value runs past their end
            guard let n = nameEnd(b, k) else { i = k + 1; continue }
            let name = lowercase ? lowercased(b, k..<n) : b.string(k..<n)
            var value = ""
            var end = n
            let j = skipSpace(b, n)
            if j < r.upperBound, b[j] == Byte.equals {
                let v = skipSpace(b, j + 1)
                if v < r.upperBound, b[v] == Byte.quote || b[v] == Byte.apos {
                    var m = v + 1
                    while m < r.upperBound, b[m] != b[v] { m += 1 }
                    if m < r.upperBound { value = b.string(v + 1..<m); end = m + 1 }
                } else {
                    var m = v
                    while m < r.upperBound, let (s, l) = b.scalar(at: m), m + l <= r.upperBound, s.isWordClass { m += l }
                    if m > v { value = b.string(v..<m); end = m }
                }
            }
            if attrs[name] != nil { duplicate(name) }
            attrs[name] = value
            i = end
        }
        return attrs
    }

    /// `String.lowercased()` of `b[r]`, without the intermediate string for ASCII.
    private static func lowercased(_ b: Bytes, _ r: Range<Int>) -> String {
        b.withUnsafeBufferPointer { all in
            let s = UnsafeBufferPointer(rebasing: all[r])
            guard !s.contains(where: { $0 >= 0x80 }) else { return String(decoding: s, as: UTF8.self).lowercased() }
            return String(unsafeUninitializedCapacity: s.count) { out in
                for (i, c) in s.enumerated() { out[i] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                return s.count
            }
        }
    }
}
