import Foundation

/// Fenced code blocks: the opening fence, an optional language word, and the closing fence.
extension BlockParser {
    func fenceStart() -> Bool { Scan.fenceStart(src, pos, gfm: gfm) }

    /// FENCED_CODEBLOCK_MATCH: the fence, an optional language word, and a closing fence that
    /// repeats the opening one; a longer opening run may be read as a shorter fence when only that
    /// finds a closing line.
    func parseFencedCodeblock() -> Bool {
        guard let f = Self.fencedCode(src, pos, gfm: gfm) else { return false }
        let el = newBlock(.codeblock, string(f.body.lowerBound, f.body.upperBound))
        if let word = f.word {
            el.lang = src.string(word)
            el.attrs["class"] = "language-" + src.string(word.lowerBound..<f.nameEnd)
        }
        pos = f.end
        append(el)
        return true
    }

    /// A fenced code block as kramdown reads it: the body, the language word (and where its
    /// name ends, before a `?`), and the end after the closing fence.
    struct FencedCode {
        var body: Range<Int>
        var word: Range<Int>?
        var nameEnd: Int
        var end: Int
    }

    static func fencedCode(_ src: Bytes, _ pos: Int, gfm: Bool) -> FencedCode? {
        let lead = gfm ? Scan.leadingSpaces(src, pos) : 0
        let start = pos + lead
        var runEnd = start
        while let c = src.at(runEnd), c == Byte.tilde || (gfm && c == Byte.backtick) { runEnd += 1 }
        var length = runEnd - start
        while length >= 3 {
            defer { length -= 1 }
            let fenceEnd = start + length
            let e = src.lineEnd(from: fenceEnd)
            guard e < src.count else { return nil }
            // [\s]*? then one optional word then [\s]*? then the newline
            var i = fenceEnd
            while i < e, Byte.isSpace(src[i]) { i += 1 }
            let wordStart = i
            while i < e, !Byte.isSpace(src[i]) { i += 1 }
            let wordEnd = i
            while i < e, Byte.isSpace(src[i]) { i += 1 }
            guard i == e else { continue }
            let bodyStart = e + 1
            guard let (closeStart, closeEnd) = closingFence(src, from: bodyStart, fence: start..<fenceEnd, gfm: gfm) else { continue }
            var nameEnd = wordEnd
            if wordEnd > wordStart, let q = src[wordStart..<wordEnd].dropFirst().firstIndex(of: Byte.question) { nameEnd = q }
            return FencedCode(body: bodyStart..<closeStart, word: wordEnd > wordStart ? wordStart..<wordEnd : nil,
                              nameEnd: nameEnd, end: closeEnd)
        }
        return nil
    }

    /// The first line from `p` on that closes the fence: the fence's characters (and more of its
    /// last one), then whitespace.
    private static func closingFence(_ src: Bytes, from p: Int, fence: Range<Int>, gfm: Bool) -> (Int, Int)? {
        src.withUnsafeBufferPointer { b -> (Int, Int)? in
            guard let base = b.baseAddress else { return nil }
            let n = b.count
            var l = p
            let first = b[fence.lowerBound], last = b[fence.upperBound - 1]
            while l < n {
                // (more than three spaces are too many: not counted on)
                var lead = 0
                if gfm { while lead < 4, l + lead < n, b[l + lead] == Byte.space { lead += 1 } }
                var i = l + lead
                // most lines of code do not start with the fence's first byte: the rest untested
                if lead <= 3, i < n, b[i] == first, n >= i + fence.count,
                   memcmp(base + i, base + fence.lowerBound, fence.count) == 0 {
                    i += fence.count
                    while i < n, b[i] == last { i += 1 }
                    while i < n, Scan.isInlineSpace(b[i]) { i += 1 }
                    if i < n, b[i] == Byte.newline { return (l, i + 1) }
                }
                guard let hit = memchr(base + l, Int32(Byte.newline), n - l) else { return nil }
                l = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return nil
        }
    }
}
