extension Lexer {
    public static let php = Lexer("php", title: "PHP", aliases: ["php3", "php4", "php5"]) { PHPTokenizer() }
}

/// PHP, embedded in HTML: text outside `<?php … ?>` goes to a persistent HTML lexer. Without an
/// opening tag the text is taken as PHP from the start (Rouge's `start_inline` guess).
final class PHPTokenizer: StackTokenizer {
    enum State: RootState {
        case root, start, php, string, interpolationDouble, interpolationSingle
        case inAssign, inAssignFunction, inCatch, inConst, inFunctionBody, inFunctionName
        case inFunctionParams, inFunctionReturn, inFunctionUse, inNew, inNewClass, inUse, inVisibility
    }

    let stack = StateStack<State>(.root, .start)
    static let binaryDigits = CharSet(bits: (0x0003000000000000, 0x0000000080000000, 0, 0))   // "01_"
    static let decimalDigits = CharSet(bits: (0x03FF000000000000, 0x0000000080000000, 0, 0))   // "0-9_"
    static let dollars = CharSet(bits: (0x0000001000000000, 0, 0, 0))   // "$"
    static let escapeLetters = CharSet(bits: (0x0000001400000000, 0x0054406010000000, 0, 0))   // "efrntv\"$\\"
    static let hexDigits = CharSet(bits: (0x03FF000000000000, 0x0000007E8000007E, 0, 0))   // "0-9a-fA-F_"
    static let identifierChars = CharSet(bits: (0x03FF000000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_"
    static let identifierStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"
    static let octal = CharSet(bits: (0x00FF000000000000, 0, 0, 0))   // "0-7"
    static let octalDigits = CharSet(bits: (0x00FF000000000000, 0x0000000080000000, 0, 0))   // "0-7_"
    static let operatorChars = CharSet(bits: (0x5400EC6200000000, 0x5000000040000001, 0, 0))   // "~!%^&*+|:.<>/@-"
    static let punctuationChars = CharSet(bits: (0x0800130000000000, 0x2800000028000000, 0, 0))   // ";,(){}[]"
    static let stringSpecials = CharSet(bits: (0x0000001000000000, 0x0800000010000000, 0, 0))   // "${\\"
    static let stringStops = CharSet(bits: (0x0000001400000000, 0x0800000010000000, 0, 0))   // "\\{$\""
    let parent = HTMLTokenizer()

    static let keywords = WordSet("""
        old_function cfunction __class__ __dir__ __file__ __function__ __halt_compiler __line__
        __method__ __namespace__ __trait__ abstract and array as break case catch clone continue
        declare default die do echo else elseif empty enddeclare endfor endforeach endif endswitch
        endwhile eval exit extends final finally fn for foreach global goto if implements include
        include_once instanceof insteadof isset list match new or parent print private protected
        public readonly require require_once return self static switch throw try unset var while
        xor yield
        """, ignoringCase: true)

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root:
            if s.has("<?") {
                var e = s.pos + 2
                if s.hasIgnoringCase("php", at: e) { e += 3 } else if s.at(e) == 61 && e < s.end { e += 1 }
                s.emit(.commentPreproc, to: e)
                push(.php)
                return true
            }
            delegate(parent, &s, s.pos, s.find("<?", from: s.pos) ?? s.end)
            return true
        case .start:
            let ws = s.skip(CharSet.space)
            if s.at(ws) == 60 && ws < s.end { delegate(parent, &s, s.pos, ws); pop(); return true }
            let run = s.skip(Self.dollars.inverted)
            var k = run
            while k > s.pos {
                if s.has("<?", at: k) && (s.hasIgnoringCase("php", at: k + 2) || s.at(k + 2) == 61) && k + 2 < s.end {
                    delegate(parent, &s, s.pos, k)
                    pop()
                    return true
                }
                k -= 1
            }
            goto(.php)
            return true
        case .php: return php(&s)
        case .string: return string(&s)
        case .interpolationDouble:
            if s.has("}}") { s.emit(.stringInterpol, count: 2); pop(); return true }
            return php(&s)
        case .interpolationSingle:
            if s.peek() == 125 { s.emit(.stringInterpol, count: 1); pop(); return true }
            return php(&s)
        default: return inner(state, &s)
        }
    }

    /// `[\p{L}_][\p{L}\p{N}_]*`
    func identifier(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.identifierStart, unicode: UnicodeClass.isLetter, at: i) else { return nil }
        return s.skip(Self.identifierChars, unicode: Self.isIdentifierChar, from: h)
    }

    static func isIdentifierChar(_ u: Unicode.Scalar) -> Bool {
        if UnicodeClass.isLetter(u) { return true }
        switch u.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `(?:(?:id\\)+)?id`: returns the end of the name and where its last segment starts.
    func qualifiedName(_ s: Scan, _ i: Int) -> (end: Int, last: Int)? {
        guard var e = identifier(s, i) else { return nil }
        var last = i
        while s.at(e) == 92 && e < s.end, let next = identifier(s, e + 1) {
            last = e + 1
            e = next
        }
        return (e, last)
    }

    /// `?>` leaves PHP.
    func escape(_ s: inout Scan) -> Bool {
        guard s.has("?>") else { return false }
        s.emit(.commentPreproc, count: 2)
        stack.reset(to: .root)
        return true
    }

    func whitespace(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 35 || (c == 47 && s.peek(1) == 47) { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); return true }
        if c == 47 && s.peek(1) == 42 {
            if s.peek(2) == 42 && s.peek(3) != 47, let close = s.find("*/", from: s.pos + 3) {
                s.emit(.commentDoc, to: close + 2)
                return true
            }
            if let close = s.find("*/", from: s.pos + 2) { s.emit(.commentMultiline, to: close + 2); return true }
        }
        return false
    }

    func variables(_ s: inout Scan) -> Bool {
        guard s.peek() == 36 else { return false }
        if s.peek(1) == 123 {
            let dollars = s.skip(Self.dollars, from: s.pos + 2)
            if dollars > s.pos + 2, let e = identifier(s, dollars), s.at(e) == 125 && e < s.end {
                s.emit(.nameVariable, to: e + 1)
                return true
            }
        }
        let dollars = s.skip(Self.dollars)
        guard let e = identifier(s, dollars) else { return false }
        s.emit(.nameVariable, to: e)
        return true
    }

    private func php(_ s: inout Scan) -> Bool {
        if escape(&s) || whitespace(&s) || variables(&s) || values(&s) { return true }
        if s.hasIgnoringCase("namespace") {
            let a = s.pos + 9
            let b = s.skip(CharSet.space, from: a)
            if b > a, let (e, _) = qualifiedName(s, b) { s.emit((.keywordNamespace, a), (.text, b), (.nameNamespace, e)); return true }
        }
        for w: StaticString in ["class", "interface", "trait", "extends", "implements"] where s.hasIgnoringCase(w) {
            let a = s.pos + w.utf8CodeUnitCount
            let b = s.skip(CharSet.space, from: a)
            if b > a, let (e, _) = qualifiedName(s, b) { s.emit((.keywordDeclaration, a), (.text, b), (.nameClass, e)); return true }
        }
        if names(&s) { return true }
        if Self.punctuationChars.contains(s.peek()) { s.emit(.punctuation, count: 1); return true }
        if operators(&s) { return true }
        if s.peek() == 61 || s.peek() == 63 { s.emit(.operator, count: 1); return true }
        return false
    }

    func operators(_ s: inout Scan) -> Bool {
        let e = s.skip(Self.operatorChars)
        guard e > s.pos else { return false }
        s.emit(.operator, to: e)
        return true
    }
}
