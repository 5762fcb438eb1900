extension Lexer {
    public static let java = Lexer("java", title: "Java") { JavaTokenizer() }
}

/// Java. A run of words followed by `name(` is read as a method declaration or call: the words
/// are lexed afresh and the name is a function.
final class JavaTokenizer: StackTokenizer {
    enum State: RootState {
        case root, className, `import`
    }

    let stack = StateStack<State>(.root)
    static let classChars = CharSet(bits: (0x03FF000000000000, 0x07FFFFFE07FFFFFE, 0, 0))   // "a-zA-Z0-9"
    static let constantChars = CharSet(bits: (0x03FF000000000000, 0x0000000087FFFFFE, 0, 0))   // "A-Z0-9_"
    static let identifierStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"
    static let importChars = CharSet(bits: (0x03FF400000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_."
    static let operatorChars = CharSet(bits: (0xFC00FF6200000000, 0x7800000068000000, 0, 0))   // "~^*!%&[](){}<>|+=:;,./?-"

    static let keywords = WordSet("""
        assert break case catch continue default do else finally for if goto instanceof new return
        switch this throw try while
        """)
    static let declarations = WordSet("""
        abstract const enum extends final implements native private protected public static strictfp
        super synchronized throws transient volatile
        """)
    static let types = WordSet("boolean byte char double float int long short var void")
    static let typeWordChars = CharSet(bits: (0x53FF400000000000, 0x07FFFFFEAFFFFFFE, 0, 0))   // "a-zA-Z0-9_.[]<>"

    /// `[[:alpha:]_][[:word:]]*`
    static func identifier(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.identifierStart, unicode: UnicodeClass.isAlpha, at: i) else { return nil }
        return s.skip(.word, unicode: UnicodeClass.isWord, from: h)
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root: return root(&s)
        case .className, .import:
            if CharSet.space.contains(s.peek()) { s.emit(.text, to: s.skip(CharSet.space)); return true }
            if state == .className {
                guard let e = Self.identifier(s, s.pos) else { return false }
                s.emit(.nameClass, to: e)
            } else {
                var e = s.skip(Self.importChars)
                guard e > s.pos else { return false }
                if s.at(e) == 42 && e < s.end { e += 1 }
                s.emit(.nameNamespace, to: e)
            }
            pop()
            return true
        }
    }

    /// `(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()`
    private func methodDeclaration(_ s: inout Scan) -> Bool {
        var i = s.skip(CharSet.space)
        while Self.identifierStart.contains(s.at(i)) && i < s.end {
            let word = s.skip(Self.typeWordChars, from: i + 1)
            let gap = s.skip(CharSet.space, from: word)
            guard gap > word else { return false }
            // After at least one word and its spaces: is this `name(`?
            if Self.identifierStart.contains(s.at(gap)) && gap < s.end {
                let name = s.skip(.word, from: gap + 1)
                let paren = s.skip(CharSet.space, from: name)
                if s.at(paren) == 40 && paren < s.end {
                    delegate(JavaTokenizer(), &s, s.pos, gap)
                    s.emit((.nameFunction, name), (.text, paren), (.operator, paren + 1))
                    return true
                }
            }
            i = gap
        }
        return false
    }

