#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An excerpt's HTML read off its document's converted content, instead of a conversion of its
/// own, where kramdown provably prints the same: the excerpt is the document's first lines, each a
/// plain paragraph after a blank line, and nothing after them can change how they read. At 1k
/// posts, converting each excerpt again was ~50 k instructions of what `{% seo %}` spends on a
/// post's page.
enum ExcerptFromContent {
    /// The excerpt's HTML and whether it is only `<p>` paragraphs (not a line with its footnotes,
    /// `paragraphWithNotes`), or nil when it must be converted on its own (the content is not yet
    /// converted, or the shortcut cannot be shown to print the same).
    static func html(of id: Int, source: String, build: BuildContext) -> (html: String, isParagraphs: Bool)? {
        let doc = build.site.documents[id]
        guard doc.generator == nil, build.converters.isKramdown, !build.converters.showsMarkdownWarnings else { return nil }
        let shape = shape(of: source, in: doc.content)
        guard isMarkdownAlone(build.site.converters.chain(for: doc.extname)),
              let converted = build.result(of: id, seenFrom: id)?.converted else { return nil }
        if let shape { return leadingParagraphs(shape, of: converted).map { ($0, true) } }
        return paragraphWithNotes(source: source, content: doc.content, converted: converted).map { ($0, false) }
    }

    /// kramdown, then at most the identity (which changes nothing).
    private static func isMarkdownAlone(_ chain: [ConverterKind]) -> Bool {
        chain.first == .markdown && chain.dropFirst().allSatisfy { $0 == .identity }
    }

    /// How an excerpt taking the shortcut is laid out: its paragraphs (one line each), and whether
    /// it ends with blank lines (an `excerpt_separator` such as `<!--more-->` on a line of its own),
    /// which kramdown prints as one more newline.
    struct Shape: Equatable {
        var paragraphs: Int
        var endsWithBlankLine: Bool
    }

    /// The excerpt's shape when the content starts with it and it is plain lines, each followed by a
    /// blank line (the last may end the excerpt, the content then going on with a blank line), and
    /// what follows in the content cannot change how they read: no Liquid (whose output is not seen
    /// here), no attribute list (`{:`), and no definition (`]:` — of a link, footnote or
    /// abbreviation) unless every `[` of the lines opens an inline link and no `*[` could define an
    /// abbreviation (which kramdown applies to all text). Jekyll appends the link definitions an
    /// excerpt uses after it: such an excerpt is then not the start of its content, or its last
    /// line starts with `[` and is not a link.
    static func shape(of excerpt: String, in content: String) -> Shape? {
        var content = content
        var excerpt = excerpt
        return content.withUTF8 { c in
            excerpt.withUTF8 { e -> Shape? in
                guard e.count > 0, c.count >= e.count + 2, let cb = c.baseAddress, let eb = e.baseAddress,
                      memcmp(cb, eb, e.count) == 0 else { return nil }
                var shape = Shape(paragraphs: 0, endsWithBlankLine: false)
                var linksOnly = true
                var i = 0
                while i < e.count {
                    let end = (memchr(eb + i, Int32(UInt8(ascii: "\n")), e.count - i)
                        .map { UnsafeRawPointer($0) - UnsafeRawPointer(eb) }) ?? e.count
                    switch plainLine(UnsafeBufferPointer(start: eb + i, count: end - i)) {
                    case .notPlain: return nil
                    case .mayReference: linksOnly = false
                    case .referencesNothing: break
                    }
                    shape.paragraphs += 1
                    if end == e.count {
                        guard c[end] == UInt8(ascii: "\n"), c[end + 1] == UInt8(ascii: "\n") else { return nil }
                        break
                    }
                    // A blank line: one newline more (kramdown prints any run of them as one newline).
                    guard end + 1 < e.count, e[end + 1] == UInt8(ascii: "\n") else { return nil }
                    i = end + 2
                    while i < e.count, e[i] == UInt8(ascii: "\n") { i += 1 }
                    shape.endsWithBlankLine = i == e.count
                }
                let rest = UnsafeBufferPointer(rebasing: c[e.count...])
                guard !hasBraceConstruct(rest) else { return nil }
                if ByteSearch.hasPair(UInt8(ascii: "]"), then: UInt8(ascii: ":"), in: rest) {
                    guard linksOnly, !ByteSearch.hasPair(UInt8(ascii: "*"), then: UInt8(ascii: "["), in: rest) else { return nil }
                }
                return shape
            }
        }
    }

