extension LiquidTokenizer {
    static let notSpaceOrPercent = CharSet(bits: (0xFFFFFFDEFFFFC1FF, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF))   // not " \t\n\r\u{0B}\u{0C}%"

    /// `(\s*)(-?%\})` after a tag name ending at `i`: returns the whitespace end and tag end.
    func tagClose(_ s: Scan, after i: Int) -> (Int, Int)? {
        let ws = s.skip(CharSet.space, from: i)
        guard let e = closeAt(s, "%}", from: ws) else { return nil }
        return (ws, e)
    }

    func tagOrBlock(_ s: inout Scan) -> Bool {
        if let e = oneOf(s, ["if", "elsif", "unless", "case"]) { s.emit(.keywordReserved, to: e); push(.condition); return true }
        if let e = oneOf(s, ["when"]) { s.emit(.keywordReserved, to: e); push(.when); return true }
        if s.has("else"), let (ws, e) = tagClose(s, after: s.pos + 4) {
            s.emit((.keywordReserved, s.pos + 4), (.whitespace, ws), (.punctuation, e))
            pop()
            return true
        }
        for w: StaticString in ["capture", "increment", "decrement"] where s.has(w) {
            let a = s.pos + w.utf8CodeUnitCount
            let b = s.skip(CharSet.space, from: a)
            let v = s.skip(Self.notSpaceOrPercent, from: b)
            if b > a, v > b, let (ws, e) = tagClose(s, after: v) {
                s.emit((.nameTag, a), (.whitespace, b), (.nameVariable, v), (.whitespace, ws), (.punctuation, e))
                pop()
                return true
            }
        }
        for (w, next): (StaticString, State) in [("comment", .comment), ("raw", .raw)] where s.has(w) {
            if let (ws, e) = tagClose(s, after: s.pos + w.utf8CodeUnitCount) {
                s.emit((.nameTag, s.pos + w.utf8CodeUnitCount), (.whitespace, ws), (.punctuation, e))
                push(next)
                return true
            }
        }
        if s.has("end") {
            for w: StaticString in ["endif", "endunless", "endcase"] where s.has(w) {
                if let (ws, e) = tagClose(s, after: s.pos + w.utf8CodeUnitCount) {
                    s.emit((.keywordReserved, s.pos + w.utf8CodeUnitCount), (.whitespace, ws), (.punctuation, e))
                    pop()
                    return true
                }
            }
            let name = s.skip(Self.notSpaceOrPercent, from: s.pos + 3)
            if name > s.pos + 3, let (ws, e) = tagClose(s, after: name) {
                s.emit((.nameTag, name), (.whitespace, ws), (.punctuation, e))
                pop()
                return true
            }
        }
        if let e = oneOf(s, ["assign", "echo"]) { s.emit(.nameTag, to: e); push(.assign); return true }
        if let e = oneOf(s, ["include", "render"]) { s.emit(.nameTag, to: e); push(.include); return true }
        if s.has("cycle"), cycle(&s) { return true }
        if s.has("for") || s.has("tablerow"), loop(&s) { return true }
        let name = s.skip(Self.notSpaceOrPercent)
        guard name > s.pos else { return false }
        s.emit((.nameTag, name), (.whitespace, s.skip(CharSet.space, from: name)))
        push(.tagMarkup)
        return true
    }

    /// The token for a cycle group name or loop collection: a string if it holds a quoted part.
    func quotedKind(_ s: Scan, _ a: Int, _ b: Int, otherwise: Token) -> Token {
        for (quote, token): (UInt8, Token) in [(39, .stringSingle), (34, .stringDouble)] {
            if let first = (a..<b).first(where: { s.base[$0] == quote }),
               ((first + 1)..<b).contains(where: { s.base[$0] == quote }) {
                return token
            }
        }
        return otherwise
    }

    /// `(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)`
    private func cycle(_ s: inout Scan) -> Bool {
        let a = s.pos + 5
        let b = s.skip(CharSet.space, from: a)
        guard b > a else { return false }
        let name = s.skip(Self.cycleNameStops.inverted, from: b)
        let ws = s.skip(CharSet.space, from: name)
        if s.at(ws) == 58 && ws < s.end {
            let kind = quotedKind(s, b, name, otherwise: .nameAttribute)
            s.emit((.nameTag, a), (.whitespace, b), (kind, name), (.whitespace, ws), (.punctuation, ws + 1),
                   (.whitespace, s.skip(CharSet.space, from: ws + 1)))
        } else {
            s.emit((.nameTag, a), (.whitespace, b))
        }
        push(.variableTagMarkup)
        return true
    }

