#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import ValidUTF8

/// A first line with footnote references, read off the converted content too. Jekyll appends the
/// definitions the excerpt uses (`Line[^a].\n\n[^a]: Note.`), and kramdown prints the paragraph,
/// a blank line and a footnotes block of the line's notes in the order they are referred to —
/// the content's first paragraph and the first items of the content's own footnotes block, when
/// each item is the note's one line printed as it is with the one backlink. At 1k posts these
/// excerpts were most of those converted on their own (~95 k instructions each).
extension ExcerptFromContent {
    /// The excerpt's HTML, or nil when it is not such a line or cannot be shown to print the same.
    static func paragraphWithNotes(source: String, content: String, converted: String) -> String? {
        guard let paragraph = leadingParagraphs(Shape(paragraphs: 1, endsWithBlankLine: false), of: converted) else { return nil }
        var source = source, content = content, converted = converted
        let paragraphEnd = paragraph.utf8.count
        return source.withUTF8 { s in
            content.withUTF8 { c in
                converted.withUTF8 { h in paragraphWithNotes(s, c, h, paragraphEnd: paragraphEnd) }
            }
        }
    }

    private static func paragraphWithNotes(_ s: UnsafeBufferPointer<UInt8>, _ c: UnsafeBufferPointer<UInt8>,
                                           _ h: UnsafeBufferPointer<UInt8>, paragraphEnd: Int) -> String? {
        // The source: the line, a blank line, then only the definitions of its notes.
        guard let sb = s.baseAddress, let cb = c.baseAddress,
              let newline = memchr(sb, Int32(UInt8(ascii: "\n")), s.count) else { return nil }
        let lineEnd = UnsafeRawPointer(newline) - UnsafeRawPointer(sb)
        guard lineEnd + 2 < s.count, s[lineEnd + 1] == UInt8(ascii: "\n"), c.count >= lineEnd + 2,
              memcmp(cb, sb, lineEnd) == 0, c[lineEnd] == UInt8(ascii: "\n"), c[lineEnd + 1] == UInt8(ascii: "\n"),
              let names = noteReferences(UnsafeBufferPointer(rebasing: s[..<lineEnd])),
              let notes = noteDefinitions(UnsafeBufferPointer(rebasing: s[(lineEnd + 2)...])),
              case let noteNames = uniqued(names), notes.count == noteNames.count,
              noteNames.allSatisfy({ name in notes.contains { $0.name == name } }) else { return nil }
        // Nothing after the line may change how it reads (as for plain paragraphs), and no text
        // of the content's own may pass for kramdown's footnotes block.
        let rest = UnsafeBufferPointer(rebasing: c[lineEnd...])
        guard !hasBraceConstruct(rest), !ByteSearch.hasPair(UInt8(ascii: "*"), then: UInt8(ascii: "["), in: rest),
              !contains(rest, "=\"doc-endnotes\"", anchor: 0) else { return nil }
        // The converted content: the paragraph and its blank line's newline (every reference
        // resolved, none printed as text), then at its end the block with the notes first.
        let paragraph = UnsafeBufferPointer(rebasing: h[..<paragraphEnd])
        guard paragraphEnd < h.count, h[paragraphEnd] == UInt8(ascii: "\n"), !ByteSearch.hasPair(UInt8(ascii: "["), then: UInt8(ascii: "^"), in: paragraph),
              let items = noteItems(h, notes: noteNames.map { name in notes.first { $0.name == name }! })
        else { return nil }
        var html = Array(paragraph)
        html.reserveCapacity(paragraphEnd + 1 + items.count + 64)
        html.append(UInt8(ascii: "\n"))
        html.append(contentsOf: footnotesOpening.utf8)
        html.append(contentsOf: UnsafeBufferPointer(rebasing: h[items]))
        html.append(contentsOf: footnotesClosing.utf8)
        // Valid UTF-8 (valid texts cut at ASCII bytes, and ASCII): not checked again, the no-break
        // spaces of the notes would send the check a byte at a time.
        return html.withUnsafeBufferPointer { String(validUTF8: $0) }
    }

    static let footnotesOpening = "<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n"
    static let footnotesClosing = "  </ol>\n</div>\n"

