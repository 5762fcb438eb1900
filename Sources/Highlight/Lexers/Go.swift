extension Lexer {
    public static let go = Lexer("go", title: "Go", aliases: ["golang"]) { GoTokenizer() }
}

/// Go: keywords, predeclared names, literals, operators and strings.
final class GoTokenizer: StackTokenizer {
    enum State: RootState {
        case root, interpretedString, rawString
    }

    let stack = StateStack<State>(.root)
    static let escapeLetters = CharSet(bits: (0x0000008400000000, 0x0054404610000000, 0, 0))   // "abfnrtv\\'\""
    static let identifierStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"
    static let octalDigits = CharSet(bits: (0x00FF000000000000, 0, 0, 0))   // "0-7"
    static let punctuationChars = CharSet(bits: (0x0800130000000000, 0x2800000028000000, 0, 0))   // "()[]{},;"
    static let stringStops = CharSet(bits: (0x0000000400000000, 0x0000000010000000, 0, 0))   // "\"\\"

    static let keywords = WordSet("""
        break default func interface select case defer go map struct chan else goto package switch
        const fallthrough if range type continue for import return var
        """)
    static let types = WordSet("""
        bool byte complex64 complex128 error float32 float64 int8 int16 int32 int64 int rune string
        uint8 uint16 uint32 uint64 uintptr uint
        """)
    static let functions = WordSet("append cap close complex copy delete imag len make new panic print println real recover")
    static let constants = WordSet("true false iota nil")
    static let operators = CharSet(bits: (0x7400EC6200000000, 0x1000000040000000, 0, 0))   // "+&^=!|<*>/:%.-"

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root: return root(&s)
        case .interpretedString:
            if c == 92 {
                if let e = escape(s, s.pos) { s.emit(.stringEscape, to: e); return true }
                guard s.pos + 1 < s.end, s.peek(1) != 10 else { return false }
                s.emit(.error, to: s.charEnd(s.pos + 1))
                return true
            }
            if c == 34 { s.emit(.string, count: 1); pop(); return true }
            s.emit(.string, to: s.skip(Self.stringStops.inverted))
            return true
        case .rawString:
            if c == 96 { s.emit(.string, count: 1); pop(); return true }
            s.emit(.string, to: s.find(96, from: s.pos) ?? s.end)
            return true
        }
    }

    /// `\\[abfnrtv\\'"]`, `\\u` + 4 hex, `\\U` + 8 hex, `\\x` + 2 hex.
    private func escape(_ s: Scan, _ i: Int) -> Int? {
        guard s.at(i) == 92, i + 1 < s.end else { return nil }
        let n = s.at(i + 1)
        if Self.escapeLetters.contains(n) { return i + 2 }
        let width = n == 117 ? 4 : n == 85 ? 8 : n == 120 ? 2 : 0
        guard width > 0, s.skip(.hex, from: i + 2) >= i + 2 + width else { return nil }
        return i + 2 + width
    }

    private func root(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 47 && s.peek(1) == 47 { s.emit(.comment, to: s.lineEnd(from: s.pos)); return true }
        if c == 47 && s.peek(1) == 42, let close = s.find("*/", from: s.pos + 2) { s.emit(.comment, to: close + 2); return true }
        let word = s.skip(.word)
        if word > s.pos && s.isWord(c) && !s.wordAt(word) {
            let p = s.base + s.pos, n = word - s.pos
            if Self.keywords.contains(p, n) { s.emit(.keyword, to: word); return true }
            if Self.types.contains(p, n) { s.emit(.keywordType, to: word); return true }
            if Self.functions.contains(p, n) { s.emit(.nameBuiltin, to: word); return true }
            if Self.constants.contains(p, n) { s.emit(.nameConstant, to: word); return true }
        }
        if let e = number(s) { s.emit(.number, to: e); return true }
        if c == 39, let e = charLiteral(s) { s.emit(.stringChar, to: e); return true }
        if Self.operators.contains(c) { s.emit(.operator, count: 1); return true }
        if Self.punctuationChars.contains(c) { s.emit(.punctuation, count: 1); return true }
        if let h = s.one(Self.identifierStart, unicode: UnicodeClass.isAlpha, at: s.pos) {
            s.emit(.name, to: s.skip(.word, unicode: { UnicodeClass.isAlpha($0) || $0.properties.generalCategory == .decimalNumber }, from: h))
            return true
        }
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 96 { s.emit(.string, count: 1); push(.rawString); return true }
        if c == 34 { s.emit(.string, count: 1); push(.interpretedString); return true }
        return false
    }

    /// Imaginary, float and integer literals.
    private func number(_ s: Scan) -> Int? {
        let c = s.peek()
        let d = s.skip(.digit)
        var float: Int?
        if d > s.pos && s.at(d) == 46 {
            let f = s.skip(.digit, from: d + 1)
            float = s.exponent(at: f) ?? f
        } else if d > s.pos, let e = s.exponent(at: d) {
            float = e
        } else if c == 46 {
            let f = s.skip(.digit, from: s.pos + 1)
            if f > s.pos + 1 { float = s.exponent(at: f) ?? f }
        }
        // (DECIMALS|FLOAT)i
        if d > s.pos && s.at(d) == 105 && d < s.end { return d + 1 }
        if let f = float, s.at(f) == 105 && f < s.end { return f + 1 }
        if let f = float { return f }
        if c == 48 && s.peek(1) | 0x20 == 120 {
            let h = s.skip(.hex, from: s.pos + 2)
            if h > s.pos + 2 { return h }
        }
        return d > s.pos ? d : nil
    }

    /// `'(?:UNICODE_VALUE|BYTE_VALUE)'`
    private func charLiteral(_ s: Scan) -> Int? {
        let j = s.pos + 1
        guard j < s.end else { return nil }
        var ends: [Int] = []
        if s.base[j] != 10 { ends.append(s.charEnd(j)) }
        if s.base[j] == 92 {
            let n = s.at(j + 1)
            if n == 117 && s.skip(.hex, from: j + 2) >= j + 6 { ends.append(j + 6) }
            if n == 85 && s.skip(.hex, from: j + 2) >= j + 10 { ends.append(j + 10) }
            if Self.escapeLetters.contains(n) && j + 1 < s.end { ends.append(j + 2) }
            if s.skip(Self.octalDigits, from: j + 1) >= j + 4 { ends.append(j + 4) }
            if n == 120 && s.skip(.hex, from: j + 2) >= j + 4 { ends.append(j + 4) }
        }
        return ends.first { s.at($0) == 39 && $0 < s.end }.map { $0 + 1 }
    }
}