    /// `(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)(collection)(\s*)`
    private func loop(_ s: inout Scan) -> Bool {
        let a = s.pos + (s.has("for") ? 3 : 8)
        let b = s.skip(CharSet.space, from: a)
        let v = s.skip(Self.nameChars, from: b)
        let c = s.skip(CharSet.space, from: v)
        guard b > a, v > b, c > v, s.has("in", at: c) else { return false }
        let d = s.skip(CharSet.space, from: c + 2)
        guard d > c + 2 else { return false }
        var e = d
        let stop = Self.loopStops
        while e < s.end {
            let ch = s.base[e]
            if ch == 39 || ch == 34 {
                guard let close = s.find(ch, from: e + 1) else { break }
                e = close + 1
            } else if stop.contains(ch) {
                break
            } else {
                e += 1
            }
        }
        guard e > d else { return false }
        s.emit((.nameTag, a), (.whitespace, b), (.nameVariable, v), (.whitespace, c), (.nameTag, c + 2), (.whitespace, d),
               (quotedKind(s, d, e, otherwise: .nameVariable), e), (.whitespace, s.skip(CharSet.space, from: e)))
        push(.tagMarkup)
        return true
    }

    func generic(_ s: inout Scan) -> Bool {
        whitespace(&s) || keywordConstant(&s) || string(&s) || number(&s) || variable(&s)
    }

    func whitespace(_ s: inout Scan) -> Bool {
        let e = s.skip(Self.spaceTab)
        guard e > s.pos else { return false }
        s.emit(.whitespace, to: e)
        return true
    }

    func keywordConstant(_ s: inout Scan) -> Bool {
        guard let e = oneOf(s, ["false", "true", "nil"]) else { return false }
        s.emit(.keywordConstant, to: e)
        return true
    }

    func string(_ s: inout Scan) -> Bool {
        let c = s.peek()
        guard c == 39 || c == 34, let close = s.find(c, from: s.pos + 1) else { return false }
        s.emit(c == 39 ? .stringSingle : .stringDouble, to: close + 1)
        return true
    }

    func number(_ s: inout Scan) -> Bool {
        if s.peek() == 45 { s.emit(.operator, count: 1); return true }
        let d = s.skip(.digit)
        guard d > s.pos else { return false }
        if s.at(d) == 46 && d < s.end {
            let f = s.skip(.digit, from: d + 1)
            if f > d + 1 { s.emit(.numberFloat, to: f); return true }
        }
        s.emit(.numberInteger, to: d)
        return true
    }

    func variable(_ s: inout Scan) -> Bool {
        if let e = oneOf(s, ["empty", "blank"]) { s.emit(.nameBuiltin, to: e); return true }
        if s.has("forloop.") {
            let a = s.pos + 8
            let run = s.skip(Self.filterStops.inverted, from: a)
            for k in stride(from: run, to: a, by: -1) where s.isBoundary(k) {
                s.emit(.nameBuiltin, to: k)
                return true
            }
        }
        let c = s.peek()
        if (c == 46 && s.isWord(s.peek(1)) && s.pos + 1 < s.end) || c == 91 || c == 93 {
            s.emit(.punctuation, count: 1)
            return true
        }
        if let e = oneOf(s, ["first", "last", "size"]) { s.emit(.nameFunction, to: e); return true }
        guard Self.variableStart.contains(c) else { return false }
        var e = s.skip(Self.nameChars, from: s.pos + 1)
        if s.at(e) == 63 && e < s.end { e += 1 }
        s.emit(.nameVariable, to: e)
        return true
    }

    /// param_markup: whitespace, constants, strings, numbers, `name=` / `name:` and separators.
    func params(_ s: inout Scan) -> Bool {
        if whitespace(&s) || keywordConstant(&s) || string(&s) || number(&s) { return true }
        let name = s.skip(Self.parameterStops.inverted)
        if name > s.pos {
            let ws = s.skip(CharSet.space, from: name)
            if (s.at(ws) == 61 || s.at(ws) == 58) && ws < s.end {
                s.emit((.nameAttribute, name), (.whitespace, ws), (.operator, ws + 1))
                return true
            }
        }
        if s.peek() == 44 || s.peek() == 58 { s.emit(.punctuation, count: 1); return true }
        return false
    }

    func variableParams(_ s: inout Scan) -> Bool {
        params(&s) || variable(&s) || rest(&s)
    }

    /// `\S+` as plain text.
    func rest(_ s: inout Scan) -> Bool {
        let e = s.skip(CharSet.space.inverted)
        guard e > s.pos else { return false }
        s.emit(.text, to: e)
        return true
    }
}
