extension Lexer {
    public static let swift = Lexer("swift", title: "Swift") { SwiftTokenizer() }
}

/// Swift: declarations, calls (capitalised ones as types), labels, literals, attributes,
/// nested comments and string interpolation.
final class SwiftTokenizer: StackTokenizer {
    enum State: RootState {
        case root, bol, nestedComment, tuple, doubleQuoted, interpolation, interpolationInner
    }

    let stack = StateStack<State>(.root, .bol)
    static let binaryDigits = CharSet(bits: (0x0003000000000000, 0, 0, 0))   // "01"
    static let closingParen = CharSet(bits: (0x0000020000000000, 0, 0, 0))   // ")"
    static let commentStops = CharSet(bits: (0x0000840000000000, 0, 0, 0))   // "*/"
    static let escapeLetters = CharSet(bits: (0x0001008400000000, 0x0014400010000000, 0, 0))   // "\\0tnr'\""
    static let hexFraction = CharSet(bits: (0x03FF000000000000, 0x000000000000007E, 0, 0))   // "0-9A-F"
    static let identifierStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"
    static let newlines = CharSet(bits: (0x0000000000000400, 0, 0, 0))   // "\n"
    static let octalDigits = CharSet(bits: (0x00FF000000000000, 0, 0, 0))   // "0-7"
    static let operatorChars = CharSet(bits: (0x7000EC6200000000, 0x5000000040000000, 0, 0))   // "/=+*%<>!&|^.~-"
    static let punctuationChars = CharSet(bits: (0x8C00130000000000, 0x2800000038000000, 0, 0))   // "()[]{}:;,?\\"
    static let spaces = CharSet(bits: (0x0000000100000000, 0, 0, 0))   // " "
    static let stringStops = CharSet(bits: (0x0000000400000000, 0x0000000010000000, 0, 0))   // "\\\""

    static let keywords = WordSet("""
        await break case continue default do else fallthrough if in for return switch where while try
        catch throw guard defer repeat as dynamicType is new super self Self Type __COLUMN__ __FILE__
        __FUNCTION__ __LINE__ associativity async didSet get infix inout isolated mutating none
        nonmutating operator override postfix precedence prefix set unowned weak willSet throws rethrows
        precedencegroup
        """)
    static let declarations = WordSet("""
        actor class deinit enum convenience extension final func import init internal lazy let
        nonisolated optional private protocol public required static struct subscript typealias var
        dynamic indirect associatedtype open fileprivate some
        """)
    static let constants = WordSet("true false nil")
    static let notCalls = WordSet("if while for private internal unowned switch case")

    /// `(_|(?!\p{Mc})\p{Alpha}|astral)([\p{Alnum}_]|astral)*`
    static func identifier(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.identifierStart, unicode: { u in
            u.value > 0xFFFF || (UnicodeClass.isAlpha(u) && u.properties.generalCategory != .spacingMark)
        }, at: i) else { return nil }
        return s.skip(.word, unicode: { $0.value > 0xFFFF || UnicodeClass.isAlnum($0) }, from: h)
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root: return root(&s)
        case .bol:
            if c == 35 { s.emit(.commentPreproc, to: s.lineEnd(from: s.pos)); return true }
            if inlineWhitespace(&s) { return true }
            pop()
            return true
        case .nestedComment:
            if s.has("/*") { s.emit(.commentMultiline, count: 2); push(.nestedComment); return true }
            if s.has("*/") { s.emit(.commentMultiline, count: 2); pop(); return true }
            let e = s.skip(Self.commentStops.inverted)
            if e > s.pos { s.emit(.commentMultiline, to: e); return true }
            s.emit(.commentMultiline, count: 1)
            return true
        case .tuple:
            if let e = Self.identifier(s, s.pos) { s.emit(.nameVariable, to: e); return true }
            if c == 96, let e = Self.identifier(s, s.pos + 1), s.at(e) == 96 && e < s.end {
                s.emit((.punctuation, s.pos + 1), (.nameVariable, e), (.punctuation, e + 1))
                return true
            }
            if c == 44 { s.emit(.punctuation, count: 1); return true }
            if c == 40 { s.emit(.punctuation, count: 1); push(.tuple); return true }
            if c == 41 { s.emit(.punctuation, count: 1); pop(); return true }
            return inlineWhitespace(&s)
        case .doubleQuoted:
            if c == 92 {
                let n = s.peek(1)
                if Self.escapeLetters.contains(n) && s.pos + 1 < s.end { s.emit(.stringEscape, count: 2); return true }
                if n == 40 { s.emit(.stringEscape, count: 2); push(.interpolation); return true }
                if n == 117 && s.peek(2) == 123 {
                    let h = s.skip(.hex, from: s.pos + 3)
                    if h > s.pos + 3 && h <= s.pos + 11 && s.at(h) == 125 && h < s.end { s.emit(.stringEscape, to: h + 1); return true }
                }
                return false
            }
            let e = s.skip(Self.stringStops.inverted)
            if e > s.pos { s.emit(.string, to: e); return true }
            s.emit(.string, count: s.has("\"\"\"") ? 3 : 1)
            pop()
            return true
        case .interpolation, .interpolationInner:
            if c == 40 { s.emit(.punctuation, count: 1); push(.interpolationInner); return true }
            if c == 41 { s.emit(state == .interpolation ? .stringEscape : .punctuation, count: 1); pop(); return true }
            return root(&s)
        }
    }

    func inlineWhitespace(_ s: inout Scan) -> Bool {
        if CharSet.space.contains(s.peek()) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if s.has("/*") { s.emit(.commentMultiline, count: 2); push(.nestedComment); return true }
        return false
    }
}
