extension Lexer {
    public static let docker = Lexer("docker", title: "Docker", aliases: ["dockerfile", "Dockerfile"]) { DockerTokenizer() }
}

/// Dockerfiles: an instruction keyword and the rest of its line as a string; `RUN` commands are
/// lexed as shell, continuing across backslash-continued lines.
final class DockerTokenizer: StackTokenizer {
    enum State: RootState {
        case root, run
    }

    let stack = StateStack<State>(.root)
    private var shell = ShellTokenizer()

    static let instructions: [StaticString] = [
        "from", "maintainer", "cmd", "label", "expose", "env", "add", "copy", "entrypoint", "volume", "user",
        "workdir", "arg", "stopsignal", "healthcheck", "shell",
    ]

    /// One of the instructions (any case) at `i`, followed by a word boundary when `bounded`.
    private func instruction(_ s: Scan, _ i: Int, bounded: Bool) -> Int? {
        for w in Self.instructions where s.hasIgnoringCase(w, at: i) {
            let e = i + w.utf8CodeUnitCount
            if !bounded || !s.wordAt(e) || e >= s.end { return e }
        }
        return nil
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .run:
            if c == 10 { s.emit(.text, count: 1); pop(); return true }
            if c == 92 && s.pos + 1 < s.end { s.emit(.stringEscape, to: s.charEnd(s.pos + 1)); return true }
            // (\\.|[^\n\\])+
            var e = s.pos
            while e < s.end {
                let b = s.base[e]
                if b == 10 { break }
                if b == 92 {
                    guard e + 1 < s.end, s.base[e + 1] != 10 else { break }
                    e = s.charEnd(e + 1)
                } else {
                    e += 1
                }
            }
            guard e > s.pos else { return false }
            delegate(shell, &s, s.pos, e)
            return true
        case .root:
            if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
            if s.atLineStart {
                if s.hasIgnoringCase("from"), fromAs(&s) { return true }
                if s.hasIgnoringCase("onbuild") {
                    let ws = s.skip(CharSet.space, from: s.pos + 7)
                    if ws > s.pos + 7, let e = instruction(s, ws, bounded: false) {
                        s.emit((.keyword, s.pos + 7), (.whitespace, ws), (.keyword, e), (.string, s.lineEnd(from: e)))
                        return true
                    }
                }
                if let e = instruction(s, s.pos, bounded: true) {
                    s.emit((.keyword, e), (.string, s.lineEnd(from: e)))
                    return true
                }
            }
            if c == 35 { s.emit(.comment, to: s.lineEnd(from: s.pos)); return true }
            if s.atLineStart {
                var i = s.pos
                if s.hasIgnoringCase("onbuild") {
                    let ws = s.skip(CharSet.space, from: s.pos + 7)
                    if ws > s.pos + 7 && s.hasIgnoringCase("run", at: ws) { i = ws }
                }
                if s.hasIgnoringCase("run", at: i) {
                    let ws = s.skip(CharSet.space, from: i + 3)
                    if ws > i + 3 {
                        s.emit(.keyword, to: ws)
                        push(.run)
                        shell = ShellTokenizer()
                        return true
                    }
                }
            }
            let w = s.skip(.word)
            if w > s.pos { s.emit(.text, to: w); return true }
            let other = s.skip(CharSet.word.inverted)
            s.emit(.text, to: other > s.pos ? other : s.charEnd(s.pos))
            return true
        }
    }

    /// `^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)`, case-insensitive: the last ` AS ` on the line.
    private func fromAs(_ s: inout Scan) -> Bool {
        let a = s.pos + 4
        let b = s.skip(CharSet.space, from: a)
        guard b > a else { return false }
        let lineEnd = s.lineEnd(from: b)
        for c in stride(from: lineEnd, through: a + 1, by: -1) {
            guard c < s.end && CharSet.space.contains(s.base[c]) else { continue }
            let w = s.skip(CharSet.space, from: c)
            guard s.hasIgnoringCase("as", at: w) else { continue }
            let ws = s.skip(CharSet.space, from: w + 2)
            guard ws > w + 2 else { continue }
            let x = min(b, c)
            s.emit((.keyword, a), (.whitespace, x), (.string, c), (.whitespace, w), (.keyword, w + 2), (.whitespace, ws),
                   (.string, s.lineEnd(from: ws)))
            return true
        }
        return false
    }
}
