/// One piece of lexed text: a token over the byte range `start..<end` of the input.
struct TokenRun: Sendable, Equatable {
    var token: Token
    var start: Int32
    var end: Int32
}

/// The lexing cursor: the input bytes, the window being lexed (`start..<end`, narrowed when a
/// lexer delegates part of its text to another lexer), the position, and the tokens emitted so far.
/// Lexers move `pos` forward only through `emit`, so every byte ends up in exactly one token.
struct Scan {
    let base: UnsafePointer<UInt8>
    var start: Int
    var end: Int
    var pos: Int
    let runs: RunStore

    init(_ base: UnsafePointer<UInt8>, count: Int) {
        // Runs hold 32-bit offsets: checked here once, so `emit` converts without a check.
        precondition(count <= Int(Int32.max), "code too long to highlight")
        self.base = base
        start = 0
        end = count
        pos = 0
        runs = RunStore(capacity: count / 4 + 4)
    }

    var atEnd: Bool { pos >= end }
    var remaining: Int { end - pos }

    /// The byte at `pos + offset` (`offset` ≥ 0), or 0 past the window: `pos` never goes
    /// below `start`, so only the end is checked.
    @inline(__always)
    func peek(_ offset: Int = 0) -> UInt8 {
        let i = pos + offset
        return i < end ? base[i] : 0
    }

    /// The byte at absolute index `i`, or 0 outside the window.
    @inline(__always)
    func at(_ i: Int) -> UInt8 { i < end && i >= start ? base[i] : 0 }

    /// Ruby's `^`: at the window start or just after a newline.
    var atLineStart: Bool { pos == start || base[pos - 1] == 10 }

    // MARK: emitting

    /// Emits `pos..<to` as `token` and moves to `to`.
    @inline(__always)
    mutating func emit(_ token: Token, to: Int) {
        if to > pos {
            let runs = self.runs, last = runs.base + (runs.count &- 1)
            if runs.count > 0 && last.pointee.token == token && Int(last.pointee.end) == pos {
                last.pointee.end = Int32(truncatingIfNeeded: to)
            } else {
                runs.append(TokenRun(token: token, start: Int32(truncatingIfNeeded: pos), end: Int32(truncatingIfNeeded: to)))
            }
            pos = to
        }
    }

    @inline(__always)
    mutating func emit(_ token: Token, count: Int) { emit(token, to: pos + count) }

    /// Emits one character (a whole UTF-8 sequence) as `token`.
    mutating func emitChar(_ token: Token) { emit(token, to: charEnd(pos)) }

    /// Emits consecutive pieces: each `(token, end)` covers from the previous end.
    mutating func emit(_ pieces: (Token, Int)...) {
        for (t, e) in pieces { emit(t, to: e) }
    }

    // The common counts without the variadic array, which cost a stack object and its type's
    // metadata at every call.
    @inline(__always)
    mutating func emit(_ a: (Token, Int), _ b: (Token, Int)) {
        emit(a.0, to: a.1)
        emit(b.0, to: b.1)
    }

    @inline(__always)
    mutating func emit(_ a: (Token, Int), _ b: (Token, Int), _ c: (Token, Int)) {
        emit(a.0, to: a.1)
        emit(b.0, to: b.1)
        emit(c.0, to: c.1)
    }

    @inline(__always)
    mutating func emit(_ a: (Token, Int), _ b: (Token, Int), _ c: (Token, Int), _ d: (Token, Int)) {
        emit(a.0, to: a.1)
        emit(b.0, to: b.1)
        emit(c.0, to: c.1)
        emit(d.0, to: d.1)
    }

    // MARK: matching

    /// True when the bytes of `lit` are at index `i` (default `pos`). Inlined: lexers call it
    /// with short literals at most steps, and the call cost more than the comparison.
    @inline(__always)
    func has(_ lit: StaticString, at i: Int? = nil) -> Bool {
        let i = i ?? pos
        let n = lit.utf8CodeUnitCount
        guard i + n <= end, i >= start else { return false }
        let p = lit.utf8Start
        for k in 0..<n where base[i + k] != p[k] { return false }
        return true
    }

    /// Like `has`, ignoring ASCII case (`lit` must be lowercase).
    func hasIgnoringCase(_ lit: StaticString, at i: Int? = nil) -> Bool {
        let i = i ?? pos
        let n = lit.utf8CodeUnitCount
        guard i + n <= end, i >= start else { return false }
        let p = lit.utf8Start
        for k in 0..<n {
            var c = base[i + k]
            if c >= 65 && c <= 90 { c |= 0x20 }
            if c != p[k] { return false }
        }
        return true
    }

    /// `lit` at `i` followed by a word boundary (`\b`).
    @inline(__always)
    func hasWord(_ lit: StaticString, at i: Int? = nil) -> Bool {
        let i = i ?? pos
        return has(lit, at: i) && !wordAt(i + lit.utf8CodeUnitCount)
    }

    /// Ruby's ASCII `\w` for one byte.
    @inline(__always)
    func isWord(_ c: UInt8) -> Bool { CharSet.word.contains(c) }

    /// Whether the character at `i` counts as a word character for `\b`, which in Ruby's regexes
    /// (unlike `\w`) takes in every Unicode letter, mark, digit and connector.
    func wordAt(_ i: Int) -> Bool {
        guard i < end && i >= start else { return false }
        let c = base[i]
        if c < 0x80 { return CharSet.word.contains(c) }
        return nonASCIIWordAt(i)
    }

