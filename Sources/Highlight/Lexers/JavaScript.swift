extension Lexer {
    public static let javascript = Lexer("javascript", title: "JavaScript", aliases: ["js"]) { JavaScriptTokenizer(typescript: false) }
    public static let typescript = Lexer("typescript", title: "TypeScript", aliases: ["ts"]) { JavaScriptTokenizer(typescript: true) }
}

/// JavaScript and TypeScript. `/` starts a regex only where an expression may start
/// (`exprStart`), and `name:` is a label after a statement and a key inside an object literal.
final class JavaScriptTokenizer: StackTokenizer {
    enum State: RootState {
        case root, multilineComment, exprStart, regex, regexEnd, regexGroup
        case doubleQuoted, singleQuoted, statement, object, ternary, template, templateExpression
    }

    let stack = StateStack<State>(.root)
    static let binaryDigits = CharSet(bits: (0x0003000000000000, 0x0000000080000000, 0, 0))   // "01_"
    static let commentStops = CharSet(bits: (0x0000840000000000, 0, 0, 0))   // "*/"
    static let groupKinds = CharSet(bits: (0x3400000200000000, 0, 0, 0))   // ":=<!"
    static let identifierStart = CharSet(bits: (0x0000001000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z$_"
    static let octalDigits = CharSet(bits: (0x00FF000000000000, 0x0000000080000000, 0, 0))   // "0-7_"
    static let operatorChars = CharSet(bits: (0x7000AC6200000000, 0x1000000040000000, 0, 0))   // "-<>+*%&|^/!="
    /// Every byte an operator can start at (`operatorEnd` is asked only there).
    static let operatorStarts = CharSet(bits: (0xF000AC6200000000, 0x5000000050000000, 0, 0))   // "-<>+*%&|^/!=~?\\"
    static let quantifierChars = CharSet(bits: (0x03FF100000000000, 0, 0, 0))   // "0-9,"
    static let regexFlags = CharSet(bits: (0, 0x0220228000000000, 0, 0))   // "gimuy"
    static let templateStops = CharSet(bits: (0x0000001000000000, 0x0000000110000000, 0, 0))   // "$`\\"
    let typescript: Bool
    let words: JavaScriptWords

    init(typescript: Bool) {
        self.typescript = typescript
        words = typescript ? .typescript : .javascript
    }

    /// Inlined into `lex`: the call and its saved registers cost more than many steps' rules.
    @inline(__always)
    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        // The states that fall back to the root rules break out to one call of `root` below.
        case .root: break
        case .multilineComment:
            if s.has("*/") { s.emit(.commentMultiline, count: 2); pop(); return true }
            let e = s.skip(Self.commentStops.inverted)
            s.emit(.commentMultiline, to: e > s.pos ? e : s.pos + 1)
            return true
        case .exprStart: return exprStart(&s)
        case .regex: return regex(&s)
        case .regexEnd:
            let e = s.skip(Self.regexFlags)
            s.emit(.stringRegex, to: e)
            pop()
            return true
        case .regexGroup:
            let c = s.peek()
            if c == 47 { s.emit(.stringEscape, count: 1); return true }
            let after = s.charEnd(s.pos)
            if s.at(after) == 10 && after < s.end { s.emit(.error, to: after + 1); pop(2); return true }
            if c == 93 { s.emit(.stringEscape, count: 1); pop(); return true }
            if c == 92 && s.pos + 1 < s.end && s.peek(1) != 10 { s.emit(.stringEscape, to: s.charEnd(s.pos + 1)); return true }
            if c != 10 { s.emitChar(.stringRegex); return true }
            return false
        case .doubleQuoted, .singleQuoted:
            let quote: UInt8 = state == .doubleQuoted ? 34 : 39
            let c = s.peek()
            if c == 92 {
                let n = s.peek(1)
                s.emit(.stringEscape, count: (n == 92 || n == 110 || n == 114 || n == 116 || n == quote) && s.pos + 1 < s.end ? 2 : 1)
                return true
            }
            if c == quote { s.emit(.stringDelimiter, count: 1); pop(); return true }
            var stop = CharSet("\\")
            stop.insert(quote)
            s.emit(state == .doubleQuoted ? .stringDouble : .stringSingle, to: s.skip(stop.inverted))
            return true
        case .statement:
            if typescript, let (id, q, ws) = label(s, allowQuestion: true) {
                s.emit((.nameLabel, id), (.punctuation, q), (.text, ws), (.punctuation, ws + 1))
                push(.exprStart)
                return true
            }
            if s.hasWord("case") { s.emit(.keyword, count: 4); goto(.exprStart); return true }
            if let (id, _, ws) = label(s, allowQuestion: false) {
                s.emit((.nameLabel, id), (.text, ws), (.punctuation, ws + 1))
                return true
            }
            return exprStart(&s)
        case .object:
            if commentOrWhitespace(&s) { return true }
            let c = s.peek()
            if c == 123 { s.emit(.punctuation, count: 1); push(.object); return true }
            if c == 125 { s.emit(.punctuation, count: 1); goto(.statement); return true }
            if let (id, _, ws) = label(s, allowQuestion: false) {
                s.emit((.nameAttribute, id), (.text, ws), (.punctuation, ws + 1))
                push(.exprStart)
                return true
            }
            if c == 58 { s.emit(.punctuation, count: 1); return true }
            break
        case .ternary:
            if s.peek() == 58 { s.emit(.punctuation, count: 1); goto(.exprStart); return true }
            break
        case .template:
            let c = s.peek()
            if c == 36 && s.peek(1) == 123 { s.emit(.punctuation, count: 2); push(.templateExpression); return true }
            if c == 96 { s.emit(.stringDouble, count: 1); pop(); return true }
            if c == 92 && (s.peek(1) == 36 || s.peek(1) == 96) { s.emit(.stringEscape, count: 2); return true }
            let e = s.skip(Self.templateStops.inverted)
            s.emit(.stringDouble, to: e > s.pos ? e : s.pos + 1)
            return true
        case .templateExpression:
            if s.peek() == 125 { s.emit(.punctuation, count: 1); pop(); return true }
            break
        }
        return root(&s)
    }

