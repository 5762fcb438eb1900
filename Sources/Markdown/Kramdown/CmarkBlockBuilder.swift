import CByteScan
import Foundation

/// Builds kramdown's block tree from cmark-gfm's: cmark-gfm parses the document, and each of its
/// block nodes becomes the `Element` kramdown would have made, its raw text cut from the source
/// lines the node covers (so `TreeUpdate`'s span grammar sees what kramdown's would).
///
/// cmark and kramdown do not always agree where a block starts or ends. Every node is checked
/// against kramdown's rules at its position first; where kramdown would read something else (a
/// construct cmark cannot see — IALs, ALDs, extensions, definition lists, abbreviations, math
/// blocks, HTML read to its close tag, tables — or a block kramdown ends elsewhere), the lines
/// from there are read by kramdown's grammar (`BlockParser`) up to the next line where a cmark
/// node starts and kramdown agrees again.
final class CmarkBlockBuilder {
    /// kramdown's grammar, for the blocks cmark's tree does not give as kramdown reads them.
    let grammar: BlockParser
    /// Blocks taken from cmark's tree, and blocks read by kramdown's grammar instead.
    @exclusivity(unchecked) var counts = BlockCounts()
    /// Whether `counts.grammarReads` is kept (a measurement for the tests).
    var tallyGrammarReads = false
    /// cmark's blocks for the document being built.
    @exclusivity(unchecked) var cmark = CmarkBlockTree()

    struct BlockCounts: Equatable {
        var fromCmark = 0
        var fromGrammar = 0
        /// What the grammar read, by kind, and which cmark node (if one started there) it read
        /// instead: `"p<-paragraph"`, `"html<-"` (no cmark node there), `"none<-"` (definitions).
        var grammarReads: [String: Int] = [:]
    }

    init(context: SpanParser.Context, root: Element) {
        grammar = BlockParser(context: context, root: root)
    }

    func build(_ root: Element, source: Bytes) {
        // the document's lines, found once for cmark's shortened source and for the walk
        let view = SourceView(source, firstLine: 0)
        cmark = CmarkBlockTree(parsing: source, laterLineStarts: view.laterLineStarts)
        walk(root, view, cmark.top)
    }

    /// Appends to `el` the blocks of `view`, whose cmark nodes are `blocks` (in `cmark`).
    func walk(_ el: Element, _ view: SourceView, _ blocks: Range<Int>) {
        let saved = (grammar.src, grammar.pos, grammar.tree, grammar.blockIAL, grammar.lines, grammar.blockStartLine)
        defer { (grammar.src, grammar.pos, grammar.tree, grammar.blockIAL, grammar.lines, grammar.blockStartLine) = saved }
        grammar.src = view.bytes
        // the view's lines are its source lines (0-based here), one for one: warnings count them
        grammar.lines = LineCounter(firstLine: view.firstLine + 1)
        grammar.tree = el
        grammar.blockIAL = nil
        grammar.stopFound = false
        let src = view.bytes
        // room for the blocks and the blank runs between them, for a container with several
        if blocks.count >= 4, !el.hasChildren { el.children.reserveCapacity(2 * blocks.count + 1) }
        var p = 0
        var next = blocks.lowerBound
        // the offsets asked for only grow: their lines are counted on from the last one
        var cursor = view.lineCursor()
        while p < src.count {
            if let end = Scan.blankLines(src, p) {
                grammar.pos = p
                grammar.parseBlankLines(end)
                p = end
                continue
            }
            let line = view.sourceLine(at: p, &cursor)
            grammar.blockStartLine = line + 1
            while next < blocks.upperBound, cmark[next].endLine < line { next += 1 }
            if next < blocks.upperBound, cmark[next].startLine <= line, view.offset(ofLine: line) == p {
                // the rest of a paragraph whose first lines kramdown read as something else (an
                // IAL, a link definition) is a paragraph to cmark still
                var block = cmark[next]
                if block.startLine < line, block.kind == .paragraph { block.startLine = line }
                if block.startLine == line, let end = place(block, at: p, view) {
                    counts.fromCmark += 1
                    p = end
                    if view.sourceLine(at: max(end - 1, 0), &cursor) >= cmark[next].endLine { next += 1 }
                    continue
                }
            }
            counts.fromGrammar += 1
            grammar.pos = p
            let before = el.children.count, lastBefore = el.children.last
            if !grammar.parseBlock() {
                grammar.warn("Warning: this should not occur - no block parser handled the line", .none)
                grammar.addText(grammar.line(at: p))
                grammar.pos = grammar.nextLine(p)
            }
            if tallyGrammarReads {
                let replaced = next < blocks.upperBound && cmark[next].startLine == line ? "\(cmark[next].kind)" : ""
                let read = el.children.count > before || el.children.last !== lastBefore
                    ? el.children.last.map { "\($0.kind)" } ?? "none" : "none"
                counts.grammarReads[read + "<-" + replaced, default: 0] += 1
            }
            p = grammar.pos
        }
        grammar.stopFound = false
    }

