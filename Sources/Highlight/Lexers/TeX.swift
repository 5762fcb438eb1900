extension Lexer {
    public static let tex = Lexer("tex", title: "TeX", aliases: ["TeX", "LaTeX", "latex"]) { TeXTokenizer() }
}

/// TeX and LaTeX: commands, environments, comments, and inline or display math.
final class TeXTokenizer: StackTokenizer {
    enum State: RootState {
        case root, inlineMath, displayMath, command
    }

    let stack = StateStack<State>(.root)
    static let mathOperators = CharSet(bits: (0x2000AF0200000000, 0x0000000028000000, 0, 0))   // "=!+*/()[]-"
    static let mathStops = CharSet(bits: (0x23FFAF7200000000, 0x28000000F8000000, 0, 0))   // "=!+*/()[]\\$%&_^{}0-9-"
    static let specialChars = CharSet(bits: (0x0000004000000000, 0x28000000C0000000, 0, 0))   // "{}&_^"
    static let textStops = CharSet(bits: (0x0000007000000000, 0x28000000D0000000, 0, 0))   // "\\$%&_^{}"

    /// `\\([a-z]+|\s+|.)`, case-insensitive: returns the end of a command at the position.
    private func command(_ s: Scan) -> Int? {
        guard s.peek() == 92, s.pos + 1 < s.end else { return nil }
        let letters = s.skip(CharSet.alpha, from: s.pos + 1)
        if letters > s.pos + 1 { return letters }
        let spaces = s.skip(CharSet.space, from: s.pos + 1)
        if spaces > s.pos + 1 { return spaces }
        return s.peek(1) == 10 ? nil : s.charEnd(s.pos + 1)
    }

    /// Comments and the special characters `{}&_^`.
    private func general(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 37 { s.emit(.comment, to: s.lineEnd(from: s.pos)); return true }
        if Self.specialChars.contains(c) { s.emit(.punctuation, count: 1); return true }
        return false
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root:
            if s.has("\\[") { s.emit(.punctuation, count: 2); push(.displayMath); return true }
            if s.has("\\(") { s.emit(.punctuation, count: 2); push(.inlineMath); return true }
            if s.has("$$") { s.emit(.punctuation, count: 2); push(.displayMath); return true }
            if c == 36 { s.emit(.punctuation, count: 1); push(.inlineMath); return true }
            for w: StaticString in ["\\begin{", "\\end{"] where s.has(w) {
                let close = s.find(125, from: s.pos + w.utf8CodeUnitCount)
                if let close, !(s.pos..<close).contains(where: { s.base[$0] == 10 }) {
                    s.emit(.nameTag, to: close + 1)
                    return true
                }
            }
            if s.has("\\verb") && !s.wordAt(s.pos + 5) && s.pos + 5 < s.end && !CharSet.space.contains(s.at(s.pos + 5)) {
                let d = s.pos + 5
                let de = s.charEnd(d)
                if let close = findSame(s, d, de, from: de) {
                    s.emit((.nameBuiltin, d), (.keywordPseudo, de), (.stringOther, close), (.keywordPseudo, close + (de - d)))
                    return true
                }
            }
            if let e = command(s) { s.emit(.keyword, to: e); push(.command); return true }
            if general(&s) { return true }
            let e = s.skip(Self.textStops.inverted)
            guard e > s.pos else { return false }
            s.emit(.text, to: e)
            return true
        case .inlineMath:
            if s.has("\\)") { s.emit(.punctuation, count: 2); pop(); return true }
            if c == 36 { s.emit(.punctuation, count: 1); pop(); return true }
            return math(&s)
        case .displayMath:
            if s.has("\\]") { s.emit(.punctuation, count: 2); pop(); return true }
            if s.has("$$") { s.emit(.punctuation, count: 2); pop(); return true }
            if c == 36 { s.emit(.nameBuiltin, count: 1); return true }
            return math(&s)
        case .command:
            if c == 91, let close = s.find(93, from: s.pos + 1), !(s.pos..<close).contains(where: { s.base[$0] == 10 }) {
                s.emit(.nameAttribute, to: close + 1)
                return true
            }
            if c == 42 { s.emit(.keyword, count: 1); return true }
            pop()
            return true
        }
    }

    /// The next occurrence (before a newline) of the delimiter `d..<de`, searching from `i`.
    private func findSame(_ s: Scan, _ d: Int, _ de: Int, from i: Int) -> Int? {
        var k = i
        let n = de - d
        while k + n <= s.end {
            if s.base[k] == 10 { return nil }
            if (0..<n).allSatisfy({ s.base[k + $0] == s.base[d + $0] }) { return k }
            k = s.charEnd(k)
        }
        return nil
    }

    private func math(_ s: inout Scan) -> Bool {
        if let e = command(s) { s.emit(.nameVariable, to: e); return true }
        if general(&s) { return true }
        let c = s.peek()
        if CharSet.digit.contains(c) { s.emit(.number, to: s.skip(.digit)); return true }
        if Self.mathOperators.contains(c) { s.emit(.operator, count: 1); return true }
        let e = s.skip(Self.mathStops.inverted)
        guard e > s.pos else { return false }
        s.emit(.nameBuiltin, to: e)
        return true
    }
}
