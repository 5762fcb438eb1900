extension Lexer {
    public static let matlab = Lexer("matlab", title: "MATLAB", aliases: ["m"]) { MatlabTokenizer() }
}

/// MATLAB: keywords, builtins, comments, `...` continuations, shell escapes, and quotes that are
/// strings when another quote follows on the line (otherwise transposes).
final class MatlabTokenizer: StackTokenizer {
    enum State: RootState {
        case root, charArray, string
    }

    let stack = StateStack<State>(.root)
    static let nameChars = CharSet(bits: (0x03FF000000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "_a-zA-Z0-9"
    static let operatorChars = CharSet(bits: (0x7000EC6000000000, 0x5000000040000001, 0, 0))   // "~+/*%=<>&^|.@-"
    static let punctuationChars = CharSet(bits: (0x0C00930000000000, 0x2800000038000000, 0, 0))   // "(){};:,/\\]["
    static let shellStops = CharSet(bits: (0x0000002000000400, 0, 0, 0))   // "%\n"

    static let keywords = WordSet("""
        arguments break case catch classdef continue else elseif end for function global if import
        methods otherwise parfor persistent properties return spmd switch try while
        """)

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .charArray, .string:
            let quote: UInt8 = state == .charArray ? 39 : 34
            let body: Token = state == .charArray ? .stringSingle : .stringDouble
            if c == quote && s.peek(1) == quote && s.pos + 1 < s.end { s.emit(.stringEscape, count: 2); return true }
            if c == quote { s.emit(body, count: 1); pop(); return true }
            s.emit(body, to: s.find(quote, from: s.pos) ?? s.end)
            return true
        case .root:
            if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
            if c == 123 && s.peek(1) == 37, let close = s.find("%}", from: s.pos + 2) {
                s.emit(.commentMultiline, to: close + 2)
                return true
            }
            if c == 37 { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); return true }
            if s.has("...") { s.emit((.keyword, s.pos + 3), (.comment, s.lineEnd(from: s.pos + 3))); return true }
            if c == 33 && s.atLineStart {
                let e = s.skip(Self.shellStops.inverted, from: s.pos + 1)
                s.emit(.keyword, count: 1)
                delegate(ShellTokenizer(), &s, s.pos, e)
                return true
            }
            if CharSet.alpha.contains(c) {
                let e = s.skip(Self.nameChars)
                s.emit(s.contains(Self.keywords, s.pos, e) ? .keyword : s.contains(MATLABWords.builtins, s.pos, e) ? .nameBuiltin : .name, to: e)
                return true
            }
            if Self.punctuationChars.contains(c) { s.emit(.punctuation, count: 1); return true }
            if s.has("~=") || s.has("==") || s.has("<<") || s.has(">>") { s.emit(.operator, count: 2); return true }
            if Self.operatorChars.contains(c) { s.emit(.operator, count: 1); return true }
            if let (token, e) = number(s) { s.emit(token, to: e); return true }
            if c == 39 || c == 34 {
                let line = s.lineEnd(from: s.pos + 1)
                if s.find(c, from: s.pos + 1).map({ $0 < line }) ?? false {
                    s.emit(c == 39 ? .stringSingle : .stringDouble, count: 1)
                    push(c == 39 ? .charArray : .string)
                    return true
                }
                if c == 39 { s.emit(.operator, count: 1); return true }
            }
            return false
        }
    }

    private func number(_ s: Scan) -> (Token, Int)? {
        let d = s.skip(.digit)
        guard d > s.pos else { return nil }
        if s.at(d) == 46 && d < s.end {
            let f = s.skip(.digit, from: d + 1)
            return (.numberFloat, s.exponent(at: f) ?? f)
        }
        if let e = s.exponent(at: d) { return (.numberFloat, e) }
        if s.at(d) == 76 && d < s.end { return (.numberIntegerLong, d + 1) }
        return (.numberInteger, d)
    }
}
