extension YAMLTokenizer {
    func blockScalarContent(_ s: inout Scan) -> Bool {
        if s.peek() == 10 { s.emit(.text, to: s.skip(Self.newlines)); return true }
        if s.atLineStart {
            let spaces = s.skip(Self.spaces)
            let n = spaces - s.pos
            if n > 0 && isLineEnd(s, spaces) {
                // A line of spaces only: those beyond the scalar's indentation are content.
                let mark = min(blockScalarIndent ?? n, n)
                s.emit((.text, s.pos + mark), (.nameConstant, spaces))
                return true
            }
            s.emit(.text, to: spaces)
            let dedentLevel = blockScalarIndent ?? indent
            if blockScalarIndent == nil { blockScalarIndent = n }
            if n < dedentLevel {
                saveIndent(n)
                pop()
                push(.indentation)
            }
            return true
        }
        let e = s.skip(Self.lineBreaks.inverted)
        guard e > s.pos else { return false }
        s.emit(.string, to: e)
        return true
    }

    /// `(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)`: an explicit indentation and chomping indicator.
    func blockScalarHeader(_ s: inout Scan) -> Bool {
        let digits = CharSet("1-9"), signs = CharSet("+-")
        var e: Int?
        let i = s.pos
        if digits.contains(s.at(i)) && i < s.end {
            let j = signs.contains(s.at(i + 1)) && i + 1 < s.end ? i + 2 : i + 1
            if s.at(j) == 32 || isLineEnd(s, j) { e = j } else if j == i + 2, s.at(i + 1) == 32 || isLineEnd(s, i + 1) { e = i + 1 }
        }
        if e == nil {
            // [+-]?([1-9])? with backtracking over the optional parts
            var candidates: [Int] = []
            let sign = signs.contains(s.at(i)) && i < s.end ? i + 1 : i
            if digits.contains(s.at(sign)) && sign < s.end { candidates.append(sign + 1) }
            candidates.append(sign)
            if sign > i { candidates.append(i) }
            e = candidates.first { s.at($0) == 32 || isLineEnd(s, $0) }
        }
        guard let end = e else { return false }
        blockScalarIndent = nil
        goto(.ignoredLine)
        if end > i {
            // Rouge adds the whole indicator, read as an integer, to the current indentation.
            blockScalarIndent = indent + Self.rubyToInt(s, i, end)
            s.emit(.punctuationIndicator, to: end)
        }
        return true
    }

    /// Ruby's `String#to_i` on a short indicator such as `2-`, `-2` or `+`.
    static func rubyToInt(_ s: Scan, _ a: Int, _ b: Int) -> Int {
        var i = a, sign = 1, value = 0
        if s.at(i) == 45 { sign = -1; i += 1 } else if s.at(i) == 43 { i += 1 }
        while i < b, CharSet.digit.contains(s.at(i)) { value = value * 10 + Int(s.at(i) - 48); i += 1 }
        return sign * value
    }

    func ignoredLine(_ s: inout Scan) -> Bool {
        if comment(&s) { return true }
        let c = s.peek()
        if c == 32 { s.emit(.text, to: s.skip(Self.spaces)); return true }
        if c == 10 { s.emit(.text, count: 1); pop(); return true }
        return false
    }

    /// Whitespace inside quoted scalars: spaces are text at either end of a line, otherwise part of
    /// the value (which Rouge marks as a variable).
    func quotedWhitespace(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 32 {
            let e = s.skip(Self.spaces)
            s.emit(s.atLineStart || isLineEnd(s, e) ? .text : .nameVariable, to: e)
            return true
        }
        if c == 10 { s.emit(.text, to: s.skip(Self.newlines)); return true }
        return false
    }

    func singleQuoted(_ s: inout Scan) -> Bool {
        if quotedWhitespace(&s) { return true }
        let c = s.peek()
        if c == 92 && s.peek(1) == 39 { s.emit(.stringEscape, count: 2); return true }
        if c == 39 { s.emit(.string, count: 1); pop(); return true }
        let e = s.skip(CharSet(" \t\n\u{0B}\u{0C}\r'").inverted)
        guard e > s.pos else { return false }
        s.emit(.string, to: e)
        return true
    }

    func doubleQuoted(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 34 { s.emit(.string, count: 1); pop(); return true }
        if quotedWhitespace(&s) { return true }
        if c == 92 {
            let n = s.peek(1)
            if CharSet("0abt\tn\nvfre \"\\N_LP").contains(n) && s.pos + 1 < s.end {
                s.emit(.stringEscape, count: 2)
                return true
            }
            let width = n == 120 ? 2 : n == 117 ? 4 : n == 85 ? 8 : 0
            if width > 0 && s.skip(.hex, from: s.pos + 2) >= s.pos + 2 + width {
                s.emit(.stringEscape, count: 2 + width)
                return true
            }
            return false
        }
        let e = s.skip(CharSet(" \t\n\r\u{0C}\u{0B}\"\\").inverted)
        guard e > s.pos else { return false }
        s.emit(.string, to: e)
        return true
    }

