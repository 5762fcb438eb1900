/// What a line is to `BlockSkeleton` from its first bytes: blank, a paragraph's start, a
/// container's, a list item's, a header's or a fence's.
extension BlockSkeleton {
    /// Whether the line `lineStart..<lineEnd` holds only spaces and tabs.
    @inline(__always) static func isBlank(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> Bool {
        var i = lineStart
        while i < lineEnd, base[i] == Byte.space || base[i] == Byte.tab { i += 1 }
        return i == lineEnd
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- UInt8(ascii: "a") < 26 }

    /// Whether the line `lineStart..<lineEnd` (not blank) starts or continues a paragraph
    /// wherever it is read: a letter or another character's first byte, `|`, or emphasis or a
    /// code span (one `*`, `_` or backtick, or two `*` or `_`) before a letter, which opens no
    /// list, rule or fence and is no setext underline.
    @inline(__always) static func startsPlainParagraph(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> Bool {
        let c = base[lineStart]
        // (not a byte order mark, which cmark skips at the start)
        if isLetter(c) || (c >= 0x80 && c != 0xEF) || c == Byte.pipe { return true }
        guard c == Byte.star || c == Byte.underscore || c == Byte.backtick, lineStart + 2 < lineEnd else { return false }
        let d = base[lineStart + 1]
        return isLetter(d) || (d == c && c != Byte.backtick && isLetter(base[lineStart + 2]))
    }

    /// Whether the line may open or continue a list, a quote or an indented block: it starts
    /// with a space, a tab, `>`, a digit, or a bullet before a space, a tab or its end.
    @inline(__always) static func mayOpenContainer(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> Bool {
        let c = base[lineStart]
        if c == Byte.space || c == Byte.tab || c == Byte.gt || c &- UInt8(ascii: "0") < 10 { return true }
        guard c == Byte.dash || c == Byte.star || c == Byte.plus else { return false }
        return lineStart + 1 == lineEnd || base[lineStart + 1] == Byte.space || base[lineStart + 1] == Byte.tab
    }

    /// The list a line starts as a one-line item at its first byte, if it is one: a bullet, or
    /// one to nine digits and `.` or `)`, then one space and text that starts a paragraph
    /// (`startsPlainParagraph`: no nested block, no HTML, no definition, no rule in it).
    static func listItemKind(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> DroppedBlock.Kind? {
        var i = lineStart
        while i < lineEnd, i - lineStart < 9, base[i] &- UInt8(ascii: "0") < 10 { i += 1 }
        guard i < lineEnd else { return nil }
        let marker = base[i]
        // (an item of another bullet or delimiter starts another list)
        guard i > lineStart ? marker == Byte.dot || marker == Byte.rparen : marker == Byte.dash || marker == Byte.star || marker == Byte.plus,
              i + 2 < lineEnd, base[i + 1] == Byte.space, startsPlainParagraph(base, i + 2, lineEnd) else { return nil }
        return .tightList(marker: marker)
    }

    /// What the line is to a list of one-line items of `marker` (`listItemKind`) whose last
    /// item holds a list of `nestedBullet` (0 when none): 0 for its next item; for a bullet
    /// list, the bullet of an item two spaces in, nested in the last item (a list of the same
    /// bullet as the one nested already, or any if none is); nil when it is neither.
    static func listLine(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int, marker: UInt8, nestedBullet: UInt8) -> UInt8? {
        let kind = listItemKind(base, lineStart, lineEnd)
        if kind == .tightList(marker: marker) { return 0 }
        guard kind == nil, marker == Byte.dash || marker == Byte.star || marker == Byte.plus, lineEnd - lineStart > 4,
              base[lineStart] == Byte.space, base[lineStart + 1] == Byte.space,
              case .tightList(let bullet) = listItemKind(base, lineStart + 2, lineEnd),
              bullet == Byte.dash || bullet == Byte.star || bullet == Byte.plus,
              nestedBullet == 0 || bullet == nestedBullet else { return nil }
        return bullet
    }

    /// The level of the ATX header the line `lineStart..<lineEnd` is from its first byte (one to
    /// six `#` before a space or tab); 0 when it is none.
    @inline(__always) static func headingLevel(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> Int {
        var i = lineStart
        while i < lineEnd, i - lineStart < 7, base[i] == Byte.hash { i += 1 }
        let level = i - lineStart
        guard level >= 1, level <= 6, i < lineEnd, base[i] == Byte.space || base[i] == Byte.tab else { return 0 }
        return level
    }

    /// The fence character and length of a fence opened at the line's first byte whose info
    /// string is at most one word of letters, digits, `-`, `_`, `+`, `.` or `#` (most fences;
    /// others are not left out); nil otherwise.
    static func fenceOpener(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> (UInt8, Int)? {
        let char = base[lineStart]
        guard char == Byte.backtick || char == Byte.tilde else { return nil }
        var i = lineStart
        while i < lineEnd, base[i] == char { i += 1 }
        let length = i - lineStart
        guard length >= 3 else { return nil }
        while i < lineEnd, isLetter(base[i]) || base[i] &- UInt8(ascii: "0") < 10 || base[i] == Byte.dash
                || base[i] == Byte.underscore || base[i] == Byte.plus || base[i] == Byte.dot || base[i] == Byte.hash { i += 1 }
        return i == lineEnd ? (char, length) : nil
    }

    /// Whether the line, after its spaces, starts with three backticks or tildes: it may open or
    /// close a fence, whose lines are not left out (a guess: `CmarkBlockTree` checks).
    @inline(__always) static func opensFence(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> Bool {
        var i = lineStart
        while i < lineEnd, base[i] == Byte.space { i += 1 }
        guard i + 2 < lineEnd else { return false }
        let c = base[i]
        return (c == Byte.backtick || c == Byte.tilde) && base[i + 1] == c && base[i + 2] == c
    }
}
