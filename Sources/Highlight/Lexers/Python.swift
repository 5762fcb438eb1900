extension Lexer {
    public static let python = Lexer("python", title: "Python", aliases: ["py"]) { PythonTokenizer() }
}

final class PythonTokenizer: StackTokenizer {
    enum State: RootState {
        case root, functionName, className, string, escape, interpolation
    }

    let stack = StateStack<State>(.root)
    static let identifierStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"
    static let interpolationStops = CharSet(bits: (0x0400000200000000, 0x2800000000000000, 0, 0))   // "{}!:"
    static let stringStops = CharSet(bits: (0x0000008400000000, 0x0800000010000000, 0, 0))   // "'\"\\{"
    /// Open strings, innermost last: their prefix letters (lowercased), quote byte and how many
    /// quotes close them (1 or 3). Kept as values: arrays per string cost two allocations.
    private var strings: [(prefix: (UInt8, UInt8), quote: UInt8, count: Int)] = []
    /// `Self.words`, read once: a static's accessor costs a `swift_once` call at every identifier.
    private let words = PythonTokenizer.words

    static let keywords = """
        assert break continue del elif else except exec finally for global if lambda pass print
        raise return try while yield as with from import async await nonlocal
        """
    static let builtins = """
        __import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable chr
        classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit
        file filter float format frozenset getattr globals hasattr hash hex id input int intern
        isinstance issubclass iter len list locals long map max memoryview min next object oct open
        ord pow property range raw_input reduce reload repr reversed round set setattr slice sorted
        staticmethod str sum super tuple type unichr unicode vars xrange zip
        """
    static let pseudo = "self None Ellipsis NotImplemented False True"
    static let exceptions = """
        ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError
        BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError
        ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EnvironmentError
        Exception FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit
        IOError ImportError ImportWarning IndentationError IndexError InterruptedError
        IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError
        NameError NotADirectoryError NotImplemented NotImplementedError OSError OverflowError
        OverflowWarning PendingDeprecationWarning ProcessLookupError RecursionError ReferenceError
        ResourceWarning RuntimeError RuntimeWarning StandardError StopAsyncIteration StopIteration
        SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError
        UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError
        UnicodeWarning UserWarning ValueError VMSError Warning WindowsError ZeroDivisionError
        """

    /// Keywords, exceptions, builtins and pseudo-builtins: groups 1 to 4, in Rouge's order.
    static let words = WordSet(groups: keywords, exceptions, builtins, pseudo)

    static let punctuation = CharSet(bits: (0x0C00530000000000, 0x2800000028000000, 0, 0))   // "[]{}:(),;."
    static let operators = CharSet(bits: (0x7000AC6000000000, 0x5000000040000001, 0, 0))   // "-~+/*%=<>&^|@"
    static let dottedHead = CharSet(bits: (0x0000400000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_."
    static let dottedTail = CharSet(bits: (0x03FF400000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_."
    static let stringPrefix = CharSet(bits: (0, 0x0024004400240044, 0, 0))   // "rfbuRFBU"

    /// Inlined into `lex`: the call and its saved registers cost more than many steps' rules.
    @inline(__always)
    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root: return root(&s)
        case .functionName, .className:
            guard let e = identifier(s, s.pos) else { return false }
            s.emit(state == .functionName ? .nameFunction : .nameClass, to: e)
            pop()
            return true
        case .string: return string(&s)
        case .escape: return escape(&s)
        case .interpolation: return interpolation(&s)
        }
    }

    /// `[[:alpha:]_][[:alnum:]_]*`
    func identifier(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.identifierStart, unicode: { UnicodeClass.isAlpha($0) }, at: i) else { return nil }
        return s.skipWord(unicode: { UnicodeClass.isAlnum($0) }, from: h)
    }

    /// `[[:alpha:]_.][[:alnum:]_.]*`
    func dotted(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.dottedHead, unicode: { UnicodeClass.isAlpha($0) }, at: i) else { return nil }
        return s.skip(Self.dottedTail, unicode: { UnicodeClass.isAlnum($0) }, from: h)
    }

