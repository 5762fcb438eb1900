#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A copy of a document that cmark-gfm parses into the same block tree — the same block kinds on
/// the same lines, with the same list, heading and fence data — with most of each long line left
/// out, for kramdown mode, which reads nothing else of cmark's tree (`CmarkBlockTree`).
///
/// cmark's block parse looks at every byte of a line once to find its end (~10 instructions a
/// byte, over half of its time on prose), yet what a line is to the block structure depends
/// only on how it starts and on a few things in the rest of it. A stretch of whole words in a
/// line (after a space, starting with a letter, before a space) becomes the one word `a`, when:
///
/// - it starts past the line's first `keptPrefix` bytes (a list marker's text may start at the
///   third), and nothing before it is `<` or three backticks: the line's content (after any
///   container markers, before the stretch) then starts with neither, so it opens no HTML block
///   and no backtick fence whose info string the stretch could hold;
/// - it holds no `>`: an HTML block's end (`-->`, `?>`, `>`, `]]>`, `</script>` …) is never
///   in it, and none is made, as the word `a` between spaces joins nothing;
/// - no line of its run of non-blank lines holds `]:`: a link reference definition needs one,
///   and a paragraph (whose definitions are read from all its lines) is in one such run, so
///   the lines of every paragraph that may start with a definition are all kept.
///
/// A line with a letter stays one (not blank, no thematic break, setext underline or closing
/// fence), a non-empty line stays non-empty (block ends at column 0 stay so), and the lines,
/// their starts and so their container markers and indentation are all kept.
enum BlockSkeleton {
    /// The bytes of a line always kept. Container markers and indentation hold no word that
    /// starts with a letter after a space, so they are kept whatever this is; the stretch needs
    /// the byte before it.
    static let keptPrefix = 2
    /// How many bytes a stretch must have to be left out (shorter ones are not worth a copy).
    static let minimumStretch = 16
    /// What a stretch becomes: one word, so the line keeps a letter and the spaces around it.
    private static let filler = UInt8(ascii: "a")

    /// `source` with long lines shortened as above; nil when nothing would be left out, then
    /// `source` itself is what cmark should parse. `laterLineStarts`, when given, are where the
    /// lines after the first start (`SourceView.laterLineStarts`), so they are not searched again.
    static func shortened(_ source: Bytes, laterLineStarts: [Int]? = nil) -> Bytes? {
        guard source.count > keptPrefix + minimumStretch else { return nil }
        let starts = laterLineStarts ?? SourceView(source, firstLine: 0).laterLineStarts
        return source.withUnsafeBufferPointer { buffer -> Bytes? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var nextStart = 0
            let labelColons = labelColonOffsets(base, count)
            var nextColon = 0
            var cuts: [Range<Int>] = []
            // room for a cut in every other line (most long lines are prose)
            cuts.reserveCapacity(max(32, starts.count / 2))
            // the current run of non-blank lines, and its first cut (all undone if a line of the
            // run holds `]:`)
            var runStart = 0, runFirstCut = 0
            var lineStart = 0
            while lineStart < count {
                let lineEnd: Int
                if nextStart < starts.count {
                    lineEnd = starts[nextStart] - 1
                    nextStart += 1
                } else {
                    // the last line, and its newline if the source ends with one
                    lineEnd = base[count - 1] == Byte.newline ? count - 1 : count
                }
                if let stretch = stretch(base, lineStart, lineEnd) {
                    cuts.append(stretch)
                } else if isBlank(base, lineStart, lineEnd) {
                    if cuts.count > runFirstCut,
                       holdsLabelColon(labelColons, &nextColon, in: runStart..<lineStart) { cuts.removeSubrange(runFirstCut...) }
                    runStart = lineEnd + 1
                    runFirstCut = cuts.count
                }
                lineStart = lineEnd + 1
            }
            if cuts.count > runFirstCut, holdsLabelColon(labelColons, &nextColon, in: runStart..<count) {
                cuts.removeSubrange(runFirstCut...)
            }
            guard !cuts.isEmpty else { return nil }
            return copy(base, buffer.count, leavingOut: cuts)
        }
    }

    /// The bytes with each cut replaced by `filler`.
    private static func copy(_ base: UnsafePointer<UInt8>, _ count: Int, leavingOut cuts: [Range<Int>]) -> Bytes {
        let dropped = cuts.reduce(0) { $0 + $1.count - 1 }
        return Bytes(unsafeUninitializedCapacity: count - dropped) { out, written in
            guard let to = out.baseAddress else { return }
            var from = 0
            written = 0
            for cut in cuts {
                (to + written).initialize(from: base + from, count: cut.lowerBound - from)
                written += cut.lowerBound - from
                to[written] = filler
                written += 1
                from = cut.upperBound
            }
            (to + written).initialize(from: base + from, count: count - from)
            written += count - from
        }
    }

    /// Whether the line `lineStart..<lineEnd` holds only spaces and tabs.
    private static func isBlank(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> Bool {
        var i = lineStart
        while i < lineEnd, base[i] == Byte.space || base[i] == Byte.tab { i += 1 }
        return i == lineEnd
    }

    /// The stretch of the line `lineStart..<lineEnd` to leave out, if it has one.
    private static func stretch(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> Range<Int>? {
        guard lineEnd - lineStart >= keptPrefix + minimumStretch + 2 else { return nil }
        // the first word after the kept prefix that starts with a letter (a line's first words
        // are often marked up: `*emphasis*`, `[a link](…)`)
        var start = lineStart + keptPrefix
        let searchEnd = lineEnd - minimumStretch
        while start < searchEnd, !(base[start - 1] == Byte.space && isLetter(base[start])) { start += 1 }
        guard start < searchEnd, holdsNoTagOrFence(base, lineStart, start) else { return nil }
        // up to the last space, or the last space before a `>`
        var end = lineEnd - 1
        if let gt = memchr(base + start, Int32(Byte.gt), end - start) {
            end = UnsafeRawPointer(base).distance(to: gt)
        }
        while end > start, base[end] != Byte.space { end -= 1 }
        return end - start >= minimumStretch ? start..<end : nil
    }

    /// Whether `from..<to` holds no `<` and no three backticks in a row (a backtick fence opener
    /// would): one pass over the bytes before a stretch.
    private static func holdsNoTagOrFence(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var backticks = 0
        for i in from..<to {
            let c = base[i]
            if c == Byte.lt { return false }
            backticks = c == Byte.backtick ? backticks + 1 : 0
            if backticks == 3 { return false }
        }
        return true
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- UInt8(ascii: "a") < 26 }

    /// Whether one of the offsets `colons` (in order; those before `next` are before `range`)
    /// is in `range`; moves `next` past those before it.
    private static func holdsLabelColon(_ colons: [Int], _ next: inout Int, in range: Range<Int>) -> Bool {
        while next < colons.count, colons[next] < range.lowerBound { next += 1 }
        return next < colons.count && colons[next] < range.upperBound
    }

    /// Where `]:` occurs in the bytes (the offsets of the colons, in order).
    private static func labelColonOffsets(_ base: UnsafePointer<UInt8>, _ count: Int) -> [Int] {
        var offsets: [Int] = []
        var i = 1
        while i < count, let hit = memchr(base + i, Int32(Byte.colon), count - i) {
            let at = UnsafeRawPointer(base).distance(to: hit)
            if base[at - 1] == Byte.rbracket { offsets.append(at) }
            i = at + 1
        }
        return offsets
    }
}
