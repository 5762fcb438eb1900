import Foundation

/// Blockquotes and lists from cmark's nodes. kramdown decides a container's lines by its own rules
/// (a blockquote runs to a blank line, a list item takes indented and lazy lines); when those
/// lines hold the same blocks cmark found, the container's children come from cmark's children,
/// read over the container's lines with its markers and indentation removed.
extension CmarkBlockBuilder {
    func blockquote(_ block: CmarkBlock, at p: Int, _ view: SourceView) -> Int? {
        let src = view.bytes
        guard Scan.indent(src, p) == nil, Scan.blockquoteStart(src, p) != nil else { return nil }
        var end = grammar.nextLine(p)
        while end < src.count, !Scan.lazyEnd(src, end) { end = grammar.nextLine(end) }
        // cmark's quote may stop earlier, before lines that are blank once `>` is gone
        let cmarkEnd = view.offset(after: block.endLine)
        guard cmarkEnd <= end else { return nil }
        var inner = Bytes()
        inner.reserveCapacity(end - p)
        var l = p
        while l < end {
            let n = grammar.nextLine(l)
            let skip = Scan.blockquoteStart(src, l) ?? 0
            if l >= cmarkEnd, Scan.hasNonSpace(src, l + skip, n) { return nil }
            inner += src[(l + skip)..<n]
            l = n
        }
        let el = grammar.newBlock(.blockquote)
        grammar.append(el)
        walk(el, SourceView(inner, firstLine: view.sourceLine(at: p)), block.children)
        return end
    }

    /// A list, when kramdown's item lines (its indentation, lazy-line and blank-line rules) start
    /// the same items cmark found and end where cmark's list ends.
    func list(_ block: CmarkBlock, at p: Int, _ view: SourceView) -> Int? {
        let src = view.bytes
        guard !block.parenDelimiter, Scan.indent(src, p) == nil,
              let firstMarker = Scan.listStart(src, p, maxIndent: 3), firstMarker.ordered == block.ordered,
              let items = itemLines(of: block, from: p, view) else { return nil }
        // cmark's items start on the same lines
        var matched = 0
        for c in block.children where cmark[c].kind == .item {
            guard matched < items.count, items[matched].firstLine == cmark[c].startLine else { return nil }
            matched += 1
        }
        guard matched == items.count else { return nil }
        // kramdown's list ends where cmark's does, give or take blank lines
        let end = items[items.count - 1].end
        let cmarkEnd = view.offset(after: block.endLine)
        var textEnd = end
        while textEnd > p, Byte.isSpace(src[textEnd - 1]) { textEnd -= 1 }
        guard textEnd <= cmarkEnd, !Scan.hasNonSpace(src, min(cmarkEnd, end), end) else { return nil }
        let list = grammar.newBlock(block.ordered ? .ol : .ul)
        // the items, read from this array (the list's children are the same elements) instead
        // of through the list's accessor for each item
        var lis: [Element] = []
        lis.reserveCapacity(items.count)
        for _ in items {
            let li = grammar.ctx.elementPool.element(.li)
            li.block = true
            // (moved into the array: not retained for it and released here)
            lis.append(consume li)
        }
        list.children = lis
        grammar.append(list)
        var last: Element? = nil
        var k = 0
        for c in block.children where cmark[c].kind == .item {
            let li = lis[k], item = items[k]
            k += 1
            if let text = oneLineItemText(item, cmark[c], src) {
                let blank = blankLines(after: item, src)
                // `settleItem`'s rule for a one-line item: its paragraph is transparent and its only
                // child unless blank lines follow it before another item, or it is the last item
                // and no earlier one opens tight; the paragraph is then kept on the item itself
                let isLast = k == items.count
                if blank == nil || isLast, BlockParser.lastMayOpenTight(isLast: isLast, count: items.count, earlier: lis[..<(k - 1)]) {
                    li.setItemParagraph(src, text, line: item.firstLine + 1)
                    last = blank
                    continue
                }
                let para = grammar.ctx.elementPool.element(.p)
                para.block = true
                para.line = item.firstLine + 1
                para.setPendingSpans(src, text)
                li.children = blank.map { [para, $0] } ?? [para]
            } else {
                walk(li, SourceView(item.textBytes(src), firstLine: item.firstLine), cmark[c].children)
            }
            if !li.hasChildren { continue }
            last = BlockParser.settleItem(k - 1, of: lis, eobFound: false)
        }
        if let last { grammar.append(last) }
        if Self.mayHoldTaskMarker(src, p..<end) { grammar.markTaskList(list) }
        return end
    }

