extension JuliaTokenizer {
    func root(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 10 { s.emit(.text, count: 1); return true }
        if CharSet.blank.contains(c) { s.emit(.text, to: s.skip(CharSet.blank)); return true }
        if s.has("#=") { s.emit(.commentMultiline, count: 2); push(.blockComment); return true }
        if c == 35 { s.emit(.comment, to: s.lineEnd(from: s.pos)); return true }
        if Self.operatorChars.contains(c) || s.has("÷") || s.has("≠") || s.has("≤") || s.has("≥") {
            s.emit(.operator, to: s.charEnd(s.pos))
            return true
        }
        if let (head, tail) = declaration(s) {
            s.emit((.keyword, head), (tail.1, tail.0))
            push(tail.1 == .nameFunction ? .functionName : .typeName)
            return true
        }
        let word = s.skip(.word, unicode: UnicodeClass.isWord, from: s.pos)
        if word > s.pos {
            let p = s.base + s.pos, n = word - s.pos
            if Self.types.contains(p, n) { s.emit(.keywordType, to: word); return true }
            if s.hasWord("local") || s.hasWord("global") || s.hasWord("const") { s.emit(.keywordDeclaration, to: word); return true }
            if Self.keywords.contains(p, n) { s.emit(.keyword, to: word); return true }
            for phrase: StaticString in ["mutable struct", "abstract type"] where s.hasWord(phrase) {
                s.emit(.keyword, count: phrase.utf8CodeUnitCount)
                return true
            }
            if Self.builtins.contains(p, n) { s.emit(.nameBuiltin, to: word); return true }
        }
        if c == 96, let close = s.find(96, from: s.pos + 1), s.find(10, from: s.pos + 1).map({ $0 > close }) ?? true {
            s.emit(.stringBacktick, to: close + 1)
            return true
        }
        if c == 39, let e = charLiteral(s) { s.emit(.stringChar, to: e); return true }
        if (c == 73 || c == 76 || c == 69) && s.peek(1) == 34 { s.emit(.string, count: 2); push(.string); return true }
        if c == 34 { s.emit(.string, count: 1); push(.string); return true }
        if c == 64 {
            let e = s.skip(Self.decoratorChars, from: s.pos + 1)
            if e > s.pos + 1 { s.emit(.nameDecorator, to: e); return true }
        }
        if let h = s.one(Self.nameStart, unicode: { $0.value >= 0xA1 && $0.value <= 0xFFFF }, at: s.pos) {
            let e = s.skip(Self.nameChars, unicode: { $0.value >= 0xA1 && $0.value <= 0xFFFF }, from: h)
            s.emit(.name, to: s.skip(Self.bangs, from: e))
            return true
        }
        if Self.punctuationChars.contains(c) { s.emit(.other, count: 1); return true }
        if let (token, e) = number(s) { s.emit(token, to: e); return true }
        return false
    }

    /// `(function|macro)(\s+)` or `((?:mutable )?struct|(?:abstract|primitive) type)(\s+)` (the
    /// spaces may include backslash-escaped ones): the keyword's end and the spaces' end and token.
    private func declaration(_ s: Scan) -> (Int, (Int, Token))? {
        func spaces(_ i: Int) -> Int {
            var j = i
            while true {
                if CharSet.space.contains(s.at(j)) && j < s.end { j += 1 }
                else if s.at(j) == 92 && CharSet.space.contains(s.at(j + 1)) && j + 1 < s.end { j += 2 }
                else { return j }
            }
        }
        let forms: [(StaticString, Token)] = [
            ("function", .nameFunction), ("macro", .nameFunction), ("mutable struct", .nameClass), ("struct", .nameClass),
            ("abstract type", .nameClass), ("primitive type", .nameClass),
        ]
        for (word, token) in forms where s.has(word) {
            let k = s.pos + word.utf8CodeUnitCount
            let e = spaces(k)
            if e > k { return (k, (e, token)) }
        }
        return nil
    }

    /// `'(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}|\\U[a-fA-F0-9]{1,6}|[^\\\'\n])'`
    private func charLiteral(_ s: Scan) -> Int? {
        let j = s.pos + 1
        guard j < s.end else { return nil }
        var ends: [Int] = []
        if s.base[j] == 92 {
            if j + 1 < s.end && s.base[j + 1] != 10 { ends.append(s.charEnd(j + 1)) }
            func run(_ set: CharSet, _ from: Int, _ most: Int) {
                var e = from
                while e < from + most && set.contains(s.at(e)) && e < s.end { e += 1 }
                for k in stride(from: e, to: from, by: -1) { ends.append(k) }
            }
            run(Self.octalDigits, j + 1, 3)
            let n = s.at(j + 1)
            if n == 120 { run(.hex, j + 2, 3) }
            if n == 117 { run(.hex, j + 2, 4) }
            if n == 85 { run(.hex, j + 2, 6) }
        } else if s.base[j] != 39 && s.base[j] != 10 {
            ends.append(s.charEnd(j))
        }
        return ends.first { s.at($0) == 39 && $0 < s.end }.map { $0 + 1 }
    }

