extension Lexer {
    public static let erb = Lexer("erb", title: "ERB", aliases: ["eruby", "rhtml"]) { ERBTokenizer() }
}

/// ERB templates: HTML around `<% ruby %>` tags. One HTML lexer and one Ruby lexer are fed the
/// pieces in turn, keeping their state from piece to piece.
final class ERBTokenizer: StackTokenizer {
    enum State: RootState {
        case root, comment, ruby
    }

    let stack = StateStack<State>(.root)
    private let html = HTMLTokenizer()
    private let ruby = RubyTokenizer()

    /// `<%%|<%=|<%#|<%-|<%` at `i`: its end.
    private func open(_ s: Scan, _ i: Int) -> Int? {
        guard s.has("<%", at: i) else { return nil }
        return CharSet("%=#-").contains(s.at(i + 2)) && i + 2 < s.end ? i + 3 : i + 2
    }

    /// `%%>|-%>|%>` at `i`: its end.
    private func close(_ s: Scan, _ i: Int) -> Int? {
        if s.has("%%>", at: i) { return i + 3 }
        if s.has("-%>", at: i) { return i + 3 }
        return s.has("%>", at: i) ? i + 2 : nil
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root:
            if s.has("<%#") { s.emit(.comment, count: 3); push(.comment); return true }
            if let e = open(s, s.pos) { s.emit(.commentPreproc, to: e); push(.ruby); return true }
            delegate(html, &s, s.pos, next(s) { open(s, $0) != nil })
            return true
        case .comment, .ruby:
            if let e = close(s, s.pos) { s.emit(state == .comment ? .comment : .commentPreproc, to: e); pop(); return true }
            let e = next(s) { close(s, $0) != nil }
            if state == .comment { s.emit(.comment, to: e) } else { delegate(ruby, &s, s.pos, e) }
            return true
        }
    }

    /// `.+?(?=stop)|.+`: the first position after the current one where `stop` holds, or the end.
    private func next(_ s: Scan, _ stop: (Int) -> Bool) -> Int {
        var i = s.charEnd(s.pos)
        while i < s.end && !stop(i) { i += 1 }
        return i
    }
}