    func plainInBlockNewLine(_ s: inout Scan) -> Bool {
        if s.atLineStart {
            let spaces = s.skip(Self.spaces)
            if spaces > s.pos && s.at(spaces) == 10 && spaces < s.end { s.emit(.text, to: spaces + 1); return true }
        }
        if s.peek() == 10 { s.emit(.text, to: s.skip(Self.newlines)); return true }
        guard s.atLineStart else { return false }
        if s.has("---") || s.has("...") { pop(3); return true }
        let spaces = s.skip(Self.spaces)
        let n = spaces - s.pos
        s.emit(.text, to: spaces)
        pop()
        if n <= indent {
            // The scalar ends: this line starts a new node.
            pop()
            saveIndent(n)
            push(.indentation)
        }
        return true
    }

    func plainInBlock(_ s: inout Scan) -> Bool {
        let spaces = s.skip(Self.spaces)
        if s.at(spaces) == 58 && spaces < s.end && (s.at(spaces + 1) == 32 || isLineEnd(s, spaces + 1)) {
            s.emit(.text, to: spaces); pop(); return true
        }
        if s.at(spaces) == 58 && spaces < s.end {
            let e = s.skip(CharSet.space.inverted, from: spaces + 1)
            if e > spaces + 1 { s.emit(.string, to: e); return true }
        }
        if spaces > s.pos {
            if s.at(spaces) == 35 && spaces < s.end { s.emit(.text, to: spaces); pop(); return true }
            s.emit(isLineEnd(s, spaces) ? .text : .string, to: spaces)
            return true
        }
        let c = s.peek()
        if c == 10 {
            s.emit(.text, to: s.skip(Self.newlines))
            push(.plainInBlockNewLine)
            return true
        }
        for w: StaticString in ["true", "false", "null"] where s.has(w) {
            s.emit(.nameConstant, count: w.utf8CodeUnitCount)
            return true
        }
        if CharSet.digit.contains(c) {
            // \d+(?:\.\d+)?(?=(\r?\n)| +#)
            let d = s.skip(.digit)
            var ends = [d]
            if s.at(d) == 46 && CharSet.digit.contains(s.at(d + 1)) && d + 1 < s.end { ends.insert(s.skip(.digit, from: d + 1), at: 0) }
            for e in ends where numberFollows(s, e) {
                s.emit(.number, to: e)
                pop()
                return true
            }
        }
        let e = s.skip(CharSet(" \t\n\u{0B}\u{0C}\r:").inverted)
        guard e > s.pos else { return false }
        s.emit(.string, to: e)
        return true
    }

    /// `(?=(\r?\n)| +#)`
    private func numberFollows(_ s: Scan, _ e: Int) -> Bool {
        guard e < s.end else { return false }
        if s.at(e) == 10 || (s.at(e) == 13 && s.at(e + 1) == 10 && e + 1 < s.end) { return true }
        let spaces = s.skip(Self.spaces, from: e)
        return spaces > e && s.at(spaces) == 35 && spaces < s.end
    }

    func plainInFlow(_ s: inout Scan) -> Bool {
        let spaces = s.skip(Self.spaces)
        let stop = CharSet(",:?[]{}")
        if stop.contains(s.at(spaces)) && spaces < s.end { s.emit(.text, to: spaces); pop(); return true }
        if spaces > s.pos {
            if s.at(spaces) == 35 && spaces < s.end { s.emit(.text, to: spaces); pop(); return true }
            s.emit(s.atLineStart || isLineEnd(s, spaces) ? .text : .nameVariable, to: spaces)
            return true
        }
        if s.peek() == 10 { s.emit(.text, to: s.skip(Self.newlines)); return true }
        let e = s.skip(CharSet(" \t\n\u{0B}\u{0C}\r,:?[]{}").inverted)
        guard e > s.pos else { return false }
        s.emit(.nameVariable, to: e)
        return true
    }

    func yamlDirective(_ s: inout Scan) -> Bool {
        let spaces = s.skip(Self.spaces)
        guard spaces > s.pos else { return false }
        let a = s.skip(.digit, from: spaces)
        guard a > spaces, s.at(a) == 46 else { return false }
        let b = s.skip(.digit, from: a + 1)
        guard b > a + 1 else { return false }
        s.emit((.text, spaces), (.number, b))
        goto(.ignoredLine)
        return true
    }

    func tagDirective(_ s: inout Scan) -> Bool {
        let s1 = s.skip(Self.spaces)
        guard s1 > s.pos, s.at(s1) == 33 else { return false }
        // prefix: `!` or `![\w-]*!`
        var prefixEnds = [s1 + 1]
        let w = s.skip(Self.anchorASCII, from: s1 + 1)
        if s.at(w) == 33 && w < s.end { prefixEnds.insert(w + 1, at: 0) }
        for p in prefixEnds {
            let s2 = s.skip(Self.spaces, from: p)
            guard s2 > p else { continue }
            // handle: `!`, or else `[uri chars]+`
            let handle: Int? = s.at(s2) == 33 && s2 < s.end ? s2 + 1
                : s.skip(Self.tagSuffixChars, from: s2) > s2 ? s.skip(Self.tagSuffixChars, from: s2) : nil
            guard let h = handle else { continue }
            s.emit((.text, s1), (.keywordType, p), (.text, s2), (.keywordType, h))
            goto(.ignoredLine)
            return true
        }
        return false
    }
}
