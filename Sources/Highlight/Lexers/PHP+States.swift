extension PHPTokenizer {
    func string(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 34 { s.emit(.stringDouble, count: 1); pop(); return true }
        let run = s.skip(Self.stringStops.inverted)
        if run > s.pos { s.emit(.stringDouble, to: run); return true }
        if c == 92 {
            let n = s.peek(1)
            if n == 117 && s.peek(2) == 123 {
                let h = s.skip(.hex, from: s.pos + 3)
                if h > s.pos + 3 && s.at(h) == 125 && h < s.end { s.emit(.stringEscape, to: h + 1); return true }
            }
            if Self.escapeLetters.contains(n) && s.pos + 1 < s.end { s.emit(.stringEscape, count: 2); return true }
            if Self.octal.contains(n) && s.pos + 1 < s.end {
                var e = s.pos + 2
                while e < s.pos + 4 && Self.octal.contains(s.at(e)) && e < s.end { e += 1 }
                s.emit(.stringEscape, to: e)
                return true
            }
            if (n == 120 || n == 88) && CharSet.hex.contains(s.peek(2)) && s.pos + 2 < s.end {
                s.emit(.stringEscape, count: CharSet.hex.contains(s.peek(3)) && s.pos + 3 < s.end ? 4 : 3)
                return true
            }
        }
        if c == 36, let id = identifier(s, s.pos + 1) {
            var e = id
            if s.at(id) == 91 {
                let run = s.skip(CharSet.space.inverted, from: id + 1)
                if let close = (id + 2..<max(id + 2, run)).last(where: { s.base[$0] == 93 }) { e = close + 1 }
            } else if s.has("->", at: id), let member = identifier(s, id + 2) {
                e = member
            }
            s.emit(.nameVariable, to: e)
            return true
        }
        if c == 123 {
            if s.peek(1) == 36 && s.peek(2) == 123 { s.emit(.stringInterpol, count: 3); push(.interpolationDouble); return true }
            if s.peek(1) == 36 { s.emit(.stringInterpol, count: 1); push(.interpolationSingle); return true }
            let run = s.skip(CharSet.space.inverted, from: s.pos + 1)
            if let close = (s.pos + 2..<max(s.pos + 2, run)).last(where: { s.base[$0] == 125 }) {
                s.emit((.stringInterpol, s.pos + 1), (.nameVariable, close), (.stringInterpol, close + 1))
                return true
            }
        }
        let e = s.skip(Self.stringSpecials)
        guard e > s.pos else { return false }
        s.emit(.stringDouble, to: e)
        return true
    }

    /// The states after `function`, `use`, `const`, `catch`, `new` and visibility keywords.
    func inner(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .inAssign, .inAssignFunction:
            if state == .inAssignFunction {
                if c == 41 { s.emit(.punctuation, count: 1); pop(); return true }
                if c == 44 { s.emit(.punctuation, count: 1); return true }
            }
            if c == 44 { s.emit(.punctuation, count: 1); pop(); return true }
            if c == 91 || c == 93 { s.emit(.punctuation, count: 1); return true }
            if c == 40 { s.emit(.punctuation, count: 1); push(.inAssignFunction); return true }
            if escape(&s) || whitespace(&s) || values(&s) || variables(&s) || names(&s) || operators(&s) { return true }
        case .inCatch:
            if c == 40 { s.emit(.punctuation, count: 1); return true }
            if c == 124 { s.emit(.operator, count: 1); return true }
            if let e = identifier(s, s.pos) { s.emit(.nameClass, to: e); return true }
            if escape(&s) || whitespace(&s) { return true }
        case .inConst:
            if let e = identifier(s, s.pos) { s.emit(.nameConstant, to: e); return true }
            if c == 61 { s.emit(.operator, count: 1); push(.inAssign); return true }
            if escape(&s) || whitespace(&s) { return true }
        case .inFunctionBody:
            if c == 123 { s.emit(.punctuation, count: 1); push(.inFunctionBody); return true }
            if c == 125 { s.emit(.punctuation, count: 1); pop(); return true }
            return step(.php, &s)
        case .inFunctionName:
            if c == 38 { s.emit(.operator, count: 1); return true }
            if let e = identifier(s, s.pos) { s.emit(.name, to: e); return true }
            if c == 40 { s.emit(.punctuation, count: 1); pop(); return true }
            if escape(&s) || whitespace(&s) { return true }
        case .inFunctionParams:
            if c == 41 { s.emit(.punctuation, count: 1); pop(); return true }
            if c == 44 { s.emit(.punctuation, count: 1); return true }
            if s.has("...") { s.emit(.punctuation, count: 3); return true }
            if c == 61 { s.emit(.operator, count: 1); push(.inAssign); return true }
            for w: StaticString in ["public", "protected", "private", "readonly"] where s.hasIgnoringCase(w) && !s.wordAt(s.pos + w.utf8CodeUnitCount) {
                s.emit(.keyword, count: w.utf8CodeUnitCount)
                return true
            }
            if let e = optionalType(s) { s.emit(.keywordType, to: e); push(.inAssign); return true }
            if escape(&s) || whitespace(&s) || variables(&s) { return true }
        case .inFunctionReturn:
            if c == 58 { s.emit(.punctuation, count: 1); return true }
            if s.hasIgnoringCase("use") && !s.wordAt(s.pos + 3) { s.emit(.keyword, count: 3); push(.inFunctionUse); return true }
            if let e = optionalType(s) { s.emit(.keywordType, to: e); push(.inAssign); return true }
            if c == 123 { s.emit(.punctuation, count: 1); goto(.inFunctionBody); return true }
            if escape(&s) || whitespace(&s) { return true }
        case .inFunctionUse:
            if c == 44 || c == 40 { s.emit(.punctuation, count: 1); return true }
            if c == 38 { s.emit(.operator, count: 1); return true }
            if c == 41 { s.emit(.punctuation, count: 1); pop(); return true }
            if escape(&s) || whitespace(&s) || variables(&s) { return true }
        case .inNew:
            if s.hasIgnoringCase("class") && !s.wordAt(s.pos + 5) { s.emit(.keywordDeclaration, count: 5); goto(.inNewClass); return true }
            if let (e, _) = qualifiedName(s, s.pos) { s.emit(.nameClass, to: e); pop(); return true }
            if escape(&s) || whitespace(&s) { return true }
        case .inNewClass:
            if c == 125 { s.emit(.punctuation, count: 1); pop(); return true }
            if c == 123 { s.emit(.punctuation, count: 1); return true }
            return step(.php, &s)
        case .inUse:
            if c == 44 || c == 125 { s.emit(.punctuation, count: 1); return true }
            for w: StaticString in ["function", "const"] where s.hasIgnoringCase(w) && !s.wordAt(s.pos + w.utf8CodeUnitCount) {
                s.emit(.keyword, count: w.utf8CodeUnitCount)
                return true
            }
            if let e = namespaceThenBrace(s) { s.emit((.nameNamespace, e - 1), (.punctuation, e)); return true }
            if let (e, last) = qualifiedName(s, s.pos), underscoreSplit(s, last, e) {
                s.emit(.nameFunction, to: e)
                return true
            }
            if escape(&s) || whitespace(&s) || names(&s) { return true }
        case .inVisibility:
            for w: StaticString in ["readonly", "static"] where s.hasIgnoringCase(w) && !s.wordAt(s.pos + w.utf8CodeUnitCount) {
                s.emit(.keyword, count: w.utf8CodeUnitCount)
                return true
            }
            for w: StaticString in ["abstract", "const", "function"] where s.hasIgnoringCase(w) && !s.wordAt(s.pos + w.utf8CodeUnitCount) {
                pop()
                return true
            }
            if let e = optionalType(s) { s.emit(.keywordType, to: e); pop(); return true }
            if escape(&s) || whitespace(&s) { return true }
        default:
            return false
        }
        pop()   // nothing else here: back to the enclosing state
        return true
    }

    /// `\??id`
    private func optionalType(_ s: Scan) -> Int? {
        identifier(s, s.peek() == 63 ? s.pos + 1 : s.pos)
    }

    /// `(?:id\\)+\{`: returns the end of the brace.
    private func namespaceThenBrace(_ s: Scan) -> Int? {
        var i = s.pos
        var sawSegment = false
        while let e = identifier(s, i), s.at(e) == 92 && e < s.end {
            i = e + 1
            sawSegment = true
        }
        return sawSegment && s.at(i) == 123 && i < s.end ? i + 1 : nil
    }

    /// Whether the last segment `a..<e` reads as `id(_id)+`.
    private func underscoreSplit(_ s: Scan, _ a: Int, _ e: Int) -> Bool {
        guard e - a >= 3 else { return false }
        for k in (a + 1)..<(e - 1) where s.base[k] == 95 {
            if s.one(Self.identifierStart, unicode: UnicodeClass.isLetter, at: k + 1) != nil { return true }
        }
        return false
    }
}
