/// Recognisers for the pieces of HTML kramdown knows: start tags with well-formed attributes,
/// close tags, comments and processing instructions, plus its element classification tables.
enum HTMLScanner {
    struct Tag {
        var end: Int
        var name: String
        var attributes: Range<Int>
        var selfClosed: Bool
    }

    static let spanElementList: [String] = [
        "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em", "i", "img",
        "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp",
        "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var"]
    static let spanElements = Set(spanElementList)
    static let blockElements: Set<String> = [
        "address", "article", "aside", "applet", "body", "blockquote", "caption", "col", "colgroup", "dd", "div",
        "dl", "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "head", "iframe", "legend", "menu", "li", "main", "map", "nav", "ol", "optgroup",
        "p", "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul"]
    static let withoutBody: Set<String> = [
        "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr"]
    static let blockContent: Set<String> = [
        "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "fieldset",
        "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main", "map", "menu", "nav",
        "noscript", "object", "section", "summary", "td"]
    static let spanContent: Set<String> = [
        "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt", "em", "h1",
        "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q", "rb", "rbc", "rp", "rt",
        "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup", "th", "tt"]
    static let rawContent: Set<String> = ["script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var"]
    static let known: Set<String> = spanElements.union(blockElements).union(withoutBody).union(blockContent)
        .union(spanContent).union(rawContent)

    typealias ContentModel = Element.ContentModel
    static func contentModel(_ name: String) -> ContentModel {
        if blockContent.contains(name) { return .block }
        if spanContent.contains(name) { return .span }
        return .raw
    }

    /// Lower-cases a tag name when it names a known HTML element.
    static func normalizedName(_ name: String) -> String {
        let lower = name.lowercased()
        return known.contains(lower) ? lower : name
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
        return Tag(end: m + 1, name: b.string(i + 1..<nameEnd),
                   attributes: skipSpace(b, nameEnd)..<max(skipSpace(b, nameEnd), attrEnd), selfClosed: closed)
    }

    /// HTML_TAG_CLOSE_RE at `i`: `</name\s*>`; returns (end, name).
    static func closeTag(_ b: Bytes, _ i: Int) -> (Int, String)? {
        guard b.hasPrefix("</", at: i), let e = nameEnd(b, i + 2) else { return nil }
        let k = skipSpace(b, e)
        guard b.at(k) == Byte.gt else { return nil }
        return (k + 1, b.string(i + 2..<e))
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
        var attrs = Attributes()
        var i = 0
        while i < b.count {
            let k = skipSpace(b, i)
            guard let n = nameEnd(b, k) else { i = k + 1; continue }
            var name = b.string(k..<n)
            if lowercase { name = name.lowercased() }
            var value = ""
            var end = n
            let j = skipSpace(b, n)
            if b.at(j) == Byte.equals {
                let v = skipSpace(b, j + 1)
                if let q = b.at(v), q == Byte.quote || q == Byte.apos {
                    var m = v + 1
                    while m < b.count, b[m] != q { m += 1 }
                    if m < b.count { value = b.string(v + 1..<m); end = m + 1 }
                } else {
                    var m = v
                    while let (s, l) = b.scalar(at: m), s.isWordClass { m += l }
                    if m > v { value = b.string(v..<m); end = m }
                }
            }
            if let duplicate, attrs[name] != nil { duplicate(name) }
            attrs[name] = value
            i = end
        }
        return attrs
    }
}
