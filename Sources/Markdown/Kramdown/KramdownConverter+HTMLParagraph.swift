import Foundation

/// A text made of `<p>` HTML blocks of plain phrasing markup — paragraphs kramdown printed,
/// converted again: Jekyll's excerpts go through `markdownify` in jekyll-seo-tag's description
/// on every post — comes out of kramdown as it went in, plus a final newline: kramdown keeps each
/// block's content raw (no emphasis, typography or entities of its own) and prints its tags again
/// the way they are written here — so does the footnotes block it prints after them, whose
/// indentation is its own. Recognising that costs one pass over the bytes instead of a parse; anything else (`<br>`, single quotes around attribute values, upper-case names, a bare
/// `&` or `>`, line breaks, unclosed tags) takes the full conversion.
extension KramdownConverter {
    /// The HTML for `markdown` when it is made of such blocks, else nil.
    public func htmlWithoutParsing(_ markdown: String) -> String? {
        guard !options.parseBlockHTML, options.entityOutput == .asChar else { return nil }
        let utf8 = markdown.utf8
        guard utf8.count >= 7, utf8.first == UInt8(ascii: "<") else { return nil }
        let plain = utf8.withContiguousStorageIfAvailable { Self.isPlainHTMLParagraph($0) } ?? false
        guard plain else { return nil }
        return utf8.last == Byte.newline ? markdown : markdown + "\n"
    }

    private static let phrasingElements: [StaticString] = [
        "a", "abbr", "b", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ]
    private static let voidElements: [StaticString] = ["br", "img", "wbr"]

    /// A run of bytes of the text: an element's or attribute's name, compared in place (an array
    /// made of each name, looked up in a set, cost more than the rest of the scan).
    struct Name {
        let start: Int
        let count: Int

        func equals(_ other: Name, in b: UnsafeBufferPointer<UInt8>) -> Bool {
            count == other.count && memcmp(b.baseAddress! + start, b.baseAddress! + other.start, count) == 0
        }

        /// The name's bytes as one integer (the first the lowest), for names of at most eight.
        func key(in b: UnsafeBufferPointer<UInt8>) -> UInt64? {
            count <= 8 ? Name.key(UnsafeBufferPointer(rebasing: b[start..<(start + count)])) : nil
        }