    /// Appends the element for cmark's `block` at `p` when kramdown reads the same block there;
    /// returns the end of its lines, or nil (and appends nothing) when kramdown reads otherwise.
    private func place(_ block: CmarkBlock, at p: Int, _ view: SourceView) -> Int? {
        switch block.kind {
        case .paragraph: return paragraph(block, at: p, view)
        case .heading: return heading(block, at: p, view)
        case .thematicBreak: return rule(at: p)
        case .codeBlock: return block.fenced ? fencedCode(block, at: p, view) : indentedCode(block, at: p, view)
        case .blockQuote: return blockquote(block, at: p, view)
        case .list: return list(block, at: p, view)
        case .htmlBlock, .footnoteDefinition, .item, .other: return nil
        }
    }
}

/// The lines a container's blocks are read from, as kramdown reads them: the source lines with
/// the container's markers and indentation removed, each line still tied to its source line.
struct SourceView {
    let bytes: Bytes
    /// The source line of the view's first line.
    let firstLine: Int
    /// Where each line after the first starts in `bytes` (the first starts at 0 when there are
    /// bytes): most list items are one line, and their views then allocate nothing.
    let laterLineStarts: [Int]
    /// How many lines the view has.
    var lineCount: Int { bytes.isEmpty ? 0 : laterLineStarts.count + 1 }

    init(_ bytes: Bytes, firstLine: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
        var starts: [Int] = []
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, b.count > 0 else { return }
            // a page's lines (about one a 40 bytes here) found 64 bytes a step and written into
            // room made at once (a `memchr` call a line cost more than its scan); made again at
            // the exact count for a page of shorter lines
            if b.count > 512 {
                var room = b.count / 32
                while true {
                    var total = 0
                    let found = [Int](unsafeUninitializedCapacity: room) { buffer, count in
                        total = kyll_line_starts(base, b.count, buffer.baseAddress!, buffer.count)
                        count = min(total, buffer.count)
                    }
                    if total <= room {
                        starts = found
                        return
                    }
                    room = total
                }
            }
            // a newline that is the last byte starts no line
            let last = b.count - 1
            var i = 0, done = false
            @inline(__always) func nextStart() -> Int? {
                guard !done, i < last, let hit = memchr(base + i, Int32(Byte.newline), last - i) else {
                    done = true
                    return nil
                }
                i = UnsafeRawPointer(base).distance(to: hit) + 1
                return i
            }
            // short views (most list items) stay without an array until a line is found
            while let start = nextStart() { starts.append(start) }
        }
        laterLineStarts = starts
    }

    /// The source line holding offset `p`.
    func sourceLine(at p: Int) -> Int {
        // how many later lines start at or before `p`
        var lo = 0, hi = laterLineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if laterLineStarts[mid] <= p { lo = mid + 1 } else { hi = mid }
        }
        return firstLine + lo
    }

    /// How many later lines start at or before an offset, for `sourceLine(at:_:)`.
    struct LineCursor { fileprivate var count = 0 }

    func lineCursor() -> LineCursor { LineCursor() }

    /// A cursor at the line holding offset `p` (found by a binary search), for offsets from there on.
    func lineCursor(at p: Int) -> LineCursor { LineCursor(count: sourceLine(at: p) - firstLine) }

    /// `sourceLine(at:)` for offsets that mostly grow: the cursor moves on from the last offset's
    /// line instead of a binary search each time (a search again only when `p` went back).
    func sourceLine(at p: Int, _ cursor: inout LineCursor) -> Int {
        var k = cursor.count
        if k > 0, laterLineStarts[k - 1] > p { return sourceLineResetting(at: p, &cursor) }
        let starts = laterLineStarts
        while k < starts.count, starts[k] <= p { k += 1 }
        cursor.count = k
        return firstLine + k
    }

    private func sourceLineResetting(at p: Int, _ cursor: inout LineCursor) -> Int {
        let line = sourceLine(at: p)
        cursor.count = line - firstLine
        return line
    }

    /// Where source line `line` starts in the view.
    func offset(ofLine line: Int) -> Int? {
        let k = line - firstLine
        guard k >= 0, k < lineCount else { return nil }
        return k == 0 ? 0 : laterLineStarts[k - 1]
    }

    /// Where the line after source line `line` starts (the end of the view after its last line).
    /// (Inlined: each paragraph asks twice, and the call cost as much as the answer.)
    @inline(__always) func offset(after line: Int) -> Int {
        let k = line - firstLine + 1
        guard k < lineCount else { return bytes.count }
        return k <= 0 ? 0 : laterLineStarts[k - 1]
    }
}