    /// What a line is to the shortcut.
    enum PlainLine: Equatable {
        /// Not a plain paragraph whatever follows it (or not provably).
        case notPlain
        /// A plain paragraph with a `[` that may be a link or footnote reference.
        case mayReference
        /// A plain paragraph whose every `[` opens an inline link (`[text](url)`), which no
        /// definition changes.
        case referencesNothing
    }

    /// One line of text kramdown reads as a paragraph whatever follows it: it starts with an ASCII
    /// letter, or with emphasis, a code span, a strikethrough or an inline link that no block
    /// marker starts with (`*a`, `**a`, `` `a ``, `~~a`, `[a](u)`), holds no `<` (HTML), `{`
    /// (Liquid, attribute lists, extensions), `|` (a kramdown table needs no separator line), `\`,
    /// tab or line break, and does not end in a space.
    static func plainLine(_ b: UnsafeBufferPointer<UInt8>) -> PlainLine {
        guard let first = b.first, let last = b.last, last != UInt8(ascii: " ") else { return .notPlain }
        func isLetter(_ at: Int) -> Bool { at < b.count && isASCIILetter(b[at]) }
        let startsAsParagraph: Bool
        switch first {
        case UInt8(ascii: "*"): startsAsParagraph = isLetter(1) || (b.count > 1 && b[1] == UInt8(ascii: "*") && isLetter(2))
        case UInt8(ascii: "`"): startsAsParagraph = b.count > 1 && b[1] != UInt8(ascii: "`")
        case UInt8(ascii: "~"): startsAsParagraph = b.count > 1 && b[1] == UInt8(ascii: "~") && isLetter(2)
        case UInt8(ascii: "["): startsAsParagraph = inlineLinkEnd(b, at: 0) != nil
        default: startsAsParagraph = isASCIILetter(first)
        }
        guard startsAsParagraph, !hasRefusedByte(b) else { return .notPlain }
        let base = b.baseAddress!
        var i = 0
        while i < b.count, let hit = memchr(base + i, Int32(UInt8(ascii: "[")), b.count - i) {
            guard let end = inlineLinkEnd(b, at: UnsafeRawPointer(hit) - UnsafeRawPointer(base)) else { return .mayReference }
            i = end
        }
        return .referencesNothing
    }