    /// Whether `range` of `source` holds `[`, a space, tab, `x` or `X`, then `]`: an item's first
    /// paragraph opens with such a box to be a task (`markTaskList`), and a paragraph's text keeps
    /// its lines' bytes in order, so a list without one in its lines has no task item.
    static func mayHoldTaskMarker(_ source: Bytes, _ range: Range<Int>) -> Bool {
        source.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            var i = range.lowerBound
            while i + 2 < range.upperBound, let hit = memchr(base + i, Int32(Byte.lbracket), range.upperBound - 2 - i) {
                let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let box = b[k + 1]
                if b[k + 2] == Byte.rbracket, box == Byte.space || box == Byte.tab || box == 0x78 || box == 0x58 { return true }
                i = k + 1
            }
            return false
        }
    }

    struct ItemLines {
        var firstLine: Int
        /// The item's text as kramdown parses it: the first line after its marker, the others
        /// without the item's indentation, blank lines included. Empty while `lineRange` holds it.
        var text: Bytes
        /// An item of one line (and the blank lines after it) whose text is that line of the
        /// list's source from its first byte (most items): the line, not yet copied into `text`.
        var lineRange: Range<Int>?
        /// With `lineRange`: the end of the blank lines after the line (its end when none).
        var blankEnd = 0
        var end: Int

        /// The item's text, `lineRange` and its blank lines copied out of `source`.
        func textBytes(_ source: Bytes) -> Bytes {
            lineRange.map { Array(source[$0.lowerBound..<blankEnd]) } ?? text
        }

        /// Whether a line of the text so far holds a table pipe (`BlockParser.hasTablePipe`).
        func holdsTablePipe(_ source: Bytes) -> Bool {
            if let range = lineRange { return BlockParser.hasTablePipe(source, range.lowerBound) }
            var p = 0
            while p < text.count {
                if BlockParser.hasTablePipe(text, p) { return true }
                p = text.lineEnd(from: p) + 1
            }
            return false
        }

        /// Appends `more` to the text, first copying the item's line into it.
        mutating func append(_ more: some Collection<UInt8>, source: Bytes) {
            if lineRange != nil {
                text = textBytes(source)
                lineRange = nil
            }
            text += more
        }

        /// Appends the blank lines `range` of `source`: a one-line item takes them as a range.
        mutating func appendBlankLines(_ range: Range<Int>, source: Bytes) {
            if lineRange != nil, blankEnd == range.lowerBound {
                blankEnd = range.upperBound
            } else {
                append(source[range], source: source)
            }
        }
    }

    /// The paragraph `walk` would make of a one-line item (blank lines after it included) whose
    /// cmark item holds one paragraph on that line and whose first byte can start no other
    /// block (a letter or another character, and no table pipe in the line), found without the
    /// walk: its text, a range of the list's source `src` instead of a copy. Nil for every other
    /// item. (`src` is the caller's, passed in: reading `grammar.src` here costs a retain and a
    /// release.)
    private func oneLineItemText(_ item: ItemLines, _ cmarkItem: CmarkBlock, _ src: Bytes) -> Range<Int>? {
        guard let range = item.lineRange, cmarkItem.children.count == 1 else { return nil }
        let child = cmark[cmarkItem.children.lowerBound]
        guard child.kind == .paragraph, child.startLine == item.firstLine, child.endLine == item.firstLine,
              Self.startsOnlyTextBlocks(src[range.lowerBound]),
              !BlockParser.hasTablePipe(src, range.lowerBound, lineEnd: range.upperBound - 1) else { return nil }
        // Ruby's strip: the line starts with its first byte, which is no space
        var e = range.upperBound
        while e > range.lowerBound, Byte.isSpace(src[e - 1]) || src[e - 1] == 0 { e -= 1 }
        counts.fromCmark += 1
        grammar.stopFound = false
        return range.lowerBound..<e
    }

    /// The blank lines after a one-line item's line (`oneLineItemText`), as `parseBlankLines`
    /// adds them from the list's source `src`, starting on the item's line as the walk's blocks
    /// would; nil when there are none.
    private func blankLines(after item: ItemLines, _ src: Bytes) -> Element? {
        guard let range = item.lineRange else { return nil }
        let blank = range.upperBound..<item.blankEnd
        if blank.isEmpty { return nil }
        if blank.count == 1, src[blank.lowerBound] == Byte.newline { return grammar.ctx.newlineBlank }
        let blankLines = Element(.blank, src.string(blank))
        blankLines.block = true
        blankLines.line = item.firstLine + 1
        return blankLines
    }

    /// kramdown's list-item collection from `p` for cmark's list `block`, or nil where it does
    /// something cmark cannot follow (an IAL or nothing after a marker, an EOB marker, a list
    /// re-indented into an item).
    private func itemLines(of block: CmarkBlock, from start: Int, _ view: SourceView) -> [ItemLines]? {
        let src = view.bytes
        let ordered = block.ordered
        var items: [ItemLines] = []
        // one allocation for most lists instead of one for each doubling
        items.reserveCapacity(block.shapedBySkeleton ? block.children.count : 8)
        var p = start
        var indentation = 0
        var markerIndent = 3
        var nestedListFound = false, lastIsBlank = false
        if block.shapedBySkeleton {
            // the lines the skeleton read are items as kramdown reads them too: kramdown's rules
            // take over after them (the blank lines after the list and what ends it)
            guard let read = appendSkeletonItems(of: block, view, to: &items) else { return nil }
            (p, indentation, nestedListFound) = read
            markerIndent = BlockParser.markerIndent(indentation)
        }
        // the items' lines only grow: each is counted on from the last
        var lineCursor = view.lineCursor(at: start)
        while p < src.count {
            if lastIsBlank, Scan.horizontalRule(src, p) != nil { break }
            if Scan.eobMarker(src, p) != nil { return nil }
            if let m = Scan.listStart(src, p, maxIndent: markerIndent, only: ordered) {
                // spaces, then a byte that is no space and opens no IAL (most items): the text
                // starts there (a range of the source until a second line comes), and the spaces
                // widen the indentation as `firstListLine` would
                var s = m.markerEnd
                while s < m.lineEnd, src[s] == Byte.space { s += 1 }
                if s < m.lineEnd, !Byte.isSpace(src[s]), src[s] != Byte.lbrace {
                    indentation = s - p
                    // read in the source: the line from `s` is the item's text
                    nestedListFound = Scan.listStart(src, s, maxIndent: 3) != nil
                    items.append(ItemLines(firstLine: view.sourceLine(at: p, &lineCursor), text: [], lineRange: s..<m.lineEnd, blankEnd: m.lineEnd, end: m.lineEnd))
                } else {
                    let rest = Array(src[m.markerEnd..<m.lineEnd])
                    if BlockParser.isBlankOrIALOnly(rest) || BlockParser.listItemIAL(rest) != nil { return nil }
                    let (content, width) = grammar.firstListLine(markerLength: m.markerEnd - p, content: rest)
                    indentation = width
                    nestedListFound = Scan.listStart(content, 0, maxIndent: 3) != nil
                    items.append(ItemLines(firstLine: view.sourceLine(at: p, &lineCursor), text: content, end: m.lineEnd))
                }
                markerIndent = BlockParser.markerIndent(indentation)
                lastIsBlank = false
                p = m.lineEnd
            } else if !items.isEmpty, let end = grammar.contentLine(p, indentation) ?? (lastIsBlank ? nil : grammar.lazyLine(p, indentation)) {
                let (line, indented) = grammar.itemLine(p, end, indentation: indentation)
                let startsList = Scan.listStart(line, 0, maxIndent: 3) != nil
                if nestedListFound && !indented && startsList { return nil }
                if !nestedListFound && indented && startsList {
                    // kramdown parses the text before a list nested without a blank line apart
                    // from the list, so a table there ends at the list; cmark's paragraph ends
                    // there too, but `walk` hands such a paragraph to the grammar with the list
                    // after it, which reads no table: the grammar's list parser takes the list
                    if items[items.count - 1].holdsTablePipe(src) { return nil }
                    nestedListFound = true
                }
                items[items.count - 1].append(line, source: src)
                items[items.count - 1].end = end
                lastIsBlank = false
                p = end
            } else if !items.isEmpty, let end = Scan.blankLines(src, p) {
                nestedListFound = true
                lastIsBlank = true
                items[items.count - 1].appendBlankLines(p..<end, source: src)
                items[items.count - 1].end = end
                p = end
            } else {
                break
            }
        }
        return items
    }

    /// The items of a list `BlockSkeleton` left out (`CmarkBlock.shapedBySkeleton`), as
    /// `itemLines` would collect them, from cmark's items instead of kramdown's rules: an item's
    /// text starts after its marker and one space, and the lines of the list nested in it follow
    /// without the two spaces that nest them. Returns where the last line ends, and the last
    /// item's indentation and whether a list is nested in it, for `itemLines` to go on with; nil
    /// where kramdown's grammar must read the list (a table pipe before a nested list).
    private func appendSkeletonItems(of block: CmarkBlock, _ view: SourceView, to items: inout [ItemLines]) -> (Int, Int, Bool)? {
        let src = view.bytes
        var end = 0, indentation = 0, nested = false
        for c in block.children {
            let item = cmark[c]
            // the view holds the list's lines, and cmark's items lie within their list
            let lineStart = view.offset(ofLine: item.startLine)!
            var s = lineStart
            if block.ordered { while Byte.isDigit(src[s]) { s += 1 } }
            // the bullet (or the number's `.`) and the space after it
            s += 2
            let lineEnd = view.offset(after: item.startLine)
            indentation = s - lineStart
            nested = item.endLine > item.startLine
            end = view.offset(after: item.endLine)
            if !nested {
                items.append(ItemLines(firstLine: item.startLine, text: [], lineRange: s..<lineEnd, blankEnd: lineEnd, end: end))
                continue
            }
            // a table before the nested list: see `itemLines`
            if BlockParser.hasTablePipe(src, s) { return nil }
            var text = Bytes()
            text.reserveCapacity(end - s)
            text += src[s..<lineEnd]
            for line in (item.startLine + 1)...item.endLine {
                text += src[(view.offset(after: line - 1) + 2)..<view.offset(after: line)]
            }
            items.append(ItemLines(firstLine: item.startLine, text: text, end: end))
        }
        return (end, indentation, nested)
    }
}
