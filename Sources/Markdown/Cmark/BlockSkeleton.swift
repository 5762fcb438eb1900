#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A copy of a document from which cmark-gfm's block tree comes out the same — the same block
/// kinds on the same lines, with the same list, heading and fence data — once `CmarkBlockTree`
/// has put back the whole blocks left out and counted the lines as in the source (parsing the
/// whole source when a block spans one left out); most of each long line is left out too. For
/// kramdown mode, which reads nothing else of cmark's tree.
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
///
/// Whole blocks are left out too: a paragraph whose lines all start with a letter or another
/// plain byte (`startsPlainParagraph`), an ATX header (`headingLevel`), a fenced code block
/// (`fenceOpener`) or a list of one-line items (`listItemKind`: one item a line, each a
/// paragraph; a bullet's item may hold a list of such items, `listLine`) that starts a line
/// after a blank line is left out with the blank line after it when a non-blank line follows
/// (for a list, one that cannot continue it).
/// After a blank line such a line closes every container, so it starts a block at the top
/// level unless it is inside a top-level fence or HTML block (blocks that end only at a later
/// line or at the end), and then the shortened source's block holds the next kept line too:
/// `CmarkBlockTree` puts the blocks back between the top-level blocks, and parses again keeping
/// the lines when a block spans one.
enum BlockSkeleton {
    /// The bytes of a line always kept. Container markers and indentation hold no word that
    /// starts with a letter after a space, so they are kept whatever this is; the stretch needs
    /// the byte before it.
    static let keptPrefix = 2
    /// How many bytes a stretch must have to be left out (shorter ones are not worth a copy).
    static let minimumStretch = 16
    /// What a stretch becomes: one word, so the line keeps a letter and the spaces around it.
    private static let filler = UInt8(ascii: "a")

    /// The copy cmark parses, and the source lines left out of it.
    struct Skeleton: Equatable {
        var bytes: Bytes
        /// How many lines the source has.
        var sourceLineCount: Int
        /// The blocks left out, in order.
        var dropped: [DroppedBlock] = []
        /// The lines of the items of lists nested in a list left out (`DroppedBlock.Kind.tightList`),
        /// in order.
        var nestedItemLines: [Int] = []
    }

    /// A block left out: a paragraph, an ATX header or a fenced code block, on `lineCount`
    /// source lines from `line`, the blank line after it included.
    struct DroppedBlock: Equatable {
        enum Kind: Equatable {
            case paragraph, heading(level: Int), fencedCode
            /// A list of one-line items, one on each line, each item holding a paragraph; `marker`
            /// is the items' bullet, or their number's `.` or `)`.
            case tightList(marker: UInt8)
        }
        var line: Int
        var lineCount: Int
        var kind: Kind
    }

    /// A part of the source left out of the copy: a stretch (which becomes `filler`) or whole lines.
    private struct Cut {
        var range: Range<Int>
        var isStretch: Bool
    }

    /// A block that may be left out with the blank line after it.
    private struct Candidate {
        var line: Int
        var lastLine: Int
        var kind: DroppedBlock.Kind
        /// Where its first line starts.
        var start: Int
        /// In a list: the bullet of the list nested in its last item, 0 when none.
        var nestedBullet: UInt8 = 0
    }

    /// A fence opened at the start of a line after a blank line, not yet closed.
    private struct OpenFence {
        var line: Int
        var start: Int
        var char: UInt8
        var length: Int
    }

