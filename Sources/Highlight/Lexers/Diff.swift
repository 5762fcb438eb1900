extension Lexer {
    public static let diff = Lexer("diff", title: "diff", aliases: ["patch", "udiff"]) { DiffTokenizer() }
}

/// Unified diffs, one line at a time by its first character.
final class DiffTokenizer: Tokenizer {
    func lex(_ s: inout Scan) {
        while !s.atEnd {
            let lineEnd = s.lineEnd(from: s.pos)
            let full = min(lineEnd + 1, s.end)
            let c = s.peek()
            guard s.atLineStart else {
                // `\s.*$\n?` (only reached after an error left us mid-line)
                if CharSet.space.contains(c) { s.emit(.text, to: c == 10 ? min(s.nextLine(from: s.pos + 1), s.end) : full) }
                else { s.emitChar(.error) }
                continue
            }
            switch c {
            case 32: s.emit(.text, to: full)
            case 45 where s.has("---") && lineEnd == s.pos + 3: s.emit(.punctuation, to: full)
            case 43, 62: s.emit(.genericInserted, to: full)
            case 45, 60: s.emit(.genericDeleted, to: full)
            case 33: s.emit(.genericStrong, to: full)
            case 73 where s.has("ndex", at: s.pos + 1), 105 where s.has("ndex", at: s.pos + 1):
                s.emit(.genericHeading, to: full)
            case 100 where s.has("diff"): s.emit(.genericHeading, to: full)
            case 64 where hunkHeader(s) != nil:
                let (mark, end) = hunkHeader(s)!
                s.emit((.punctuation, mark), (.text, end))
            case 61: s.emit(.genericHeading, to: full)
            default:
                if s.isWord(c) { s.emit(.punctuation, to: full) }
                else if CharSet.space.contains(c) {
                    // `\s.*$\n?`: a blank line takes the next line with it.
                    s.emit(.text, to: c == 10 ? min(s.nextLine(from: s.pos + 1), s.end) : full)
                } else {
                    s.emitChar(.error)
                }
            }
        }
    }

    /// `^(@@[^@]*@@)([^\n]*\n)`
    private func hunkHeader(_ s: Scan) -> (Int, Int)? {
        guard s.has("@@"), let close = s.find("@@", from: s.pos + 2) else { return nil }
        guard !(s.pos + 2..<close).contains(where: { s.base[$0] == 64 }) else { return nil }
        guard let nl = s.find(10, from: close + 2) else { return nil }
        return (close + 2, nl + 1)
    }
}
