extension Lexer {
    public static let make = Lexer("make", title: "Make", aliases: ["makefile", "mf", "gnumake", "bsdmake"]) { MakeTokenizer() }
}

/// Makefiles: variables, targets and their prerequisites, conditionals, and recipes (lexed as
/// shell, with `$(…)` references and functions picked out).
final class MakeTokenizer: StackTokenizer {
    enum State: RootState {
        case root, export, blockHeader, blockBody, shellExpression, shellLine
    }

    let stack = StateStack<State>(.root)
    static let assignPrefixes = CharSet(bits: (0x8400080200000000, 0, 0, 0))   // "!?:+"
    static let colons = CharSet(bits: (0x0400000000000000, 0, 0, 0))   // ":"
    static let conditionStops = CharSet(bits: (0x0000000800000400, 0, 0, 0))   // "#\n"
    static let exportChars = CharSet(bits: (0x03FF231000000000, 0x2FFFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_${}()-"
    static let exportLineChars = CharSet(bits: (0x03FF231100000200, 0x2FFFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_${}()\t -"
    static let headerStops = CharSet(bits: (0x0000100800000400, 0x0000000010000000, 0, 0))   // ",\\\n#"
    static let includeStops = CharSet(bits: (0x0000000900000600, 0, 0, 0))   // "\t\n #"
    static let referenceChars = CharSet(bits: (0x27FF402000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_:=%."
    static let spaceTab = CharSet(bits: (0x0000000100000200, 0, 0, 0))   // " \t"
    static let tabSpace = CharSet(bits: (0x0000000100000200, 0, 0, 0))   // "\t "
    static let targetStops = CharSet(bits: (0x0400000000000400, 0, 0, 0))   // "\n:"
    static let variableChars = CharSet(bits: (0x03FF631000000000, 0x2FFFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_${}().-"
    private var shell = ShellTokenizer()

    static let functions: [StaticString] = [
        "abspath", "addprefix", "addsuffix", "and", "basename", "call", "dir", "error", "eval", "file", "filter",
        "filter-out", "findstring", "firstword", "flavor", "foreach", "if", "join", "lastword", "notdir", "or",
        "origin", "patsubst", "realpath", "shell", "sort", "strip", "subst", "suffix", "value", "warning",
        "wildcard", "word", "wordlist", "words",
    ]

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root: return root(&s)
        case .export:
            if Self.exportChars.contains(c) { s.emit(.nameVariable, count: 1); return true }
            if c == 10 { s.emit(.text, count: 1); pop(); return true }
            if c == 9 || c == 32 { s.emit(.text, to: s.skip(Self.tabSpace)); return true }
            return false
        case .blockHeader:
            let e = s.skip(Self.headerStops.inverted)
            if e > s.pos { s.emit(.nameFunction, to: e); return true }
            if c == 44 { s.emit(.punctuation, count: 1); return true }
            if c == 35 { s.emit(.comment, count: 1); return true }
            if c == 92 && s.pos + 1 < s.end { s.emit(.text, to: s.charEnd(s.pos + 1)); return true }
            if c == 10 { s.emit(.text, count: 1); goto(.blockBody); return true }
            return false
        case .blockBody:
            if let (k, ws, v) = conditional(s) {
                let hash = s.at(v) == 35 ? s.lineEnd(from: v) : v
                if s.at(hash) == 10 && hash < s.end {
                    s.emit((.keyword, k), (.text, ws), (.nameVariable, v), (.comment, hash), (.text, hash + 1))
                    return true
                }
            }
            for w: StaticString in ["else", "endif"] where s.has(w) {
                let k = s.pos + w.utf8CodeUnitCount
                let ws = s.skip(Self.tabSpace, from: k)
                let hash = s.at(ws) == 35 ? s.lineEnd(from: ws) : ws
                if s.at(hash) == 10 && hash < s.end { s.emit((.keyword, k), (.text, ws), (.comment, hash), (.text, hash + 1)); return true }
            }
            if c == 9 {
                let ws = s.skip(Self.tabSpace, from: s.pos + 1)
                let mark = (s.at(ws) == 64 || s.at(ws) == 45) && ws < s.end ? ws + 1 : ws
                s.emit((.text, ws), (.punctuation, mark))
                push(.shellLine)
                return true
            }
            shell = ShellTokenizer()
            pop()
            return true
        case .shellExpression:
            if c == 40 || c == 123 { delegate(shell, &s, s.pos, s.pos + 1); push(.shellExpression); return true }
            if c == 41 || c == 125 { s.emit(.nameFunction, count: 1); pop(); return true }
            return shellRules(&s)
        case .shellLine:
            if c == 10 { s.emit(.text, count: 1); pop(); return true }
            return shellRules(&s)
        }
    }

    /// `(ifn?def|ifn?eq)([\t ]+)([^#\n]+)`: returns the ends of the keyword, spaces and condition.
    private func conditional(_ s: Scan) -> (Int, Int, Int)? {
        var k = s.pos
        guard s.has("if") else { return nil }
        k += 2
        if s.at(k) == 110 { k += 1 }
        if s.has("def", at: k) { k += 3 } else if s.has("eq", at: k) { k += 2 } else { return nil }
        let ws = s.skip(Self.tabSpace, from: k)
        let v = s.skip(Self.conditionStops.inverted, from: ws)
        guard ws > k, v > ws else { return nil }
        return (k, ws, v)
    }

    private func root(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 35, let nl = s.find(10, from: s.pos) { s.emit(.comment, to: nl + 1); return true }
        // ([-s]?include)((?:[\t ]+[^\t\n #]+)+)
        let inc = (c == 45 || c == 115) && s.has("include", at: s.pos + 1) ? s.pos + 1 : s.pos
        if s.has("include", at: inc) {
            var e = inc + 7
            while true {
                let ws = s.skip(Self.tabSpace, from: e)
                let word = s.skip(Self.includeStops.inverted, from: ws)
                guard ws > e, word > ws else { break }
                e = word
            }
            if e > inc + 7 { s.emit((.keyword, inc + 7), (.stringOther, e)); return true }
        }
        if let (k, ws, v) = conditional(s) { s.emit((.keyword, k), (.text, ws), (.nameVariable, v)); return true }
        for w: StaticString in ["else", "endif"] where s.has(w) {
            let ws = s.skip(Self.tabSpace, from: s.pos + w.utf8CodeUnitCount)
            if (s.at(ws) == 35 || s.at(ws) == 10) && ws < s.end { s.emit(.keyword, to: ws); return true }
        }
        if s.has("export") {
            let ws = s.skip(Self.tabSpace, from: s.pos + 6)
            if ws > s.pos + 6 {
                let rest = s.skip(Self.exportLineChars, from: ws)
                if rest > ws && s.at(rest) == 10 && rest < s.end { s.emit((.keyword, s.pos + 6), (.text, ws)); push(.export); return true }
                s.emit(.keyword, to: ws)
                return true
            }
        }
        let name = s.skip(Self.variableChars)
        if name > s.pos {
            let ws = s.skip(Self.tabSpace, from: name)
            let op = Self.assignPrefixes.contains(s.at(ws)) && ws < s.end ? ws + 1 : ws
            if s.at(op) == 61 && op < s.end {
                s.emit((.nameVariable, name), (.text, ws), (.operator, op + 1))
                push(.shellLine)
                return true
            }
            if op > ws && s.at(ws) == 61 && ws < s.end {
                s.emit((.nameVariable, name), (.text, ws), (.operator, ws + 1))
                push(.shellLine)
                return true
            }
        }
        if c == 34 || c == 39, let e = quoted(s, c) { s.emit(c == 34 ? .stringDouble : .stringSingle, to: e); return true }
        let target = s.skip(Self.targetStops.inverted)
        if target > s.pos && s.at(target) == 58 && target < s.end {
            let colons = s.skip(Self.colons, from: target)
            s.emit((.nameLabel, target), (.operator, colons), (.text, s.skip(Self.spaceTab, from: colons)))
            push(.blockHeader)
            return true
        }
        return false
    }

    /// `"(\\\\|\\.|[^"\\])*"` (or single-quoted).
    private func quoted(_ s: Scan, _ q: UInt8) -> Int? {
        var i = s.pos + 1
        while i < s.end {
            let b = s.base[i]
            if b == q { return i + 1 }
            if b == 92 {
                guard i + 1 < s.end, s.base[i + 1] != 10 else { return nil }
                i = s.charEnd(i + 1)
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Variable references, function calls, and shell text up to the next `$(`, `${`, bracket,
    /// backslash or line end.
    private func shellRules(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 36 && (s.peek(1) == 40 || s.peek(1) == 123) {
            let a = s.skip(Self.tabSpace, from: s.pos + 2)
            if s.isWord(s.at(a)) && a < s.end {
                let n = s.skip(Self.referenceChars, from: a + 1)
                let b = s.skip(Self.tabSpace, from: n)
                if (s.at(b) == 41 || s.at(b) == 125) && b < s.end { s.emit(.nameVariable, to: b + 1); return true }
            }
            for f in Self.functions where s.has(f, at: a) {
                let e = a + f.utf8CodeUnitCount
                let ws = s.skip(Self.tabSpace, from: e)
                if ws > e {
                    s.emit((.nameFunction, s.pos + 2), (.text, a), (.nameBuiltin, e), (.text, ws))
                    push(.shellExpression)
                    return true
                }
            }
        }
        if c == 92 && s.pos + 1 < s.end { delegate(shell, &s, s.pos, s.charEnd(s.pos + 1)); return true }
        // .+?(?=stop) where stop is `$(`, `${`, a bracket, a backslash or a line end
        var i = s.charEnd(s.pos)
        while i < s.end {
            let b = s.base[i]
            if b == 10 || b == 40 || b == 41 || b == 125 || b == 92 { break }
            if b == 36 && (s.at(i + 1) == 40 || s.at(i + 1) == 123) && i + 1 < s.end { break }
            i = s.charEnd(i)
        }
        delegate(shell, &s, s.pos, i)
        return true
    }
}