    /// `source` shortened as above; nil when nothing would be left out, then `source` itself is
    /// what cmark should parse. `laterLineStarts`, when given, are where the lines after the
    /// first start (`SourceView.laterLineStarts`), so they are not searched again. Whole blocks
    /// are left out only when `droppingBlocks`.
    static func shortened(_ source: Bytes, laterLineStarts: [Int]? = nil, droppingBlocks: Bool = true) -> Skeleton? {
        guard source.count > keptPrefix + minimumStretch else { return nil }
        let starts = laterLineStarts ?? SourceView(source, firstLine: 0).laterLineStarts
        return source.withUnsafeBufferPointer { buffer -> Skeleton? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            let labelColons = labelColonOffsets(base, count)
            var nextColon = 0
            var cuts: [Cut] = []
            // room for a cut in every other line (most long lines are prose)
            cuts.reserveCapacity(max(32, starts.count / 2))
            var dropped: [DroppedBlock] = []
            if droppingBlocks { dropped.reserveCapacity(max(16, starts.count / 2)) }
            // the current run of non-blank lines, and its first cut (all undone if a line of the
            // run holds `]:`)
            var runStart = 0, runFirstCut = 0
            var lineStart = 0, line = 0
            var previousIsBlank = true, mayBeInFence = false
            // whether a list, quote or indented block may still be open: the next block that
            // could be left out is kept, so that it closes the container in cmark's source too
            // (a list before it and one after it would be one list there)
            var containerMayBeOpen = false
            var candidate: Candidate?, openFence: OpenFence?
            // whether `candidate` is followed by a blank line, the line before: it is left out with
            // it unless this line keeps it (one block carried from line to line, not two: fewer
            // values live across the loop, which spilled them to the stack)
            var candidateIsFollowedByBlank = false
            // the nested items of the list that is `candidate`
            var nestedItemLines: [Int] = [], candidateNestedItemLines: [Int] = []
            // where line `k` ends: before the next line's start; the last line before the
            // source's final newline, if it has one
            let lastLineEnd = base[count - 1] == Byte.newline ? count - 1 : count
            @inline(__always) func end(ofLine k: Int) -> Int { k < starts.count ? starts[k] - 1 : lastLineEnd }
            // a block that could be left out gets its lines' stretches only when it is kept
            // (most are left out, and their stretches with them; no later line has a cut yet)
            func keep(_ c: Candidate) {
                var from = c.start
                for k in c.line...c.lastLine {
                    let to = end(ofLine: k)
                    if let stretch = stretch(base, from, to) { cuts.append(Cut(range: stretch, isStretch: true)) }
                    from = to + 1
                }
            }
            while lineStart < count {
                let lineEnd = end(ofLine: line)
                let blank = isBlank(base, lineStart, lineEnd)
                if candidateIsFollowedByBlank, let c = candidate {
                    candidateIsFollowedByBlank = false
                    candidate = nil
                    if blank {
                        keep(c)
                        runFirstCut = cuts.count
                    } else if c.kind.isList, mayOpenContainer(base, lineStart, lineEnd) {
                        // a list item or an indented line after the blank line would continue the list
                        keep(c)
                        runFirstCut = cuts.count
                    } else {
                        // (a list left out leaves no container open in cmark's source)
                        if c.kind.isList { containerMayBeOpen = false }
                        // (blocks left out one after another are one cut, so that `copy` does not
                        // copy the nothing between them: most of a post's blocks are left out)
                        if let last = cuts.last, !last.isStretch, last.range.upperBound == c.start {
                            cuts[cuts.count - 1].range = last.range.lowerBound..<lineStart
                        } else {
                            cuts.append(Cut(range: c.start..<lineStart, isStretch: false))
                        }
                        dropped.append(DroppedBlock(line: c.line, lineCount: line - c.line, kind: c.kind))
                        if c.kind.isList { nestedItemLines += candidateNestedItemLines }
                        runFirstCut = cuts.count
                    }
                }
                if blank {
                    // a block ending on the line before is left out if its run holds no `]:`
                    // (a paragraph's stretch is not cut then either)
                    if let c = candidate, c.lastLine == line - 1 {
                        if holdsLabelColon(labelColons, &nextColon, in: runStart..<lineStart) {
                            cuts.removeLast(cuts.count - runFirstCut)
                        } else if !c.kind.isList || lineEnd == lineStart {
                            // (cmark ends a list on a blank line of spaces, not on the line before)
                            candidateIsFollowedByBlank = true
                        }
                    } else if cuts.count > runFirstCut, holdsLabelColon(labelColons, &nextColon, in: runStart..<lineStart) {
                        cuts.removeLast(cuts.count - runFirstCut)
                    }
                    if !candidateIsFollowedByBlank { candidate = nil }
                    runStart = lineEnd + 1
                    runFirstCut = cuts.count
                } else if var c = candidate, c.kind == .paragraph, startsPlainParagraph(base, lineStart, lineEnd) {
                    // a line that continues the paragraph
                    c.lastLine = line
                    candidate = c
                } else if var c = candidate, case .tightList(let marker) = c.kind,
                          let bullet = listLine(base, lineStart, lineEnd, marker: marker, nestedBullet: c.nestedBullet) {
                    // the next item of the list, or of the list nested in its last item
                    c.lastLine = line
                    c.nestedBullet = bullet
                    if bullet != 0 { candidateNestedItemLines.append(line) }
                    candidate = c
                } else {
                    if let c = candidate { keep(c) }
                    candidate = nil
                    if let fence = openFence {
                        if closesFence(fence, base, lineStart, lineEnd) {
                            openFence = nil
                            mayBeInFence = false
                            candidate = Candidate(line: fence.line, lastLine: line, kind: .fencedCode, start: fence.start)
                        }
                    } else if opensFence(base, lineStart, lineEnd) {
                        mayBeInFence.toggle()
                        if mayBeInFence, droppingBlocks, previousIsBlank, base[lineStart] != Byte.space {
                            if containerMayBeOpen {
                                containerMayBeOpen = false
                            } else if let (char, length) = fenceOpener(base, lineStart, lineEnd) {
                                openFence = OpenFence(line: line, start: lineStart, char: char, length: length)
                            }
                        }
                    } else if mayOpenContainer(base, lineStart, lineEnd) {
                        // a list that starts at the top level may be left out whole, if its
                        // lines are all one-line items (it is open in cmark's source until then)
                        if droppingBlocks, previousIsBlank, !mayBeInFence, !containerMayBeOpen, lineEnd < count,
                           let kind = listItemKind(base, lineStart, lineEnd) {
                            candidate = Candidate(line: line, lastLine: line, kind: kind, start: lineStart)
                            candidateNestedItemLines.removeAll(keepingCapacity: true)
                        }
                        containerMayBeOpen = true
                    } else if previousIsBlank, !mayBeInFence {
                        // a line that starts at the top level: a block that could be left out is
                        // kept when it closes a container
                        let level = headingLevel(base, lineStart, lineEnd)
                        if containerMayBeOpen {
                            containerMayBeOpen = false
                        } else if droppingBlocks, lineEnd < count, level > 0 || startsPlainParagraph(base, lineStart, lineEnd) {
                            candidate = Candidate(line: line, lastLine: line, kind: level > 0 ? .heading(level: level) : .paragraph,
                                                  start: lineStart)
                        }
                    }
                    // (the lines of a block that may be left out, a fence's too, get theirs if it is kept)
                    if candidate == nil, openFence == nil, let stretch = stretch(base, lineStart, lineEnd) {
                        cuts.append(Cut(range: stretch, isStretch: true))
                    }
                }
                previousIsBlank = blank
                lineStart = lineEnd + 1
                line += 1
            }
            // (a block followed by the last line, a blank one, is kept)
            if let c = candidate { keep(c) }
            if cuts.count > runFirstCut, holdsLabelColon(labelColons, &nextColon, in: runStart..<count) {
                cuts.removeLast(cuts.count - runFirstCut)
            }
            guard !cuts.isEmpty else { return nil }
            return Skeleton(bytes: copy(base, buffer.count, leavingOut: cuts), sourceLineCount: line, dropped: dropped,
                            nestedItemLines: nestedItemLines)
        }
    }

