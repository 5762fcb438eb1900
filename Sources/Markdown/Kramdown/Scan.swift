/// Recognisers for kramdown's block-level start patterns, each checked at a position that kramdown
/// treats as the start of a line. They return where the match ends (or the pieces the parsers
/// need), or nil.
enum Scan {
    /// Ruby's `\s` without the newline.
    @inline(__always) static func isInlineSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C || b == 0x0D }

    static func atEnd(_ s: Bytes, _ p: Int) -> Bool {
        p >= s.count || (p == s.count - 1 && s[p] == Byte.newline)
    }

    static func leadingSpaces(_ s: Bytes, _ p: Int) -> Int {
        var i = p
        while i < s.count, s[i] == Byte.space { i += 1 }
        return i - p
    }

    static func lineEnd(_ s: Bytes, _ p: Int) -> Int {
        var i = p
        while i < s.count, s[i] != Byte.newline { i += 1 }
        return i
    }

    /// Whether `s[from..<to]` holds a character other than Ruby's `\s`.
    static func hasNonSpace(_ s: Bytes, _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to {
            if !Byte.isSpace(s[i]) { return true }
            i += 1
        }
        return false
    }

    /// BLANK_LINE: one or more lines holding only whitespace; the end after the last of them.
    static func blankLines(_ s: Bytes, _ p: Int) -> Int? {
        var end: Int? = nil
        var i = p
        while i < s.count {
            var j = i
            while j < s.count, isInlineSpace(s[j]) { j += 1 }
            guard j < s.count, s[j] == Byte.newline else { break }
            i = j + 1
            end = i
        }
        return end
    }

    /// INDENT: a tab or four spaces; returns the width in bytes.
    static func indent(_ s: Bytes, _ p: Int) -> Int? {
        if s.at(p) == Byte.tab { return 1 }
        if s.hasPrefix("    ", at: p) { return 4 }
        return nil
    }

    /// EOB_MARKER `^\^\s*?\n`.
    static func eobMarker(_ s: Bytes, _ p: Int) -> Int? {
        guard s.at(p) == Byte.caret else { return nil }
        var i = p + 1
        while i < s.count, isInlineSpace(s[i]) { i += 1 }
        return s.at(i) == Byte.newline ? i + 1 : nil
    }

    /// BLOCKQUOTE_START `^ {0,3}> ?`: the length of the marker.
    static func blockquoteStart(_ s: Bytes, _ p: Int) -> Int? {
        let lead = leadingSpaces(s, p)
        guard lead <= 3, s.at(p + lead) == Byte.gt else { return nil }
        return lead + 1 + (s.at(p + lead + 1) == Byte.space ? 1 : 0)
    }

    /// HR_START: three or more `*`, `-` or `_` with only spaces or tabs between.
    static func horizontalRule(_ s: Bytes, _ p: Int) -> Int? {
        let lead = leadingSpaces(s, p)
        guard lead <= 3, let c = s.at(p + lead), c == Byte.star || c == Byte.dash || c == Byte.underscore else { return nil }
        var count = 0
        var i = p + lead
        while i < s.count, s[i] != Byte.newline {
            if s[i] == c { count += 1 } else if !Byte.isBlank(s[i]) { return nil }
            i += 1
        }
        return count >= 3 && i < s.count ? i + 1 : nil
    }

    struct ListMarker {
        var ordered: Bool
        /// The marker with its leading spaces (`@src[1]`).
        var markerEnd: Int
        /// The end of the line (after its newline).
        var lineEnd: Int
    }

    /// LIST_START_UL / LIST_START_OL (or `fetch_pattern`'s narrower variants): up to `maxIndent`
    /// spaces, a marker, then a tab, a space or a `|`.
    static func listStart(_ s: Bytes, _ p: Int, maxIndent: Int, only ordered: Bool? = nil) -> ListMarker? {
        let lead = leadingSpaces(s, p)
        guard lead <= maxIndent, let c = s.at(p + lead) else { return nil }
        var i = p + lead
        var isOrdered = false
        if c == Byte.star || c == Byte.dash || c == Byte.plus {
            i += 1
        } else if Byte.isDigit(c) {
            while i < s.count, Byte.isDigit(s[i]) { i += 1 }
            guard s.at(i) == Byte.dot else { return nil }
            i += 1
            isOrdered = true
        } else {
            return nil
        }
        if let ordered, ordered != isOrdered { return nil }
        guard let t = s.at(i), t == Byte.tab || t == Byte.space || t == Byte.pipe else { return nil }
        let e = lineEnd(s, i)
        guard e < s.count else { return nil }
        return ListMarker(ordered: isOrdered, markerEnd: i, lineEnd: e + 1)
    }

    /// DEFINITION_LIST_START (or its narrower variants): up to `maxIndent` spaces, `:`, then a
    /// tab, a space or a `|`. Returns the end of the marker.
    static func definitionStart(_ s: Bytes, _ p: Int, maxIndent: Int) -> Int? {
        let lead = leadingSpaces(s, p)
        guard lead <= maxIndent, s.at(p + lead) == Byte.colon, let t = s.at(p + lead + 1),
              t == Byte.tab || t == Byte.space || t == Byte.pipe, lineEnd(s, p) < s.count else { return nil }
        return p + lead + 1
    }

    /// The GFM ATX header start `^#{1,6}[\t ]+(.*)\n`: (level, start of the contents).
    static func gfmATX(_ s: Bytes, _ p: Int) -> (Int, Int)? {
        var n = 0
        while n < 6, s.at(p + n) == Byte.hash { n += 1 }
        guard n > 0, let t = s.at(p + n), t == Byte.space || t == Byte.tab else { return nil }
        var i = p + n
        while i < s.count, s[i] == Byte.space || s[i] == Byte.tab { i += 1 }
        guard lineEnd(s, p) < s.count else { return nil }
        return (n, i)
    }

    /// FENCED_CODEBLOCK_START of the GFM parser: ` {0,3}[~`]{3,}`; kramdown's own: `~{3,}`.
    static func fenceStart(_ s: Bytes, _ p: Int, gfm: Bool) -> Bool {
        let lead = gfm ? leadingSpaces(s, p) : 0
        guard lead <= 3 else { return false }
        var n = 0
        while let c = s.at(p + lead + n), c == Byte.tilde || (gfm && c == Byte.backtick) { n += 1 }
        return n >= 3
    }

    /// HTML_BLOCK_START `^ {0,3}<(name|!--|/)`.
    static func htmlBlockStart(_ s: Bytes, _ p: Int) -> Bool {
        let lead = leadingSpaces(s, p)
        guard lead <= 3, s.at(p + lead) == Byte.lt, let n = s.at(p + lead + 1) else { return false }
        return n == Byte.slash || s.hasPrefix("!--", at: p + lead + 1) || HTMLScanner.nameEnd(s, p + lead + 1) != nil
    }

    /// BLOCK_EXTENSIONS_START `^ {0,3}\{:`.
    static func blockExtensionStart(_ s: Bytes, _ p: Int) -> Bool {
        let lead = leadingSpaces(s, p)
        return lead <= 3 && s.hasPrefix("{:", at: p + lead)
    }

    /// PARAGRAPH_START `^ {0,3}[^ \t].*?\n`.
    static func paragraphStart(_ s: Bytes, _ p: Int) -> Bool {
        let lead = leadingSpaces(s, p)
        guard lead <= 3, let c = s.at(p + lead), c != Byte.space, c != Byte.tab else { return false }
        return c == Byte.newline ? true : lineEnd(s, p) < s.count
    }

    /// The body of an attribute list `{:` … `}` starting at `open` (the `{`), followed by
    /// whitespace and a newline: `ALD_ANY_CHARS+` may run over lines and holds no `}` except as
    /// `\}`; when the first plain `}` is not followed by the line end, an escaped one before it may
    /// close the list instead. Returns (body range, end after the newline).
    static func attributeListBody(_ s: Bytes, bodyStart: Int) -> (Range<Int>, Int)? {
        var escapedCloses: [Int] = []
        var i = bodyStart
        var close: Int? = nil
        while i < s.count {
            if s[i] == Byte.backslash, s.at(i + 1) == Byte.rbrace { escapedCloses.append(i + 1); i += 2; continue }
            if s[i] == Byte.rbrace { close = i; break }
            i += 1
        }
        var candidates: [Int] = []
        if let close { candidates.append(close) }
        candidates += escapedCloses.reversed()
        for c in candidates where c > bodyStart {
            var j = c + 1
            while j < s.count, isInlineSpace(s[j]) { j += 1 }
            if s.at(j) == Byte.newline { return (bodyStart..<c, j + 1) }
        }
        return nil
    }

    /// IAL_BLOCK_START `^ {0,3}\{:(?!:|/)(ALD_ANY_CHARS+)\}\s*?\n` (`maxIndent` varies for lists).
    static func ialBlock(_ s: Bytes, _ p: Int, maxIndent: Int) -> (Range<Int>, Int)? {
        let lead = leadingSpaces(s, p)
        guard lead <= maxIndent, s.hasPrefix("{:", at: p + lead), let n = s.at(p + lead + 2),
              n != Byte.colon, n != Byte.slash else { return nil }
        return attributeListBody(s, bodyStart: p + lead + 2)
    }

    /// kramdown's span-level HTML element names, which do not end a paragraph (plus `script`).
    static let lazyEndExceptions: [Bytes] = (HTMLScanner.spanElementList + ["script"]).map { Array($0.utf8) }

    /// LAZY_END_HTML_START / LAZY_END_HTML_STOP after at most `maxIndent` spaces: a start or end
    /// tag of an element that is not span-level (names compared case-sensitively).
    static func lazyEndHTML(_ s: Bytes, _ p: Int, maxIndent: Int) -> Bool {
        let lead = leadingSpaces(s, p)
        guard lead <= maxIndent, s.at(p + lead) == Byte.lt else { return false }
        var i = p + lead + 1
        let closing = s.at(i) == Byte.slash
        if closing { i += 1 }
        guard let e = HTMLScanner.nameEnd(s, i) else { return false }
        for name in lazyEndExceptions where s.count >= i + name.count && s[i..<i + name.count].elementsEqual(name) {
            // the excluded name must end at a word boundary
            if let (sc, _) = s.scalar(at: i + name.count), sc.isWordClass { continue }
            return false
        }
        if !closing { return true }
        var j = e
        while j < s.count, Byte.isSpace(s[j]) { j += 1 }
        return s.at(j) == Byte.gt
    }

    /// LAZY_END: where a paragraph, blockquote or lazy list line stops.
    static func lazyEnd(_ s: Bytes, _ p: Int) -> Bool {
        if atEnd(s, p) || blankLines(s, p) != nil || eobMarker(s, p) != nil { return true }
        if ialBlock(s, p, maxIndent: 3) != nil { return true }
        return lazyEndHTML(s, p, maxIndent: 3)
    }
}
