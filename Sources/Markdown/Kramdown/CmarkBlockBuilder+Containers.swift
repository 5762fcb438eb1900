/// Blockquotes and lists from cmark's nodes. kramdown decides a container's lines by its own rules
/// (a blockquote runs to a blank line, a list item takes indented and lazy lines); when those
/// lines hold the same blocks cmark found, the container's children come from cmark's children,
/// read over the container's lines with its markers and indentation removed.
extension CmarkBlockBuilder {
    func blockquote(_ block: CmarkBlock, at p: Int, _ view: SourceView) -> Int? {
        let src = grammar.src
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
        let src = grammar.src
        guard !block.parenDelimiter, Scan.indent(src, p) == nil,
              let firstMarker = Scan.listStart(src, p, maxIndent: 3), firstMarker.ordered == block.ordered,
              let items = itemLines(from: p, ordered: block.ordered, view) else { return nil }
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
        list.children.reserveCapacity(items.count)
        for _ in items {
            let li = Element(.li)
            li.block = true
            list.children.append(li)
        }
        grammar.append(list)
        var last: Element? = nil
        var k = 0
        for c in block.children where cmark[c].kind == .item {
            let li = list.children[k], item = items[k]
            k += 1
            walk(li, SourceView(item.text, firstLine: item.firstLine), cmark[c].children)
            if li.children.isEmpty { continue }
            last = BlockParser.settleItem(k - 1, of: list.children, eobFound: false)
        }
        if let last { grammar.append(last) }
        grammar.markTaskList(list)
        return end
    }

    struct ItemLines {
        var firstLine: Int
        /// The item's text as kramdown parses it: the first line after its marker, the others
        /// without the item's indentation, blank lines included.
        var text: Bytes
        var end: Int
    }

    /// kramdown's list-item collection from `p`, or nil where it does something cmark cannot
    /// follow (an IAL or nothing after a marker, an EOB marker, a list re-indented into an item).
    private func itemLines(from start: Int, ordered: Bool, _ view: SourceView) -> [ItemLines]? {
        let src = grammar.src
        var items: [ItemLines] = []
        // one allocation for most lists instead of one for each doubling
        items.reserveCapacity(8)
        var p = start
        var indentation = 0
        var markerIndent = 3
        var nestedListFound = false, lastIsBlank = false
        while p < src.count {
            if lastIsBlank, Scan.horizontalRule(src, p) != nil { break }
            if Scan.eobMarker(src, p) != nil { return nil }
            if let m = Scan.listStart(src, p, maxIndent: markerIndent, only: ordered) {
                let content: Bytes, width: Int
                // spaces, then a byte that is no space and opens no IAL (most items): the text
                // starts there, and the spaces widen the indentation as `firstListLine` would
                var s = m.markerEnd
                while s < m.lineEnd, src[s] == Byte.space { s += 1 }
                if s < m.lineEnd, !Byte.isSpace(src[s]), src[s] != Byte.lbrace {
                    content = Array(src[s..<m.lineEnd])
                    width = s - p
                } else {
                    let rest = Array(src[m.markerEnd..<m.lineEnd])
                    if BlockParser.isBlankOrIALOnly(rest) || BlockParser.listItemIAL(rest) != nil { return nil }
                    (content, width) = grammar.firstListLine(markerLength: m.markerEnd - p, content: rest)
                }
                indentation = width
                markerIndent = BlockParser.markerIndent(indentation)
                nestedListFound = Scan.listStart(content, 0, maxIndent: 3) != nil
                lastIsBlank = false
                items.append(ItemLines(firstLine: view.sourceLine(at: p), text: content, end: m.lineEnd))
                p = m.lineEnd
            } else if !items.isEmpty, let end = grammar.contentLine(p, indentation) ?? (lastIsBlank ? nil : grammar.lazyLine(p, indentation)) {
                let (line, indented) = grammar.itemLine(p, end, indentation: indentation)
                let startsList = Scan.listStart(line, 0, maxIndent: 3) != nil
                if nestedListFound && !indented && startsList { return nil }
                if !nestedListFound && indented && startsList { nestedListFound = true }
                items[items.count - 1].text += line
                items[items.count - 1].end = end
                lastIsBlank = false
                p = end
            } else if !items.isEmpty, let end = Scan.blankLines(src, p) {
                nestedListFound = true
                lastIsBlank = true
                items[items.count - 1].text += src[p..<end]
                items[items.count - 1].end = end
                p = end
            } else {
                break
            }
        }
        return items
    }
}