    private func number(_ s: Scan) -> (Token, Int)? {
        guard CharSet.digit.contains(s.peek()) else { return nil }
        /// `[set]+(_[set]+)*` from `i`; also reports whether an underscore group was seen.
        func grouped(_ i: Int, _ set: CharSet = .digit) -> (Int, Bool) {
            var e = s.skip(set, from: i)
            var underscores = false
            while s.at(e) == 95 && set.contains(s.at(e + 1)) && e + 1 < s.end { e = s.skip(set, from: e + 1); underscores = true }
            return (e, underscores)
        }
        func exponent(_ i: Int) -> Int? {
            guard s.at(i) == 101 || s.at(i) == 69 || s.at(i) == 102 else { return nil }
            let sign = s.at(i + 1) == 43 || s.at(i + 1) == 45 ? i + 2 : i + 1
            let e = s.skip(.digit, from: sign)
            return e > sign ? e : nil
        }
        let d = s.skip(.digit)
        let (u, underscored) = grouped(s.pos)
        if underscored && s.at(u) == 46 {
            let f = s.skip(.digit, from: u + 1)
            return (.numberFloat, exponent(f) ?? f)
        }
        if s.at(d) == 46 && CharSet.digit.contains(s.at(d + 1)) && d + 1 < s.end {
            let (g, more) = grouped(d + 1)
            if more { return (.numberFloat, exponent(g) ?? g) }
        }
        if s.at(d) == 46 && d < s.end {
            let f = s.skip(.digit, from: d + 1)
            return (.numberFloat, exponent(f) ?? f)
        }
        if underscored, let e = exponent(u) { return (.numberFloat, e) }
        if let e = exponent(d) { return (.numberFloat, e) }
        if s.peek() == 48 {
            let radix: [(UInt8, CharSet, Token)] = [(98, Self.binaryDigits, .numberBin), (111, Self.octalDigits, .numberOct), (120, .hex, .numberHex)]
            for (letter, set, token) in radix where s.peek(1) == letter && set.contains(s.peek(2)) && s.pos + 2 < s.end {
                return (token, grouped(s.pos + 2, set).0)
            }
        }
        return (.numberInteger, u)
    }

    func string(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 92, let e = escape(s) { s.emit(.stringEscape, to: e); return true }
        if c == 34 { s.emit(.string, count: 1); pop(); return true }
        if c == 36 {
            var e = s.pos + 1
            if s.at(e) == 40 {
                let w = s.skip(.word, from: e + 1)
                if w > e + 1 && s.at(w) == 41 && w < s.end { e = w + 1 }
            }
            e = s.skip(Self.formatFlags, from: e)
            e = s.at(e) == 42 && e < s.end ? e + 1 : s.skip(.digit, from: e)
            if s.at(e) == 46 && e < s.end {
                if s.at(e + 1) == 42 && e + 1 < s.end { e += 2 } else if CharSet.digit.contains(s.at(e + 1)) && e + 1 < s.end { e = s.skip(.digit, from: e + 1) }
            }
            s.emit(.stringInterpol, to: e)
            return true
        }
        let e = s.skip(Self.stringStops.inverted)
        if e > s.pos { s.emit(.string, to: e); return true }
        s.emit(.string, count: 1)
        return true
    }

    /// `\\([\\abfnrtv"']|\n|N\{.*?\}|u[hex]{4}|U[hex]{8}|x[hex]{2}|[0-7]{1,3})`
    private func escape(_ s: Scan) -> Int? {
        let i = s.pos + 1
        guard i < s.end else { return nil }
        let n = s.base[i]
        if Self.escapeLetters.contains(n) { return i + 1 }
        if n == 78 && s.at(i + 1) == 123, let close = s.find(125, from: i + 2),
           !(i..<close).contains(where: { s.base[$0] == 10 }) { return close + 1 }
        for (letter, width) in [(UInt8(117), 4), (85, 8), (120, 2)] where n == letter {
            if s.skip(.hex, from: i + 1) >= i + 1 + width { return i + 1 + width }
        }
        if Self.octalDigits.contains(n) {
            var e = i + 1
            while e < i + 3 && Self.octalDigits.contains(s.at(e)) && e < s.end { e += 1 }
            return e
        }
        return nil
    }
}
