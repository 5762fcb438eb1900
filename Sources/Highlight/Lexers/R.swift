extension Lexer {
    public static let r = Lexer("r", title: "R", aliases: ["R", "s", "S"]) { RTokenizer() }
}

/// R: comments, strings, `%op%` operators, numbers, primitive function calls and names.
final class RTokenizer: StackTokenizer {
    enum State: RootState {
        case root
    }

    let stack = StateStack<State>(.root)
    static let dottedStart = CharSet(bits: (0x0000400000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z._"
    static let identifierChars = CharSet(bits: (0x03FF400000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9._"
    static let nameChars = CharSet(bits: (0x03FF400000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_."
    static let operatorChars = CharSet(bits: (0xF400AC7200000000, 0x5000000040000001, 0, 0))   // "<>?*+^/!=~$@:%&|-"
    static let punctuationChars = CharSet(bits: (0x0800130000000000, 0x2800000028000000, 0, 0))   // "[]{}();,"

    static let keywords = WordSet("if else for while repeat in next break function")
    static let constants = WordSet("NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_")
    static let builtinConstants = WordSet("LETTERS letters month.abb month.name pi T F")
    static let primitives = WordSet("""
        abs acos acosh all any anyNA Arg as.call as.character as.complex as.double as.environment
        as.integer as.logical as.null.default as.numeric as.raw asin asinh atan atanh attr attributes
        baseenv browser c call ceiling class Conj cos cosh cospi cummax cummin cumprod cumsum digamma dim
        dimnames emptyenv exp expression floor forceAndCall gamma gc.time globalenv Im interactive
        invisible is.array is.atomic is.call is.character is.complex is.double is.environment
        is.expression is.finite is.function is.infinite is.integer is.language is.list is.logical
        is.matrix is.na is.name is.nan is.null is.numeric is.object is.pairlist is.raw is.recursive
        is.single is.symbol lazyLoadDBfetch length lgamma list log max min missing Mod names nargs
        nzchar oldClass on.exit pos.to.env proc.time prod quote range Re rep retracemem return round
        seq_along seq_len seq.int sign signif sin sinh sinpi sqrt standardGeneric substitute sum switch
        tan tanh tanpi tracemem trigamma trunc unclass untracemem UseMethod xtfrm
        """)

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 35 { s.emit(s.peek(1) == 39 ? .commentDoc : .commentSingle, to: s.lineEnd(from: s.pos)); return true }
        if CharSet.space.contains(c) { s.emit(.whitespace, to: s.skip(CharSet.space)); return true }
        if c == 96, let close = s.find(96, from: s.pos + 2), s.peek(1) != 96 { s.emit(.name, to: close + 1); return true }
        if c == 39 || c == 34, let e = quoted(s, c) { s.emit(c == 39 ? .stringSingle : .stringDouble, to: e); return true }
        if c == 37, let close = s.find(37, from: s.pos + 1) { s.emit(.operator, to: close + 1); return true }
        if let (token, e) = number(s) { s.emit(token, to: e); return true }
        if s.isWord(c) {
            // A primitive name (dots allowed) directly followed by `(`.
            let run = s.skip(Self.nameChars)
            if s.at(run) == 40 && run < s.end && s.contains(Self.primitives, s.pos, run) { s.emit(.nameFunction, to: run); return true }
        }
        if let e = identifier(s) {
            let p = s.base + s.pos, n = e - s.pos
            s.emit(Self.keywords.contains(p, n) ? .keyword : Self.constants.contains(p, n) ? .keywordConstant
                   : Self.builtinConstants.contains(p, n) ? .nameBuiltin : .name, to: e)
            return true
        }
        if Self.punctuationChars.contains(c) { s.emit(.punctuation, count: 1); return true }
        if Self.operatorChars.contains(c) { s.emit(.operator, count: 1); return true }
        return false
    }

    /// `'(\\.|.)*?'` across lines: the first closing quote, backing into escapes if none closes.
    private func quoted(_ s: Scan, _ q: UInt8) -> Int? {
        s.lazyRepeatThenTail(from: s.pos + 1, alternatives: 2, { j, k in
            guard j < s.end else { return nil }
            if k == 0 { return s.base[j] == 92 && j + 1 < s.end ? s.charEnd(j + 1) : nil }
            return s.charEnd(j)
        }, tail: { j in s.at(j) == q && j < s.end ? j + 1 : nil })
    }

    /// `[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?` and hex numbers.
    private func number(_ s: Scan) -> (Token, Int)? {
        let c = s.peek()
        if c == 48 && s.peek(1) | 0x20 == 120 {
            var e = s.skip(.hex, from: s.pos + 2)
            if e > s.pos + 2 {
                if s.at(e) | 0x20 == 112 {
                    let d = s.skip(.digit, from: e + 1)
                    if d > e + 1 { e = d }
                }
                if (s.at(e) == 76 || s.at(e) == 105) && e < s.end { e += 1 }
                return (.numberHex, e)
            }
        }
        let a = c == 43 || c == 45 ? s.pos + 1 : s.pos
        var e: Int
        let d = s.skip(.digit, from: a)
        if d > a {
            e = d
            if s.at(d) == 46 {
                let f = s.skip(.digit, from: d + 1)
                if f > d + 1 { e = f }
            }
        } else if s.at(a) == 46 && CharSet.digit.contains(s.at(a + 1)) && a + 1 < s.end {
            e = s.skip(.digit, from: a + 1)
        } else {
            return nil
        }
        if s.at(e) | 0x20 == 101 {
            let sign = s.at(e + 1) == 43 || s.at(e + 1) == 45 ? e + 2 : e + 1
            let x = s.skip(.digit, from: sign)
            if x > sign { e = x }
        }
        if (s.at(e) == 76 || s.at(e) == 105) && e < s.end { e += 1 }
        return (.number, e)
    }

    /// `(?:[[:alpha:]]|[.][._[:alpha:]])[._[:alnum:]]*` or a lone `.`.
    private func identifier(_ s: Scan) -> Int? {
        let rest = { (i: Int) in s.skip(Self.identifierChars, unicode: UnicodeClass.isAlnum, from: i) }
        if let h = s.one(CharSet.alpha, unicode: UnicodeClass.isAlpha, at: s.pos) { return rest(h) }
        guard s.peek() == 46 else { return nil }
        if let h = s.one(Self.dottedStart, unicode: UnicodeClass.isAlpha, at: s.pos + 1) { return rest(h) }
        return s.pos + 1
    }
}

extension Scan {
    /// Like `repeatThenTail`, for a lazy loop (`(…)*?`): at each position the tail is tried first.
    func lazyRepeatThenTail(from i: Int, alternatives count: Int,
                            _ alternative: (Int, Int) -> Int?, tail: (Int) -> Int?) -> Int? {
        var stack: [(pos: Int, next: Int)] = [(i, -1)]
        var failed = Set<Int>()
        while let (p, k) = stack.last {
            if k < 0 {
                if let e = tail(p) { return e }
                stack[stack.count - 1].next = 0
                continue
            }
            if k < count {
                stack[stack.count - 1].next = k + 1
                if let e = alternative(p, k), e > p, !failed.contains(e) { stack.append((e, -1)) }
                continue
            }
            failed.insert(p)
            stack.removeLast()
        }
        return nil
    }
}