    /// `[\p{L}\p{Nl}$_][\p{Word}]*`: returns the end of an identifier at `i`.
    func identifier(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.identifierStart, unicode: Self.isIdentifierStart, at: i) else { return nil }
        return s.skipWord(unicode: UnicodeClass.isWord, from: h)
    }

    static func isIdentifierStart(_ u: Unicode.Scalar) -> Bool {
        UnicodeClass.isLetter(u) || u.properties.generalCategory == .letterNumber
    }

    /// `(id)(\??)(\s*)(:)`: returns the ends of the name, the optional `?`, and the spaces.
    func label(_ s: Scan, allowQuestion: Bool) -> (Int, Int, Int)? {
        guard let id = identifier(s, s.pos) else { return nil }
        let q = allowQuestion && s.at(id) == 63 && id < s.end ? id + 1 : id
        let ws = s.skip(CharSet.space, from: q)
        guard s.at(ws) == 58 && ws < s.end else { return nil }
        return (id, q, ws)
    }

    @inline(__always)
    func commentOrWhitespace(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 60 && s.has("<!--") { s.emit(.comment, count: 4); return true }
        if c == 47 && s.peek(1) == 47 { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); return true }
        if c == 47 && s.peek(1) == 42 { s.emit(.commentMultiline, count: 2); push(.multilineComment); return true }
        return false
    }

    func exprStart(_ s: inout Scan) -> Bool {
        if commentOrWhitespace(&s) { return true }
        if s.peek() == 47 { s.emit(.stringRegex, count: 1); goto(.regex); return true }
        if s.peek() == 123 { s.emit(.punctuation, count: 1); goto(.object); return true }
        pop()
        return true
    }

    private func regex(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 47 { s.emit(.stringRegex, count: 1); goto(.regexEnd); return true }
        // `[^/]\n` or `\n`: an unterminated regex ends at the line end, as an error.
        let afterChar = s.charEnd(s.pos)
        if s.at(afterChar) == 10 && afterChar < s.end { s.emit(.error, to: afterChar + 1); pop(); return true }
        if c == 10 { s.emit(.error, count: 1); pop(); return true }
        if c == 91 { s.emit(.stringEscape, count: s.peek(1) == 94 ? 2 : 1); push(.regexGroup); return true }
        if c == 92 && s.pos + 1 < s.end && s.peek(1) != 10 { s.emit(.stringEscape, to: s.charEnd(s.pos + 1)); return true }
        if c == 40 && s.peek(1) == 63 && Self.groupKinds.contains(s.peek(2)) && s.pos + 2 < s.end {
            s.emit(.stringEscape, count: 3)
            return true
        }
        if c == 123 {
            let e = s.skip(Self.quantifierChars, from: s.pos + 1)
            if e > s.pos + 1 && s.at(e) == 125 && e < s.end { s.emit(.stringEscape, to: e + 1); return true }
        }
        if c == 40 || c == 41 || c == 63 { s.emit(.stringEscape, count: 1); return true }
        s.emitChar(.stringRegex)
        return true
    }
}
