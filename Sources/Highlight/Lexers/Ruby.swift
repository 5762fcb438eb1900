extension Lexer {
    public static let ruby = Lexer("ruby", title: "Ruby", aliases: ["rb"]) { RubyTokenizer() }
}

/// Ruby as Rouge lexes it. Whether `/` or `%` starts a literal depends on what came before, so
/// states track "an expression may start here" (`exprStart`) and "after a method name"
/// (`methodCall`); heredocs are queued and read after the end of their line.
final class RubyTokenizer: StackTokenizer {
    enum State: RootState {
        case root, exprStart, methodCall, methodCallSpaced, funcName, className, ternary, defExpr
        case inInterpolation, heredocQueue, resolveHeredocs, testHeredoc
        case simpleString, simpleSymbol, simpleBacktick, slashRegex, regexFlags, endPart
        /// A `%` literal: its delimiters, whether it interpolates, and its token.
        case sigil(open: UInt32, close: UInt32, interpolates: Bool, token: Token)
    }

    let stack = StateStack<State>(.root, .exprStart)
    static let backslashHash = CharSet(bits: (0x0000000800000000, 0x0000000010000000, 0, 0))   // "\\#"
    static let binaryDigits = CharSet(bits: (0x0003000000000000, 0, 0, 0))   // "01"
    static let classStart = CharSet(bits: (0, 0x0000000087FFFFFE, 0, 0))   // "A-Z_"
    static let closingPunctuation = CharSet(bits: (0x0000020000000000, 0x2000000020000000, 0, 0))   // "])}"
    static let dashGlobals = CharSet(bits: (0x0001000000000000, 0x00C1121200000240, 0, 0))   // "0adFiIlpvw"
    static let escapeLetters = CharSet(bits: (0x0000008C00000000, 0x005C406610000000, 0, 0))   // "\\abefnrstv#\"'"
    static let heredocFlags = CharSet(bits: (0x0000200000000000, 0x4000000000000000, 0, 0))   // "-~"
    static let heredocStops = CharSet(bits: (0x0000000800000400, 0x0000000010000000, 0, 0))   // "#\\\n"
    static let inlineSpace = CharSet(bits: (0x0000000100002200, 0, 0, 0))   // " \t\r"
    static let interpolatingSigils = CharSet(bits: (0, 0x0104000000820200, 0, 0))   // "rQWxI"
    static let labelStart = CharSet(bits: (0, 0x07FFFFFE80000000, 0, 0))   // "a-z_"
    static let methodOperatorChars = CharSet(bits: (0x7000FC6000000000, 0x4000000148000000, 0, 0))   // "*%&^`~+,-./[<>="
    static let openingPunctuation = CharSet(bits: (0x0C00910000000000, 0x0800000018000000, 0, 0))   // "[({,:\\;/"
    static let operatorChars = CharSet(bits: (0x7000AC6200000000, 0x5000000040000000, 0, 0))   // "-+/*%=<>&!^|~"
    static let regexFlagChars = CharSet(bits: (0, 0x0128E22000000000, 0, 0))   // "mixounse"
    static let regexStops = CharSet(bits: (0x0000800800000000, 0x0000000010000000, 0, 0))   // "\\/#"
    static let sigilLetters = CharSet(bits: (0, 0x018E020000820200, 0, 0))   // "rqswQWxiI"
    static let specialGlobals = CharSet(bits: (0xFC00DCD600000000, 0x4000000190000001, 0, 0))   // "!@&`'+~=/\\,;.<>_*$?:\""
    static let upper = CharSet(bits: (0, 0x0000000007FFFFFE, 0, 0))   // "A-Z"
    /// The bytes `whitespace`'s and `strings`' rules can start at: they are called only there.
    static let whitespaceStarts = CharSet(bits: (0x2000000900002600, 0, 0, 0))   // " \t\r\n#="
    static let stringStarts = CharSet(bits: (0x0400008400000000, 0x07FFFFFF80000000, 0, 0))   // ":a-z_'\"`"
    /// `RubyWords.lists`, read once: a static's accessor costs a `swift_once` call at every identifier.
    let wordLists = RubyWords.lists
    /// Pending heredocs: whether the terminator may be indented, and the terminator.
    var heredocs: [(tolerant: Bool, name: [UInt8])] = []

    static let identStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"
    static let octal = CharSet(bits: (0x00FF000000000000, 0, 0, 0))   // "0-7"

