extension Lexer {
    public static let css = Lexer("css", title: "CSS") { CSSTokenizer() }
}

/// CSS: selectors at the top, `property: value` pairs inside braces, at-rules with their own
/// blocks.
final class CSSTokenizer: StackTokenizer {
    enum State: RootState {
        case root, value, atRule, atBody, atStanza, stanza, stanzaValue
    }

    let stack = StateStack<State>(.root)
    static let identifierChars = CharSet(bits: (0x03FF200000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_-"
    static let identifierStart = CharSet(bits: (0x0000200000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_-"
    static let selectorOperators = CharSet(bits: (0xFC00FF6200000000, 0x5000000068000001, 0, 0))   // "~^*!%&[]()<>|+=@:;,./?-"
    static let valuePunctuation = CharSet(bits: (0x0400D30000000000, 0x0000000028000000, 0, 0))   // "[]():/.,"

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root: return root(&s)
        case .value: return value(&s)
        case .atRule:
            let c = s.peek()
            if c == 123 {
                s.emit(.punctuation, count: 1)
                push(declarationFollows(s) ? .atStanza : .atBody)
                return true
            }
            if c == 59 { s.emit(.punctuation, count: 1); pop(); return true }
            return value(&s)
        case .atBody:
            if s.peek() == 125 { s.emit(.punctuation, count: 1); pop(2); return true }
            return root(&s)
        case .atStanza:
            if s.peek() == 125 { s.emit(.punctuation, count: 1); pop(2); return true }
            return stanza(&s)
        case .stanza: return stanza(&s)
        case .stanzaValue:
            let c = s.peek()
            if c == 59 { s.emit(.punctuation, count: 1); pop(); return true }
            if c == 125 { pop(); return true }
            if c == 33 {
                let ws = s.skip(CharSet.space, from: s.pos + 1)
                if s.has("important", at: ws) && !s.wordAt(ws + 9) { s.emit(.commentPreproc, to: ws + 9); return true }
            }
            if c == 64 && s.atLineStart { s.emit(.commentPreproc, to: s.lineEnd(from: s.pos)); return true }
            return value(&s)
        }
    }

    /// `[\p{L}_-][\p{Word}\p{Cf}-]*`
    static func identifier(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.identifierStart, unicode: UnicodeClass.isLetter, at: i) else { return nil }
        return s.skip(Self.identifierChars, unicode: { UnicodeClass.isWord($0) || $0.properties.generalCategory == .format }, from: h)
    }

    /// `{(?=\s*identifier\s*:)`
    private func declarationFollows(_ s: Scan) -> Bool {
        let a = s.skip(CharSet.space, from: s.pos)
        guard let id = Self.identifier(s, a) else { return false }
        let b = s.skip(CharSet.space, from: id)
        return s.at(b) == 58 && b < s.end
    }

    /// Whitespace and `/* comments */`.
    func basics(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 47 && s.peek(1) == 42, let close = s.find("*/", from: s.pos + 2) {
            s.emit(.comment, to: close + 2)
            return true
        }
        return false
    }

    /// `"(\\\\|\\"|[^"])*"` and its single-quoted twin (Rouge swaps their token types).
    func quoted(_ s: inout Scan) -> Bool {
        let c = s.peek()
        guard c == 34 || c == 39 else { return false }
        let e = s.repeatThenTail(from: s.pos + 1, alternatives: 3, { j, k in
            guard j < s.end else { return nil }
            let b = s.base[j]
            switch k {
            case 0: return b == 92 && s.at(j + 1) == 92 && j + 1 < s.end ? j + 2 : nil
            case 1: return b == 92 && s.at(j + 1) == c && j + 1 < s.end ? j + 2 : nil
            default: return b == c ? nil : s.charEnd(j)
            }
        }, tail: { j in s.at(j) == c && j < s.end ? j + 1 : nil })
        guard let e else { return false }
        s.emit(c == 34 ? .stringSingle : .stringDouble, to: e)
        return true
    }

    private func root(_ s: inout Scan) -> Bool {
        if basics(&s) { return true }
        let c = s.peek()
        if c == 123 { s.emit(.punctuation, count: 1); push(.stanza); return true }
        if c == 58 {
            let a = s.peek(1) == 58 ? s.pos + 2 : s.pos + 1
            if let e = Self.identifier(s, a) { s.emit(.nameDecorator, to: e); return true }
            if a == s.pos + 2, let e = Self.identifier(s, s.pos + 1) { s.emit(.nameDecorator, to: e); return true }
        }
        for (mark, token): (UInt8, Token) in [(46, .nameClass), (35, .nameFunction), (64, .keyword)] where c == mark {
            if let e = Self.identifier(s, s.pos + 1) {
                s.emit(token, to: e)
                if mark == 64 { push(.atRule) }
                return true
            }
        }
        if let e = Self.identifier(s, s.pos) { s.emit(.nameTag, to: e); return true }
        if Self.selectorOperators.contains(c) { s.emit(.operator, count: 1); return true }
        return quoted(&s)
    }

    func value(_ s: inout Scan) -> Bool {
        if basics(&s) { return true }
        let c = s.peek()
        if c == 117 && s.has("url("), let close = s.find(41, from: s.pos + 4),
           s.find(10, from: s.pos + 4).map({ $0 > close }) ?? true {
            s.emit(.stringOther, to: close + 1)
            return true
        }
        if c == 35 {
            let e = s.skip(.hex, from: s.pos + 1)
            if e > s.pos + 1 { s.emit(.number, to: min(e, s.pos + 7)); return true }
        }
        if let e = number(s) { s.emit(.number, to: e); return true }
        if Self.valuePunctuation.contains(c) { s.emit(.punctuation, count: 1); return true }
        if quoted(&s) { return true }
        guard let e = Self.identifier(s, s.pos) else { return false }
        let p = s.base + s.pos, n = e - s.pos
        s.emit(CSSWords.colors.contains(p, n) ? .nameConstant : CSSWords.builtins.contains(p, n) ? .nameBuiltin : .name, to: e)
        return true
    }

    /// `-?(?:[0-9]+(\.[0-9]+)?|\.[0-9]+)` plus an optional `%` or unit.
    private func number(_ s: Scan) -> Int? {
        var i = s.pos
        if s.at(i) == 45 { i += 1 }
        var e: Int
        let d = s.skip(.digit, from: i)
        if d > i {
            e = d
            if s.at(d) == 46 && CharSet.digit.contains(s.at(d + 1)) && d + 1 < s.end { e = s.skip(.digit, from: d + 1) }
        } else if s.at(i) == 46 && CharSet.digit.contains(s.at(i + 1)) && i + 1 < s.end {
            e = s.skip(.digit, from: i + 1)
        } else {
            return nil
        }
        if s.at(e) == 37 && e < s.end { return e + 1 }
        for unit in CSSWords.units where s.has(unit, at: e) {
            let u = e + unit.utf8CodeUnitCount
            if s.isBoundary(u) { return u }
        }
        return e
    }

    private func stanza(_ s: inout Scan) -> Bool {
        if basics(&s) { return true }
        if s.peek() == 125 { s.emit(.punctuation, count: 1); pop(); return true }
        guard let id = Self.identifier(s, s.pos) else { return false }
        let ws = s.skip(CharSet.space, from: id)
        guard s.at(ws) == 58 && ws < s.end else { return false }
        let p = s.base + s.pos, n = id - s.pos
        let known = CSSWords.properties.contains(p, n) || CSSWords.vendorPrefixes.contains { s.has($0) }
        s.emit((known ? .nameLabel : .nameProperty, id), (.text, ws), (.punctuation, ws + 1))
        push(.stanzaValue)
        return true
    }
}