    /// `(?:\s|\\\s)+`
    func spaces(_ s: Scan, _ i: Int) -> Int {
        var j = i
        while true {
            if CharSet.space.contains(s.at(j)) && j < s.end { j += 1 }
            else if s.at(j) == 92 && j + 1 < s.end && CharSet.space.contains(s.at(j + 1)) { j += 2 }
            else { return j }
        }
    }

    /// Inlined into `step`, called once there.
    @inline(__always)
    private func root(_ s: inout Scan) -> Bool {
        let c = s.peek()
        // Newlines and then blanks are text by two rules; the indentation is taken with its newlines.
        if c == 10 { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 58 /* : */ && s.atLineStart, docstring(&s) { return true }
        if CharSet.blank.contains(c) { s.emit(.text, to: s.skip(CharSet.blank)); return true }
        if c == 35 /* # */ { s.emit(.commentSingle, to: s.nextLine(from: s.pos)); return true }
        if Self.punctuation.contains(c) { s.emit(.punctuation, count: 1); return true }
        if c == 92 { s.emit(.text, count: s.peek(1) == 10 ? 2 : 1); return true }
        // `in is and or not`, looked at only after their first letter
        switch c {
        case 105 /* i */ where s.hasWord("in") || s.hasWord("is"): s.emit(.operatorWord, count: 2); return true
        case 97 /* a */ where s.hasWord("and"): s.emit(.operatorWord, count: 3); return true
        case 111 /* o */ where s.hasWord("or"): s.emit(.operatorWord, count: 2); return true
        case 110 /* n */ where s.hasWord("not"): s.emit(.operatorWord, count: 3); return true
        default: break
        }
        if (c == 60 || c == 62 || c == 47 || c == 42) && s.peek(1) == c {   // << >> // **
            s.emit(.operator, count: s.peek(2) == 61 ? 3 : 2)
            return true
        }
        if Self.operators.contains(c) { s.emit(.operator, count: s.peek(1) == 61 ? 2 : 1); return true }
        if c == 33 && s.peek(1) == 61 { s.emit(.operator, count: 2); return true }
        if c == 102 && s.has("from"), fromImport(&s) { return true }
        if c == 105 && s.has("import") {
            let a = s.pos + 6
            let b = s.skip(CharSet.space, from: a)
            if b > a, let e = dotted(s, b) {
                s.emit((.keywordNamespace, a), (.text, b), (.nameNamespace, e))
                return true
            }
        }
        if c == 100 || c == 99 {   // def, class
            let (w, next): (StaticString, State) = c == 100 ? ("def", .functionName) : ("class", .className)
            let a = s.pos + w.utf8CodeUnitCount
            if s.has(w), case let b = spaces(s, a), b > a {
                s.emit((.keyword, a), (.text, b))
                push(next)
                return true
            }
        }
        if c == 96, let close = s.find(96, from: s.pos + 1), s.find(10, from: s.pos + 1).map({ $0 > close }) ?? true {
            s.emit(.stringBacktick, to: close + 1)
            return true
        }
        if startString(&s) { return true }
        if let e = identifier(s, s.pos) {
            let t: Token
            switch words.group(s.base + s.pos, e - s.pos) {
            case 1: t = .keyword
            case 2, 3: t = .nameBuiltin
            case 4: t = .nameBuiltinPseudo
            default: t = .name
            }
            s.emit(t, to: e)
            return true
        }
        if let (t, e) = PythonNumbers.match(s) { s.emit(t, to: e); return true }
        return false
    }

    /// `^(:)(\s*)([ru]{,2}""".*?""")`, case-insensitive.
    private func docstring(_ s: inout Scan) -> Bool {
        let a = s.pos + 1
        let b = s.skip(CharSet.space, from: a)
        var q = b
        while q < b + 2 && CharSet("ruRU").contains(s.at(q)) { q += 1 }
        // The prefix may give back letters; only a `"""` right after it can start the string.
        while q >= b {
            if s.has("\"\"\"", at: q), let close = s.find("\"\"\"", from: q + 3) {
                s.emit((.punctuation, a), (.text, b), (.stringDoc, close + 3))
                return true
            }
            q -= 1
        }
        return false
    }

    /// `(from)((?:\\\s|\s)+)(dotted)((?:\\\s|\s)+)(import)`
    private func fromImport(_ s: inout Scan) -> Bool {
        let a = s.pos + 4
        let b = spaces(s, a)
        guard b > a, let c = dotted(s, b) else { return false }
        let d = spaces(s, c)
        guard d > c, s.has("import", at: d) else { return false }
        s.emit((.keywordNamespace, a), (.text, b), (.nameNamespace, c), (.text, d), (.keywordNamespace, d + 6))
        return true
    }

    /// `([rfbu]{0,2})('''|"""|['"])`, case-insensitive.
    /// Only a quote within the first three bytes can start a string: most identifiers are
    /// rejected here, before the prefix rule's work.
    @inline(__always)
    private func startString(_ s: inout Scan) -> Bool {
        @inline(__always) func isQuote(_ c: UInt8) -> Bool { c == 39 || c == 34 }
        let c = s.peek()
        guard isQuote(c) || Self.stringPrefix.contains(c) && (isQuote(s.peek(1)) || Self.stringPrefix.contains(s.peek(1)) && isQuote(s.peek(2)))
        else { return false }
        return openString(&s)
    }

    private func openString(_ s: inout Scan) -> Bool {
        var q = s.pos
        while q < s.pos + 2 && Self.stringPrefix.contains(s.at(q)) { q += 1 }
        while q >= s.pos {
            let c = s.at(q)
            if c == 39 || c == 34 {
                let triple = s.at(q + 1) == c && s.at(q + 2) == c
                let e = q + (triple ? 3 : 1)
                let prefix = (q > s.pos ? s.base[s.pos] | 0x20 : 0, q > s.pos + 1 ? s.base[s.pos + 1] | 0x20 : 0)
                strings.append((prefix, c, e - q))
                s.emit((.stringAffix, q), (.string, e))
                push(.string)
                return true
            }
            q -= 1
        }
        return false
    }

    private func stringHas(_ letter: UInt8) -> Bool {
        guard let prefix = strings.last?.prefix else { return false }
        return prefix.0 == letter || prefix.1 == letter
    }

    private func string(_ s: inout Scan) -> Bool {
        let c = s.peek()
        switch c {
        case 39, 34:
            let triple = s.peek(1) == c && s.peek(2) == c
            let n = triple ? 3 : 1
            s.emit(.string, count: n)
            if let open = strings.last, open.quote == c, open.count == n {
                strings.removeLast()
                pop()
            }
        case 92:
            push(.escape)   // zero-width: the escape state takes the backslash
        case 123:
            if s.peek(1) == 123 { s.emit(.string, count: 2) }
            else if stringHas(102 /* f */) { s.emit(.stringInterpol, count: 1); push(.interpolation) }
            else { s.emit(.string, count: 1) }
        default:
            s.emit(.string, to: s.skip(Self.stringStops.inverted))
        }
        return true
    }

    private func escape(_ s: inout Scan) -> Bool {
        guard s.peek() == 92, s.pos + 1 < s.end else { return false }
        if let e = PythonNumbers.escapeEnd(s) {
            s.emit(stringHas(114 /* r */) ? .string : .stringEscape, to: e)
        } else {
            s.emit(.string, to: s.charEnd(s.pos + 1))   // any other escaped character
        }
        pop()
        return true
    }

    private func interpolation(_ s: inout Scan) -> Bool {
        let c = s.peek()
        switch c {
        case 33:
            guard CharSet("asr").contains(s.peek(1)) else { return false }
            s.emit(.stringInterpol, count: 2)
        case 58: s.emit(.stringInterpol, count: 1)
        case 123: s.emit(.stringInterpol, count: 1); push(.interpolation)
        case 125: s.emit(.stringInterpol, count: 1); pop()
        default:
            let e = s.skip(Self.interpolationStops.inverted)
            delegate(PythonTokenizer(), &s, s.pos, e)
        }
        return true
    }
}
