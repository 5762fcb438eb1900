extension RustTokenizer {
    func root(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 10 { s.emit(.text, count: 1); push(.bol); return true }
        if whitespace(&s) { return true }
        if c == 35 {
            let b = s.peek(1) == 33 ? s.pos + 2 : s.pos + 1
            if s.at(b) == 91 && b < s.end { s.emit(.nameDecorator, to: b + 1); push(.attribute); return true }
        }
        let word = s.skip(.word)
        if word > s.pos && !s.wordAt(word) && s.contains(Self.keywords, s.pos, word) { s.emit(.keyword, to: word); return true }
        if literal(&s) { return true }
        if (c == 61 || c == 45) && s.peek(1) == 62 { s.emit(.keyword, count: 2); return true }
        if s.has("<->") { s.emit(.keyword, count: 3); return true }
        if Self.punctuationChars.contains(c) { s.emit(.punctuation, count: 1); return true }
        if Self.operatorChars.contains(c) { s.emit(.operator, count: 1); return true }
        if s.has("..") { s.emit(.operator, count: s.peek(2) == 46 ? 3 : 2); return true }
        // ([.]\s*)?id(?=\s*[(])
        let dotted = c == 46 ? s.skip(CharSet.space, from: s.pos + 1) : s.pos
        if let e = Self.identifier(s, dotted) {
            let paren = s.skip(CharSet.space, from: e)
            if s.at(paren) == 40 && paren < s.end { s.emit(.nameFunction, to: e); return true }
        }
        if c == 46 {
            if s.has("await", at: dotted) && !s.wordAt(dotted + 5) { s.emit(.keyword, to: dotted + 5); return true }
            if let e = Self.identifier(s, dotted) { s.emit(.nameProperty, to: e); return true }
            let d = s.skip(.digit, from: dotted)
            if d > dotted { s.emit(.nameAttribute, to: d); return true }
            return false
        }
        if let e = Self.identifier(s, s.pos) {
            if s.has("::", at: e) { s.emit((.nameNamespace, e), (.punctuation, e + 2)); return true }
            if s.has("macro_rules!") { s.emit(.nameDecorator, count: 12); push(.macroRules); return true }
            if s.at(e) == 33 && e < s.end { s.emit(.nameDecorator, to: e + 1); push(.macro); return true }
            s.emit(s.contains(Self.builtins, s.pos, e) ? .nameBuiltin : .name, to: e)
            return true
        }
        if c == 39 {
            if s.has("static", at: s.pos + 1) && !s.wordAt(s.pos + 7) { s.emit(.keyword, count: 7); return true }
            if let e = Self.identifier(s, s.pos + 1) { s.emit(.nameVariable, to: e); return true }
        }
        return false
    }

    /// `true`/`false`, characters, strings, raw strings and numbers.
    func literal(_ s: inout Scan) -> Bool {
        let c = s.peek()
        for w: StaticString in ["true", "false"] where s.hasWord(w) {
            s.emit(.keywordConstant, count: w.utf8CodeUnitCount)
            return true
        }
        let b = c == 98 ? s.pos + 1 : s.pos
        if s.at(b) == 39 && b < s.end, let e = charLiteral(s, b + 1) { s.emit(.stringChar, to: e); return true }
        if s.at(b) == 34 && b < s.end { s.emit(.string, to: b + 1); push(.string); return true }
        if s.at(b) == 114 && b < s.end, let e = rawString(s, b + 1) { s.emit(.string, to: e); return true }
        if let e = float(s) { s.emit(.numberFloat, to: e); return true }
        if let e = integer(s) { s.emit(.numberInteger, to: e); return true }
        return false
    }

    /// `(?:escapes|[^\\])'` after the opening quote.
    private func charLiteral(_ s: Scan, _ i: Int) -> Int? {
        if let e = escape(s, i), s.at(e) == 39 && e < s.end { return e + 1 }
        guard i < s.end, s.base[i] != 92 else { return nil }
        let e = s.charEnd(i)
        return s.at(e) == 39 && e < s.end ? e + 1 : nil
    }

    /// `(#*)".*?"\1` after the `r`.
    private func rawString(_ s: Scan, _ i: Int) -> Int? {
        let hashes = s.skip(Self.hash, from: i)
        guard s.at(hashes) == 34 && hashes < s.end else { return nil }
        let n = hashes - i
        var k = hashes + 1
        while let q = s.find(34, from: k) {
            if s.skip(Self.hash, from: q + 1) - (q + 1) >= n { return q + 1 + n }
            k = q + 1
        }
        return nil
    }

    private func float(_ s: Scan) -> Int? {
        guard CharSet.digit.contains(s.peek()) else { return nil }
        let digits = Self.decimalDigits
        let m = s.skip(digits, from: s.pos + 1)
        func dot(_ i: Int) -> Int? {
            s.at(i) == 46 && CharSet.digit.contains(s.at(i + 1)) && i + 1 < s.end ? s.skip(digits, from: i + 2) : nil
        }
        func exp(_ i: Int) -> Int? {
            guard s.at(i) | 0x20 == 101 else { return nil }
            let sign = s.at(i + 1) == 45 || s.at(i + 1) == 43 ? i + 2 : i + 1
            let e = s.skip(digits, from: sign)
            return e > sign ? e : nil
        }
        func flt(_ i: Int) -> Int? { s.has("f32", at: i) || s.has("f64", at: i) ? i + 3 : nil }
        if let d = dot(m) {
            let e = exp(d) ?? d
            return flt(e) ?? e
        }
        if let e = exp(m) { return flt(e) ?? e }
        if let f = flt(m) { return f }
        if s.at(m) == 46 && m < s.end {
            let next = s.at(m + 1)
            if m + 1 >= s.end { return m + 1 }
            if next == 46 || next == 95 { return nil }
            if let (u, _) = s.scalar(at: m + 1), u.properties.isXIDStart { return nil }
            return m + 1
        }
        return nil
    }

    private func integer(_ s: Scan) -> Int? {
        let c = s.peek()
        guard CharSet.digit.contains(c) else { return nil }
        var e: Int
        let k = s.peek(1)
        if c == 48 && k == 98 && s.skip(Self.binaryDigits, from: s.pos + 2) > s.pos + 2 {
            e = s.skip(Self.binaryDigits, from: s.pos + 2)
        } else if c == 48 && k == 120 && s.skip(Self.hexDigits, from: s.pos + 2) > s.pos + 2 {
            e = s.skip(Self.hexDigits, from: s.pos + 2)
        } else if c == 48 && k == 111 && s.skip(Self.octalDigits, from: s.pos + 2) > s.pos + 2 {
            e = s.skip(Self.octalDigits, from: s.pos + 2)
        } else {
            e = s.skip(Self.decimalDigits, from: s.pos + 1)
        }
        // (u(size)?|i(size))?
        let sizes: [StaticString] = ["8", "16", "32", "64", "128", "size"]
        if s.at(e) == 117 && e < s.end {
            e += 1
            for size in sizes where s.has(size, at: e) { return e + size.utf8CodeUnitCount }
            return e
        }
        if s.at(e) == 105 && e < s.end {
            for size in sizes where s.has(size, at: e + 1) { return e + 1 + size.utf8CodeUnitCount }
        }
        return e
    }
}
