extension Lexer {
    public static let xml = Lexer("xml", title: "XML") { XMLTokenizer() }
}

/// XML: elements, attributes, entities, comments, CDATA and processing instructions.
final class XMLTokenizer: StackTokenizer {
    enum State: RootState {
        case root, comment, tag, attribute
    }

    let stack = StateStack<State>(.root)
    static let dash = CharSet(bits: (0x0000200000000000, 0, 0, 0))   // "-"
    static let nameChars = CharSet(bits: (0x07FF600000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_:.-"
    static let nameStart = CharSet(bits: (0x0400000000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z:_"
    static let unquotedStops = CharSet(bits: (0x4000000100003E00, 0, 0, 0))   // " \t\n\r\u{0B}\u{0C}>"

    /// `[\p{L}:_][\p{Word}\p{Cf}:.·-]*`
    static func name(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.nameStart, unicode: UnicodeClass.isLetter, at: i) else { return nil }
        return s.skip(Self.nameChars, unicode: HTMLTokenizer.nameChar, from: h)
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root: return root(&s)
        case .comment:
            if s.has("-->") { s.emit(.comment, count: 3); pop(); return true }
            let e = s.skip(Self.dash.inverted)
            s.emit(.comment, to: e > s.pos ? e : s.pos + 1)
            return true
        case .tag:
            let c = s.peek()
            if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
            if let n = Self.name(s, s.pos) {
                let ws = s.skip(CharSet.space, from: n)
                if s.at(ws) == 61 && ws < s.end { s.emit(.nameAttribute, to: ws + 1); push(.attribute); return true }
            }
            let ws = s.skip(CharSet.space, from: c == 47 ? s.pos + 1 : s.pos)
            if s.at(ws) == 62 && ws < s.end { s.emit(.nameTag, to: ws + 1); pop(); return true }
            return false
        case .attribute:
            let c = s.peek()
            if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
            if (c == 34 || c == 39), let close = s.find(c, from: s.pos + 1) {
                s.emit(.string, to: close + 1)
                pop()
                return true
            }
            let e = s.skip(Self.unquotedStops.inverted)
            guard e > s.pos else { return false }
            s.emit(.string, to: e)
            pop()
            return true
        }
    }

    private func root(_ s: inout Scan) -> Bool {
        if let emitted = HTMLTokenizer.textOrEntity(&s) { return emitted }
        let lineEnd = s.lineEnd(from: s.pos)
        if s.has("<![CDATA["), let close = s.find("]]>", from: s.pos + 9), close < lineEnd {
            s.emit(.commentPreproc, to: close + 3)
            return true
        }
        if s.has("<!--") { s.emit(.comment, count: 4); push(.comment); return true }
        if s.has("<?"), let close = s.find("?>", from: s.pos + 2), close < lineEnd {
            s.emit(.commentPreproc, to: close + 2)
            return true
        }
        if s.has("<!"), let close = s.find(62, from: s.pos + 2) {
            s.emit(.commentPreproc, to: close + 1)
            return true
        }
        let a = s.skip(CharSet.space, from: s.pos + 1)
        if let n = Self.name(s, a) { s.emit(.nameTag, to: n); push(.tag); return true }
        if s.at(a) == 47 && a < s.end {
            let b = s.skip(CharSet.space, from: a + 1)
            if let n = Self.name(s, b) {
                let c = s.skip(CharSet.space, from: n)
                if s.at(c) == 62 && c < s.end { s.emit(.nameTag, to: c + 1); return true }
            }
        }
        return false
    }
}
