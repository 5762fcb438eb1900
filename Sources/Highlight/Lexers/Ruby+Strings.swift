extension RubyTokenizer {
    /// Symbols, `key:` labels and quoted strings; `wordEnd` is where the word run at `s.pos`
    /// ends (`s.pos` when none starts there).
    func strings(_ s: inout Scan, wordEnd: Int) -> Bool {
        let c = s.peek()
        if c == 58 /* : */ {
            var i = s.pos + 1
            while i < s.pos + 3 && s.at(i) == 64 && i < s.end { i += 1 }
            if Self.identStart.contains(s.at(i)) && i < s.end {
                let w = s.skipWord(from: i + 1)
                s.emit(.stringSymbol, to: (s.at(w) == 33 || s.at(w) == 63) && w < s.end ? w + 1 : w)
                return true
            }
            if let e = operatorSymbol(s) { s.emit(.stringSymbol, to: e); return true }
            if s.peek(1) == 39, let e = singleQuoted(s, from: s.pos + 1) { s.emit(.stringSymbol, to: e); return true }
            if s.peek(1) == 34 { s.emit(.stringSymbol, count: 2); push(.simpleSymbol); return true }
        }
        if Self.labelStart.contains(c) {
            // [a-z_]\w*?[?!]?:\s+
            var w = wordEnd
            if (s.at(w) == 63 || s.at(w) == 33) && w < s.end { w += 1 }
            if s.at(w) == 58 && w < s.end {
                let ws = s.skip(CharSet.space, from: w + 1)
                if ws > w + 1 { s.emit(.stringSymbol, to: ws); push(.exprStart); return true }
            }
        }
        if c == 39, let e = singleQuoted(s, from: s.pos) { s.emit(.stringSingle, to: e); return true }
        if c == 34 { s.emit(.stringDouble, count: 1); push(.simpleString); return true }
        if c == 96 { s.emit(.stringBacktick, count: 1); push(.simpleBacktick); return true }
        return false
    }

    /// `'(\\\\|\\'|[^'])*'` starting at the quote `i`.
    func singleQuoted(_ s: Scan, from i: Int) -> Int? {
        s.repeatThenTail(from: i + 1, alternatives: 3, { j, k in
            guard j < s.end else { return nil }
            let c = s.base[j]
            switch k {
            case 0: return c == 92 && s.at(j + 1) == 92 && j + 1 < s.end ? j + 2 : nil
            case 1: return c == 92 && s.at(j + 1) == 39 && j + 1 < s.end ? j + 2 : nil
            default: return c == 39 ? nil : s.charEnd(j)
            }
        }, tail: { j in s.at(j) == 39 && j < s.end ? j + 1 : nil })
    }

    private func operatorSymbol(_ s: Scan) -> Int? {
        let i = s.pos + 1, c = s.at(i), n = s.at(i + 1)
        guard i < s.end else { return nil }
        switch c {
        case 42: return n == 42 ? i + 2 : nil
        case 45, 43: return n == 64 ? i + 2 : nil
        case 47, 37, 38, 124, 94, 96, 126: return i + 1
        case 91: return n == 93 ? (s.at(i + 2) == 61 ? i + 3 : i + 2) : nil
        case 60:
            if n == 60 { return i + 2 }
            if n == 61 && s.at(i + 2) == 62 { return i + 3 }
            if n == 62 { return i + 2 }
            return n == 61 ? i + 2 : i + 1
        case 62: return n == 62 ? i + 2 : nil
        case 61: return n == 61 ? (s.at(i + 2) == 61 ? i + 3 : i + 2) : nil
        default: return nil
        }
    }

    /// `<<ID`, `<<-"ID"`, `<<~'ID'`, `<<""`: queue the heredoc, read after this line.
    func heredocStart(_ s: inout Scan) -> Bool {
        let op = Self.heredocFlags.contains(s.peek(2)) && s.pos + 2 < s.end ? s.pos + 3 : s.pos + 2
        let q = s.at(op)
        let quoted = (q == 34 || q == 96 || q == 39) && op < s.end
        var nameStart = quoted ? op + 1 : op
        var nameEnd: Int?
        if Self.identStart.contains(s.at(nameStart)) && nameStart < s.end {
            let w = s.skipWord(from: nameStart + 1)
            if !quoted { nameEnd = w } else if s.at(w) == q && w < s.end { nameEnd = w }
        }
        if nameEnd == nil && quoted && q != 96 && s.at(op + 1) == q && op + 1 < s.end {
            nameStart = op + 1
            nameEnd = op + 1
        }
        guard let e = nameEnd else { return false }
        let close = quoted ? e + 1 : e
        let tolerant = op > s.pos + 2
        heredocs.append((tolerant, Array(UnsafeBufferPointer(start: s.base + nameStart, count: e - nameStart))))
        s.emit((.operator, op), (.nameConstant, close))
        if case .heredocQueue = stack.top {} else { push(.heredocQueue) }
        return true
    }

    /// `[^#\\\n]*$`: is this line the terminator of the first pending heredoc?
    func testHeredoc(_ s: inout Scan) -> Bool {
        let e = s.skip(Self.heredocStops.inverted)
        guard e >= s.end || s.at(e) == 10 else { pop(); return true }
        let strip = CharSet(" \t\n\u{0B}\u{0C}\r\0")
        var a = s.pos, b = e
        while b > a && strip.contains(s.base[b - 1]) { b -= 1 }
        if heredocs.first?.tolerant == true { while a < b && strip.contains(s.base[a]) { a += 1 } }
        let name = heredocs.first?.name ?? []
        if b - a == name.count && (0..<name.count).allSatisfy({ s.base[a + $0] == name[$0] }) && !heredocs.isEmpty {
            heredocs.removeFirst()
            if heredocs.isEmpty { pop() }
            s.emit(.nameConstant, to: e)
        } else {
            s.emit(.stringHeredoc, to: e)
        }
        pop()
        return true
    }

    /// `#{`, `#@var`, `#$var` and backslash escapes inside interpolating strings.
    func interpolationOrEscape(_ s: inout Scan) -> Bool {
        if interpolation(&s) { return true }
        guard s.peek() == 92, s.pos + 1 < s.end else { return false }
        let n = s.peek(1)
        if Self.escapeLetters.contains(n) { s.emit(.stringEscape, count: 2); return true }
        if n == 120 && CharSet.hex.contains(s.peek(2)) && s.pos + 2 < s.end {
            s.emit(.stringEscape, count: CharSet.hex.contains(s.peek(3)) && s.pos + 3 < s.end ? 4 : 3)
            return true
        }
        if Self.octal.contains(n) {
            var e = s.pos + 2
            while e < s.pos + 4 && Self.octal.contains(s.at(e)) && e < s.end { e += 1 }
            s.emit(.stringEscape, to: e)
            return true
        }
        guard n != 10 else { return false }
        s.emit(.stringEscape, to: s.charEnd(s.pos + 1))
        return true
    }

    func interpolation(_ s: inout Scan) -> Bool {
        guard s.peek() == 35 else { return false }
        if s.peek(1) == 123 { s.emit(.stringInterpol, count: 2); push(.inInterpolation); return true }
        var i = s.pos + 1
        if s.at(i) == 64 { i += s.at(i + 1) == 64 ? 2 : 1 } else if s.at(i) == 36 { i += 1 } else { return false }
        guard Self.identStart.contains(s.at(i)) && i < s.end else { return false }
        s.emit(.stringInterpol, to: s.skipWord(from: i + 1))
        return true
    }

    func simpleString(_ s: inout Scan, quote: UInt8, token: Token) -> Bool {
        if interpolationOrEscape(&s) { return true }
        let c = s.peek()
        if c == quote { s.emit(token, count: 1); pop(); return true }
        if c == 92 || c == 35 { s.emit(token, count: 1); return true }
        var stop = Self.backslashHash
        stop.insert(quote)
        s.emit(token, to: s.skip(stop.inverted))
        return true
    }

    func slashRegex(_ s: inout Scan) -> Bool {
        if interpolation(&s) { return true }
        let c = s.peek()
        if c == 92 && (s.peek(1) == 92 || s.peek(1) == 47) && s.pos + 1 < s.end { s.emit(.stringRegex, count: 2); return true }
        if c == 92 || c == 35 { s.emit(.stringRegex, count: 1); return true }
        if c == 47 { s.emit(.stringRegex, count: 1); goto(.regexFlags); return true }
        s.emit(.stringRegex, to: s.skip(Self.regexStops.inverted))
        return true
    }

    /// `%([rqswQWxiI])?([^\w\s])`: a percent literal with any delimiter.
    func sigilStart(_ s: inout Scan) -> Bool {
        guard s.peek() == 37 else { return false }
        var letter: UInt8 = 0
        var d = s.pos + 1
        if Self.sigilLetters.contains(s.at(d)) && d < s.end { letter = s.at(d); d += 1 }
        guard let (delimiter, e) = s.scalar(at: d), !Self.isWordOrSpace(delimiter) else { return false }
        let pairs: [UInt32: UInt32] = [123: 125, 91: 93, 40: 41, 60: 62]
        let open = delimiter.value
        let token: Token = letter == 114 ? .stringRegex : .stringOther
        if letter == 114 { push(.regexFlags) }
        s.emit(token, to: e)
        push(.sigil(open: open, close: pairs[open] ?? open, interpolates: Self.interpolatingSigils.contains(letter) && letter != 0, token: token))
        return true
    }

    static func isWordOrSpace(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x80 && (CharSet.word.contains(UInt8(u.value)) || CharSet.space.contains(UInt8(u.value)))
    }

    func sigil(_ s: inout Scan, open: UInt32, close: UInt32, interpolates: Bool, token: Token) -> Bool {
        func isDelimiter(_ i: Int) -> Int? {
            guard let (u, e) = s.scalar(at: i), u.value == open || u.value == close else { return nil }
            return e
        }
        let c = s.peek()
        if c == 92, s.pos + 1 < s.end {
            let n = s.peek(1)
            if n == 35 || n == 92 { s.emit(.stringEscape, count: 2); return true }
            if let e = isDelimiter(s.pos + 1) { s.emit(.stringEscape, to: e); return true }
        }
        if let (u, e) = s.scalar(at: s.pos) {
            if open != close && u.value == open { s.emit(token, to: e); push(stack.top); return true }
            if u.value == close { s.emit(token, to: e); pop(); return true }
        }
        if interpolates {
            if interpolationOrEscape(&s) { return true }
            if c == 35 { s.emit(token, count: 1); return true }
        } else if c == 35 || c == 92 {
            s.emit(token, count: 1)
            return true
        }
        var i = s.pos
        while i < s.end {
            let b = s.base[i]
            if b == 35 || b == 92 { break }
            if b < 0x80 {
                if UInt32(b) == open || UInt32(b) == close { break }
                i += 1
            } else {
                if isDelimiter(i) != nil { break }
                i = s.charEnd(i)
            }
        }
        guard i > s.pos else { return false }
        s.emit(token, to: i)
        return true
    }
}
