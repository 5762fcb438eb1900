extension Lexer {
    public static let nginx = Lexer("nginx", title: "nginx") { NginxTokenizer() }
}

/// nginx configuration: directives (keywords), their arguments, and `{ }` blocks.
final class NginxTokenizer: StackTokenizer {
    enum State: RootState {
        case root, block, statement
    }

    let stack = StateStack<State>(.root)
    static let hostChars = CharSet(bits: (0x03FF600000000000, 0x07FFFFFE07FFFFFE, 0, 0))   // "a-zA-Z0-9.-"
    static let includeStops = CharSet(bits: (0x0800000100003E00, 0, 0, 0))   // " \t\n\r\u{0B}\u{0C};"
    static let regexStops = CharSet(bits: (0x0000000100003E00, 0x0800000000000000, 0, 0))   // " \t\n\r\u{0B}\u{0C}{"
    static let sizeUnits = CharSet(bits: (0, 0x0000288000002880, 0, 0))   // "kmgKMG"
    static let stringStops = CharSet(bits: (0x0800001800000000, 0x2800000010000000, 0, 0))   // "#;{}$\\"
    static let typeChars = CharSet(bits: (0x0000200000000000, 0x07FFFFFE07FFFFFE, 0, 0))   // "a-zA-Z-"
    static let variableChars = CharSet(bits: (0x03FF200000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_-"
    static let idChars = CharSet(bits: (0xF7FFFCE6FFFFC1FF, 0xD7FFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF))   // not " \t\n\r\u{0B}\u{0C}$;{}()#"

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root:
            if s.has("include") {
                let a = s.pos + 7
                let b = s.skip(CharSet.space, from: a)
                let e = s.skip(Self.includeStops.inverted, from: b)
                if b > a && e > b { s.emit((.keyword, a), (.text, b), (.name, e)); return true }
            }
            let e = s.skip(Self.idChars)
            if e > s.pos { s.emit(.keyword, to: e); push(.statement); return true }
            return base(&s)
        case .block:
            if s.peek() == 125 { s.emit(.punctuation, count: 1); pop(); return true }
            let e = s.skip(Self.idChars)
            if e > s.pos { s.emit(.keywordNamespace, to: e); push(.statement); return true }
            return base(&s)
        case .statement:
            if s.peek() == 123 { s.emit(.punctuation, count: 1); pop(); push(.block); return true }
            if s.peek() == 59 { s.emit(.punctuation, count: 1); pop(); return true }
            return base(&s)
        }
    }

    private func base(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 35 { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); return true }
        if s.hasWord("on") { s.emit(.nameConstant, count: 2); return true }
        if s.hasWord("off") { s.emit(.nameConstant, count: 3); return true }
        if c == 36 {
            let e = s.skip(Self.variableChars, from: s.pos + 1)
            if e > s.pos + 1 { s.emit(.nameVariable, to: e); return true }
        }
        let host = s.skip(Self.hostChars)
        if host > s.pos && s.at(host) == 58 && host < s.end {
            let port = s.skip(.digit, from: host + 1)
            if port > host + 1 { s.emit((.nameFunction, host), (.punctuation, host + 1), (.numberInteger, port)); return true }
        }
        let type = s.skip(Self.typeChars)
        if type > s.pos && s.at(type) == 47 && type < s.end {
            let sub = s.skip(Self.typeChars, from: type + 1)
            if sub > type + 1 { s.emit(.nameClass, to: sub); return true }
        }
        let digits = s.skip(.digit)
        if digits > s.pos {
            let unit = Self.sizeUnits.contains(s.at(digits)) && digits < s.end ? digits + 1 : digits
            if s.isBoundary(unit) { s.emit(.numberInteger, to: unit); return true }
            if unit > digits && s.isBoundary(digits) { s.emit(.numberInteger, to: digits); return true }
        }
        if c == 126 {
            let ws = s.skip(CharSet.space, from: s.pos + 1)
            let e = s.skip(Self.regexStops.inverted, from: ws)
            if e > ws { s.emit((.punctuation, s.pos + 1), (.text, ws), (.stringRegex, e)); return true }
        }
        if c == 58 || c == 61 || c == 126 { s.emit(.punctuation, count: 1); return true }
        if c == 47 { s.emit(.name, to: s.skip(Self.idChars, from: s.pos + 1)); return true }
        let e = s.skip(Self.stringStops.union(.space).inverted)
        if e > s.pos { s.emit(.string, to: e); return true }
        if c == 36 || c == 59 { s.emit(.text, count: 1); return true }
        return false
    }
}