    /// Inlined into `lex`: the call and its saved registers cost more than many steps' rules.
    @inline(__always)
    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        // The states that fall back to the root rules break out to one call of `root` below.
        case .root: break
        case .exprStart: return exprStart(&s)
        case .methodCall:
            let c = s.peek()
            if c == 47 || c == 37 { s.emit(.operator, count: 1); goto(.exprStart); return true }
            if c == 10 { pop(); return true }
            // Rouge's step that only changes state, taken together with the next: it consumes
            // nothing, so only the null-step count could tell, and no chain here nears its limit.
            goto(.methodCallSpaced)
            return methodCallSpaced(&s)
        case .methodCallSpaced: return methodCallSpaced(&s)
        case .funcName: return funcName(&s)
        case .className: return className(&s)
        case .ternary:
            if s.peek() == 58 {
                let ws = s.skip(CharSet.space, from: s.pos + 1)
                if ws > s.pos + 1 { s.emit((.punctuation, s.pos + 1), (.text, ws)); goto(.exprStart); return true }
                if !colonFollowsOnLine(s) { s.emit(.punctuation, count: 1); goto(.exprStart); return true }
            }
            break
        case .defExpr:
            if s.peek() == 41 {
                let after = s.pos + 1
                let op = s.at(after) == 46 && after < s.end ? after + 1 : s.has("::", at: after) ? after + 2 : after
                s.emit((.punctuation, after), (.operator, op))
                pop()
                return true
            }
            if s.peek() == 40 { s.emit(.punctuation, count: 1); push(.defExpr); push(.exprStart); return true }
            break
        case .inInterpolation:
            if s.peek() == 125 { s.emit(.stringInterpol, count: 1); pop(); return true }
            break
        case .heredocQueue:
            if s.peek() == 10 { goto(.resolveHeredocs); return true }
            break
        case .resolveHeredocs:
            if interpolationOrEscape(&s) { return true }
            let c = s.peek()
            if c == 10 { s.emit(.stringHeredoc, count: 1); push(.testHeredoc); return true }
            if c == 35 || c == 92 { s.emit(.stringHeredoc, count: 1); return true }
            s.emit(.stringHeredoc, to: s.skip(Self.heredocStops.inverted))
            return true
        case .testHeredoc: return testHeredoc(&s)
        case .simpleString: return simpleString(&s, quote: 34, token: .stringDouble)
        case .simpleSymbol: return simpleString(&s, quote: 34, token: .stringSymbol)
        case .simpleBacktick: return simpleString(&s, quote: 96, token: .stringBacktick)
        case .slashRegex: return slashRegex(&s)
        case .regexFlags:
            s.emit(.stringRegex, to: s.skip(Self.regexFlagChars))
            pop()
            return true
        case .endPart:
            s.emit(.commentPreproc, to: s.end)
            pop()
            return true
        case let .sigil(open, close, interpolates, token):
            return sigil(&s, open: open, close: close, interpolates: interpolates, token: token)
        }
        return root(&s)
    }

    /// `:(?![^#\n]*?[:\\])`: true when a `:` or `\` follows on this line before any `#`.
    private func colonFollowsOnLine(_ s: Scan) -> Bool {
        var i = s.pos + 1
        while i < s.end {
            let c = s.base[i]
            if c == 35 || c == 10 { return false }
            if c == 58 || c == 92 { return true }
            i += 1
        }
        return false
    }

    /// Whitespace, newlines (after which an expression may start) and comments.
    func whitespace(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 32 || c == 9 || c == 13 { s.emit(.text, to: s.skip(Self.inlineSpace)); return true }
        if c == 10 { s.emit(.text, to: s.skip(CharSet.space)); push(.exprStart); return true }
        if c == 35 { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); return true }
        if c == 61 && s.has("=begin") && !s.wordAt(s.pos + 6) {
            var i = s.pos + 6
            while let k = s.find("\n=end", from: i) {
                if !s.wordAt(k + 5) || k + 5 >= s.end { s.emit(.commentMultiline, to: k + 5); return true }
                i = k + 1
            }
        }
        return false
    }

    private func funcName(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 40 { s.emit(.punctuation, count: 1); push(.defExpr); return true }
        var start = s.pos
        if Self.identStart.contains(c) {
            let w = s.skipWord(from: s.pos + 1)
            if s.at(w) == 46 && w < s.end && operatorName(s, w + 1) != nil { start = w + 1 }
        }
        guard let e = operatorName(s, start) else { pop(); return true }
        s.emit((.nameClass, start > s.pos ? start - 1 : s.pos), (.operator, start), (.nameFunction, e))
        pop()
        return true
    }

    /// A method name as `def` accepts it, including operator methods; returns its end.
    private func operatorName(_ s: Scan, _ i: Int) -> Int? {
        let c = s.at(i)
        guard i < s.end else { return nil }
        if Self.identStart.contains(c) {
            let w = s.skipWord(from: i + 1)
            return s.at(w) == 33 || s.at(w) == 63 ? (w < s.end ? w + 1 : w) : w
        }
        let n = s.at(i + 1)
        switch c {
        case 42: return n == 42 ? i + 2 : i + 1
        case 45, 43: return n == 64 ? i + 2 : i + 1
        case 47, 37, 38, 124, 94, 96, 126: return i + 1
        case 91: return n == 93 ? (s.at(i + 2) == 61 ? i + 3 : i + 2) : nil
        case 60: return n == 60 ? i + 2 : i + 1
        case 62: return n == 62 ? i + 2 : i + 1
        case 61: return n == 61 ? (s.at(i + 2) == 61 ? i + 3 : i + 2) : nil
        default: return nil
        }
    }

    private func className(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if s.isWord(c) {
            // \w+(::\w+)+
            var e = s.skipWord(from: s.pos)
            var qualified = false
            while s.has("::", at: e) && s.isWord(s.at(e + 2)) && e + 2 < s.end {
                e = s.skipWord(from: e + 2)
                qualified = true
            }
            if qualified { s.emit(.nameClass, to: e); return true }
        }
        if c == 40 { s.emit(.punctuation, count: 1); push(.defExpr); push(.exprStart); return true }
        if s.has("<<") { s.emit(.operator, count: 2); goto(.exprStart); return true }
        if Self.classStart.contains(c) { s.emit(.nameClass, to: s.skipWord(from: s.pos)); pop(); return true }
        pop()
        return true
    }

    private func methodCallSpaced(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if Self.whitespaceStarts.contains(c), whitespace(&s) { return true }
        if (c == 37 || c == 47) && s.peek(1) == 61 { s.emit(.operator, count: 2); goto(.exprStart); return true }
        if c == 47 {
            let n = s.peek(1)
            let ws = s.skip(CharSet.space, from: s.pos + 1)
            if (s.pos + 1 < s.end && !CharSet.space.contains(n)) || (s.at(ws) == 47 && ws < s.end) {
                s.emit(.stringRegex, count: 1)
                goto(.slashRegex)
                return true
            }
        }
        if c == 37, sigilStart(&s) { return true }
        let ws = s.skip(CharSet.space)
        if s.at(ws) == 47 && ws < s.end { pop(); return true }
        if ws > s.pos { s.emit(.text, to: ws); goto(.exprStart); return true }
        pop()
        return true
    }

    private func exprStart(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 32 || c == 9 || c == 13 { s.emit(.text, to: s.skip(Self.inlineSpace)); return true }
        if c == 47 { s.emit(.stringRegex, count: 1); goto(.slashRegex); return true }
        if c == 63, let e = charLiteral(s) { s.emit(.stringChar, to: e); pop(); return true }
        // (\s*)(%[rqswQWxiI]? \S* )
        let ws = s.skip(CharSet.space)
        if s.at(ws) == 37 && ws < s.end {
            var i = ws + 1
            if Self.sigilLetters.contains(s.at(i)) && i < s.end { i += 1 }
            if s.at(i) == 32 && i < s.end {
                let word = s.skip(CharSet.space.inverted, from: i + 1)
                if s.at(word) == 32 && word < s.end {
                    s.emit((.text, ws), (.stringOther, word + 1))
                    pop()
                    return true
                }
            }
        }
        if c == 37, sigilStart(&s) { return true }
        pop()
        return true
    }

    /// `[?](\\[MC]-)*(\\(escape)|\S)(?!\w)`: a character literal such as `?a` or `?\n`.
    private func charLiteral(_ s: Scan) -> Int? {
        var i = s.pos + 1
        while s.at(i) == 92 && (s.at(i + 1) == 77 || s.at(i + 1) == 67) && s.at(i + 2) == 45 && i + 2 < s.end { i += 3 }
        var candidates: [Int] = []
        if s.at(i) == 92 && i + 1 < s.end {
            let n = s.at(i + 1)
            if Self.escapeLetters.contains(n) { candidates.append(i + 2) }
            else if n == 120 {
                if CharSet.hex.contains(s.at(i + 2)) && i + 2 < s.end {
                    if CharSet.hex.contains(s.at(i + 3)) && i + 3 < s.end { candidates.append(i + 4) }
                    candidates.append(i + 3)
                }
            } else if Self.octal.contains(n) {
                var e = i + 2
                while e < i + 4 && Self.octal.contains(s.at(e)) && e < s.end { e += 1 }
                for k in stride(from: e, to: i + 1, by: -1) { candidates.append(k) }
            }
        }
        if i < s.end && !CharSet.space.contains(s.at(i)) { candidates.append(s.charEnd(i)) }
        return candidates.first { !(s.isWord(s.at($0)) && $0 < s.end) }
    }
}
