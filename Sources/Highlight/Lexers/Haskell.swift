extension Lexer {
    public static let haskell = Lexer("haskell", title: "Haskell", aliases: ["hs"]) { HaskellTokenizer() }
}

/// Haskell: reserved words, capitalised types, operators, literals, nested comments and pragmas,
/// import and module headers, and quasiquotes.
final class HaskellTokenizer: StackTokenizer {
    enum State: RootState {
        case root, comment, commentPreproc, `import`, module, functionList, character, characterEnd
        case quasiquotation, string, escape
    }

    let stack = StateStack<State>(.root)
    static let commentBreakers = CharSet(bits: (0xF000CC7A00000000, 0x50000000C0000001, 0, 0))   // "!#$%&*+./<=>?@^|_~"
    static let commentStops = CharSet(bits: (0x0000200000000000, 0x2800000000000000, 0, 0))   // "-{}"
    static let controlEscapes = CharSet(bits: (0, 0x00000000EFFFFFFF, 0, 0))   // "][A-Z@^_"
    static let escapeLetters = CharSet(bits: (0x000000C400000000, 0x0054404610000000, 0, 0))   // "abfnrtv\"'&\\"
    static let lower = CharSet(bits: (0, 0x07FFFFFE00000000, 0, 0))   // "a-z"
    static let moduleChars = CharSet(bits: (0x03FF400000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_."
    static let octalDigits = CharSet(bits: (0x00FF000000000000, 0, 0, 0))   // "0-7"
    static let pipe = CharSet(bits: (0, 0x1000000000000000, 0, 0))   // "|"
    static let punctuationChars = CharSet(bits: (0x0800130000000000, 0x2800000128000000, 0, 0))   // "[](),;`{}"
    static let stringStops = CharSet(bits: (0x0000000400000000, 0x0000000010000000, 0, 0))   // "\\\""
    static let upper = CharSet(bits: (0, 0x0000000007FFFFFE, 0, 0))   // "A-Z"

    static let reserved = WordSet("""
        _ case class data default deriving do else if in infix infixl infixr instance let newtype of then
        type where
        """)
    static let operatorChars = CharSet(bits: (0xF400EC7A00000000, 0x5000000050000001, 0, 0))   // ":!#$%&*+./<=>?@^|~\\-"
    static let nameChars = CharSet(bits: (0x03FF008000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_'"
    static let asciiEscapes: [StaticString] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
        "SP", "DEL",
    ]

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root: return root(&s)
        case .comment, .commentPreproc:
            let token: Token = state == .comment ? .commentMultiline : .commentPreproc
            if s.has("-}") { s.emit(token, count: 2); pop(); return true }
            if s.has("{-") { s.emit(token, count: 2); push(.comment); return true }
            let e = s.skip(Self.commentStops.inverted)
            s.emit(token, to: e > s.pos ? e : s.pos + 1)
            return true
        case .import: return importHeader(&s)
        case .module:
            if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
            if Self.upper.contains(c) {
                let name = s.skip(Self.moduleChars, from: s.pos + 1)
                let ws = s.skip(CharSet.space, from: name)
                if ws > name && s.at(ws) == 40 && ws < s.end {
                    s.emit((.nameNamespace, name), (.text, ws), (.punctuation, ws + 1))
                    push(.functionList)
                    return true
                }
            }
            if s.hasWord("where") { s.emit(.keywordReserved, count: 5); pop(); return true }
            guard Self.upper.contains(c) else { return false }
            s.emit(.nameNamespace, to: s.skip(Self.moduleChars, from: s.pos + 1))
            pop()
            return true
        case .functionList:
            if basic(&s) { return true }
            if Self.upper.contains(c) { s.emit(.keywordType, to: s.skip(.word, from: s.pos + 1)); return true }
            if c == 95 && Self.nameChars.contains(s.peek(1)) && s.pos + 1 < s.end { s.emit(.nameFunction, to: s.skip(Self.nameChars, from: s.pos + 1)); return true }
            if Self.lower.contains(c) { s.emit(.nameFunction, to: s.skip(Self.nameChars, from: s.pos + 1)); return true }
            if c == 44 { s.emit(.punctuation, count: 1); return true }
            let ops = s.skip(Self.operatorChars)
            if ops > s.pos { s.emit(.operator, to: ops); return true }
            if c == 40 { s.emit(.punctuation, count: 1); push(.functionList); return true }
            if c == 41 { s.emit(.punctuation, count: 1); pop(); return true }
            return false
        case .character:
            if c == 92 { s.emit(.stringEscape, count: 1); goto(.characterEnd); push(.escape); return true }
            guard c != 10 else { return false }
            s.emitChar(.stringChar)
            goto(.characterEnd)
            return true
        case .characterEnd:
            if c == 39 { s.emit(.stringChar, count: 1); pop(); return true }
            guard c != 10 else { return false }
            s.emitChar(.error)
            pop()
            return true
        case .quasiquotation:
            if s.has("|]") { s.emit(.operator, count: 2); pop(); return true }
            let e = s.skip(Self.pipe.inverted)
            s.emit(.text, to: e > s.pos ? e : s.pos + 1)
            return true
        case .string:
            if c == 34 { s.emit(.string, count: 1); pop(); return true }
            if c == 92 { s.emit(.stringEscape, count: 1); push(.escape); return true }
            s.emit(.string, to: s.skip(Self.stringStops.inverted))
            return true
        case .escape:
            guard let e = escapeEnd(s) else { return false }
            s.emit(.stringEscape, to: e)
            pop()
            return true
        }
    }

    private func escapeEnd(_ s: Scan) -> Int? {
        let c = s.peek()
        guard !s.atEnd else { return nil }
        if Self.escapeLetters.contains(c) { return s.pos + 1 }
        if c == 94 && Self.controlEscapes.contains(s.peek(1)) && s.pos + 1 < s.end { return s.pos + 2 }
        for code in Self.asciiEscapes where s.has(code) { return s.pos + code.utf8CodeUnitCount }
        if c | 0x20 == 111 { let e = s.skip(Self.octalDigits, from: s.pos + 1); if e > s.pos + 1 { return e } }
        if c | 0x20 == 120 { let e = s.skip(.hex, from: s.pos + 1); if e > s.pos + 1 { return e } }
        let d = s.skip(.digit)
        if d > s.pos { return d }
        let ws = s.skip(CharSet.space)
        if ws > s.pos && s.at(ws) == 92 && ws < s.end { return ws + 1 }
        return nil
    }

    /// Whitespace, comments and pragmas.
    func basic(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if s.has("{-#") { s.emit(.commentPreproc, count: 3); push(.commentPreproc); return true }
        if s.has("{-") { s.emit(.commentMultiline, count: 2); push(.comment); return true }
        if s.has("--") {
            if s.atLineStart {
                let ws = s.skip(CharSet.space, from: s.pos + 2)
                if ws > s.pos + 2 && s.at(ws) == 124 && ws < s.end { s.emit(.commentDoc, to: s.lineEnd(from: ws)); return true }
            }
            let n = s.at(s.pos + 2)
            if s.pos + 2 >= s.end || !Self.commentBreakers.contains(n) {
                s.emit(.commentSingle, to: s.lineEnd(from: s.pos))
                return true
            }
        }
        return false
    }
}
