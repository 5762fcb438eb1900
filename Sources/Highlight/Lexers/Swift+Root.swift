extension SwiftTokenizer {
    func root(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 10 { s.emit(.text, to: s.skip(Self.newlines)); push(.bol); return true }
        if c == 47 && s.peek(1) == 47 { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); push(.bol); return true }
        if inlineWhitespace(&s) { return true }
        if c == 36 && CharSet.digit.contains(s.peek(1)) && s.pos + 1 < s.end {
            s.emit(.nameVariable, to: s.peek(1) == 48 ? s.pos + 2 : s.skip(.digit, from: s.pos + 1))
            return true
        }
        if Self.punctuationChars.contains(c) { s.emit(.punctuation, count: 1); return true }
        let ops = s.skip(Self.operatorChars)
        if ops > s.pos { s.emit(.operator, to: ops); return true }
        if c == 34 || (c == 64 && s.peek(1) == 34) { s.emit(.string, count: c == 34 ? 1 : 2); push(.doubleQuoted); return true }
        if c == 39 {
            var ends: [Int] = []
            if s.peek(1) == 92 && s.pos + 2 < s.end && s.peek(2) != 10 { ends.append(s.charEnd(s.pos + 2)) }
            if s.pos + 1 < s.end && s.peek(1) != 10 { ends.append(s.charEnd(s.pos + 1)) }
            if let e = ends.first(where: { s.at($0) == 39 && $0 < s.end }) { s.emit(.stringChar, to: e + 1); return true }
        }
        if CharSet.digit.contains(c), let (token, e) = number(s) { s.emit(token, to: e); return true }
        if c == 64, let e = Self.identifier(s, s.pos + 1) { s.emit(.keywordDeclaration, to: e); return true }
        if accessModifier(&s) || hashDirective(&s) { return true }
        for w: StaticString in ["let", "var"] where s.hasWord(w) {
            let ws = s.skip(CharSet.space, from: s.pos + 3)
            if let e = Self.identifier(s, ws) { s.emit((.keyword, s.pos + 3), (.text, ws), (.nameVariable, e)); return true }
            if s.at(ws) == 40 && ws < s.end { s.emit((.keyword, s.pos + 3), (.text, ws), (.punctuation, ws + 1)); push(.tuple); return true }
        }
        let word = s.skip(.word)
        if word > s.pos && !(s.contains(Self.notCalls, s.pos, word) && !s.wordAt(word)), let e = Self.identifier(s, s.pos) {
            var q = e
            if (s.at(q) == 63 || s.at(q) == 33) && q < s.end { q += 1 }
            let paren = s.skip(CharSet.space, from: q)
            if s.at(paren) == 40 && paren < s.end {
                s.emit(s.scalarIs(at: s.pos, UnicodeClass.isUpper) ? .keywordType : .nameFunction, to: e)
                return true
            }
        }
        for w: StaticString in ["as", "try"] where s.has(w) {
            var e = s.pos + w.utf8CodeUnitCount
            if s.at(e) == 33 || (w.utf8CodeUnitCount == 2 && s.at(e) == 63) { e += 1 }
            if CharSet.space.contains(s.at(e)) && e < s.end { s.emit(.keyword, to: e); return true }
        }
        // (#?(?!default)(?![[:upper:]])id)(\s*)(:)
        let h = c == 35 ? s.pos + 1 : s.pos
        if !s.has("default", at: h) && !s.scalarIs(at: h, UnicodeClass.isUpper), let e = Self.identifier(s, h) {
            let ws = s.skip(CharSet.space, from: e)
            if s.at(ws) == 58 && ws < s.end { s.emit((.nameVariable, e), (.text, ws), (.punctuation, ws + 1)); return true }
        }
        if let e = Self.identifier(s, s.pos) {
            let p = s.base + s.pos, n = e - s.pos
            let token: Token = Self.keywords.contains(p, n) ? .keyword : Self.declarations.contains(p, n) ? .keywordDeclaration
                : Self.constants.contains(p, n) ? .keywordConstant
                : s.scalarIs(at: s.pos, UnicodeClass.isUpper) ? .keywordType : .name
            s.emit(token, to: e)
            return true
        }
        if c == 96, let e = Self.identifier(s, s.pos + 1), s.at(e) == 96 && e < s.end {
            s.emit((.punctuation, s.pos + 1), (.nameVariable, e), (.punctuation, e + 1))
            return true
        }
        return false
    }

    /// `private(set)`, `internal(set)`, `unowned(safe)` and the like.
    private func accessModifier(_ s: inout Scan) -> Bool {
        var name: StaticString?
        for w: StaticString in ["private", "internal", "unowned"] where s.has(w) { name = w }
        guard let name, s.at(s.pos + name.utf8CodeUnitCount) == 40 else { return false }
        let open = s.skip(Self.spaces, from: s.pos + name.utf8CodeUnitCount + 1)
        let word = s.skip(.word, from: open)
        let close = s.skip(Self.spaces, from: word)
        guard word > open, s.at(close) == 41 && close < s.end else { return false }
        let argument = s.text(open, word)
        let fine = name.utf8CodeUnitCount == 7 && s.has("unowned") ? argument == "safe" || argument == "unsafe" : argument == "set"
        if fine { s.emit(.keywordDeclaration, to: close + 1); return true }
        if s.has("unowned") {
            s.emit((.keywordDeclaration, open), (.error, word), (.keywordDeclaration, close + 1))
        } else {
            s.emit((.keywordDeclaration, s.pos + name.utf8CodeUnitCount), (.keywordDeclaration, open), (.error, word), (.keywordDeclaration, close + 1))
        }
        return true
    }

    /// `#available(…)`, `#selector(…)`, `#keyPath(…)`, `#line` and friends.
    private func hashDirective(_ s: inout Scan) -> Bool {
        guard s.peek() == 35 else { return false }
        if s.has("#available(") {
            let close = s.skip(Self.closingParen.inverted, from: s.pos + 11)
            if close > s.pos + 11 && s.at(close) == 41 && close < s.end { s.emit(.keywordDeclaration, to: close + 1); return true }
        }
        for w: StaticString in ["#selector(", "#keyPath("] where s.has(w) {
            let a = s.pos + w.utf8CodeUnitCount
            var k = a + 1
            while k <= s.end && s.at(k - 1) != 41 {
                if s.at(k) == 40 && k < s.end, let q = s.find(41, from: k + 1), !(k..<q).contains(where: { s.base[$0] == 10 }),
                   s.at(q + 1) == 41 && q + 1 < s.end {
                    s.emit((.keywordDeclaration, a), (.nameFunction, q + 1), (.keywordDeclaration, q + 2))
                    return true
                }
                if s.at(k) == 41 && k < s.end {
                    s.emit((.keywordDeclaration, a), (.nameFunction, k), (.keywordDeclaration, k + 1))
                    return true
                }
                k += 1
            }
        }
        for w: StaticString in ["#line", "#file", "#column", "#function", "#dsohandle"] where s.has(w) {
            s.emit(.keywordDeclaration, count: w.utf8CodeUnitCount)
            return true
        }
        return false
    }

    private func number(_ s: Scan) -> (Token, Int)? {
        func exponent(_ i: Int) -> Int {
            guard s.at(i) | 0x20 == 101 else { return i }
            let sign = s.at(i + 1) == 43 || s.at(i + 1) == 45 ? i + 2 : i + 1
            var e = s.skip(.digit, from: sign)
            guard e > sign else { return i }
            while s.at(e) == 95 && CharSet.digit.contains(s.at(e + 1)) && e + 1 < s.end { e += 2 }
            return e
        }
        let d = s.underscoredRun(from: s.pos)!
        if s.at(d) == 42 && d < s.end { return (.numberFloat, exponent(d + 1)) }
        if s.at(d) == 46 && CharSet.digit.contains(s.at(d + 1)) && d + 1 < s.end {
            var e = s.skip(.digit, from: d + 1)
            while s.at(e) == 95 && CharSet.digit.contains(s.at(e + 1)) && e + 1 < s.end { e += 2 }
            return (.numberFloat, exponent(e))
        }
        let plain = s.skip(.digit)
        if s.at(plain) | 0x20 == 101 {
            let sign = s.at(plain + 1) == 43 || s.at(plain + 1) == 45 ? plain + 2 : plain + 1
            let e = s.skip(.digit, from: sign)
            if e > sign { return (.numberFloat, e) }
        }
        if s.peek() == 48 {
            let o = s.peek(1) == 111 ? s.pos + 2 : s.pos + 1
            if let e = s.underscoredRun(Self.octalDigits, from: o) { return (.numberOct, e) }
            if s.peek(1) == 120, var e = s.underscoredRun(.hex, from: s.pos + 2) {
                var p = e
                if s.at(p) == 46, let f = s.underscoredRun(Self.hexFraction, from: p + 1) { p = f }
                if s.at(p) == 112 {
                    let sign = s.at(p + 1) == 43 || s.at(p + 1) == 45 ? p + 2 : p + 1
                    let x = s.skip(.digit, from: sign)
                    if x > sign { e = x }
                }
                return (.numberHex, e)
            }
            if s.peek(1) == 98, let e = s.underscoredRun(Self.binaryDigits, from: s.pos + 2) { return (.numberBin, e) }
        }
        return (.numberInteger, d)
    }
}
