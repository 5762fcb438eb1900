extension RubyTokenizer {
    /// Inlined into `step`, called once there.
    @inline(__always)
    func root(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if Self.whitespaceStarts.contains(c), whitespace(&s) { return true }
        if c == 95 && s.has("__END__") { s.emit(.commentPreproc, count: 7); push(.endPart); return true }
        if CharSet.digit.contains(c) { number(&s); return true }
        if c == 64 {
            let at = s.peek(1) == 64 ? 2 : 1
            if Self.identStart.contains(s.peek(at)) && s.pos + at < s.end {
                s.emit(at == 2 ? .nameVariableClass : .nameVariableInstance, to: s.skipWord(from: s.pos + at + 1))
                return true
            }
        }
        if c == 36, let e = globalVariable(s) { s.emit(.nameVariableGlobal, to: e); return true }
        if c == 58 && s.has("::") { s.emit(.operator, count: 2); return true }
        // a name's end, found once for the label rule and the identifier rules
        let word = Self.identStart.contains(c) ? s.skipWord(from: s.pos) : s.pos
        if Self.stringStarts.contains(c), strings(&s, wordEnd: word) { return true }
        if word > s.pos, identifier(&s, wordEnd: word) { return true }
        if c == 60 && s.has("<<"), heredocStart(&s) { return true }
        if c == 46 && s.has("..") { s.emit(.operator, count: s.peek(2) == 46 ? 3 : 2); push(.exprStart); return true }
        if c == 46 {
            // (\.)(\s*)(name or operator)
            let ws = s.skip(CharSet.space, from: s.pos + 1)
            var e: Int?
            if Self.labelStart.contains(s.at(ws)) && ws < s.end {
                let w = s.skipWord(from: ws + 1)
                e = (s.at(w) == 33 || s.at(w) == 63) && w < s.end ? w + 1 : w
            } else if Self.methodOperatorChars.contains(s.at(ws)) && ws < s.end {
                e = ws + 1
            }
            if let e {
                s.emit((.punctuation, s.pos + 1), (.text, ws), (.nameFunction, e))
                push(.methodCall)
                return true
            }
        }
        if let e = operatorEnd(s) { s.emit(.operator, to: e); push(.exprStart); return true }
        if c == 63 { s.emit(.punctuation, count: 1); push(.ternary); push(.exprStart); return true }
        if Self.openingPunctuation.contains(c) { s.emit(.punctuation, count: 1); push(.exprStart); return true }
        if Self.closingPunctuation.contains(c) { s.emit(.punctuation, count: 1); return true }
        return false
    }

    private func operatorEnd(_ s: Scan) -> Int? {
        let c = s.peek(), n = s.peek(1), i = s.pos
        switch c {
        case 42 where n == 42: return i + 2
        case 60, 62: return n == c ? i + 2 : i + 1
        case 61 where n == 126: return i + 2
        case 61 where n == 61 && s.peek(2) == 61: return i + 3
        case 33 where n == 126: return i + 2
        case 38: return n == 38 ? i + 2 : i + 1
        case 124 where n == 124: return i + 2
        case 46: return i + 1
        default: break
        }
        guard Self.operatorChars.contains(c) else { return nil }
        return n == 61 ? i + 2 : i + 1
    }

    private func number(_ s: inout Scan) {
        let i = s.pos
        if s.at(i) == 48 {
            let o = s.at(i + 1) == 95 ? i + 2 : i + 1
            if let e = s.underscoredRun(Self.octal, from: o) { s.emit(.numberOct, to: e); return }
            if s.at(i + 1) == 120, let e = s.underscoredRun(.hex, from: i + 2) { s.emit(.numberHex, to: e); return }
            if s.at(i + 1) == 98, let e = s.underscoredRun(Self.binaryDigits, from: i + 2) { s.emit(.numberBin, to: e); return }
        }
        let d = s.underscoredRun(.digit, from: i)!
        if s.at(d) == 46, let f = s.underscoredRun(.digit, from: d + 1) {
            s.emit(.numberFloat, to: s.exponent(at: f) ?? f)
        } else if let e = s.exponent(at: d) {
            s.emit(.numberFloat, to: e)
        } else {
            s.emit(.numberInteger, to: d)
        }
    }

    private func globalVariable(_ s: Scan) -> Int? {
        let n = s.peek(1)
        guard s.pos + 1 < s.end else { return nil }
        if s.isWord(n) { return s.skipWord(from: s.pos + 1) }
        if Self.specialGlobals.contains(n) { return s.pos + 2 }
        if n == 45 && Self.dashGlobals.contains(s.peek(2)) && s.pos + 2 < s.end { return s.pos + 3 }
        return nil
    }

    /// Identifiers: keywords, `module`/`def`/`class`, builtins, constants and names; the word
    /// run at `s.pos` ends at `w`.
    private func identifier(_ s: inout Scan, wordEnd w: Int) -> Bool {
        let p = s.base + s.pos, n = w - s.pos
        // A keyword counts only before a non-word byte: all of the word run, or `defined?`.
        let lists = wordLists.memberships(p, n)
        let keywordEnd = lists & RubyWords.keyword != 0 ? w
            : n == 7 && s.has("defined?") && !s.isWord(s.at(w + 1)) ? w + 1 : nil
        if let keywordEnd {
            s.emit(.keyword, to: keywordEnd)
            push(.exprStart)
            return true
        }
        let bounded = !s.wordAt(w)
        if bounded && lists & RubyWords.pseudoKeyword != 0 { s.emit(.keywordPseudo, to: w); push(.exprStart); return true }
        if n == 6 && s.has("module") {
            let ws = s.skip(CharSet.space, from: w)
            if ws > w && Self.identStart.contains(s.at(ws)) && ws < s.end {
                var e = s.skipWord(from: ws + 1)
                while s.has("::", at: e) && Self.identStart.contains(s.at(e + 2)) && e + 2 < s.end {
                    e = s.skipWord(from: e + 3)
                }
                s.emit((.keyword, w), (.text, ws), (.nameNamespace, e))
                return true
            }
        }
        if bounded && n == 3 && s.has("def") {
            s.emit((.keyword, w), (.text, s.skip(CharSet.space, from: w)))
            push(.funcName)
            return true
        }
        if bounded && n == 5 && s.has("class") {
            s.emit((.keyword, w), (.text, s.skip(CharSet.space, from: w)))
            push(.className)
            return true
        }
        let next = w < s.end ? s.at(w) : 0
        if next == 63 && lists & RubyWords.questionBuiltin != 0 { s.emit(.nameBuiltin, to: w + 1); push(.exprStart); return true }
        if next == 33 && lists & RubyWords.bangBuiltin != 0 { s.emit(.nameBuiltin, to: w + 1); push(.exprStart); return true }
        if bounded && lists & RubyWords.builtin != 0 { s.emit(.nameBuiltin, to: w); push(.methodCall); return true }
        if Self.upper.contains(s.peek()) { s.emit(.nameConstant, to: w); push(.methodCall); return true }
        if next == 63 || next == 33 { s.emit(.name, to: w + 1); push(.exprStart); return true }
        s.emit(.name, to: w)
        push(.methodCall)
        return true
    }
}
