extension Lexer {
    public static let console = Lexer("console", title: "Console",
                                      aliases: ["terminal", "shell_session", "shell-session"]) { ConsoleTokenizer() }
}

/// A shell session, line by line (Rouge's defaults: no options). A line holding `$`, `#`, `>` or
/// `;` is a command: the text up to the first of them is the prompt and the rest is shell, lexed
/// continuously across consecutive command lines. A line of dots (`...`, `<...>`) is a comment;
/// anything else is output.
final class ConsoleTokenizer: Tokenizer {
    private var shell = ShellTokenizer()
    static let promptEnd = CharSet(bits: (0x4800001800000000, 0, 0, 0))   // "$#>;"

    func lex(_ s: inout Scan) {
        while !s.atEnd {
            let lineEnd = s.nextLine(from: s.pos)
            if isSnip(s, s.pos, lineEnd) {
                shell = ShellTokenizer()
                s.emit(.comment, to: lineEnd)
            } else if let mark = (s.pos..<lineEnd).first(where: { Self.promptEnd.contains(s.base[$0]) }) {
                s.emit(.genericPrompt, to: mark + 1)
                s.emit(.whitespace, to: min(s.skip(CharSet.space, from: s.pos), lineEnd))
                delegate(shell, &s, s.pos, lineEnd)
            } else {
                shell = ShellTokenizer()
                s.emit(.genericOutput, to: lineEnd)
            }
        }
    }

    /// `\A\s*(?:<[.]+>|[.]+)\s*\z`
    private func isSnip(_ s: Scan, _ a: Int, _ b: Int) -> Bool {
        var i = s.skip(CharSet.space, from: a)
        let angled = s.at(i) == 60 && i < b
        if angled { i += 1 }
        let dots = s.skip(CharSet("."), from: i)
        guard dots > i, dots <= b else { return false }
        i = dots
        if angled {
            guard s.at(i) == 62 && i < b else { return false }
            i += 1
        }
        return s.skip(CharSet.space, from: i) >= b
    }
}
