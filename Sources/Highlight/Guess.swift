extension Highlighter {
    /// The lexer Rouge's source guesser would pick for `code` among this module's lexers: the
    /// first (in Rouge's order) whose detector accepts the text — shebang lines, doctypes,
    /// `<?xml`, `%YAML`, diff headers and the like — or plain text when none does. Lexers this
    /// module lacks are never guessed, and editor modelines are not read.
    public static func guess(_ code: String) -> Lexer {
        var code = code
        return code.withUTF8 { buf in
            guard let base = buf.baseAddress, buf.count > 0 else { return .plainText }
            let facts = TextFacts(scan: Scan(base, count: buf.count))
            for (lexer, detects) in guessOrder where detects(facts) { return lexer }
            return .plainText
        }
    }

    /// Rouge's detectable lexers that this module has, in Rouge's registry order.
    static let guessOrder: [(Lexer, @Sendable (TextFacts) -> Bool)] = [
        (.xml, { f in
            if let d = f.doctype, d.contains("html") { return false }
            return f.startsWithWord("<?xml") || f.doctype != nil
        }),
        (.python, { $0.shebangHas { s, i in
            guard s.has("python", at: i) else { return [] }
            var ends = [i + 6]
            var j = i + 6
            if s.at(j) == 119 { j += 1; ends.append(j) }   // w
            if s.at(j) == 50 || s.at(j) == 51 {            // 2 or 3, then .digits
                ends.append(j + 1)
                let d = s.skip(.digit, from: j + 2)
                if s.at(j + 1) == 46 && d > j + 2 { ends.append(d) }
            }
            return ends
        } }),
        (.diff, { $0.looksLikeDiff }),
        (.yaml, { f in f.scan.has("%YAML", at: f.scan.skip(CharSet.space, from: 0)) }),
        (.php, { f in
            if f.shebangHas(word: "php") { return true }
            if f.lineStartsWith("<?hh") { return false }
            return f.lineStartsWith("<?php")
        }),
        (.haskell, { $0.shebangHas(word: "runhaskell") }),
        (.html, { $0.looksLikeHTML }),
        (.ruby, { $0.shebangHas(word: "ruby") }),
        (.javascript, { $0.shebangHas(word: "node") || $0.shebangHas(word: "jsc") }),
        (.julia, { $0.shebangHas(word: "julia") }),
        (.r, { $0.shebangHas(word: "Rscript") }),
        (.rust, { $0.shebangHas(word: "rustc") }),
        (.shell, { $0.shebangHas { s, i in
            var j = i
            if s.has("ba", at: j) { j += 2 } else if s.at(j) == 122 || s.at(j) == 107 { j += 1 }
            var ends: [Int] = []
            if s.has("sh", at: j) { ends.append(j + 2) }
            if j > i && s.has("sh", at: i) { ends.append(i + 2) }
            return ends
        } }),
        (.tex, { f in
            let s = f.scan
            let i = s.skip(CharSet.space, from: 0)
            guard s.at(i) == 92 else { return false }
            let commands: [StaticString] = ["documentclass", "input", "documentstyle", "relax", "ProvidesPackage", "ProvidesClass"]
            return commands.contains { s.has($0, at: i + 1) }
        }),
    ]
}

/// What Rouge's detectors look at in a text.
struct TextFacts {
    let scan: Scan

    func startsWithWord(_ lit: StaticString) -> Bool {
        let s = scan
        return s.has(lit, at: 0) && !s.wordAt(lit.utf8CodeUnitCount)
    }

    /// The range of the rest of a leading `#!` line: `\A\s*#!(.*)$`.
    var shebang: Range<Int>? {
        let s = scan
        let i = s.skip(CharSet.space, from: 0)
        guard s.has("#!", at: i) else { return nil }
        return (i + 2)..<s.lineEnd(from: i + 2)
    }

    /// Rouge's `shebang?(pattern)`: at a word boundary in the shebang line, the pattern (whose
    /// possible ends `ends` lists) followed by whitespace or the line end.
    func shebangHas(_ ends: (Scan, Int) -> [Int]) -> Bool {
        guard let line = shebang else { return false }
        var s = scan
        s.start = line.lowerBound
        s.end = line.upperBound
        for i in line where !s.wordBefore(i) {
            for e in ends(s, i) where e >= s.end || CharSet.space.contains(s.base[e]) { return true }
        }
        return false
    }

    func shebangHas(word: StaticString) -> Bool {
        shebangHas { s, i in s.has(word, at: i) ? [i + word.utf8CodeUnitCount] : [] }
    }

    /// The name in `\A\s*(?:<\?.*?\?>\s*)?<!DOCTYPE\s+(.+?)>`.
    var doctype: String? {
        let s = scan
        var i = s.skip(CharSet.space, from: 0)
        if s.has("<?", at: i), let close = s.find("?>", from: i + 2) { i = s.skip(CharSet.space, from: close + 2) }
        guard s.has("<!DOCTYPE", at: i) else { return nil }
        let name = s.skip(CharSet.space, from: i + 9)
        guard name > i + 9, let close = s.find(62, from: name + 1) else { return nil }
        return s.text(name, close)
    }

    /// Ruby's `/^lit/ =~ text`: some line starts with `lit`.
    func lineStartsWith(_ lit: StaticString) -> Bool {
        let s = scan
        var i = 0
        while i <= s.end {
            if s.has(lit, at: i) { return true }
            guard let nl = s.find(10, from: i) else { return false }
            i = nl + 1
        }
        return false
    }

    var looksLikeDiff: Bool {
        let s = scan
        if s.has("Index: ", at: 0) { return true }
        if s.has("diff", at: 0) {
            let line = s.lineEnd(from: 0)
            for i in 4..<max(4, line) where s.has("a/", at: i) && !s.wordBefore(i) {
                for j in (i + 2)..<max(i + 2, line) where s.has("b/", at: j) && !s.wordBefore(j) { return true }
            }
        }
        for (first, second): (StaticString, StaticString) in [("---", "+++"), ("+++", "---")] {
            var k = 0
            while let at = s.find(first, from: k) {
                if let nl = s.find(10, from: at + 3), s.has(second, at: nl + 1) { return true }
                k = at + 1
            }
        }
        return false
    }

    var looksLikeHTML: Bool {
        if let d = doctype {
            let lower = Array(d.lowercased().utf8)
            let isWord = { (c: UInt8) in CharSet.word.contains(c) }
            for i in lower.indices where i + 4 <= lower.count && Array(lower[i..<(i + 4)]) == Array("html".utf8) {
                if (i == 0 || !isWord(lower[i - 1])) && (i + 4 == lower.count || !isWord(lower[i + 4])) { return true }
            }
        }
        if startsWithWord("<?xml") { return false }
        let s = scan
        var k = 0
        while let lt = s.find(60, from: k) {
            let a = s.skip(CharSet.space, from: lt + 1)
            if s.has("html", at: a) && !s.wordAt(a + 4) { return true }
            k = lt + 1
        }
        return false
    }
}

extension StringProtocol {
    /// Strips Ruby's whitespace (and NUL) from both ends, as `String#strip` does.
    func trimmingRubyWhitespace() -> String {
        let strip: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\0", "\r\n"]
        guard let first = firstIndex(where: { !strip.contains($0) }),
              let last = lastIndex(where: { !strip.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// Emits its whole input as one token (Rouge's PlainText with a `token` option).
final class ConstantTokenizer: Tokenizer {
    let token: Token
    init(_ token: Token) { self.token = token }
    func lex(_ s: inout Scan) { s.emit(token, to: s.end) }
}
