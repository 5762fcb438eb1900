extension Lexer {
    public static let liquid = Lexer("liquid", title: "Liquid") { LiquidTokenizer() }
}

/// Liquid templates: text with `{{ output }}` and `{% tags %}`. Inside markup, whitespace other
/// than spaces and tabs is an error, as in Rouge.
final class LiquidTokenizer: StackTokenizer {
    enum State: RootState {
        case root, tagOrBlock, output, filters, condition, when, tagMarkup, variableTagMarkup
        case comment, raw, assign, include, outputEmbed
    }

    let stack = StateStack<State>(.root)
    static let assignFilterStops = CharSet(bits: (0x0400002100003E00, 0x1000000000000000, 0, 0))   // " \t\n\r\u{0B}\u{0C}%|:"
    static let cycleNameStops = CharSet(bits: (0x0400000100003E00, 0, 0, 0))   // " \t\n\r\u{0B}\u{0C}:"
    static let filterStops = CharSet(bits: (0x0400002100003E00, 0x3000000000000000, 0, 0))   // " \t\n\r\u{0B}\u{0C}%}|:"
    static let loopStops = CharSet(bits: (0x000010A500003E00, 0x1000000000000000, 0, 0))   // " \t\n\r\u{0B}\u{0C}%,|'\""
    static let nameChars = CharSet(bits: (0x03FF200000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_-"
    static let openBrace = CharSet(bits: (0, 0x0800000000000000, 0, 0))   // "{"
    static let outputFilterStops = CharSet(bits: (0x0400000100003E00, 0x3000000000000000, 0, 0))   // " \t\n\r\u{0B}\u{0C}}|:"
    static let parameterStops = CharSet(bits: (0x2400000100003E00, 0, 0, 0))   // " \t\n\r\u{0B}\u{0C}=:"
    static let pathChars = CharSet(bits: (0x03FFA00000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "/a-zA-Z0-9_-"
    static let spaceTab = CharSet(bits: (0x0000000100000200, 0, 0, 0))   // " \t"
    static let variableStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"

    func reset() { stack.reset(to: .root) }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root, .comment, .raw:
            let body: Token = state == .comment ? .comment : .text
            let e = s.skip(Self.openBrace.inverted)
            if e > s.pos { s.emit(body, to: e); return true }
            if state == .root {
                if s.peek(1) == 37 || s.peek(1) == 123 {
                    let open = s.pos + 2 + (s.peek(2) == 45 ? 1 : 0)
                    let tag = s.peek(1) == 37
                    s.emit((.punctuation, open), (.whitespace, s.skip(CharSet.space, from: open)))
                    push(tag ? .tagOrBlock : .output)
                    return true
                }
            } else if closingTag(&s, state == .comment ? "endcomment" : "endraw") {
                return true
            }
            s.emit(body, count: 1)
            return true
        case .tagOrBlock: return tagOrBlock(&s)
        case .output:
            if filter(&s, stops: Self.outputFilterStops) { push(.filters); return true }
            return endOfOutput(&s) || generic(&s)
        case .filters:
            if filter(&s, stops: Self.filterStops) { return true }
            return endOfOutput(&s) || endOfTag(&s) || variableParams(&s)
        case .condition:
            let c = s.peek()
            if (c == 61 || c == 33) && s.peek(1) == 61 { s.emit(.operator, count: 2); return true }
            if c == 60 || c == 62 { s.emit(.operator, count: s.peek(1) == 61 ? 2 : 1); return true }
            if let e = oneOf(s, ["and", "or", "contains"]) { s.emit(.operatorWord, to: e); return true }
            return endOfTag(&s) || generic(&s)
        case .when:
            return endOfTag(&s) || generic(&s)
        case .tagMarkup:
            if let e = oneOf(s, ["reversed"]) { s.emit(.nameAttribute, to: e); return true }
            return endOfTag(&s) || params(&s) || rest(&s)
        case .variableTagMarkup:
            return endOfTag(&s) || variableParams(&s)
        case .assign:
            if s.peek() == 61 { s.emit(.operator, count: 1); return true }
            if filter(&s, stops: Self.assignFilterStops) { push(.filters); return true }
            return endOfTag(&s) || generic(&s)
        case .include:
            if s.has("{{") {
                let open = s.pos + (s.peek(2) == 45 ? 3 : 2)
                s.emit((.punctuation, open), (.whitespace, s.skip(CharSet.space, from: open)))
                push(.outputEmbed)
                return true
            }
            if let e = oneOf(s, ["with", "for"]) { s.emit(.nameTag, to: e); return true }
            if let e = templatePath(s) { s.emit(.text, to: e); return true }
            return endOfTag(&s) || variableParams(&s)
        case .outputEmbed:
            if filter(&s, stops: Self.outputFilterStops) { return true }
            if let e = closeAt(s, "}}") { s.emit(.punctuation, to: e); pop(); return true }
            return variableParams(&s)
        }
    }

    /// One of `words` at the position, ending at a word boundary; returns its end.
    func oneOf(_ s: Scan, _ words: [StaticString]) -> Int? {
        for w in words where s.hasWord(w) { return s.pos + w.utf8CodeUnitCount }
        return nil
    }

    /// `-?` followed by `close` at the position; returns the end.
    func closeAt(_ s: Scan, _ close: StaticString, from i: Int? = nil) -> Int? {
        var i = i ?? s.pos
        if s.at(i) == 45 && i < s.end { i += 1 }
        return s.has(close, at: i) ? i + close.utf8CodeUnitCount : nil
    }

    /// `-?}}` ends output and starts over at the root.
    func endOfOutput(_ s: inout Scan) -> Bool {
        guard let e = closeAt(s, "}}") else { return false }
        s.emit(.punctuation, to: e)
        reset()
        return true
    }

    /// `-?%}` ends a tag and starts over at the root.
    func endOfTag(_ s: inout Scan) -> Bool {
        guard let e = closeAt(s, "%}") else { return false }
        s.emit(.punctuation, to: e)
        reset()
        return true
    }

    /// `(\|)(\s*)([a-zA-Z_][^stops]*)`: a filter name after a pipe.
    func filter(_ s: inout Scan, stops: CharSet) -> Bool {
        guard s.peek() == 124 else { return false }
        let ws = s.skip(CharSet.space, from: s.pos + 1)
        guard Self.variableStart.contains(s.at(ws)) && ws < s.end else { return false }
        let e = s.skip(stops.inverted, from: ws + 1)
        s.emit((.punctuation, s.pos + 1), (.whitespace, ws), (.nameFunction, e))
        return true
    }

    /// `{%-? endNAME -?%}` in a comment or raw block.
    private func closingTag(_ s: inout Scan, _ name: StaticString) -> Bool {
        guard s.has("{%") else { return false }
        let open = s.pos + (s.peek(2) == 45 ? 3 : 2)
        let a = s.skip(CharSet.space, from: open)
        guard s.has(name, at: a) else { return false }
        let b = a + name.utf8CodeUnitCount
        let c = s.skip(CharSet.space, from: b)
        guard let e = closeAt(s, "%}", from: c) else { return false }
        s.emit((.punctuation, open), (.whitespace, a), (.nameTag, b), (.whitespace, c), (.punctuation, e))
        reset()
        return true
    }

    /// `[\/\w-]+(\.[\w-]+)+\b`: an include path such as `footer.html`.
    private func templatePath(_ s: Scan) -> Int? {
        let head = s.skip(Self.pathChars)
        guard head > s.pos, s.at(head) == 46 else { return nil }
        var best: Int?
        var i = head
        while s.at(i) == 46 && i < s.end {
            let e = s.skip(Self.nameChars, from: i + 1)
            guard e > i + 1 else { break }
            for k in stride(from: e, to: i + 1, by: -1) where s.isBoundary(k) {
                best = k
                break
            }
            i = e
        }
        return best
    }
}