    /// The bytes with each stretch replaced by `filler` and the lines cut left out.
    private static func copy(_ base: UnsafePointer<UInt8>, _ count: Int, leavingOut cuts: [Cut]) -> Bytes {
        let dropped = cuts.reduce(0) { $0 + $1.range.count - ($1.isStretch ? 1 : 0) }
        return Bytes(unsafeUninitializedCapacity: count - dropped) { out, written in
            guard let to = out.baseAddress else { return }
            var from = 0
            written = 0
            for cut in cuts {
                (to + written).initialize(from: base + from, count: cut.range.lowerBound - from)
                written += cut.range.lowerBound - from
                if cut.isStretch {
                    to[written] = filler
                    written += 1
                }
                from = cut.range.upperBound
            }
            (to + written).initialize(from: base + from, count: count - from)
            written += count - from
        }
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

    /// Whether the line closes `fence` as cmark reads a closing fence: up to three spaces, at
    /// least as many of the fence's character, then only spaces and tabs.
    private static func closesFence(_ fence: OpenFence, _ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> Bool {
        var i = lineStart
        while i < lineEnd, i - lineStart < 3, base[i] == Byte.space { i += 1 }
        let run = i
        while i < lineEnd, base[i] == fence.char { i += 1 }
        guard i - run >= fence.length else { return false }
        while i < lineEnd, base[i] == Byte.space || base[i] == Byte.tab { i += 1 }
        return i == lineEnd
    }

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

extension BlockSkeleton.DroppedBlock.Kind {
    var isList: Bool {
        if case .tightList = self { return true }
        return false
    }
}
