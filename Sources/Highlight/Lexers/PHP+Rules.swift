extension PHPTokenizer {
    func values(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if s.has("<<<"), let e = heredoc(s) { s.emit(.stringHeredoc, to: e); return true }
        if let (token, e) = number(s) { s.emit(token, to: e); return true }
        if c == 39 || c == 96, let e = quoted(s, c) { s.emit(c == 39 ? .stringSingle : .stringBacktick, to: e); return true }
        if c == 34 { s.emit(.stringDouble, count: 1); push(.string); return true }
        for w: StaticString in ["function", "fn"] where s.hasIgnoringCase(w) && !s.wordAt(s.pos + w.utf8CodeUnitCount) {
            push(.inFunctionReturn)
            push(.inFunctionParams)
            push(.inFunctionName)
            s.emit(.keyword, count: w.utf8CodeUnitCount)
            return true
        }
        for w: StaticString in ["true", "false", "null"] where s.hasIgnoringCase(w) && !s.wordAt(s.pos + w.utf8CodeUnitCount) {
            s.emit(.keywordConstant, count: w.utf8CodeUnitCount)
            return true
        }
        if s.hasIgnoringCase("new") && !s.wordAt(s.pos + 3) { s.emit(.keyword, count: 3); push(.inNew); return true }
        return false
    }

    /// `<<<(["']?)(id)\1\n.*?\n\s*\2;?`, the terminator compared ignoring case.
    private func heredoc(_ s: Scan) -> Int? {
        var i = s.pos + 3
        let q = s.at(i)
        let quoted = (q == 34 || q == 39) && i < s.end
        if quoted { i += 1 }
        guard let idEnd = identifier(s, i) else { return nil }
        var j = idEnd
        if quoted { guard s.at(j) == q && j < s.end else { return nil }; j += 1 }
        guard s.at(j) == 10 && j < s.end else { return nil }
        let name = (i, idEnd - i)
        var k = j + 1
        while let nl = s.find(10, from: k) {
            let ws = s.skip(CharSet.space, from: nl + 1)
            if ws + name.1 <= s.end && (0..<name.1).allSatisfy({ s.base[ws + $0] | 0x20 == s.base[name.0 + $0] | 0x20 }) {
                let e = ws + name.1
                return s.at(e) == 59 && e < s.end ? e + 1 : e
            }
            k = nl + 1
        }
        return nil
    }

    /// Floats (`(\d[_\d]*)?\.(\d[_\d]*)?(e[+-]?\d[_\d]*)?`, a lone `.` included), octal, binary,
    /// hex and decimal integers.
    private func number(_ s: Scan) -> (Token, Int)? {
        let digitsOrUnderscore = Self.decimalDigits
        var i = s.pos
        if CharSet.digit.contains(s.at(i)) && i < s.end { i = s.skip(digitsOrUnderscore, from: i + 1) }
        if s.at(i) == 46 && i < s.end {
            var e = i + 1
            if CharSet.digit.contains(s.at(e)) && e < s.end { e = s.skip(digitsOrUnderscore, from: e + 1) }
            if s.at(e) | 0x20 == 101 {
                let sign = s.at(e + 1) == 43 || s.at(e + 1) == 45 ? e + 2 : e + 1
                if CharSet.digit.contains(s.at(sign)) && sign < s.end { e = s.skip(digitsOrUnderscore, from: sign + 1) }
            }
            return (.numberFloat, e)
        }
        guard CharSet.digit.contains(s.peek()) else { return nil }
        let n = s.peek(1) | 0x20
        if s.peek() == 48 && Self.octal.contains(s.peek(1)) && s.pos + 1 < s.end {
            return (.numberOct, s.skip(Self.octalDigits, from: s.pos + 2))
        }
        if s.peek() == 48 && n == 98 && CharSet.binary.contains(s.peek(2)) && s.pos + 2 < s.end {
            return (.numberBin, s.skip(Self.binaryDigits, from: s.pos + 3))
        }
        if s.peek() == 48 && n == 120 && CharSet.hex.contains(s.peek(2)) && s.pos + 2 < s.end {
            return (.numberHex, s.skip(Self.hexDigits, from: s.pos + 3))
        }
        return (.numberInteger, s.skip(digitsOrUnderscore, from: s.pos + 1))
    }

    /// `'([^'\\]*(?:\\.[^'\\]*)*)'` (or with backticks); `\\.` does not cross a newline.
    private func quoted(_ s: Scan, _ q: UInt8) -> Int? {
        var i = s.pos + 1
        while i < s.end {
            let c = s.base[i]
            if c == q { return i + 1 }
            if c == 92 {
                guard i + 1 < s.end, s.base[i + 1] != 10 else { return nil }
                i = s.charEnd(i + 1)
            } else {
                i += 1
            }
        }
        return nil
    }

    func names(_ s: inout Scan) -> Bool {
        guard let (e, last) = qualifiedName(s, s.pos) else { return false }
        let p = s.base + s.pos, n = e - s.pos
        let ws = s.skip(CharSet.space, from: e)
        if s.at(ws) == 40 && ws < s.end {
            s.emit(Self.keywords.contains(p, n) ? .keyword : PHPWords.builtins.contains(lowercased(s, s.pos, e)) ? .nameBuiltin : .nameFunction, to: e)
            return true
        }
        let lower = lowercased(s, s.pos, e)
        switch lower {
        case "use": s.emit(.keywordNamespace, to: e); push(.inUse); return true
        case "const": s.emit(.keyword, to: e); push(.inConst); return true
        case "catch": s.emit(.keyword, to: e); push(.inCatch); return true
        case "public", "protected", "private": s.emit(.keyword, to: e); push(.inVisibility); return true
        default: break
        }
        if Self.keywords.contains(p, n) { s.emit(.keyword, to: e); return true }
        s.emit(nameKind(s, s.pos, e, last), to: e)
        return true
    }

    private func lowercased(_ s: Scan, _ a: Int, _ b: Int) -> String { s.text(a, b).lowercased() }

    /// How Rouge classes a plain name by its shape.
    private func nameKind(_ s: Scan, _ a: Int, _ e: Int, _ last: Int) -> Token {
        let name = Array(s.text(a, e).unicodeScalars)
        if name.count >= 4 && s.has("__", at: a) && s.has("__", at: e - 2) { return .nameBuiltin }
        let upper = UnicodeClass.isUpper
        // ^(E|PHP)(_[[:upper:]]+)+$
        let prefix = s.has("E_", at: a) ? 1 : s.has("PHP_", at: a) ? 3 : 0
        if prefix > 0 {
            let rest = name[prefix...]
            if rest.count >= 2 && rest.split(separator: "_", omittingEmptySubsequences: false).dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy(upper) })
                && rest.first == "_" { return .keywordConstant }
        }
        // The last segment: [[:upper:]][[[:upper:]][[:digit:]]_]+ or [[:upper:]][[:alnum:]]*
        let segment = Array(s.text(last, e).unicodeScalars)
        let isDigit = { (u: Unicode.Scalar) in u.properties.generalCategory == .decimalNumber }
        if let first = segment.first, upper(first) {
            let rest = segment.dropFirst()
            if !rest.isEmpty && rest.allSatisfy({ upper($0) || isDigit($0) || $0 == "_" }) { return .nameConstant }
            if rest.allSatisfy(UnicodeClass.isAlnum) { return .nameClass }
        }
        return .name
    }
}
