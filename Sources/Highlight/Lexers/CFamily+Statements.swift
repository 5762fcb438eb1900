extension CTokenizer {
    func statements(_ s: inout Scan) -> Bool {
        if cpp, cppStatement(&s) { return true }
        if whitespace(&s) { return true }
        let c = s.peek()
        // (u8|u|U|L)? prefixes, case-insensitive for characters
        var q = s.pos
        if s.has("u8") { q += 2 } else if c == 117 || c == 85 || c == 76 { q += 1 }
        if s.at(q) == 34 && q < s.end { s.emit(.string, to: q + 1); push(.string); return true }
        var cq = s.pos
        if s.hasIgnoringCase("u8") { cq += 2 } else if Self.charPrefixes.contains(c) { cq += 1 }
        if let e = charLiteral(s, cq) ?? (cq > s.pos ? charLiteral(s, s.pos) : nil) { s.emit(.stringChar, to: e); return true }
        if let (token, e) = number(s) { s.emit(token, to: e); return true }
        if c == 42 && s.peek(1) == 47 { s.emit(.error, count: 2); return true }
        if Self.operatorChars.contains(c) { s.emit(.operator, count: 1); return true }
        if Self.punctuationChars.contains(c) { s.emit(.punctuation, count: 1); return true }
        if s.hasWord("case") { s.emit(.keyword, count: 4); push(.caseLabel); return true }
        for w: StaticString in ["true", "false", "NULL"] where s.hasWord(w) {
            s.emit(.nameBuiltin, count: w.utf8CodeUnitCount)
            return true
        }
        guard let e = identifier(s, s.pos) else { return false }
        let p = s.base + s.pos, n = e - s.pos
        s.emit(words.keywords.contains(p, n) ? .keyword : words.types.contains(p, n) ? .keywordType
               : words.reserved.contains(p, n) ? .keywordReserved : .name, to: e)
        return true
    }

    /// `'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'` (case-insensitive) with its quote at `i`.
    private func charLiteral(_ s: Scan, _ i: Int) -> Int? {
        guard s.at(i) == 39 && i < s.end else { return nil }
        let j = i + 1
        var ends: [Int] = []
        if s.at(j) == 92 && j + 1 < s.end {
            if s.at(j + 1) != 10 { ends.append(s.charEnd(j + 1)) }
            var o = j + 1
            while o < j + 4 && Self.octalDigits.contains(s.at(o)) && o < s.end { o += 1 }
            for k in stride(from: o, to: j + 1, by: -1) { ends.append(k) }
            if s.at(j + 1) | 0x20 == 120 {
                var h = j + 2
                while h < j + 4 && CharSet.hex.contains(s.at(h)) && h < s.end { h += 1 }
                for k in stride(from: h, to: j + 2, by: -1) { ends.append(k) }
            }
        } else if j < s.end && s.at(j) != 39 && s.at(j) != 10 {
            ends.append(s.charEnd(j))
        }
        for e in ends where s.at(e) == 39 && e < s.end { return e + 1 }
        return nil
    }

    private func number(_ s: Scan) -> (Token, Int)? {
        let c = s.peek()
        guard CharSet.digit.contains(c) || (c == 46 && CharSet.digit.contains(s.peek(1))) else { return nil }
        func suffix(_ e: Int) -> Int { s.skip(Self.integerSuffixes, from: e) }
        func exponent(_ e: Int) -> Int? { s.exponent(at: e).map(suffix) }
        let d = s.skip(.digit)
        // (\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*
        if d > s.pos && s.at(d) == 46, let e = exponent(s.skip(.digit, from: d + 1)) { return (.numberFloat, e) }
        if c == 46 {
            let f = s.skip(.digit, from: s.pos + 1)
            if let e = exponent(f) { return (.numberFloat, e) }
            return nil
        }
        if let e = exponent(d) { return (.numberFloat, e) }
        if c == 48 && s.peek(1) | 0x20 == 120 {
            let h = s.skip(.hex, from: s.pos + 2)
            if h > s.pos + 2 { return (.numberHex, suffix(h)) }
        }
        if c == 48 {
            let o = s.skip(Self.octalDigits, from: s.pos + 1)
            if o > s.pos + 1 { return (.numberOct, suffix(o)) }
        }
        return (.numberInteger, suffix(d))
    }

    func string(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 34 { s.emit(.string, count: 1); pop(); return true }
        if c == 92 {
            let n = s.peek(1)
            if Self.escapeLetters.contains(n) && s.pos + 1 < s.end { s.emit(.stringEscape, count: 2); return true }
            if n == 120 {
                let h = s.skip(.hex, from: s.pos + 2)
                if h - (s.pos + 2) >= 2 { s.emit(.stringEscape, to: min(h, s.pos + 6)); return true }
            }
            if Self.octalDigits.contains(n) && s.pos + 1 < s.end {
                var e = s.pos + 2
                while e < s.pos + 4 && Self.octalDigits.contains(s.at(e)) && e < s.end { e += 1 }
                s.emit(.stringEscape, to: e)
                return true
            }
            s.emit(.string, count: n == 10 && s.pos + 1 < s.end ? 2 : 1)
            return true
        }
        let e = s.skip(Self.stringStops.inverted)
        guard e > s.pos else { return false }
        s.emit(.string, to: e)
        return true
    }

    func macro(_ s: inout Scan) -> Bool {
        if s.has("include") {
            let ws = s.skip(CharSet.space, from: s.pos + 7)
            let open = s.at(ws)
            if (open == 60 || open == 34) && ws < s.end, let close = s.find(open == 60 ? 62 : 34, from: ws + 1), close > ws + 1 {
                s.emit((.commentPreproc, s.pos + 7), (.text, ws), (.commentPreprocFile, close + 1),
                       (.commentSingle, s.lineEnd(from: close + 1)))
                return true
            }
        }
        let c = s.peek()
        let e = s.skip(Self.macroStops.inverted)
        if e > s.pos { s.emit(.commentPreproc, to: e); return true }
        if c == 92 && s.pos + 1 < s.end { s.emit(.commentPreproc, to: s.charEnd(s.pos + 1)); return true }
        if inlineWhitespace(&s) { return true }
        if c == 47 { s.emit(.commentPreproc, count: 1); return true }
        if c == 10 { s.emit(.commentPreproc, count: 1); pop(); return true }
        return false
    }

    /// Inside `#if 0`: everything is a comment up to the matching `#else`, `#elif` or `#endif`.
    func ifZero(_ s: inout Scan) -> Bool {
        if s.atLineStart {
            let ws = s.skip(CharSet.space)
            if s.has("#if", at: ws) { s.emit(.comment, to: ws + 3); push(.ifZero); return true }
            if s.at(ws) == 35 && ws < s.end {
                let d = s.skip(CharSet.space, from: ws + 1)
                if s.has("else", at: d) || s.has("elif", at: d) { s.emit(.comment, to: d + 4); pop(); return true }
                if s.has("endif", at: d) && !s.wordAt(d + 5) {
                    var k = d + 5
                    while let nl = s.find(10, from: k) {
                        if s.at(nl - 1) != 92 { s.emit(.comment, to: nl + 1); pop(); return true }
                        k = nl + 1
                    }
                }
            }
        }
        guard let nl = s.find(10, from: s.pos) else { return false }
        s.emit(.comment, to: nl + 1)
        return true
    }
}