    /// The notes a plain line (as `plainLine` has it) refers to, in order, when each `[` of it
    /// opens an inline link or a footnote reference (`[^name]`, kramdown's `\w[\w-]*`) and there
    /// is at least one reference; nil otherwise.
    static func noteReferences(_ b: UnsafeBufferPointer<UInt8>) -> [String]? {
        // `plainLine` has a reference's `[` as one that may be a reference, not as not plain.
        guard plainLine(b) != .notPlain else { return nil }
        var names: [String] = []
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "[") else {
                i += 1
                continue
            }
            if let end = inlineLinkEnd(b, at: i) {
                i = end
                continue
            }
            guard let nameEnd = noteNameEnd(b, from: i + 2), i + 1 < b.count, b[i + 1] == UInt8(ascii: "^"),
                  nameEnd < b.count, b[nameEnd] == UInt8(ascii: "]") else { return nil }
            // `[^a](x)`, `[^a][b]` and `[^a]:` are left to the conversion.
            if nameEnd + 1 < b.count, b[nameEnd + 1] == UInt8(ascii: "(") || b[nameEnd + 1] == UInt8(ascii: "[")
                || b[nameEnd + 1] == UInt8(ascii: ":") { return nil }
            names.append(String(decoding: UnsafeBufferPointer(rebasing: b[(i + 2)..<nameEnd]), as: UTF8.self))
            i = nameEnd + 1
        }
        return names.isEmpty ? nil : names
    }

    /// Where a note's name (`\w[\w-]*`) that starts at `from` ends; nil without one.
    private static func noteNameEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        func isWord(_ c: UInt8) -> Bool {
            (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") || c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
                || c == UInt8(ascii: "_")
        }
        guard from < b.count, isWord(b[from]) else { return nil }
        var i = from + 1
        while i < b.count, isWord(b[i]) || b[i] == UInt8(ascii: "-") { i += 1 }
        return i
    }

    /// The definitions Jekyll appended, one a line, each `[^name]: text` with a text of no `[`
    /// (so no reference); nil for anything else.
    static func noteDefinitions(_ b: UnsafeBufferPointer<UInt8>) -> [(name: String, text: ArraySlice<UInt8>)]? {
        var notes: [(name: String, text: ArraySlice<UInt8>)] = []
        var failed = false
        let bytes = Array(b)
        ByteSearch.forEachLine(b) { line in
            guard !failed else { return }
            let start = line.lowerBound
            guard line.count > 4, b[start] == UInt8(ascii: "["), b[start + 1] == UInt8(ascii: "^"),
                  let nameEnd = noteNameEnd(b, from: start + 2), nameEnd + 1 < line.upperBound,
                  b[nameEnd] == UInt8(ascii: "]"), b[nameEnd + 1] == UInt8(ascii: ":") else { failed = true; return }
            var textStart = nameEnd + 2
            while textStart < line.upperBound, b[textStart] == UInt8(ascii: " ") { textStart += 1 }
            guard textStart < line.upperBound, !bytes[textStart..<line.upperBound].contains(UInt8(ascii: "[")) else {
                failed = true
                return
            }
            notes.append((String(decoding: UnsafeBufferPointer(rebasing: b[(start + 2)..<nameEnd]), as: UTF8.self),
                           bytes[textStart..<line.upperBound]))
        }
        return failed || notes.isEmpty ? nil : notes
    }

    /// The byte range of the first items of the content's footnotes block (the last thing in its
    /// HTML), one for each note in order, each exactly the note's text, kramdown's no-break space
    /// and the one backlink; nil when they are not so.
    private static func noteItems(_ h: UnsafeBufferPointer<UInt8>,
                                  notes: [(name: String, text: ArraySlice<UInt8>)]) -> Range<Int>? {
        let opening = footnotesOpening.utf8.count, closing = footnotesClosing.utf8.count
        guard let base = h.baseAddress, h.count > opening + closing, matches(footnotesClosing, in: h, at: h.count - closing)
        else { return nil }
        // The block's opening, looked for back from the end (past the items of the notes).
        var start = h.count - closing - opening
        while start >= 0, !(base[start] == UInt8(ascii: "<") && matches(footnotesOpening, in: h, at: start)) { start -= 1 }
        guard start >= 0 else { return nil }
        var i = start + opening
        let blockStart = i
        func take(_ text: String) -> Bool {
            guard matches(text, in: h, at: i) else { return false }
            i += text.utf8.count
            return true
        }
        func take(_ bytes: ArraySlice<UInt8>) -> Bool {
            guard i + bytes.count <= h.count, bytes.withUnsafeBufferPointer({ memcmp(base + i, $0.baseAddress!, $0.count) }) == 0
            else { return false }
            i += bytes.count
            return true
        }
        for (name, text) in notes {
            guard take("    <li id=\"fn:"), take(name), take("\" role=\"doc-endnote\">\n      <p>"), take(text),
                  take("\u{A0}<a href=\"#fnref:"), take(name),
                  take("\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n") else { return nil }
        }
        return blockStart..<i
    }

    /// Whether `text`'s bytes stand in `h` at `at`.
    private static func matches(_ text: String, in h: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        var text = text
        return text.withUTF8 { t in
            at >= 0 && at + t.count <= h.count && (t.isEmpty || memcmp(h.baseAddress! + at, t.baseAddress!, t.count) == 0)
        }
    }

    /// Whether the bytes hold `text`, found by its byte at `anchor` (a rare one).
    private static func contains(_ b: UnsafeBufferPointer<UInt8>, _ text: StaticString, anchor: Int) -> Bool {
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        return ByteSearch.firstOffset(of: pattern, in: b, anchor: anchor) != nil
    }

    /// The names in order, each once (a line refers to a few notes).
    private static func uniqued(_ names: [String]) -> [String] {
        var once: [String] = []
        for name in names where !once.contains(name) { once.append(name) }
        return once
    }
}