    /// `wordAt` past ASCII, out of line (see `skip(_:unicode:from:)`).
    @inline(never)
    private func nonASCIIWordAt(_ i: Int) -> Bool {
        guard let (u, _) = scalar(at: i) else { return false }
        return UnicodeClass.isWord(u)
    }

    /// Whether the character ending just before `i` is a word character (for `\b`).
    func wordBefore(_ i: Int) -> Bool {
        guard i > start else { return false }
        var j = i - 1
        while j > start && base[j] & 0xC0 == 0x80 { j -= 1 }
        return wordAt(j)
    }

    /// Ruby's `\b` at index `i`.
    func isBoundary(_ i: Int) -> Bool { wordBefore(i) != wordAt(i) }

    /// The first index ≥ `i` whose byte is not in `set`.
    @inline(__always)
    func skip(_ set: CharSet, from i: Int) -> Int {
        var j = i
        while j < end && set.contains(base[j]) { j += 1 }
        return j
    }

    /// The index after the run of `set` bytes starting at `pos`.
    @inline(__always)
    func skip(_ set: CharSet) -> Int { skip(set, from: pos) }

    /// The first index ≥ `i` holding byte `c`, or nil; eight bytes at a time (comments and
    /// strings are searched to their line end).
    func find(_ c: UInt8, from i: Int) -> Int? {
        var j = i
        let high: UInt64 = 0x8080_8080_8080_8080, low = ~high
        let pattern = 0x0101_0101_0101_0101 &* UInt64(c)
        while j &+ 8 <= end {
            let x = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self) ^ pattern
            // the high bit of each zero lane exactly (no borrow between lanes)
            let zeros = ~(((x & low) &+ low) | x | low)
            if zeros != 0 { return j &+ zeros.trailingZeroBitCount >> 3 }
            j &+= 8
        }
        while j < end {
            if base[j] == c { return j }
            j += 1
        }
        return nil
    }

    /// The first index ≥ `i` where `lit` starts, or nil.
    func find(_ lit: StaticString, from i: Int) -> Int? {
        let first = lit.utf8Start[0]
        var j = i
        while j < end {
            if base[j] == first && has(lit, at: j) { return j }
            j += 1
        }
        return nil
    }

    /// The end of `[set]+(?:_[set]+)*` at `i` (digits grouped by single underscores), or nil.
    func underscoredRun(_ set: CharSet = .digit, from i: Int) -> Int? {
        var e = skip(set, from: i)
        guard e > i else { return nil }
        while at(e) == 95 && set.contains(at(e + 1)) && e + 1 < end { e = skip(set, from: e + 1) }
        return e
    }

    /// The end of an exponent `[eE][+-]?\d+` at `i` (most languages' floats), or nil.
    func exponent(at i: Int) -> Int? {
        guard at(i) | 0x20 == 101 else { return nil }
        let sign = at(i + 1) == 43 || at(i + 1) == 45 ? i + 2 : i + 1
        let e = skip(.digit, from: sign)
        return e > sign ? e : nil
    }

    /// The index of the next newline at or after `i`, or the window end.
    func lineEnd(from i: Int) -> Int { find(10, from: i) ?? end }

    /// The index just past the newline ending the line at `i` (or the window end).
    func nextLine(from i: Int) -> Int { min(lineEnd(from: i) + 1, end) }

    /// The end of the UTF-8 character starting at `i`.
    func charEnd(_ i: Int) -> Int {
        guard i < end else { return i }
        let c = base[i]
        let n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
        var j = i + 1
        while j < end && j < i + n && base[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }

    /// The Unicode scalar starting at `i` and the index after it (nil at the end).
    func scalar(at i: Int) -> (Unicode.Scalar, Int)? {
        guard i < end else { return nil }
        let c = base[i]
        if c < 0x80 { return (Unicode.Scalar(c), i + 1) }
        let e = charEnd(i)
        var value: UInt32 = c < 0xE0 ? UInt32(c & 0x1F) : c < 0xF0 ? UInt32(c & 0x0F) : UInt32(c & 0x07)
        for k in (i + 1)..<e { value = value << 6 | UInt32(base[k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", e)
    }

    /// The bytes `a..<b` as a string (for diagnostics and the rare lookup by name).
    func text(_ a: Int, _ b: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + a, count: b - a), as: UTF8.self)
    }

    func contains(_ words: WordSet, _ a: Int, _ b: Int) -> Bool { words.contains(base + a, b - a) }

    // MARK: delegation

    /// Runs `body` with the window narrowed to `a..<b`, then restores it and moves to `b`.
    mutating func within(_ a: Int, _ b: Int, _ body: (inout Scan) -> Void) {
        let (oldStart, oldEnd) = (start, end)
        // Runs stay in order only when the window starts at or after the position and the
        // runs made in it end by its end, where the position goes next.
        if min(a, b) < pos { runs.inOrder = false }
        start = a
        end = b
        pos = a
        body(&self)
        if runs.count > 0 && Int(runs.base[runs.count &- 1].end) > b { runs.inOrder = false }
        start = oldStart
        end = oldEnd
        pos = b
    }
}
