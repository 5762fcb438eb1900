/// JavaScript's word classes; TypeScript adds to each.
struct JavaScriptWords: Sendable {
    /// Keywords, declarations, reserved words, constants and builtins: groups 1 to 5, tried in
    /// Rouge's order (a word in two lists takes the first).
    let classes: WordSet

    static let javascript = JavaScriptWords(classes: WordSet(groups: jsKeywords, jsDeclarations, jsReserved, jsConstants, jsBuiltins))
    static let typescript = JavaScriptWords(classes: WordSet(groups:
        jsKeywords + " is namespace static private protected public implements readonly",
        jsDeclarations + " type abstract",
        jsReserved + " string any void number namespace module declare default interface keyof",
        jsConstants,
        jsBuiltins + " Pick Partial Readonly Record"))

    static let jsKeywords = """
        as async await break case catch continue debugger default delete do else export finally from for
        if import in instanceof new of return super switch this throw try typeof void while yield
        """
    static let jsDeclarations = "var let const with function class extends constructor get set static"
    static let jsReserved = "enum implements interface package private protected public"
    static let jsConstants = "true false null NaN Infinity undefined"
    static let jsBuiltins = """
        Array Boolean Date Error Function Math netscape Number Object Packages RegExp String sun
        decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN parseFloat
        parseInt document window navigator self global Promise Set Map WeakSet WeakMap Symbol Proxy
        Reflect Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Uint16ClampedArray
        Int32Array Uint32Array Uint32ClampedArray Float32Array Float64Array DataView ArrayBuffer
        """
}

extension JavaScriptTokenizer {
    func root(_ s: inout Scan) -> Bool {
        let c = s.peek(), n = s.peek(1)
        // An ASCII letter, `$` or `_` can only start a name: the rules tried before the names'
        // look for spaces, comments, operators and punctuation.
        if Self.identifierStart.contains(c), let e = identifier(s, s.pos) { return word(&s, end: e) }
        if typescript && c == 63 && (n == 46 || n == 63) {
            s.emit(n == 46 ? .punctuation : .operator, count: 2)
            return true
        }
        // `\A\s*#!.*?\n`: Rouge's `\A` holds wherever the scanner stands.
        if CharSet.space.contains(c) || c == 35 {
            let ws = s.skip(CharSet.space)
            if s.has("#!", at: ws), let nl = s.find(10, from: ws + 2) {
                s.emit(.commentPreproc, to: nl + 1)
                push(.statement)
                return true
            }
            // the whitespace rule next would skip the same spaces again
            if ws > s.pos { s.emit(.text, to: ws); return true }
        }
        // (spaces were taken above: only a comment can start at `<` or `/` here)
        if c == 60 || c == 47, commentOrWhitespace(&s) { return true }
        if Self.operatorStarts.contains(c), let e = operatorEnd(s) { s.emit(.operator, to: e); push(.exprStart); return true }
        switch c {
        case 40, 91, 44: s.emit(.punctuation, count: 1); push(.exprStart); return true
        case 59: s.emit(.punctuation, count: 1); push(.statement); return true
        case 41, 93, 46: s.emit(.punctuation, count: 1); return true
        case 96: s.emit(.stringDouble, count: 1); push(.template); return true
        case 63:
            if n == 46 { s.emit(.punctuation, count: 2); return true }
            s.emit(.punctuation, count: 1); push(.ternary); push(.exprStart); return true
        case 64:
            s.emit((.punctuation, s.pos + 1), (.nameDecorator, s.skipWord(from: s.pos + 1)))
            push(.exprStart)
            return true
        case 123, 125: s.emit(.punctuation, count: 1); push(.statement); return true
        default: break
        }
        if let e = identifier(s, s.pos) { return word(&s, end: e) }
        if CharSet.digit.contains(c) { number(&s); return true }
        if c == 34 { s.emit(.stringDelimiter, count: 1); push(.doubleQuoted); return true }
        if c == 39 { s.emit(.stringDelimiter, count: 1); push(.singleQuoted); return true }
        if c == 58 { s.emit(.punctuation, count: 1); return true }
        return false
    }

    /// The name `s.pos..<e`: a keyword, a builtin or another name.
    private func word(_ s: inout Scan, end e: Int) -> Bool {
        switch words.classes.group(s.base + s.pos, e - s.pos) {
        case 1: s.emit(.keyword, to: e); push(.exprStart)
        case 2: s.emit(.keywordDeclaration, to: e); push(.exprStart)
        case 3: s.emit(.keywordReserved, to: e)
        case 4: s.emit(.keywordConstant, to: e)
        case 5: s.emit(.nameBuiltin, to: e)
        default: s.emit(.nameOther, to: e)
        }
        return true
    }

    private func operatorEnd(_ s: Scan) -> Int? {
        let c = s.peek(), n = s.peek(1), i = s.pos
        switch c {
        case 43 where n == 43, 45 where n == 45: return i + 2
        case 126: return i + 1
        case 63 where n == 63: return s.peek(2) == 61 ? i + 3 : i + 2
        case 38 where n == 38, 124 where n == 124: return i + 2
        case 92 where n == 10 && i + 1 < s.end: return i + 1
        case 60 where n == 60: return i + 2
        case 62 where n == 62: return s.peek(2) == 62 ? i + 3 : i + 2
        case 61 where n == 61 && s.peek(2) == 61: return i + 3
        case 33 where n == 61 && s.peek(2) == 61: return i + 3
        default: break
        }
        guard Self.operatorChars.contains(c) else { return nil }
        return n == 61 ? i + 2 : i + 1
    }

    private func number(_ s: inout Scan) {
        let d = s.skip(.digit)
        if s.at(d) == 46 && CharSet.digit.contains(s.at(d + 1)) && d + 1 < s.end {
            var e = s.skip(.digit, from: d + 1)
            if s.at(e) | 0x20 == 101 && CharSet.digit.contains(s.at(e + 1)) && e + 1 < s.end { e = s.skip(.digit, from: e + 1) }
            if (s.at(e) == 102 || s.at(e) == 100) && e < s.end { e += 1 }
            s.emit(.numberFloat, to: e)
            return
        }
        if s.peek() == 48 {
            let k = s.peek(1) | 0x20
            let radix: (CharSet, CharSet, Token)? = k == 120 ? (.hex, .hex, .numberHex)
                : k == 111 ? (CharSet.octal, Self.octalDigits, .numberOct)
                : k == 98 ? (CharSet.binary, Self.binaryDigits, .numberBin) : nil
            if let (first, rest, token) = radix, first.contains(s.peek(2)) && s.pos + 2 < s.end {
                s.emit(token, to: s.skip(rest, from: s.pos + 3))
                return
            }
        }
        s.emit(.numberInteger, to: d)
    }
}
