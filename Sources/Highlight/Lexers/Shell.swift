extension Lexer {
    public static let shell = Lexer("shell", title: "shell", aliases: ["bash", "zsh", "ksh", "sh"]) { ShellTokenizer() }
}

/// sh/bash: words, quoting, `$` expansions, heredocs, `case` stanzas and arithmetic.
final class ShellTokenizer: StackTokenizer {
    enum State: RootState {
        case root, heredoc, heredocNewLine, doubleQuotes, ansiString, singleQuotes
        case curly, parenInterpolation, parenInner, math, caseBody, caseStanza, backticks
    }

    let stack = StateStack<State>(.root)
    static let ansiStops = CharSet(bits: (0x0000008000000000, 0x0000000010000000, 0, 0))   // "\\'"
    static let curlyStops = CharSet(bits: (0x0400009400000000, 0x2000000100000000, 0, 0))   // "}:\"`'$"
    static let doubleQuoteStops = CharSet(bits: (0x0000001400000000, 0x0000000110000000, 0, 0))   // "\"`\\$"
    static let heredocStops = CharSet(bits: (0x0000001000000400, 0x0000000010000000, 0, 0))   // "$\n\\"
    static let mathOperators = CharSet(bits: (0x0000AC6200000000, 0x1000000040000000, 0, 0))   // "-+*/%^|&!"
    static let variableChars = CharSet(bits: (0x03FF000000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_"
    private var heredocWord: [UInt8] = []
    /// The keywords (group 1) and builtins (group 2), read once: a static's accessor costs a
    /// `swift_once` call at every word. One lookup answers for both lists.
    private let words = ShellTokenizer.words

    static let words = WordSet(groups: "if fi else while do done for then return function select continue until esac elif in", """
        alias bg bind break builtin caller cd command compgen complete declare dirs disown enable eval
        exec exit export false fc fg getopts hash help history jobs let local logout mapfile popd pushd
        pwd read readonly set shift shopt source suspend test time times trap true type typeset ulimit
        umask unalias unset wait cat tac nl od base32 base64 fmt pr fold head tail split csplit wc sum
        cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum sha512sum sort shuf uniq comm ptx tsort
        cut paste join tr expand unexpand ls dir vdir dircolors cp dd install mv rm shred link ln mkdir
        mkfifo mknod readlink rmdir unlink chown chgrp chmod touch df du stat sync truncate echo printf
        yes expr tee basename dirname pathchk mktemp realpath stty printenv tty id logname whoami groups
        users who date arch nproc uname hostname hostid uptime chcon runcon chroot env nice nohup stdbuf
        timeout kill sleep factor numfmt seq tar grep sudo awk sed gzip gunzip
        """)
    static let operators = CharSet(bits: (0x6000030200000000, 0x2800000028000000, 0, 0))   // "[]{}()!=>"
    static let plainWord = CharSet(bits: (0xC7FFF86AFFFFC1FF, 0xD7FFFFFEEFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF))   // not "=*{}()$\"'`;\\<" nor \s
    static let optionChars = CharSet(bits: (0x03FF200000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_-"

    /// Inlined into `lex`: the call and its saved registers cost more than many steps' rules.
    @inline(__always)
    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        // The states that fall back to the root rules break out to one call of `root` below.
        case .root: break
        case .heredoc: return heredoc(&s)
        case .heredocNewLine: return heredocNewLine(&s)
        case .doubleQuotes:
            let c = s.peek()
            var q = s.pos
            if c == 36 { q += s.peek(1) == 35 ? 2 : 1 }
            if s.at(q) == 34 && q < s.end { s.emit(.stringDouble, to: q + 1); pop(); return true }
            if interpolation(&s) { return true }
            let e = s.skip(Self.doubleQuoteStops.inverted)
            guard e > s.pos else { return false }
            s.emit(.stringDouble, to: e)
            return true
        case .ansiString:
            if s.peek() == 92 && s.pos + 1 < s.end && s.peek(1) != 10 { s.emit(.stringEscape, to: s.charEnd(s.pos + 1)); return true }
            let e = s.skip(Self.ansiStops.inverted)
            if e > s.pos { s.emit(.stringSingle, to: e); return true }
            return singleQuotes(&s)
        case .singleQuotes: return singleQuotes(&s)
        case .curly:
            let c = s.peek()
            if c == 125 { s.emit(.keyword, count: 1); pop(); return true }
            if c == 58 && s.peek(1) == 45 { s.emit(.keyword, count: 2); return true }
            let v = s.skip(Self.variableChars)
            if v > s.pos { s.emit(.nameVariable, to: v); return true }
            let p = s.skip(Self.curlyStops.inverted)
            if p > s.pos { s.emit(.punctuation, to: p); return true }
            break
        case .parenInterpolation:
            if s.peek() == 41 { s.emit(.stringInterpol, count: 1); pop(); return true }
            if s.peek() == 40 { s.emit(.operator, count: 1); push(.parenInner); return true }
            break
        case .parenInner:
            if s.peek() == 40 { s.emit(.operator, count: 1); push(.parenInner); return true }
            if s.peek() == 41 { s.emit(.operator, count: 1); pop(); return true }
            break
        case .math:
            let c = s.peek()
            if c == 41 && s.peek(1) == 41 { s.emit(.keyword, count: 2); pop(); return true }
            if Self.mathOperators.contains(c) { s.emit(.operator, count: 1); return true }
            if CharSet.digit.contains(c) {
                var e = s.skip(.digit)
                if s.at(e) == 35 && e < s.end {
                    let w = s.skipWord(from: e + 1)
                    if w > e + 1 { e = w }
                }
                s.emit(.number, to: e)
                return true
            }
            break
        case .caseBody:
            if s.hasWord("esac") { s.emit(.keyword, count: 4); pop(); return true }
            if s.peek() == 124 { s.emit(.punctuation, count: 1); return true }
            if s.peek() == 41 { s.emit(.punctuation, count: 1); push(.caseStanza); return true }
            break
        case .caseStanza:
            if s.has(";;") { s.emit(.punctuation, count: 2); pop(); return true }
            break
        case .backticks:
            if s.peek() == 96 { s.emit(.stringBacktick, count: 1); pop(); return true }
            break
        }
        return root(&s)
    }

    private func singleQuotes(_ s: inout Scan) -> Bool {
        if s.peek() == 39 { s.emit(.stringSingle, count: 1); pop(); return true }
        s.emit(.stringSingle, to: s.find(39, from: s.pos) ?? s.end)
        return true
    }

    /// A keyword or builtin token: the word, plus following whitespace when a word comes next.
    private func wordToken(_ s: Scan, _ e: Int) -> Int {
        let ws = s.skip(CharSet.space, from: e)
        return ws > e && s.wordAt(ws) ? ws : e
    }

    func root(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 35 { s.emit(.comment, to: s.lineEnd(from: s.pos)); return true }
        if s.isWord(c) {
            let w = s.skipWord(from: s.pos)
            let bounded = !s.wordAt(w)
            let group = bounded ? words.group(s.base + s.pos, w - s.pos) : 0
            if group == 1 { s.emit(.keyword, to: wordToken(s, w)); return true }
            if bounded && w - s.pos == 4 && s.has("case") { s.emit(.keyword, count: 4); push(.caseBody); return true }
            if group == 2 {
                let e = wordToken(s, w)
                if e > w || (s.at(e) != 46 && s.at(e) != 45) || e >= s.end { s.emit(.nameBuiltin, to: e); return true }
            }
            if s.at(w) == 61 && w < s.end { s.emit((.nameVariable, w), (.operator, w + 1)); return true }
            // No later rule takes a word character before `data`'s plain word, which goes on
            // past the word characters already skipped.
            s.emit(.text, to: s.skip(Self.plainWord, from: w))
            return true
        }
        if c == 46 && CharSet.space.contains(s.peek(1)) && s.pos + 1 < s.end { s.emit(.nameBuiltin, count: 1); return true }
        if Self.operators.contains(c) { s.emit(.operator, count: 1); return true }
        if (c == 38 || c == 124) && s.peek(1) == c { s.emit(.operator, count: 2); return true }
        if c == 60 && s.has("<<<") { s.emit(.operator, count: 3); return true }
        if c == 60 && s.has("<<"), heredocStart(&s) { return true }
        // `data`'s first rule, without the call (spaces are most steps after words)
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        return data(&s)
    }

    /// `(<<-?)(\s*)(['"]?)(\\?)(\w+)(\3)`
    private func heredocStart(_ s: inout Scan) -> Bool {
        let op = s.pos + (s.at(s.pos + 2) == 45 && s.pos + 2 < s.end ? 3 : 2)
        let ws = s.skip(CharSet.space, from: op)
        var q = ws
        let quote = s.at(ws)
        if (quote == 39 || quote == 34) && ws < s.end { q += 1 }
        let slash = s.at(q) == 92 && q < s.end ? q + 1 : q
        let w = s.skipWord(from: slash)
        guard w > slash else { return false }
        var close = w
        if q > ws {
            guard s.at(w) == quote && w < s.end else { return false }
            close = w + 1
        }
        heredocWord = Array(UnsafeBufferPointer(start: s.base + slash, count: w - slash))
        s.emit((.operator, op), (.text, ws), (.stringHeredoc, slash), (.nameConstant, w), (.stringHeredoc, close))
        push(.heredoc)
        return true
    }

    private func heredoc(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 10 { s.emit(.stringHeredoc, count: 1); push(.heredocNewLine); return true }
        let e = s.skip(Self.heredocStops.inverted)
        if e > s.pos { s.emit(.stringHeredoc, to: e); return true }
        if interpolation(&s) { return true }
        if c == 36 { s.emit(.stringHeredoc, count: 1); return true }
        return false
    }

    /// `\s*(\w+)\s*\n`: a line holding one word, which may end the heredoc.
    private func heredocNewLine(_ s: inout Scan) -> Bool {
        let a = s.skip(CharSet.space)
        let w = s.skipWord(from: a)
        if w > a {
            let ws = s.skip(CharSet.space, from: w)
            var lastNewline: Int?
            for k in w..<ws where s.base[k] == 10 { lastNewline = k }
            if let nl = lastNewline {
                if w - a == heredocWord.count && heredocWord.withUnsafeBufferPointer({ hw in
                    (0..<hw.count).allSatisfy { hw[$0] == s.base[a + $0] }
                }) {
                    s.emit(.nameConstant, to: nl + 1)
                    pop(2)
                } else {
                    s.emit(.stringHeredoc, to: nl + 1)
                }
                return true
            }
        }
        pop()
        return true
    }

    private func data(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 92 && s.pos + 1 < s.end && s.peek(1) != 10 { s.emit(.stringEscape, to: s.charEnd(s.pos + 1)); return true }
        if c == 34 || (c == 36 && s.peek(1) == 34) {
            s.emit(.stringDouble, count: c == 34 ? 1 : 2); push(.doubleQuotes); return true
        }
        if c == 36 && s.peek(1) == 39 { s.emit(.stringSingle, count: 2); push(.ansiString); return true }
        if c == 39 { s.emit(.stringSingle, count: 1); push(.singleQuotes); return true }
        if c == 42 { s.emit(.keyword, count: 1); return true }
        if c == 59 { s.emit(.punctuation, count: 1); return true }
        if c == 45 {
            // --?[\w-]+ is a dash and then word characters or dashes.
            let e = s.skip(Self.optionChars, from: s.pos + 1)
            if e > s.pos + 1 { s.emit(.nameTag, to: e); return true }
        }
        let e = s.skip(Self.plainWord)
        if e > s.pos { s.emit(.text, to: e); return true }
        if c == 60 { s.emit(.text, count: 1); return true }
        return interpolation(&s)
    }

    func interpolation(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 92 {
            if s.pos + 1 >= s.end || s.peek(1) == 10 { s.emit(.stringEscape, count: 1); return true }
            s.emit(.stringEscape, to: s.charEnd(s.pos + 1))
            return true
        }
        if c == 96 { s.emit(.stringBacktick, count: 1); push(.backticks); return true }
        guard c == 36 else { return false }
        if s.peek(1) == 40 {
            if s.peek(2) == 40 { s.emit(.keyword, count: 3); push(.math) }
            else { s.emit(.stringInterpol, count: 2); push(.parenInterpolation) }
            return true
        }
        if s.peek(1) == 123 { s.emit(.keyword, count: s.peek(2) == 35 ? 3 : 2); push(.curly); return true }
        // \$#?(\w+|.)
        // (`#` first tries to be part of the name, then gives itself back; no array of starts)
        @inline(__always) func variable(from start: Int) -> Int? {
            let w = s.skipWord(from: start)
            if w > start { return w }
            return start < s.end && s.at(start) != 10 ? s.charEnd(start) : nil
        }
        guard let e = (s.peek(1) == 35 ? variable(from: s.pos + 2) : nil) ?? variable(from: s.pos + 1) else { return false }
        s.emit(.nameVariable, to: e)
        return true
    }
}
