extension Lexer {
    public static let apache = Lexer("apache", title: "Apache") { ApacheTokenizer() }
}

/// Apache configuration: `<Section args>` lines and `Directive args` lines. Known names (any case)
/// are highlighted; unknown ones are plain text.
final class ApacheTokenizer: StackTokenizer {
    enum State: RootState {
        case root, section, directive
    }

    let stack = StateStack<State>(.root)

    private func known(_ s: Scan, _ a: Int, _ b: Int, _ token: Token) -> Token {
        s.contains(ApacheWords.names, a, b) ? token : .text
    }

    private func whitespace(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 35 { s.emit(.comment, to: s.lineEnd(from: s.pos)); return true }
        guard CharSet.space.contains(c) else { return false }
        s.emit(.text, to: s.skip(CharSet.space))
        return true
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root:
            if whitespace(&s) { return true }
            if s.peek() == 60 {
                let open = s.peek(1) == 47 ? s.pos + 2 : s.pos + 1
                let e = s.skip(.word, from: open)
                guard e > open else { return false }
                s.emit((.punctuation, open), (known(s, open, e, .nameLabel), e))
                push(.section)
                return true
            }
            let e = s.skip(.word)
            guard e > s.pos else { return false }
            s.emit(known(s, s.pos, e, .nameClass), to: e)
            push(.directive)
            return true
        case .section:
            if let close = s.find(62, from: s.pos) {
                var e = close + 1
                if s.at(e) == 13 && e < s.end { e += 1; if s.at(e) == 10 && e < s.end { e += 1 } }
                else if s.at(e) == 10 && e < s.end { e += 1 }
                s.emit((.stringRegex, close), (.punctuation, e))
                pop()
                return true
            }
            return whitespace(&s)
        case .directive:
            let c = s.peek()
            if c == 13 { s.emit(.text, count: s.peek(1) == 10 ? 2 : 1); pop(); return true }
            if c == 10 { s.emit(.text, count: 1); pop(); return true }
            if whitespace(&s) { return true }
            let e = s.skip(CharSet.space.inverted)
            s.emit(known(s, s.pos, e, .stringSymbol), to: e)
            return true
        }
    }
}
