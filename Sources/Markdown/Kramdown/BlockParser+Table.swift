import Foundation

/// kramdown tables: any run of lines with an unescaped pipe after a block boundary, rows split on
/// pipes outside code spans and `<code>` elements; `|---|` lines end the header or start a new
/// body, `|===|` lines start the footer.
extension BlockParser {
    /// TABLE_PIPE_CHECK at `p`: a `|` first, or a `|` after a character that is not a backslash.
    static func hasTablePipe(_ s: Bytes, _ p: Int) -> Bool {
        guard let first = s.at(p), first != Byte.newline else { return false }
        if first == Byte.pipe { return true }
        return hasTablePipe(s, p, lineEnd: s.lineEnd(from: p))
    }

    /// `hasTablePipe` of a line whose first byte is neither `|` nor a line end, and whose end is known.
    static func hasTablePipe(_ s: Bytes, _ p: Int, lineEnd end: Int) -> Bool {
        s.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return false }
            var i = p + 1
            while i < end, let hit = memchr(base + i, Int32(Byte.pipe), end - i) {
                let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if buf[k - 1] != Byte.backslash { return true }
                i = k + 1
            }
            return false
        }
    }

    /// A separator line (`-` for header/body, `=` for the footer): only `+|: \t` and at least one
    /// `mark`. Returns the line without trailing blanks, and the end of the line.
    private func separatorLine(_ p: Int, mark: UInt8) -> (Range<Int>, Int)? {
        let e = lineEnd(p)
        guard e < src.count else { return nil }
        var seen = false
        for i in p..<e {
            let c = src[i]
            if c == mark { seen = true } else if !(c == Byte.plus || c == Byte.pipe || c == Byte.colon || c == Byte.space || c == Byte.tab) { return nil }
        }
        guard seen else { return nil }
        var t = e
        while t > p, src[t - 1] == Byte.space || src[t - 1] == Byte.tab { t -= 1 }
        return (p..<t, e + 1)
    }

    /// TABLE_HSEP_ALIGN over a separator line.
    static func alignments(_ s: ArraySlice<UInt8>) -> [Element.Alignment] {
        var result: [Element.Alignment] = []
        var i = s.startIndex
        while i < s.endIndex {
            var j = i
            if s[j] == Byte.space || s[j] == Byte.tab { j += 1 }
            let left = j < s.endIndex && s[j] == Byte.colon
            if left { j += 1 }
            guard j < s.endIndex, s[j] == Byte.dash else { i += 1; continue }
            while j < s.endIndex, s[j] == Byte.dash { j += 1 }
            let right = j < s.endIndex && s[j] == Byte.colon
            if right { j += 1 }
            if j < s.endIndex, s[j] == Byte.space || s[j] == Byte.tab { j += 1 }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
            i = j
        }
        return result
    }

    func parseTable() -> Bool {
        let lead = Scan.leadingSpaces(src, pos)
        guard lead <= 3, let first = src.at(pos + lead), !Byte.isSpace(first), Self.hasTablePipe(src, pos + lead),
              lineEnd(pos) < src.count, afterBlockBoundary else { return false }
        let start = pos
        let table = newBlock(.table)
        var firstText = pos
        while firstText < src.count, Scan.isInlineSpace(src[firstText]) { firstText += 1 }
        let leadingPipe = src.at(firstText) == Byte.pipe
        if let (_, end) = separatorLine(pos, mark: Byte.dash) { pos = end }
        var sections: [Element] = []
        var rows: [Element] = []
        var hasFooter = false
        var alignment: [Element.Alignment] = []
        var alignmentSet = false
        var columns = 0
        func add(_ kind: Element.Kind, force: Bool) {
            if !hasFooter || kind != .tbody || force {
                let section = ctx.elementPool.element(kind)
                section.children = rows
                rows = []
                sections.append(section)
            }
        }
        while pos < src.count {
            guard Self.hasTablePipe(src, pos), lineEnd(pos) < src.count else { break }
            if let (line, end) = separatorLine(pos, mark: Byte.dash) {
                pos = end
                if rows.isEmpty {
                } else if !alignmentSet && !hasFooter {
                    add(.thead, force: false)
                    alignment = Self.alignments(src[line])
                    alignmentSet = true
                } else {
                    add(.tbody, force: false)
                }
            } else if let (_, end) = separatorLine(pos, mark: Byte.equals) {
                pos = end
                if !rows.isEmpty { add(.tbody, force: true) }
                hasFooter = true
            } else {
                let e = lineEnd(pos)
                let rowLine = lineNumber(at: pos)
                var t = e
                while t > pos, src[t - 1] == Byte.space || src[t - 1] == Byte.tab { t -= 1 }
                let tr = ctx.elementPool.element(.tr)
                tr.line = rowLine
                if var cells = plainRowCells(pos..<t) {
                    if leadingPipe, cells.first?.isEmpty == true { cells.removeFirst() }
                    if cells.last?.isEmpty == true { cells.removeLast() }
                    tr.children.reserveCapacity(cells.count)
                    for cell in cells {
                        let td = ctx.elementPool.element(.td)
                        // a cell's text stays a range of the source on the cell, as a paragraph's
                        if cell.isEmpty { td.children = [Element(.rawText)] } else { td.setPendingSpans(src, cell) }
                        tr.children.append(td)
                    }
                    columns = max(columns, cells.count)
                } else {
                    var cells = rowCells(Array(src[pos..<t]))
                    if leadingPipe, let f = cells.first, f.stripped.isEmpty { cells.removeFirst() }
                    if let l = cells.last, l.stripped.isEmpty { cells.removeLast() }
                    for cell in cells {
                        let td = ctx.elementPool.element(.td)
                        td.children.append(Element(.rawText, cell.stripped))
                        tr.children.append(td)
                    }
                    columns = max(columns, cells.count)
                }
                pos = e + 1
                rows.append(tr)
            }
        }
        guard beforeBlockBoundary(pos), pipesOnEveryLine(start, pos - 1) else {
            pos = start
            return false
        }
        if !rows.isEmpty { add(hasFooter ? .tfoot : .tbody, force: false) }
        guard sections.contains(where: { $0.kind == .tbody }) else {
            warn("Found table without body", .onLine, " - ignoring it")
            pos = start
            return false
        }
        for section in sections {
            for row in section.children {
                while row.children.count < columns { row.children.append(ctx.elementPool.element(.td)) }
            }
        }
        if alignment.count > columns { alignment = Array(alignment.prefix(columns)) }
        while alignment.count < columns { alignment.append(.none) }
        table.alignment = alignment
        table.children = sections
        append(table)
        return true
    }

    /// The stripped cells of a row as ranges of the source, when nothing in it is kept whole or
    /// escaped (no backtick, `<` or backslash): most rows, split without making strings.
    private func plainRowCells(_ row: Range<Int>) -> [Range<Int>]? {
        src.withUnsafeBufferPointer { b -> [Range<Int>]? in
            var cells: [Range<Int>] = []
            // room for a usual row's cells at once instead of a new buffer at each doubling
            cells.reserveCapacity(8)
            var start = row.lowerBound
            var i = row.lowerBound
            while i <= row.upperBound {
                if i < row.upperBound {
                    let c = b[i]
                    if c == Byte.backtick || c == Byte.lt || c == Byte.backslash { return nil }
                    if c != Byte.pipe { i += 1; continue }
                }
                // Ruby's strip: whitespace and NUL from the end, whitespace from the start
                var e = i
                while e > start, Byte.isSpace(b[e - 1]) || b[e - 1] == 0 { e -= 1 }
                var s = start
                while s < e, Byte.isSpace(b[s]) { s += 1 }
                cells.append(s..<e)
                i += 1
                start = i
            }
            return cells
        }
    }

    /// Splits a row into cells: `<code>…</code>` elements and code spans are kept whole, and `|`
    /// not preceded by a backslash separates cells (`\|` becomes `|`).
    private func rowCells(_ row: Bytes) -> [String] {
        // without a backtick or a `<code` there is nothing to keep whole: the row is one text
        if !row.contains(Byte.backtick) && !row.contains(Byte.lt) {
            return row.isEmpty ? [] : Self.splitOnPipes(String(decoding: row, as: UTF8.self))
        }
        var cells: [String] = []
        func addToLast(_ s: String) {
            if cells.isEmpty { cells.append(s) } else { cells[cells.count - 1] += s }
        }
        for (index, part) in Self.splitCodeElements(row).enumerated() {
            if index % 2 == 1 { addToLast(part); continue }
            let spans = SpanParser.parse(part, context: ctx, parsers: [.codespan])
            for c in spans {
                if c.kind == .codespan {
                    var longest = 0, run = 0
                    for b in c.value.utf8 { if b == Byte.backtick { run += 1; longest = max(longest, run) } else { run = 0 } }
                    let delim = String(repeating: "`", count: longest + 1)
                    let pad = delim.count > 1 ? " " : ""
                    addToLast(delim + pad + c.value + pad + delim)
                } else {
                    let pieces = Self.splitOnPipes(c.value)
                    addToLast(pieces[0])
                    cells += pieces.dropFirst()
                }
            }
        }
        return cells
    }

    /// `split(/(<code.*?>.*?<\/code>)/)`: text and code elements alternate (empty text parts at
    /// the end are dropped, as Ruby drops them).
    static func splitCodeElements(_ b: Bytes) -> [String] {
        var parts: [String] = []
        var textStart = 0
        var i = 0
        search: while i < b.count {
            if b.hasPrefix("<code", at: i), let gt = b[(i + 5)...].firstIndex(of: Byte.gt) {
                var j = gt + 1
                while j + 7 <= b.count {
                    if b.hasPrefix("</code>", at: j) {
                        parts.append(b.string(textStart..<i))
                        parts.append(b.string(i..<j + 7))
                        i = j + 7
                        textStart = i
                        continue search
                    }
                    j += 1
                }
            }
            i += 1
        }
        parts.append(b.string(textStart..<b.count))
        while parts.count > 1, parts.last == "" { parts.removeLast() }
        if parts == [""] { return [] }
        return parts
    }

    /// `split(/(?<!\\)\|/, -1)` with `\|` turned into `|` in every piece.
    static func splitOnPipes(_ s: String) -> [String] {
        let b = Array(s.utf8)
        var pieces: [String] = []
        var current = Bytes()
        var i = 0
        while i < b.count {
            if b[i] == Byte.pipe {
                if i > 0, b[i - 1] == Byte.backslash {
                    current.removeLast()
                    current.append(Byte.pipe)
                } else {
                    pieces.append(String(decoding: current, as: UTF8.self))
                    current = []
                }
            } else {
                current.append(b[i])
            }
            i += 1
        }
        pieces.append(String(decoding: current, as: UTF8.self))
        return pieces
    }

    /// The check kramdown makes last: read as code spans and span HTML, every line of the table
    /// has a pipe outside them.
    private func pipesOnEveryLine(_ from: Int, _ to: Int) -> Bool {
        // without a backtick or `<` (most tables) the grammar reads no code span and no span HTML:
        // the lines are one text, checked in place (no string, no parse, no line copies)
        if let plain = src.withUnsafeBufferPointer({ b -> Bool? in
            guard let base = b.baseAddress, to > from else { return nil }
            let count = to - from
            guard memchr(base + from, Int32(Byte.backtick), count) == nil, memchr(base + from, Int32(Byte.lt), count) == nil
            else { return nil }
            return Self.pipesOnFirstAndLastLines(UnsafeBufferPointer(start: base + from, count: count))
        }) { return plain }
        let text = string(from, max(from, to))
        let spans = SpanParser.parse(text, context: ctx, parsers: [.codespan, .spanHTML])
        var pipeOnLine = false
        for c in spans {
            // the text's lines, on bytes (the source has no carriage returns left)
            let text = c.valueBytes
            var lines = text.split(separator: Byte.newline, omittingEmptySubsequences: false)
            while lines.last?.isEmpty == true { lines.removeLast() }
            if c.kind == .codespan {
                if lines.count > 2 || (lines.count == 2 && !pipeOnLine) { break }
                if lines.count == 2 && pipeOnLine { pipeOnLine = false }
            } else {
                let firstHasPipe = lines.first.map { Self.hasTablePipe(Bytes($0), 0) } ?? false
                if lines.count > 1 && !pipeOnLine && !firstHasPipe { break }
                let lastHasPipe = lines.last.map { Self.hasTablePipe(Bytes($0), 0) } ?? false
                pipeOnLine = (lines.count > 1 ? false : pipeOnLine) || lastHasPipe
            }
        }
        return pipeOnLine
    }

    /// `pipesOnEveryLine` of a text the span grammar reads as one text: its last line holds a
    /// table pipe, and so does its first when it has more than one (empty lines at its end are
    /// not lines here, as the check splits the text).
    static func pipesOnFirstAndLastLines(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = text.count
        while end > 0, text[end - 1] == Byte.newline { end -= 1 }
        guard end > 0 else { return false }
        func holdsPipe(_ line: Range<Int>) -> Bool {
            guard !line.isEmpty else { return false }
            if text[line.lowerBound] == Byte.pipe { return true }
            for k in (line.lowerBound + 1)..<line.upperBound where text[k] == Byte.pipe && text[k - 1] != Byte.backslash { return true }
            return false
        }
        let firstEnd = text[..<end].firstIndex(of: Byte.newline) ?? end
        if firstEnd < end, !holdsPipe(0..<firstEnd) { return false }
        let lastStart = text[..<end].lastIndex(of: Byte.newline).map { $0 + 1 } ?? 0
        return holdsPipe(lastStart..<end)
    }
}
