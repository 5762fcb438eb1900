extension MarkdownTokenizer {
    func root(_ s: inout Scan) -> Bool {
        if s.has("---"), let e = frontMatterEnd(s) {
            delegate(YAMLTokenizer(), &s, s.pos, e)
            return true
        }
        let c = s.peek()
        if c == 92 && s.pos + 1 < s.end && s.peek(1) != 10 { s.emit(.stringEscape, to: s.charEnd(s.pos + 1)); return true }
        let bol = s.atLineStart
        if bol {
            if let (e, token) = setextHeading(s) { s.emit(token, to: e); return true }
            if c == 35 {
                let e = s.lineEnd(from: s.pos)
                s.emit(s.peek(1) != 35 && s.pos + 1 < s.end ? .genericHeading : .genericSubheading, to: e)
                return true
            }
            if fence(&s) { return true }
        }
        if c == 10 && s.peek(1) == 10, let e = indentedCode(s) { s.emit(.stringBacktick, to: e); return true }
        if c == 96, let e = codeSpan(s) { s.emit(.stringBacktick, to: e); return true }
        if bol {
            if let e = rule(s, 42) ?? rule(s, 45) { s.emit(.punctuation, to: e); return true }
            let ws = s.skip(CharSet.space)
            if Self.bullets.contains(s.at(ws)) && ws < s.end && CharSet.space.contains(s.at(ws + 1)) && ws + 1 < s.end {
                s.emit(.punctuation, to: ws + 1)
                return true
            }
            let digits = s.skip(.digit, from: ws)
            if digits > ws && s.at(digits) == 46 && digits < s.end { s.emit(.punctuation, to: digits + 1); return true }
            if s.at(ws) == 62 && ws < s.end { s.emit(.genericTraceback, to: s.lineEnd(from: ws)); return true }
            if s.at(ws) == 91 && ws < s.end, referenceDefinition(&s, ws) { return true }
        }
        if c == 91 || (c == 33 && s.peek(1) == 91), linkText(&s) { return true }
        if c == 42 || c == 95 {
            let double = s.peek(1) == c
            if double, let close = s.findEdotClose(from: s.pos + 2, { s.at($0) == c && s.at($0 + 1) == c && $0 + 1 < s.end }) {
                s.emit(.genericStrong, to: close + 2)
                return true
            }
            if let close = s.findEdotClose(from: s.pos + 1, { s.at($0) == c }) {
                s.emit(.genericEmph, to: close + 1)
                return true
            }
        }
        if c == 60 {
            if let e = emailLink(s) ?? urlLink(s) { s.emit(.nameVariable, to: e); return true }
        }
        let e = s.skip(Self.textStops.inverted)
        if e > s.pos { s.emit(.text, to: e); return true }
        if c == 38 {
            // &\S*; — the last `;` before whitespace.
            let run = s.skip(CharSet.space.inverted, from: s.pos + 1)
            if let semi = (s.pos + 1..<run).last(where: { s.base[$0] == 59 }) {
                delegate(html, &s, s.pos, semi + 1)
                return true
            }
        }
        if c == 60, let close = s.findEdotClose(from: s.pos + 1, { s.at($0) == 62 }) {
            delegate(html, &s, s.pos, close + 1)
            return true
        }
        if c == 38 || c == 60 || c == 91 || c == 10 { s.emit(.text, count: 1); return true }
        return false
    }

    /// `\A(---\s*\n.*?\n?)^(---\s*$\n?)`: front matter (Rouge's `\A` holds wherever it stands).
    private func frontMatterEnd(_ s: Scan) -> Int? {
        let ws = s.skip(CharSet.space, from: s.pos + 3)
        guard let firstNewline = (s.pos + 3..<ws).last(where: { s.base[$0] == 10 }) else { return nil }
        var i = firstNewline + 1
        while i <= s.end {
            // A line that starts with --- and then holds only whitespace.
            if (i == s.start || s.base[i - 1] == 10) && s.has("---", at: i) {
                let tail = s.skip(CharSet.space, from: i + 3)
                if tail >= s.end { return s.end }
                if let nl = (i + 3..<tail).last(where: { s.base[$0] == 10 }) { return nl + 1 }
            }
            guard let next = s.find(10, from: i) else { return nil }
            i = next + 1
        }
        return nil
    }

    /// `^[\S ]+\n(?:---*)\n` or the same with `=`: a heading underlined on the next line.
    private func setextHeading(_ s: Scan) -> (Int, Token)? {
        let text = s.skip(Self.headingStops.inverted)
        guard text > s.pos, s.at(text) == 10, text < s.end else { return nil }
        let mark = s.at(text + 1)
        guard mark == 45 || mark == 61 else { return nil }
        var marks = CharSet()
        marks.insert(mark)
        let e = s.skip(marks, from: text + 1)
        guard e - text - 1 >= 2, s.at(e) == 10, e < s.end else { return nil }
        return (e + 1, mark == 45 ? .genericHeading : .genericSubheading)
    }

    /// `^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?`: a fenced code block, lexed with the
    /// language its info string names (Rouge guesses when it names none).
    private func fence(_ s: inout Scan) -> Bool {
        let indent = s.skip(Self.spaceTab)
        let indentLength = indent - s.pos
        let mark = s.at(indent)
        guard (mark == 96 || mark == 126) && indent < s.end else { return false }
        var marks = CharSet()
        marks.insert(mark)
        let fenceEnd = s.skip(marks, from: indent)
        guard fenceEnd - indent >= 3, let infoEnd = s.find(10, from: fenceEnd).map({ $0 + 1 }) else { return false }
        let name = s.text(fenceEnd, infoEnd).trimmingRubyWhitespace()
        // The closing fence: the first "\n" + same indentation + same fence after the info line.
        var close: Int?
        var k = infoEnd
        while let nl = s.find(10, from: k) {
            let a = nl + 1
            let b = a + (indent - s.pos)
            let c = b + (fenceEnd - indent)
            if c <= s.end && (0..<(indent - s.pos)).allSatisfy({ s.base[a + $0] == s.base[s.pos + $0] })
                && (0..<(fenceEnd - indent)).allSatisfy({ s.base[b + $0] == s.base[indent + $0] }) {
                close = nl
                break
            }
            k = nl + 1
        }
        let content = close.map { s.text(infoEnd, $0) }
        let lexer: Tokenizer
        let guessing = name.isEmpty || name == "guess" || name.hasPrefix("guess?")
        if guessing {
            lexer = (content.map { Highlighter.guess($0) } ?? .plainText).make()
        } else {
            lexer = Highlighter.lexer(for: name)?.make() ?? ConstantTokenizer(.stringBacktick)
        }
        s.emit((.text, indent), (.punctuation, fenceEnd), (.nameLabel, infoEnd))
        guard let close else {
            fenceLexers.append(lexer)
            push(.openFence(fenceStart: indent, fenceEnd: fenceEnd, lexerIndex: fenceLexers.count - 1))
            return true
        }
        delegate(lexer, &s, infoEnd, close)
        let closeIndent = close + 1 + indentLength
        s.emit((.text, closeIndent), (.punctuation, closeIndent + (fenceEnd - indent)))
        return true
    }

    /// `\n\n((    |\t).*?\n|\n)+`: an indented code block after a blank line.
    private func indentedCode(_ s: Scan) -> Int? {
        var i = s.pos + 2
        var e: Int?
        while i < s.end {
            if s.at(i) == 10 { i += 1; e = i; continue }
            let body = s.has("    ", at: i) ? i + 4 : s.at(i) == 9 ? i + 1 : nil
            guard let body, let nl = s.find(10, from: body) else { break }
            i = nl + 1
            e = i
        }
        return e
    }

    /// `` (`+)(?:edot|\n)+?\1 ``: an inline code span (the opening run may give back backticks).
    private func codeSpan(_ s: Scan) -> Int? {
        let run = s.skip(Self.backticks)
        for n in stride(from: run - s.pos, through: 1, by: -1) {
            var j = s.pos + n
            var units = 0
            while j < s.end {
                if units > 0 && (0..<n).allSatisfy({ s.at(j + $0) == 96 }) && j + n <= s.end { return j + n }
                let c = s.base[j]
                if c == 92 {
                    guard j + 1 < s.end, s.base[j + 1] != 10 else { break }
                    j = s.charEnd(j + 1)
                } else {
                    j = s.charEnd(j)
                }
                units += 1
            }
            if units > 0 && (0..<n).allSatisfy({ s.at(j + $0) == 96 }) && j + n <= s.end { return j + n }
        }
        return nil
    }

    /// `^(\s*[*]){3,}\s*$` (or with `-`): a thematic break, possibly spanning blank lines.
    private func rule(_ s: Scan, _ mark: UInt8) -> Int? {
        var ends: [Int] = []
        var i = s.pos
        while true {
            let ws = s.skip(CharSet.space, from: i)
            guard s.at(ws) == mark && ws < s.end else { break }
            i = ws + 1
            ends.append(i)
        }
        guard ends.count >= 3 else { return nil }
        for k in stride(from: ends.count - 1, through: 2, by: -1) {
            let a = ends[k]
            let ws = s.skip(CharSet.space, from: a)
            if ws >= s.end { return ws }
            if let nl = (a..<ws).last(where: { s.base[$0] == 10 }) { return nl }
        }
        return nil
    }

    /// `^(\s*)(\[)(edot+?)(\])(\s*)(:)`, then a URL and an optional title.
    private func referenceDefinition(_ s: inout Scan, _ open: Int) -> Bool {
        guard let close = s.findEdotClose(from: open + 1, { j in
            guard j > open + 1, s.at(j) == 93, j < s.end else { return false }
            let ws = s.skip(CharSet.space, from: j + 1)
            return s.at(ws) == 58 && ws < s.end
        }) else { return false }
        let ws = s.skip(CharSet.space, from: close + 1)
        s.emit((.text, open), (.punctuation, open + 1), (.stringSymbol, close), (.punctuation, close + 1),
               (.text, ws), (.punctuation, ws + 1))
        push(.title)
        push(.url)
        return true
    }

    /// `(!?\[)(edot*?|[^\]]*?)(\])(?=[\[(])`
    private func linkText(_ s: inout Scan) -> Bool {
        let open = s.peek() == 33 ? s.pos + 2 : s.pos + 1
        func isClose(_ j: Int) -> Bool {
            s.at(j) == 93 && j < s.end && (s.at(j + 1) == 91 || s.at(j + 1) == 40) && j + 1 < s.end
        }
        var close = s.findEdotClose(from: open, isClose)
        if close == nil, let bracket = s.find(93, from: open), isClose(bracket) { close = bracket }
        guard let close else { return false }
        s.emit((.punctuation, open), (.nameVariable, close), (.punctuation, close + 1))
        push(.link)
        return true
    }

    /// `<.*?@.+[.].+>`: an email autolink (greedy to the last `>` on the line).
    private func emailLink(_ s: Scan) -> Int? {
        let lineEnd = s.lineEnd(from: s.pos)
        var at = s.pos + 1
        while at < lineEnd {
            if s.base[at] == 64 {
                for d in stride(from: lineEnd - 1, through: at + 2, by: -1) where s.base[d] == 46 {
                    if d + 2 < lineEnd, let q = (d + 2..<lineEnd).last(where: { s.base[$0] == 62 }) { return q + 1 }
                }
            }
            at += 1
        }
        return nil
    }

    /// `<(https?|mailto|ftp)://edot*?>`
    private func urlLink(_ s: Scan) -> Int? {
        var i = s.pos + 1
        if s.has("https", at: i) && s.has("://", at: i + 5) { i += 5 }
        else if s.has("http", at: i) { i += 4 }
        else if s.has("mailto", at: i) { i += 6 }
        else if s.has("ftp", at: i) { i += 3 }
        else { return nil }
        guard s.has("://", at: i) else { return nil }
        return s.findEdotClose(from: i + 3, { s.at($0) == 62 }).map { $0 + 1 }
    }
}
