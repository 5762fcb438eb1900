extension CTokenizer {
    /// `\d('?\d)*`
    private func digitSeparated(_ s: Scan, _ i: Int, _ set: CharSet = .digit) -> Int? {
        guard set.contains(s.at(i)) && i < s.end else { return nil }
        var j = i + 1
        while true {
            if set.contains(s.at(j)) && j < s.end { j += 1 }
            else if s.at(j) == 39 && set.contains(s.at(j + 1)) && j + 1 < s.end { j += 2 }
            else { return j }
        }
    }

    /// The rules C++ adds before C's statements: class/struct/template, digit separators, user
    /// literals, raw strings, `::`, `<=>` and braces.
    func cppStatement(_ s: inout Scan) -> Bool {
        let c = s.peek()
        for w: StaticString in ["class", "struct"] where s.hasWord(w) {
            s.emit(.keyword, count: w.utf8CodeUnitCount)
            push(.className)
            return true
        }
        if s.hasWord("template") { s.emit(.keyword, count: 8); push(.template); return true }
        if let (token, e) = cppNumber(s) { s.emit(token, to: e); return true }
        if s.hasWord("nullptr") { s.emit(.nameBuiltin, count: 7); return true }
        if let e = rawString(s) { s.emit(.string, to: e); return true }
        if s.has("::") { s.emit(.operator, count: 2); return true }
        if s.has("<=>") { s.emit(.operator, count: 3); return true }
        if c == 123 || c == 125 { s.emit(.punctuation, count: 1); return true }
        return false
    }

    private func cppNumber(_ s: Scan) -> (Token, Int)? {
        let c = s.peek()
        // dq(\.dq)?(y|d|h|min|s|ms|us|ns|i|if|il)\b
        if let d = digitSeparated(s, s.pos) {
            var ends = [d]
            if s.at(d) == 46, let f = digitSeparated(s, d + 1) { ends.insert(f, at: 0) }
            for e in ends {
                for unit: StaticString in ["y", "d", "h", "min", "s", "ms", "us", "ns", "i", "if", "il"] where s.has(unit, at: e) {
                    let u = e + unit.utf8CodeUnitCount
                    if !s.wordAt(u) || u >= s.end { return (.numberOther, u) }
                }
            }
        }
        func suffix(_ e: Int) -> Int { s.skip(Self.integerSuffixes, from: e) }
        func exponent(_ e: Int) -> Int? {
            guard s.at(e) | 0x20 == 101 else { return nil }
            let d = s.at(e + 1) == 43 || s.at(e + 1) == 45 ? e + 2 : e + 1
            return digitSeparated(s, d).map(suffix)
        }
        // (dq[.]dq?|[.]dq)(e[+-]?dq[lu]*)?
        if let d = digitSeparated(s, s.pos), s.at(d) == 46 && d < s.end {
            let f = digitSeparated(s, d + 1) ?? (d + 1)
            return (.numberFloat, exponent(f) ?? f)
        }
        if c == 46, let f = digitSeparated(s, s.pos + 1) { return (.numberFloat, exponent(f) ?? f) }
        if let d = digitSeparated(s, s.pos), let e = exponent(d) { return (.numberFloat, e) }
        if c == 48 && s.peek(1) | 0x20 == 120, let h = digitSeparated(s, s.pos + 2, .hex) { return (.numberHex, suffix(h)) }
        if c == 48 && s.peek(1) == 98, let b = digitSeparated(s, s.pos + 2, Self.binaryDigits) { return (.numberBin, b) }
        if c == 48, let o = digitSeparated(s, s.pos + 1, Self.octalDigits), s.at(s.pos + 1) != 39 { return (.numberOct, suffix(o)) }
        if let d = digitSeparated(s, s.pos) { return (.numberInteger, suffix(d)) }
        return nil
    }

    /// `(?:u8|u|U|L)?R"delim(…)delim"`
    private func rawString(_ s: Scan) -> Int? {
        var i = s.pos
        if s.has("u8") { i += 2 } else if Self.rawPrefixes.contains(s.peek()) { i += 1 }
        if !s.has("R\"", at: i) { i = s.pos }
        guard s.has("R\"", at: i) else { return nil }
        let delimiterChars = CharSet("a-zA-Z0-9_{}[]#<>%:;.?*+-/^&|~!=,\"'")
        let d = i + 2
        let run = min(s.skip(delimiterChars, from: d), d + 16)
        // The delimiter may give back characters until a `(` follows it.
        for de in stride(from: run, through: d, by: -1) where s.at(de) == 40 && de < s.end {
            let delimiter = (d, de - d)
            var k = de + 1
            while let close = s.find(41, from: k) {
                let a = close + 1
                if a + delimiter.1 < s.end && (0..<delimiter.1).allSatisfy({ s.base[a + $0] == s.base[delimiter.0 + $0] })
                    && s.base[a + delimiter.1] == 34 {
                    return a + delimiter.1 + 1
                }
                k = close + 1
            }
        }
        return nil
    }
}