    private func root(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.blank.contains(c) { s.emit(.text, to: s.skip(CharSet.blank)); return true }
        if c == 47 && s.peek(1) == 47 { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); return true }
        if c == 47 && s.peek(1) == 42, let close = s.find("*/", from: s.pos + 2) { s.emit(.commentMultiline, to: close + 2); return true }
        let word = s.skip(.word)
        if word > s.pos && !s.wordAt(word) && s.contains(Self.keywords, s.pos, word) { s.emit(.keyword, to: word); return true }
        if methodDeclaration(&s) { return true }
        if c == 64, let e = Self.identifier(s, s.pos + 1) { s.emit(.nameDecorator, to: e); return true }
        if word > s.pos {
            if !s.wordAt(word) && s.contains(Self.declarations, s.pos, word) { s.emit(.keywordDeclaration, to: word); return true }
            if !s.wordAt(word) && s.contains(Self.types, s.pos, word) { s.emit(.keywordType, to: word); return true }
            for w: StaticString in ["true", "false", "null"] where s.hasWord(w) { s.emit(.keywordConstant, to: word); return true }
            for w: StaticString in ["class", "interface"] where s.hasWord(w) { s.emit(.keywordDeclaration, to: word); push(.className); return true }
            for w: StaticString in ["import", "package"] where s.hasWord(w) { s.emit(.keywordNamespace, to: word); push(.import); return true }
        }
        if c == 34, let e = doubleQuoted(s) { s.emit(.string, to: e); return true }
        if c == 39, let e = charLiteral(s) { s.emit(.stringChar, to: e); return true }
        if c == 46, let e = Self.identifier(s, s.pos + 1) { s.emit((.operator, s.pos + 1), (.nameAttribute, e)); return true }
        if let e = Self.identifier(s, s.pos) {
            if s.at(e) == 58 && e < s.end { s.emit(.nameLabel, to: e + 1); return true }
            if let (token, end) = capitalised(s) { s.emit(token, to: end); return true }
            s.emit(.name, to: e)
            return true
        }
        if c == 36, let e = Self.identifier(s, s.pos + 1) { s.emit(.name, to: e); return true }
        if Self.operatorChars.contains(c) { s.emit(.operator, count: 1); return true }
        if let (token, e) = number(s) { s.emit(token, to: e); return true }
        if c == 10 { s.emit(.text, count: 1); return true }
        return false
    }

    /// Constants (`[[:upper:]][[:upper:][:digit:]_]*\b`) and classes (`[[:upper:]][[:alnum:]]*\b`).
    private func capitalised(_ s: Scan) -> (Token, Int)? {
        guard let (first, next) = s.scalar(at: s.pos), UnicodeClass.isUpper(first) else { return nil }
        let constant = s.skip(Self.constantChars, unicode: { UnicodeClass.isUpper($0) || $0.properties.generalCategory == .decimalNumber }, from: next)
        for e in stride(from: constant, through: next, by: -1) where s.isBoundary(e) { return (.nameConstant, e) }
        let klass = s.skip(Self.classChars, unicode: UnicodeClass.isAlnum, from: next)
        for e in stride(from: klass, through: next, by: -1) where s.isBoundary(e) { return (.nameClass, e) }
        return nil
    }

    private func doubleQuoted(_ s: Scan) -> Int? {
        s.repeatThenTail(from: s.pos + 1, alternatives: 3, { j, k in
            guard j < s.end else { return nil }
            let b = s.base[j]
            switch k {
            case 0: return b == 92 && s.at(j + 1) == 92 && j + 1 < s.end ? j + 2 : nil
            case 1: return b == 92 && s.at(j + 1) == 34 && j + 1 < s.end ? j + 2 : nil
            default: return b == 34 ? nil : s.charEnd(j)
            }
        }, tail: { j in s.at(j) == 34 && j < s.end ? j + 1 : nil })
    }

    /// `'(?:\\.|[^\\]|\\u[0-9a-f]{4})'`
    private func charLiteral(_ s: Scan) -> Int? {
        let j = s.pos + 1
        guard j < s.end else { return nil }
        var ends: [Int] = []
        if s.base[j] == 92 {
            if j + 1 < s.end && s.base[j + 1] != 10 { ends.append(s.charEnd(j + 1)) }
            if s.at(j + 1) == 117 && s.skip(CharSet("0-9a-f"), from: j + 2) >= j + 6 { ends.append(j + 6) }
        } else {
            ends.append(s.charEnd(j))
        }
        return ends.first { s.at($0) == 39 && $0 < s.end }.map { $0 + 1 }
    }

    private func number(_ s: Scan) -> (Token, Int)? {
        /// `(d_+d|d)+` for a digit class: each step takes a digit, or a digit, underscores and
        /// the digit after them (which the next step then cannot start from).
        func digits(_ i: Int, _ set: CharSet) -> Int? {
            var j = i
            while set.contains(s.at(j)) && j < s.end {
                let u = s.skip(CharSet("_"), from: j + 1)
                j = u > j + 1 && set.contains(s.at(u)) && u < s.end ? u + 1 : j + 1
            }
            return j > i ? j : nil
        }
        let c = s.peek()
        if let d = digits(s.pos, .digit), s.at(d) == 46, let f = digits(d + 1, .digit) {
            var e = f
            if s.at(e) | 0x20 == 101, let x = digits(e + 1, .digit) { e = x }
            if (s.at(e) == 102 || s.at(e) == 100) && e < s.end { e += 1 }
            return (.numberFloat, e)
        }
        if c == 48 {
            let k = s.peek(1) | 0x20
            if k == 98, let e = digits(s.pos + 2, CharSet.binary) { return (.numberBin, e) }
            if k == 120, let e = digits(s.pos + 2, .hex) { return (.numberHex, e) }
            if let e = digits(s.pos + 1, CharSet.octal) { return (.numberOct, e) }
        }
        guard let d = digits(s.pos, .digit) else { return nil }
        return (.numberInteger, s.at(d) == 76 && d < s.end ? d + 1 : d)
    }
}