        static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var key: UInt64 = 0
            for (j, c) in bytes.enumerated() { key |= UInt64(c) << (8 * UInt64(j)) }
            return key
        }
    }

    private static let phrasingKeys: [UInt64] = phrasingElements.map(key)
    private static let voidKeys: [UInt64] = voidElements.map(key)
    private static func key(_ name: StaticString) -> UInt64 {
        Name.key(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// `<p>…</p>` blocks, each on one line, followed by one newline or a blank line (the last may
    /// end the text without one); after a blank line, the text may end with the footnotes kramdown
    /// prints (an excerpt with a footnote reference has them).
    static func isPlainHTMLParagraph(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let stop = b.count
        var i = 0
        // The open elements, innermost last, and the attributes of the tag being read: emptied,
        // not made again, for each paragraph and tag.
        var open: [Name] = []
        var attributes: [Name] = []
        open.reserveCapacity(8)
        attributes.reserveCapacity(4)
        while i < stop {
            if i >= 2, b[i - 1] == Byte.newline, b[i - 2] == Byte.newline, has(footnotesStart, in: b, at: i) {
                return footnotesEnd(b, i + footnotesStart.utf8CodeUnitCount, stop, &open, &attributes) == stop
            }
            guard has("<p>", in: b, at: i), let end = paragraphEnd(b, i + 3, stop, &open, &attributes) else { return false }
            i = end
            guard i == stop || b[i] == Byte.newline else { return false }
            // A third newline (or spaces on a blank line) kramdown would drop.
            if i < stop, b[i] == Byte.newline { i += 1 }
            if i < stop, b[i] == Byte.newline { i += 1 }
        }
        return true
    }

    /// A paragraph's content from `i` (just after its `<p>`): where its `</p>` ends.
    private static func paragraphEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int, _ open: inout [Name],
                                     _ attributes: inout [Name]) -> Int? {
        open.removeAll(keepingCapacity: true)
        var i = start
        while i < stop {
            // Most of a paragraph is text: passed over eight bytes at a time.
            while i &+ 8 <= stop, !mayStopText(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i &+= 8 }
            guard i < stop else { break }
            switch b[i] {
            case UInt8(ascii: "&"):
                guard let next = entityEnd(b, i, stop) else { return nil }
                i = next
            case UInt8(ascii: "<"):
                if open.isEmpty, has("</p>", in: b, at: i) { return i + 4 }
                guard let next = tagEnd(b, i, stop, &open, &attributes) else { return nil }
                i = next
            case UInt8(ascii: ">"), 0..<0x20, 0x7F:
                return nil
            default:
                i += 1
            }
        }
        return nil
    }

    /// Whether any of eight bytes is one a paragraph's text stops at: `&`, `<`, `>`, a control
    /// character or DEL (the usual test for a zero byte, on the bytes XOR each value; exact as to
    /// whether there is one).
    @inline(__always)
    private static func mayStopText(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (x &- ones &* 0x20) & ~x & highs
        return control | hasZero(x ^ (ones &* 0x26)) | hasZero(x ^ (ones &* 0x3C)) | hasZero(x ^ (ones &* 0x3E))
            | hasZero(x ^ (ones &* 0x7F)) != 0
    }

    /// Whether any of eight bytes is one an attribute's value stops at: `"`, `&`, `<`, `>`, `'`,
    /// a control character or DEL.
    @inline(__always)
    private static func mayStopValue(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        return mayStopText(x) || hasZero(x ^ (ones &* 0x22)) | hasZero(x ^ (ones &* 0x27)) != 0
    }

    /// kramdown's footnotes exactly as it prints them — the indentation is its own, which it
    /// prints again for the raw block — one paragraph a note.
    private static let footnotesStart: StaticString = "<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n"
    private static let noteStart: StaticString = "    <li id=\"fn:"
    private static let noteParagraph: StaticString = "\" role=\"doc-endnote\">\n      <p>"
    private static let noteEnd: StaticString = "\n    </li>\n"
    private static let footnotesEnd: StaticString = "  </ol>\n</div>\n"

    /// The notes from `i` (just after the list's `<ol>` line) to the end of the `</div>` line:
    /// where that ends.
    private static func footnotesEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int, _ open: inout [Name],
                                     _ attributes: inout [Name]) -> Int? {
        var i = start
        var notes = 0
        while has(noteStart, in: b, at: i) {
            i += noteStart.utf8CodeUnitCount
            let nameStart = i
            while i < stop, isLetter(b[i]) || isDigit(b[i]) || b[i] == UInt8(ascii: "_") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard i > nameStart, has(noteParagraph, in: b, at: i),
                  let end = paragraphEnd(b, i + noteParagraph.utf8CodeUnitCount, stop, &open, &attributes),
                  has(noteEnd, in: b, at: end) else { return nil }
            i = end + noteEnd.utf8CodeUnitCount
            notes += 1
        }
        guard notes > 0, has(footnotesEnd, in: b, at: i) else { return nil }
        return i + footnotesEnd.utf8CodeUnitCount
    }

    /// Whether `literal`'s bytes stand at `i`.
    private static func has(_ literal: StaticString, in b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + literal.utf8CodeUnitCount <= b.count && memcmp(b.baseAddress! + i, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `i`: where it ends.
    private static func entityEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ stop: Int) -> Int? {
        var j = i + 1
        let start: Int
        if j < stop, b[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < stop && b[j] == UInt8(ascii: "x")
            if hex { j += 1 }
            start = j
            while j < stop, isDigit(b[j]) || (hex && isHexLetter(b[j])) { j += 1 }
        } else {
            start = j
            while j < stop, isLetter(b[j]) || (j > start && isDigit(b[j])) { j += 1 }
        }
        guard j > start, j < stop, b[j] == UInt8(ascii: ";") else { return nil }
        return j + 1
    }

    /// `<name attr="value">`, `<name … />` (void elements only) or `</name>` closing the innermost
    /// open element, at `i`: where it ends.
    private static func tagEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ stop: Int, _ open: inout [Name],
                               _ attributes: inout [Name]) -> Int? {
        var j = i + 1
        let closing = j < stop && b[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        let nameStart = j
        while j < stop, isLowercase(b[j]) || (j > nameStart && isDigit(b[j])) { j += 1 }
        let name = Name(start: nameStart, count: j - nameStart)
        guard name.count > 0, j < stop else { return nil }
        if closing {
            guard b[j] == UInt8(ascii: ">"), let innermost = open.last, innermost.equals(name, in: b) else { return nil }
            open.removeLast()
            return j + 1
        }
        // Compared as integers: a `memcmp` with each of the 26 names cost ~300 instructions a tag.
        guard let key = name.key(in: b) else { return nil }
        let isVoid = voidKeys.contains(key)
        guard isVoid || phrasingKeys.contains(key) else { return nil }
        attributes.removeAll(keepingCapacity: true)
        while j < stop {
            switch b[j] {
            case UInt8(ascii: ">"):
                guard !isVoid else { return nil }
                open.append(name)
                return j + 1
            case UInt8(ascii: " "):
                j += 1
                if j + 1 < stop, b[j] == UInt8(ascii: "/"), b[j + 1] == UInt8(ascii: ">") {
                    return isVoid ? j + 2 : nil
                }
                let attrStart = j
                while j < stop, isLowercase(b[j]) || (j > attrStart && (isDigit(b[j]) || b[j] == UInt8(ascii: "-"))) { j += 1 }
                let attribute = Name(start: attrStart, count: j - attrStart)
                guard attribute.count > 0, !attributes.contains(where: { $0.equals(attribute, in: b) }), j + 1 < stop,
                      b[j] == UInt8(ascii: "="), b[j + 1] == UInt8(ascii: "\"") else { return nil }
                attributes.append(attribute)
                j += 2
                // URLs and class names: passed over eight bytes at a time.
                while j &+ 8 <= stop, !mayStopValue(UnsafeRawPointer(b.baseAddress! + j).loadUnaligned(as: UInt64.self)) { j &+= 8 }
                while j < stop, b[j] != UInt8(ascii: "\"") {
                    switch b[j] {
                    case UInt8(ascii: "&"):
                        guard let next = entityEnd(b, j, stop) else { return nil }
                        j = next
                    case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "'"), 0..<0x20, 0x7F:
                        return nil
                    default:
                        j += 1
                    }
                }
                guard j < stop else { return nil }
                j += 1
            default:
                return nil
            }
        }
        return nil
    }

    private static func isLowercase(_ c: UInt8) -> Bool { c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") }
    private static func isLetter(_ c: UInt8) -> Bool { isLowercase(c | 0x20) }
    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private static func isHexLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "f") }
}
