extension HaskellTokenizer {
    func root(_ s: inout Scan) -> Bool {
        if basic(&s) { return true }
        let c = s.peek()
        if c == 39 && characterFollows(s) { s.emit(.stringChar, count: 1); push(.character); return true }
        if c == 34 { s.emit(.string, count: 1); push(.string); return true }
        if let (token, e) = number(s) { s.emit(token, to: e); return true }
        let word = s.skip(Self.nameChars)
        if word > s.pos {
            let text = s.text(s.pos, word)
            if text == "import" { s.emit(.keywordReserved, to: word); push(.import); return true }
            if text == "module" { s.emit(.keywordReserved, to: word); push(.module); return true }
            if s.contains(Self.reserved, s.pos, word) { s.emit(.keywordReserved, to: word); return true }
            let first = c == 39 ? s.peek(1) : c
            s.emit(Self.upper.contains(first) && (c != 39 || s.pos + 1 < s.end) ? .keywordType : .name, to: word)
            return true
        }
        let ops = s.skip(Self.operatorChars)
        if ops > s.pos {
            s.emit(c == 92 && ops == s.pos + 1 ? .nameFunction : .operator, to: ops)
            return true
        }
        if c == 91 || c == 40 {
            let close: UInt8 = c == 91 ? 93 : 41
            let ws = s.skip(CharSet.space, from: s.pos + 1)
            if s.at(ws) == close && ws < s.end { s.emit(c == 91 ? .keywordType : .nameBuiltin, to: ws + 1); return true }
        }
        if c == 91 && (Self.lower.contains(s.peek(1)) || s.peek(1) == 95) && s.pos + 1 < s.end {
            let name = s.skip(Self.nameChars, from: s.pos + 2)
            if s.at(name) == 124 && name < s.end {
                s.emit((.operator, s.pos + 1), (.name, name), (.operator, name + 1))
                push(.quasiquotation)
                return true
            }
        }
        if Self.punctuationChars.contains(c) { s.emit(.punctuation, count: 1); return true }
        return false
    }

    /// `'(?=(?:.|\\\S+)')`
    private func characterFollows(_ s: Scan) -> Bool {
        let i = s.pos + 1
        guard i < s.end, s.base[i] != 10 else { return false }
        let one = s.charEnd(i)
        if s.at(one) == 39 && one < s.end { return true }
        guard s.base[i] == 92 else { return false }
        let run = s.skip(CharSet.space.inverted, from: i + 1)
        return run > i + 1 && (i + 2...run).contains { $0 < s.end && s.base[$0] == 39 }
    }

    private func number(_ s: Scan) -> (Token, Int)? {
        let d = s.skip(.digit)
        guard d > s.pos else { return nil }
        if let e = s.exponent(at: d) { return (.numberFloat, e) }
        if s.at(d) == 46 && CharSet.digit.contains(s.at(d + 1)) && d + 1 < s.end {
            let f = s.skip(.digit, from: d + 1)
            return (.numberFloat, s.exponent(at: f) ?? f)
        }
        if s.peek() == 48 {
            let k = s.peek(1) | 0x20
            if k == 111 { let e = s.skip(Self.octalDigits, from: s.pos + 2); if e > s.pos + 2 { return (.numberOct, e) } }
            if k == 120 { let e = s.skip(.hex, from: s.pos + 2); if e > s.pos + 2 { return (.numberHex, e) } }
        }
        return (.numberInteger, d)
    }

    func importHeader(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 34 { s.emit(.string, count: 1); push(.string); return true }
        if s.hasWord("qualified") { s.emit(.keyword, count: 9); return true }
        if Self.upper.contains(c) {
            let name = s.skip(Self.moduleChars, from: s.pos + 1)
            let ws = s.skip(CharSet.space, from: name)
            if ws > name {
                if s.has("as", at: ws) {
                    let ws2 = s.skip(CharSet.space, from: ws + 2)
                    if ws2 > ws + 2 && Self.upper.contains(s.at(ws2)) && ws2 < s.end {
                        s.emit((.nameNamespace, name), (.text, ws), (.keyword, ws + 2), (.text, ws2),
                               (.name, s.skip(Self.moduleChars, from: ws2 + 1)))
                        pop()
                        return true
                    }
                }
                if s.has("hiding", at: ws) {
                    let ws2 = s.skip(CharSet.space, from: ws + 6)
                    if ws2 > ws + 6 && s.at(ws2) == 40 && ws2 < s.end {
                        s.emit((.nameNamespace, name), (.text, ws), (.keyword, ws + 6), (.text, ws2), (.punctuation, ws2 + 1))
                        goto(.functionList)
                        return true
                    }
                }
                if s.at(ws) == 40 && ws < s.end {
                    s.emit((.nameNamespace, name), (.text, ws), (.punctuation, ws + 1))
                    goto(.functionList)
                    return true
                }
            }
        }
        let e = s.skip(Self.moduleChars)
        guard e > s.pos else { return false }
        s.emit(.nameNamespace, to: e)
        pop()
        return true
    }
}
