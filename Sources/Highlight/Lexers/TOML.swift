extension Lexer {
    public static let toml = Lexer("toml", title: "TOML") { TOMLTokenizer() }
}

/// TOML: tables, `key = value` pairs, strings, numbers, dates, arrays and inline tables.
final class TOMLTokenizer: StackTokenizer {
    enum State: RootState {
        case root, value, doubleQuoted, multilineDouble, singleQuoted, multilineSingle, array, inline
    }

    let stack = StateStack<State>(.root)
    static let apostrophes = CharSet(bits: (0x0000008000000000, 0, 0, 0))   // "'"
    static let binaryDigits = CharSet(bits: (0x0003000000000000, 0, 0, 0))   // "01"
    static let escapeLetters = CharSet(bits: (0x0001000500000600, 0x0014400010000000, 0, 0))   // "0t\tn\n \"\\r"
    static let literalStops = CharSet(bits: (0x0000008000000400, 0, 0, 0))   // "'\n"
    static let multilineStops = CharSet(bits: (0x0000000400000000, 0x0000000010000000, 0, 0))   // "\\\""
    static let octalDigits = CharSet(bits: (0x00FF000000000000, 0, 0, 0))   // "0-7"
    static let quotes = CharSet(bits: (0x0000000400000000, 0, 0, 0))   // "\""
    static let stringStops = CharSet(bits: (0x0000000400000400, 0x0000000010000000, 0, 0))   // "\\\"\n"

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root:
            if basic(&s) { return true }
            if let (e, ws) = key(s) { s.emit((.nameProperty, e), (.text, ws), (.punctuation, ws + 1)); push(.value); return true }
            return false
        case .value:
            if c == 10 { s.emit(.text, count: 1); pop(); return true }
            return content(&s)
        case .array:
            if content(&s) { return true }
            if c == 93 { s.emit(.punctuation, count: 1); pop(); return true }
            return false
        case .inline:
            if content(&s) { return true }
            if c == 125 { s.emit(.punctuation, count: 1); pop(); return true }
            return false
        case .doubleQuoted:
            if c == 34 { s.emit(.string, count: 1); pop(); return true }
            if c == 10 { s.emit(.error, count: 1); pop(); return true }
            if escape(&s) { return true }
            let e = s.skip(Self.stringStops.inverted)
            guard e > s.pos else { return false }
            s.emit(.string, to: e)
            return true
        case .multilineDouble:
            if s.has("\"\"\"") { s.emit(.string, count: 3); pop(); return true }
            if escape(&s) { return true }
            let e = s.skip(Self.multilineStops.inverted)
            if e > s.pos { s.emit(.string, to: e); return true }
            let q = s.skip(Self.quotes)
            guard q > s.pos else { return false }
            s.emit(.string, to: q)
            return true
        case .singleQuoted:
            if c == 39 { s.emit(.string, count: 1); pop(); return true }
            if c == 10 { s.emit(.error, count: 1); pop(); return true }
            s.emit(.string, to: s.skip(Self.literalStops.inverted))
            return true
        case .multilineSingle:
            if s.has("'''") { s.emit(.string, count: 3); pop(); return true }
            let e = s.skip(Self.apostrophes.inverted)
            s.emit(.string, to: e > s.pos ? e : s.skip(Self.apostrophes))
            return true
        }
    }

    private func escape(_ s: inout Scan) -> Bool {
        guard s.peek() == 92, Self.escapeLetters.contains(s.peek(1)), s.pos + 1 < s.end else { return false }
        s.emit(.stringEscape, count: 2)
        return true
    }

    /// `(?:\S+|"[^"]+"|'[^']+')` then `\s*` and `=`: the first (key end, spaces end) that `accept`
    /// takes, in the order the regex engine tries them (the longest key first).
    private func key(_ s: Scan, _ accept: (Int, Int) -> Bool = { _, _ in true }) -> (Int, Int)? {
        let run = s.skip(CharSet.space.inverted)
        guard run > s.pos else { return nil }
        let ws = s.skip(CharSet.space, from: run)
        if s.at(ws) == 61 && ws < s.end && accept(run, ws) { return (run, ws) }
        for eq in stride(from: run - 1, to: s.pos, by: -1) where s.base[eq] == 61 && accept(eq, eq) { return (eq, eq) }
        let q = s.peek()
        if (q == 34 || q == 39), let close = s.find(q, from: s.pos + 1), close > s.pos + 1 {
            let ws = s.skip(CharSet.space, from: close + 1)
            if s.at(ws) == 61 && ws < s.end && accept(close + 1, ws) { return (close + 1, ws) }
        }
        return nil
    }

    /// `(\s*)(\{)` after the `=` at `ws`: where the brace is.
    private func braceAfter(_ s: Scan, _ ws: Int) -> Int? {
        let ws2 = s.skip(CharSet.space, from: ws + 1)
        return s.at(ws2) == 123 && ws2 < s.end ? ws2 : nil
    }

    private func basic(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 35 { s.emit(.comment, to: s.lineEnd(from: s.pos)); return true }
        if s.has("true") || s.has("false") { s.emit(.keywordConstant, count: s.has("true") ? 4 : 5); return true }
        let view = s
        if let (e, ws) = key(view, { _, ws in braceAfter(view, ws) != nil }), let ws2 = braceAfter(view, ws) {
            s.emit((.nameNamespace, e), (.text, ws), (.operator, ws + 1), (.text, ws2), (.punctuation, ws2 + 1))
            push(.inline)
            return true
        }
        if c == 91 {
            let run = s.skip(CharSet.space.inverted, from: s.pos + 1)
            if let close = (s.pos + 2..<max(s.pos + 2, run)).last(where: { s.base[$0] == 93 }) {
                s.emit(.nameNamespace, to: close + 1)
                return true
            }
        }
        if let (token, e) = number(s) { s.emit(token, to: e); return true }
        return false
    }

    private func number(_ s: Scan) -> (Token, Int)? {
        func exponent(_ i: Int) -> Int? {
            guard s.at(i) | 0x20 == 101 else { return nil }
            return s.underscoredRun(from: s.at(i + 1) == 43 || s.at(i + 1) == 45 ? i + 2 : i + 1)
        }
        if dateTime(s) { return (.literalDate, s.pos + 20) }
        let sign = s.peek() == 43 || s.peek() == 45 ? s.pos + 1 : s.pos
        if let d = s.underscoredRun(from: sign) {
            if s.at(d) == 46, let f = s.underscoredRun(from: d + 1) { return (.numberFloat, exponent(f) ?? f) }
            if let e = exponent(d) { return (.numberFloat, e) }
        }
        if s.has("nan", at: sign) || s.has("inf", at: sign) { return (.numberFloat, sign + 3) }
        if s.has("0x"), let e = s.underscoredRun(.hex, from: s.pos + 2) { return (.numberHex, e) }
        if s.has("0o"), let e = s.underscoredRun(Self.octalDigits, from: s.pos + 2) { return (.numberOct, e) }
        if s.has("0b"), let e = s.underscoredRun(Self.binaryDigits, from: s.pos + 2) { return (.numberBin, e) }
        if let d = s.underscoredRun(from: sign) { return (.numberInteger, d) }
        return nil
    }

    /// `\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z`
    private func dateTime(_ s: Scan) -> Bool {
        let shape = Array("dddd-dd-ddTdd:dd:ddZ".utf8)
        guard s.pos + shape.count <= s.end else { return false }
        for (k, ch) in shape.enumerated() {
            let b = s.base[s.pos + k]
            if ch == 100 { if !CharSet.digit.contains(b) { return false } } else if b != ch { return false }
        }
        return true
    }

    private func content(_ s: inout Scan) -> Bool {
        if basic(&s) { return true }
        if let (e, ws) = key(s) { s.emit((.nameProperty, e), (.text, ws), (.punctuation, ws + 1)); return true }
        let c = s.peek()
        if s.has("\"\"\"") { s.emit(.string, count: 3); push(.multilineDouble); return true }
        if c == 34 { s.emit(.string, count: 1); push(.doubleQuoted); return true }
        if s.has("'''") { s.emit(.string, count: 3); push(.multilineSingle); return true }
        if c == 39 { s.emit(.string, count: 1); push(.singleQuoted); return true }
        if escape(&s) { return true }
        if c == 44 { s.emit(.punctuation, count: 1); return true }
        if c == 91 { s.emit(.punctuation, count: 1); push(.array); return true }
        return false
    }
}
