extension Lexer {
    public static let c = Lexer("c", title: "C") { CTokenizer(cpp: false) }
    public static let cpp = Lexer("cpp", title: "C++", aliases: ["c++"]) { CTokenizer(cpp: true) }
}

/// C and C++. At the top level Rouge looks for function definitions (`type name(args) {`),
/// lexing their pieces afresh; preprocessor lines are recognised at line starts.
final class CTokenizer: StackTokenizer {
    enum State: RootState {
        case root, bol, exprBol, statements, caseLabel, function, string, macro, ifZero
        case className, template
    }

    let stack = StateStack<State>(.root, .bol)
    static let binaryDigits = CharSet(bits: (0x0003000000000000, 0, 0, 0))   // "01"
    static let charPrefixes = CharSet(bits: (0, 0x0020100000201000, 0, 0))   // "uUlL"
    static let escapeLetters = CharSet(bits: (0x0000008400000000, 0x0054404610000000, 0, 0))   // "\\abfnrtv\"'"
    static let inlineSpace = CharSet(bits: (0x0000000100002200, 0, 0, 0))   // " \t\r"
    static let integerSuffixes = CharSet(bits: (0, 0x0020100000201000, 0, 0))   // "luLU"
    static let macroStops = CharSet(bits: (0x0000800000000400, 0x0000000010000000, 0, 0))   // "/\n\\"
    static let newlines = CharSet(bits: (0x0000000000000400, 0, 0, 0))   // "\n"
    static let octalDigits = CharSet(bits: (0x00FF000000000000, 0, 0, 0))   // "0-7"
    static let operatorChars = CharSet(bits: (0xF400AC6200000000, 0x5000000040000000, 0, 0))   // "~!%^&*+=|?:<>/-"
    static let prefixChars = CharSet(bits: (0x03FF040000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_*"
    static let punctuationChars = CharSet(bits: (0x0800530000000000, 0x0000000028000000, 0, 0))   // "()[],.;"
    static let rawPrefixes = CharSet(bits: (0, 0x0020000000201000, 0, 0))   // "uUL"
    static let stringStops = CharSet(bits: (0x0000000400000400, 0x0000000010000000, 0, 0))   // "\\\"\n"
    let cpp: Bool
    let words: CWords

    init(cpp: Bool) {
        self.cpp = cpp
        words = cpp ? .cpp : .c
    }

    static let identifierStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"

    /// `[a-zA-Z_][a-zA-Z0-9_]*`
    func identifier(_ s: Scan, _ i: Int) -> Int? {
        guard Self.identifierStart.contains(s.at(i)) && i < s.end else { return nil }
        return s.skip(.word, from: i + 1)
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root:
            if cpp {
                for w: StaticString in ["__offload", "__blockingoffload", "__outer"] where s.hasWord(w) {
                    s.emit(.keywordPseudo, count: w.utf8CodeUnitCount)
                    return true
                }
            }
            if c == 10 { s.emit(.text, to: s.skip(Self.newlines)); push(.exprBol); return true }
            if whitespace(&s) { return true }
            if functionDefinition(&s) { return true }
            if c == 123 { s.emit(.punctuation, count: 1); push(.function); return true }
            return statements(&s)
        case .bol, .exprBol:
            if state == .bol, let e = identifier(s, s.pos), s.at(e) == 58 && e < s.end, s.at(e + 1) != 58 || e + 1 >= s.end {
                s.emit(.nameLabel, to: e + 1)
                return true
            }
            if inlineWhitespace(&s) { return true }
            if s.has("#if") && CharSet.space.contains(s.at(s.pos + 3)) && s.at(s.pos + 4) == 48 && s.pos + 4 < s.end {
                s.emit(.comment, count: 5)
                push(.ifZero)
                return true
            }
            if c == 35 { s.emit(.commentPreproc, count: 1); push(.macro); return true }
            pop()
            return true
        case .statements: return statements(&s)
        case .caseLabel:
            if c == 58 && (!cpp || s.peek(1) != 58 || s.pos + 1 >= s.end) { s.emit(.punctuation, count: 1); pop(); return true }
            return statements(&s)
        case .function:
            if whitespace(&s) || statements(&s) { return true }
            if c == 59 { s.emit(.punctuation, count: 1); return true }
            if c == 123 { s.emit(.punctuation, count: 1); push(.function); return true }
            if c == 125 { s.emit(.punctuation, count: 1); pop(); return true }
            return false
        case .string: return string(&s)
        case .macro: return macro(&s)
        case .ifZero: return ifZero(&s)
        case .className:
            if let e = identifier(s, s.pos) { s.emit(.nameClass, to: e); pop(); return true }
            if whitespace(&s) { return true }
            if s.has("...") { s.emit(.operator, count: 3); return true }
            if c == 44 { s.emit(.punctuation, count: 1); pop(); return true }
            pop()
            return true
        case .template:
            if c == 62 || c == 59 { s.emit(.punctuation, count: 1); pop(); return true }
            if s.hasWord("typename") { s.emit(.keyword, count: 8); push(.className); return true }
            return statements(&s)
        }
    }

    /// Newlines (after which a label or directive may come), `//` comments and inline whitespace.
    func whitespace(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 10 { s.emit(.text, to: s.skip(Self.newlines)); push(.bol); return true }
        if c == 47 && s.peek(1) == 47 { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); push(.bol); return true }
        return inlineWhitespace(&s)
    }

    func inlineWhitespace(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 32 || c == 9 || c == 13 { s.emit(.text, to: s.skip(Self.inlineSpace)); return true }
        if c == 92 && s.peek(1) == 10 { s.emit(.text, count: 2); return true }
        if c == 47, let e = blockComment(s, s.pos) { s.emit(.commentMultiline, to: e); return true }
        return false
    }

    /// `/(\\\n)?[*].*?[*](\\\n)?/`
    func blockComment(_ s: Scan, _ i: Int) -> Int? {
        guard s.at(i) == 47 else { return nil }
        var j = i + 1
        if s.has("\\\n", at: j) { j += 2 }
        guard s.at(j) == 42 && j < s.end else { return nil }
        var k = j + 1
        while let star = s.find(42, from: k) {
            var close = star + 1
            if s.has("\\\n", at: close) { close += 2 }
            if s.at(close) == 47 && close < s.end { return close + 1 }
            k = star + 1
        }
        return nil
    }
}