    /// Whether the line holds a `<`, `{`, `|`, `\` or a control character (tab, line break), eight
    /// bytes at a time (the usual test for a zero byte, on the bytes XOR each value): a table
    /// lookup a byte cost ~9 instructions a byte of each excerpt.
    private static func hasRefusedByte(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func refused(_ x: UInt64) -> Bool {
            @inline(__always) func zeros(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
            let control = (x &- ones &* 0x20) & ~x & highs
            return control | zeros(x ^ (ones &* 0x3C)) | zeros(x ^ (ones &* 0x7B)) | zeros(x ^ (ones &* 0x7C))
                | zeros(x ^ (ones &* 0x5C)) != 0
        }
        let base = UnsafeRawPointer(b.baseAddress!)
        var i = 0
        while i &+ 8 <= b.count {
            if refused(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
            i &+= 8
        }
        guard i < b.count else { return false }
        // The last bytes, with spaces before them in a word of their own.
        var last: UInt64 = ones &* 0x20
        withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + i, count: b.count - i)) }
        return refused(last)
    }

    /// Whether a line is a plain paragraph (`plainLine`).
    static func isPlainLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { plainLine($0) != .notPlain }
    }

    private static func isASCIILetter(_ c: UInt8) -> Bool {
        (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
    }

    /// `[text](url)` at `at`, of words in the text and no space, bracket, parenthesis, quote or
    /// markup in the URL — kramdown's inline link whatever the document defines (a `(` right
    /// after the `]` is never a reference): where it ends.
    static func inlineLinkEnd(_ b: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
        linkBytes.withUnsafeBufferPointer { kinds -> Int? in
            var i = at + 1
            while i < b.count, kinds[Int(b[i])] & LinkByte.text != 0 { i += 1 }
            guard i > at + 1, i + 1 < b.count, b[i] == UInt8(ascii: "]"), b[i + 1] == UInt8(ascii: "(") else { return nil }
            i += 2
            let urlStart = i
            while i < b.count, kinds[Int(b[i])] & LinkByte.url != 0 { i += 1 }
            guard i > urlStart, i < b.count, b[i] == UInt8(ascii: ")") else { return nil }
            return i + 1
        }
    }

    /// Where a byte may stand in such a link: in its text (words: letters, digits, non-ASCII,
    /// spaces, `-`, `.`, `,`), in its URL (no space, bracket, parenthesis, quote, markup or
    /// control character), both or neither.
    private enum LinkByte {
        static let text: UInt8 = 1
        static let url: UInt8 = 2
    }

    private static let linkBytes: [UInt8] = {
        var kinds = [UInt8](repeating: 0, count: 256)
        for c in 0x21..<0x7F { kinds[c] = LinkByte.url }
        for c in "()[]<>\"'`\\{}|*_".utf8 { kinds[Int(c)] = 0 }
        for c in 0x80...0xFF { kinds[c] = LinkByte.url | LinkByte.text }
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { kinds[Int(c)] |= LinkByte.text }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { kinds[Int(c)] |= LinkByte.text }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { kinds[Int(c)] |= LinkByte.text }
        for c in "-.,".utf8 { kinds[Int(c)] |= LinkByte.text }
        kinds[Int(UInt8(ascii: " "))] = LinkByte.text
        return kinds
    }()

    /// Whether the bytes hold `{:` (an attribute list or extension), `{{` or `{%` (Liquid).
    static func hasBraceConstruct(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        var offset = 0
        while offset < b.count, let hit = memchr(base + offset, Int32(UInt8(ascii: "{")), b.count - offset) {
            let i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if i + 1 < b.count, b[i + 1] == UInt8(ascii: ":") || b[i + 1] == UInt8(ascii: "{") || b[i + 1] == UInt8(ascii: "%") {
                return true
            }
            offset = i + 1
        }
        return false
    }

    /// The content's first paragraphs as the shape has them — `<p>…</p>\n` each, a newline between
    /// two (their blank line), and one more after the last when the excerpt ends with blank lines
    /// — or nil when the content's HTML starts otherwise (a definition list, an attribute). The
    /// lines hold no `<`, so their HTML holds no `</p>` of its own.
    static func leadingParagraphs(_ shape: Shape, of html: String) -> String? {
        var html = html
        let end = html.withUTF8 { b -> Int? in
            guard let base = b.baseAddress else { return nil }
            func has(_ literal: StaticString, at i: Int) -> Bool {
                i + literal.utf8CodeUnitCount <= b.count && memcmp(base + i, literal.utf8Start, literal.utf8CodeUnitCount) == 0
            }
            var i = 0
            for paragraph in 0..<shape.paragraphs {
                if paragraph > 0 {
                    guard i < b.count, b[i] == UInt8(ascii: "\n") else { return nil }
                    i += 1
                }
                guard has("<p>", at: i) else { return nil }
                i += 3
                while true {
                    guard i < b.count, let hit = memchr(base + i, Int32(UInt8(ascii: "<")), b.count - i) else { return nil }
                    i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if has("</p>\n", at: i) { break }
                    i += 1
                }
                i += 5
            }
            if shape.endsWithBlankLine {
                guard i < b.count, b[i] == UInt8(ascii: "\n") else { return nil }
                i += 1
            }
            return i
        }
        guard let end else { return nil }
        return String(html[..<html.utf8.index(html.utf8.startIndex, offsetBy: end)])
    }
}
