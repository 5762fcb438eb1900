extension Lexer {
    public static let json = Lexer("json", title: "JSON") { JSONTokenizer() }
}

/// JSON. Keys (a string followed by `:`) are labels; whitespace is its own token class here.
final class JSONTokenizer: StackTokenizer {
    enum State: RootState {
        case root, object, array, string
    }

    let stack = StateStack<State>(.root)
    static let stringStops = CharSet(bits: (0x0000000400000000, 0x0000000010000000, 0, 0))   // "\\\""

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root:
            if whitespace(&s) { return true }
            if c == 123 { s.emit(.punctuation, count: 1); push(.object); return true }
            if c == 91 { s.emit(.punctuation, count: 1); push(.array); return true }
            if name(&s) || value(&s) { return true }
            if c == 93 || c == 125 { s.emit(.punctuation, count: 1); return true }
            return false
        case .object:
            if whitespace(&s) || name(&s) || value(&s) { return true }
            if c == 125 { s.emit(.punctuation, count: 1); pop(); return true }
            if c == 44 { s.emit(.punctuation, count: 1); return true }
            return false
        case .array:
            if value(&s) { return true }
            if c == 93 { s.emit(.punctuation, count: 1); pop(); return true }
            if c == 44 { s.emit(.punctuation, count: 1); return true }
            return false
        case .string:
            if c == 34 { s.emit(.stringDouble, count: 1); pop(); return true }
            if c == 92 {
                guard s.pos + 1 < s.end, s.peek(1) != 10 else { return false }
                s.emit(.stringEscape, to: s.charEnd(s.pos + 1))
                return true
            }
            s.emit(.stringDouble, to: s.skip(Self.stringStops.inverted))
            return true
        }
    }

    private func whitespace(_ s: inout Scan) -> Bool {
        let e = s.skip(CharSet.space)
        guard e > s.pos else { return false }
        s.emit(.whitespace, to: e)
        return true
    }

    /// `("(?:\\.|[^"\\\n])*?")(\s*)(:)`
    private func name(_ s: inout Scan) -> Bool {
        guard s.peek() == 34 else { return false }
        var i = s.pos + 1
        while i < s.end {
            let c = s.base[i]
            if c == 34 { break }
            if c == 10 { return false }
            if c == 92 {
                guard i + 1 < s.end, s.base[i + 1] != 10 else { return false }
                i = s.charEnd(i + 1)
            } else {
                i += 1
            }
        }
        guard i < s.end else { return false }
        let ws = s.skip(CharSet.space, from: i + 1)
        guard s.at(ws) == 58 && ws < s.end else { return false }
        s.emit((.nameLabel, i + 1), (.whitespace, ws), (.punctuation, ws + 1))
        return true
    }

    private func value(_ s: inout Scan) -> Bool {
        if whitespace(&s) { return true }
        for w: StaticString in ["true", "false", "null"] where s.has(w) {
            s.emit(.keywordConstant, count: w.utf8CodeUnitCount)
            return true
        }
        if let (token, e) = number(s) { s.emit(token, to: e); return true }
        switch s.peek() {
        case 34: s.emit(.stringDouble, count: 1); push(.string)
        case 91: s.emit(.punctuation, count: 1); push(.array)
        case 123: s.emit(.punctuation, count: 1); push(.object)
        default: return false
        }
        return true
    }

    /// `-?(?:0|[1-9]\d*)(\.\d+)?(?:e[+-]?\d+)?`, a float when it has a fraction.
    private func number(_ s: Scan) -> (Token, Int)? {
        var i = s.peek() == 45 ? s.pos + 1 : s.pos
        guard CharSet.digit.contains(s.at(i)) && i < s.end else { return nil }
        i = s.at(i) == 48 ? i + 1 : s.skip(.digit, from: i)
        var token = Token.numberInteger
        if s.at(i) == 46 && CharSet.digit.contains(s.at(i + 1)) && i + 1 < s.end {
            i = s.skip(.digit, from: i + 1)
            token = .numberFloat
        }
        if s.at(i) | 0x20 == 101 {
            let j = s.at(i + 1) == 43 || s.at(i + 1) == 45 ? i + 2 : i + 1
            let e = s.skip(.digit, from: j)
            if e > j { i = e }
        }
        return (token, i)
    }
}
