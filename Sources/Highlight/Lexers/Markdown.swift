extension Lexer {
    public static let markdown = Lexer("markdown", title: "Markdown", aliases: ["md", "mkd"]) { MarkdownTokenizer() }
}

/// Markdown as Rouge lexes it: line-start constructs (headings, lists, quotes, fences), inline
/// spans, links. Fenced code goes to the lexer its info string names; front matter to YAML;
/// inline HTML to one HTML lexer that persists across the document.
final class MarkdownTokenizer: StackTokenizer {
    enum State: RootState {
        case root, link, url, title, inlineTitle, inlineURL
        /// Inside a fence that has no closing line: its fence string's range and its lexer.
        case openFence(fenceStart: Int, fenceEnd: Int, lexerIndex: Int)
    }

    let stack = StateStack<State>(.root)
    static let backticks = CharSet(bits: (0, 0x0000000100000000, 0, 0))   // "`"
    static let bullets = CharSet(bits: (0x00002C0000000000, 0, 0, 0))   // "*+-"
    static let headingStops = CharSet(bits: (0x0000000000003E00, 0, 0, 0))   // "\t\n\r\u{0B}\u{0C}"
    static let spaceTab = CharSet(bits: (0x0000000100000200, 0, 0, 0))   // " \t"
    static let textStops = CharSet(bits: (0x1000044000000400, 0x0000000118000000, 0, 0))   // "\\`[*\n&<"
    static let titleStarts = CharSet(bits: (0x0000038400000000, 0, 0, 0))   // "\"'()"
    static let urlStops = CharSet(bits: (0x1000020100003E00, 0, 0, 0))   // " \t\n\r\u{0B}\u{0C}<)"
    let html = HTMLTokenizer()
    /// Lexers of unclosed fences (kept for their state across lines).
    var fenceLexers: [Tokenizer] = []

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root: return root(&s)
        case .link:
            if s.peek() == 91, let close = s.findEdotClose(from: s.pos + 1, { s.at($0) == 93 }) {
                s.emit((.punctuation, s.pos + 1), (.stringSymbol, close), (.punctuation, close + 1))
                pop()
                return true
            }
            if s.peek() == 40 { s.emit(.punctuation, count: 1); push(.inlineTitle); push(.inlineURL); return true }
            let ws = s.skip(Self.spaceTab)
            if ws > s.pos { s.emit(.text, to: ws); return true }
            pop()
            return true
        case .url: return url(&s)
        case .title: return title(&s)
        case .inlineTitle:
            if s.peek() == 41 { s.emit(.punctuation, count: 1); pop(); return true }
            return title(&s)
        case .inlineURL:
            let e = s.skip(Self.urlStops.inverted)
            if e > s.pos { s.emit(.stringOther, to: e); pop(); return true }
            let ws = s.skip(CharSet.space)
            if ws > s.pos { s.emit(.text, to: ws); return true }
            return url(&s)
        case let .openFence(fenceStart, fenceEnd, lexerIndex):
            guard s.atLineStart else { return false }
            let indent = s.skip(Self.spaceTab)
            let n = fenceEnd - fenceStart
            if indent + n <= s.end && (0..<n).allSatisfy({ s.base[indent + $0] == s.base[fenceStart + $0] }) {
                pop()
                s.emit((.text, indent), (.punctuation, indent + n))
                return true
            }
            guard let nl = s.find(10, from: s.pos) else { return false }
            delegate(fenceLexers[lexerIndex], &s, s.pos, nl + 1)
            return true
        }
    }

    private func url(_ s: inout Scan) -> Bool {
        let ws = s.skip(Self.spaceTab)
        if ws > s.pos { s.emit(.text, to: ws); return true }
        if s.peek() == 60, let close = s.findEdotClose(from: s.pos + 1, { s.at($0) == 62 }) {
            s.emit((.nameTag, s.pos + 1), (.stringOther, close), (.nameTag, close + 1))
            pop()
            return true
        }
        let e = s.skip(CharSet.space.inverted)
        guard e > s.pos else { return false }
        s.emit(.stringOther, to: e)
        pop()
        return true
    }

    private func title(_ s: inout Scan) -> Bool {
        let c = s.peek()
        let closing: UInt8? = c == 34 ? 34 : c == 39 ? 39 : c == 40 ? 41 : nil
        if let closing, let close = s.findEdotClose(from: s.pos + 1, { s.at($0) == closing }) {
            s.emit(.nameNamespace, to: close + 1)
            return true
        }
        let ws = s.skip(CharSet.space)
        if Self.titleStarts.contains(s.at(ws)) && ws < s.end {
            s.emit(.text, to: ws)
            return true
        }
        pop()
        return true
    }
}

extension Scan {
    /// Markdown's `edot*?` followed by a closing character: scans escaped pairs (`\\.`) and
    /// single characters other than a backslash or newline, returning the first index from `i`
    /// where `isClose` holds.
    func findEdotClose(from i: Int, _ isClose: (Int) -> Bool) -> Int? {
        var j = i
        while j < end {
            if isClose(j) { return j }
            let c = base[j]
            if c == 92 {
                guard j + 1 < end, base[j + 1] != 10 else { return nil }
                j = charEnd(j + 1)
            } else if c == 10 {
                return nil
            } else {
                j = charEnd(j)
            }
        }
        return nil
    }
}
