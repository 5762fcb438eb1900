extension Lexer {
    public static let ini = Lexer("ini", title: "INI") { INITokenizer() }
}

/// INI files: `[sections]`, `key = value` lines and comments.
final class INITokenizer: StackTokenizer {
    enum State: RootState {
        case root, value, doubleQuoted
    }

    let stack = StateStack<State>(.root)
    static let nameChars = CharSet(bits: (0x03FF600000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_.-"
    static let stringStops = CharSet(bits: (0x0000000400000000, 0x0000000010000000, 0, 0))   // "\\\""
    static let valueStops = CharSet(bits: (0x0000000000000400, 0x0000000010000000, 0, 0))   // "\\\n"

    private func basic(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 59 || c == 35, let nl = s.find(10, from: s.pos) { s.emit(.comment, to: nl + 1); return true }
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 92 && s.peek(1) == 10 { s.emit(.stringEscape, count: 2); return true }
        return false
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root:
            if basic(&s) { return true }
            let name = s.skip(Self.nameChars)
            if name > s.pos {
                let ws = s.skip(CharSet.space, from: name)
                if s.at(ws) == 61 && ws < s.end { s.emit((.nameProperty, name), (.text, ws), (.punctuation, ws + 1)); push(.value); return true }
            }
            if c == 91, let close = s.find(93, from: s.pos + 1), s.find(10, from: s.pos + 1).map({ $0 > close }) ?? true {
                s.emit(.nameNamespace, to: close + 1)
                return true
            }
            return false
        case .value:
            if c == 10 { s.emit(.text, count: 1); pop(); return true }
            if basic(&s) { return true }
            if c == 34 { s.emit(.string, count: 1); push(.doubleQuoted); return true }
            if c == 39, let close = s.find(39, from: s.pos + 1), s.find(10, from: s.pos + 1).map({ $0 > close }) ?? true {
                s.emit(.string, to: close + 1)
                return true
            }
            if c == 92 && s.pos + 1 < s.end { s.emit(.stringEscape, to: s.charEnd(s.pos + 1)); return true }
            let e = s.skip(Self.valueStops.inverted)
            guard e > s.pos else { return false }
            s.emit(.string, to: e)
            return true
        case .doubleQuoted:
            if c == 34 { s.emit(.string, count: 1); pop(); return true }
            if c == 92 && s.pos + 1 < s.end { s.emit(.stringEscape, to: s.charEnd(s.pos + 1)); return true }
            s.emit(.string, to: s.skip(Self.stringStops.inverted))
            return true
        }
    }
}
