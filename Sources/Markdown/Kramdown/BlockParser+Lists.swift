/// Lists and definition lists: items are collected line by line (kramdown's indentation rules,
/// lazy lines, blank lines), then each item's text is parsed as blocks of its own.
extension BlockParser {
    /// `parse_first_list_line`: the item's first-line content and the indentation its other lines
    /// need. Tabs after the marker expand to the next multiple of four; a line holding nothing or
    /// only an IAL sets the indentation to four.
    func firstListLine(markerLength: Int, content: Bytes) -> (Bytes, Int) {
        var content = content
        var indentation = markerLength
        if Self.isBlankOrIALOnly(content) {
            indentation = 4
        } else {
            while true {
                let spaces = Scan.leadingSpaces(content, 0)
                guard content.at(spaces) == Byte.tab else { break }
                var tabs = 0
                while content.at(spaces + tabs) == Byte.tab { tabs += 1 }
                let column = spaces + indentation
                let width = 4 - (column % 4) + (tabs - 1) * 4
                content.replaceSubrange(spaces..<(spaces + tabs), with: Bytes(repeating: Byte.space, count: width))
            }
            indentation += Scan.leadingSpaces(content, 0)
        }
        var k = 0
        while k < content.count, Byte.isSpace(content[k]) { k += 1 }
        return (Array(content[k...]), indentation)
    }

    /// LIST_ITEM_IAL_CHECK: only whitespace, or an IAL and whitespace.
    static func isBlankOrIALOnly(_ c: Bytes) -> Bool {
        if !Scan.hasNonSpace(c, 0, c.count) { return true }
        guard let (_, end) = listItemIAL(c) else { return false }
        return !Scan.hasNonSpace(c, end, c.count)
    }

    /// LIST_ITEM_IAL at the start: `\s*{:…}\s*`; returns (body, end).
    static func listItemIAL(_ c: Bytes) -> (String, Int)? {
        var i = 0
        while i < c.count, Byte.isSpace(c[i]) { i += 1 }
        guard c.hasPrefix("{:", at: i), let n = c.at(i + 2), n != Byte.slash else { return nil }
        // (?!(ALD_ID_NAME)?:)
        var j = i + 2
        if j < c.count, Byte.isWord(c[j]) {
            j += 1
            while j < c.count, Byte.isWord(c[j]) || c[j] == Byte.dash { j += 1 }
        }
        if c.at(j) == Byte.colon { return nil }
        var k = i + 2
        while k < c.count, c[k] != Byte.rbrace {
            k += (c[k] == Byte.backslash && c.at(k + 1) == Byte.rbrace) ? 2 : 1
        }
        guard k < c.count, k > i + 2 else { return nil }
        let body = c.string(i + 2..<k)
        var e = k + 1
        while e < c.count, Byte.isSpace(c[e]) { e += 1 }
        return (body, e)
    }

    /// Takes a leading IAL off an item's first line into `el`'s IAL.
    /// `line`: where the item is, for kramdown's warning about an IAL with nothing in it.
    func takeItemIAL(_ content: inout Bytes, into el: Element, line: Int) {
        guard let (body, end) = Self.listItemIAL(content) else { return }
        var ial = el.ial ?? IAL()
        ial.merge(AttributeList.parse(body, invalid: { self.warn($0, .none, line: line) }))
        el.ial = ial
        content.removeSubrange(0..<end)
    }

    /// `fetch_pattern`: how far later markers may be indented.
    static func markerIndent(_ indentation: Int) -> Int { max(0, min(indentation - 1, 3)) }

    /// The content pattern: the item's indentation (in tabs or groups of four spaces plus the
    /// rest in spaces), or one more indentation unit, then some text.
    func contentLine(_ p: Int, _ indentation: Int) -> Int? {
        func units(_ count: Int) -> Int? {
            var i = p
            for _ in 0..<count {
                if src.at(i) == Byte.tab { i += 1 } else if src.hasPrefix("    ", at: i) { i += 4 } else { return nil }
            }
            return i
        }
        let e = lineEnd(p)
        guard e < src.count else { return nil }
        if let i = units(indentation / 4) {
            var j = i
            var n = 0
            while n < indentation % 4, src.at(j) == Byte.space { j += 1; n += 1 }
            if n == indentation % 4, Scan.hasNonSpace(src, j, e) { return e + 1 }
        }
        if let i = units(indentation / 4 + 1), i <= e, Scan.hasNonSpace(src, i, e) { return e + 1 }
        return nil
    }

    /// The lazy pattern: any line with text that is not an IAL or a paragraph-ending HTML tag.
    func lazyLine(_ p: Int, _ indentation: Int) -> Int? {
        let e = lineEnd(p)
        guard e < src.count, Scan.hasNonSpace(src, p, e) else { return nil }
        let m = min(indentation, 3)
        if Scan.ialBlock(src, p, maxIndent: m) != nil || Scan.lazyEndHTML(src, p, maxIndent: m) { return nil }
        return e + 1
    }

    /// A continuation line: leading tabs become four spaces each, then the item's indentation goes.
    func itemLine(_ from: Int, _ to: Int, indentation: Int) -> (Bytes, Bool) {
        var line = Array(src[from..<to])
        var tabs = 0
        while line.at(tabs) == Byte.tab { tabs += 1 }
        if tabs > 0 { line.replaceSubrange(0..<tabs, with: Bytes(repeating: Byte.space, count: 4 * tabs)) }
        if Scan.leadingSpaces(line, 0) >= indentation {
            line.removeFirst(indentation)
            return (line, true)
        }
        return (line, false)
    }

    func parseList(_ first: Scan.ListMarker) {
        let list = newBlock(first.ordered ? .ol : .ul)
        // each item's text, in parts: a nested list found after the first line starts a new part
        var values: [[Bytes]] = []
        var firstLines: [[Int]] = []  // the line each part starts on
        var indentation = 0
        var markerIndent = 3
        var eobFound = false, nestedListFound = false, lastIsBlank = false
        while pos < src.count {
            if lastIsBlank, Scan.horizontalRule(src, pos) != nil { break }
            if let e = Scan.eobMarker(src, pos) { pos = e; eobFound = true; break }
            if let m = Scan.listStart(src, pos, maxIndent: markerIndent, only: first.ordered) {
                let li = Element(.li)
                li.block = true
                var content: Bytes
                (content, indentation) = firstListLine(markerLength: m.markerEnd - pos, content: Array(src[m.markerEnd..<m.lineEnd]))
                list.children.append(li)
                takeItemIAL(&content, into: li, line: lineNumber(at: pos))
                markerIndent = Self.markerIndent(indentation)
                nestedListFound = Scan.listStart(content, 0, maxIndent: 3) != nil
                lastIsBlank = false
                values.append([content])
                firstLines.append([lineNumber(at: pos)])
                pos = m.lineEnd
            } else if !values.isEmpty, let end = contentLine(pos, indentation) ?? (lastIsBlank ? nil : lazyLine(pos, indentation)) {
                var (line, indented) = itemLine(pos, end, indentation: indentation)
                let lineNumber = lineNumber(at: pos)
                pos = end
                let startsList = Scan.listStart(line, 0, maxIndent: 3) != nil
                let k = values.count - 1
                if !nestedListFound && indented && startsList {
                    values[k].append([])
                    firstLines[k].append(lineNumber)
                    nestedListFound = true
                } else if nestedListFound && !indented && startsList {
                    line = Bytes(repeating: Byte.space, count: indentation + 4) + line
                }
                values[k][values[k].count - 1] += line
                lastIsBlank = false
            } else if !values.isEmpty, let end = Scan.blankLines(src, pos) {
                nestedListFound = true
                lastIsBlank = true
                let k = values.count - 1
                values[k][values[k].count - 1] += src[pos..<end]
                pos = end
            } else {
                break
            }
        }
        append(list)
        var last: Element? = nil
        let items = list.children
        for (k, it) in items.enumerated() {
            for (val, line) in zip(values[k], firstLines[k]) { parseBlocks(it, val, firstLine: line) }
            if it.children.isEmpty { continue }
            last = Self.settleItem(k, of: items, eobFound: eobFound)
        }
        if let last, !eobFound { append(last) }
        if gfm { markTaskList(list) }
    }

    /// kramdown's rules for item `k` once its blocks are parsed (later items are still empty): a
    /// first paragraph is transparent unless a blank line follows it (looseness is decided per
    /// item), and a trailing blank element leaves the item; it is returned.
    static func settleItem(_ k: Int, of items: [Element], eobFound: Bool) -> Element? {
        let it = items[k]
        guard let head = it.children.first else { return nil }
        if head.kind == .p, it.children.count >= 2, it.children[1].kind == .eob, head.ial != nil {
            it.children.remove(at: 1)
        }
        let isLast = k == items.count - 1
        if head.kind == .p,
           it.children.count < 2 || it.children[1].kind != .blank || (isLast && it.children.count == 2 && !eobFound),
           lastMayOpenTight(isLast: isLast, count: items.count, earlier: items[..<k]) {
            if it.children.count > 1, it.children[1].kind != .blank, !head.extendPendingSpansByLineEnd() {
                head.rawTextChild()
                head.children.first?.value += "\n"
            }
            head.transparent = true
        }
        return it.children.last?.kind == .blank ? it.children.removeLast() : nil
    }

    /// `settleItem`'s rule that only the last of several items needs an earlier one opening tight
    /// (`earlier`: the items before it) for its paragraph to be transparent.
    static func lastMayOpenTight(isLast: Bool, count: Int, earlier: ArraySlice<Element>) -> Bool {
        !isLast || count == 1 || earlier.contains(where: opensTight)
    }

    /// Whether an earlier item lets the last one's paragraph be transparent (`settleItem`): it
    /// opens with no paragraph, or with a transparent one.
    static func opensTight(_ item: Element) -> Bool {
        if item.holdsItemParagraph { return true }
        guard let first = item.children.first else { return true }
        return first.kind != .p || first.transparent
    }

    private static let uncheckedBox = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />"
    private static let checkedBox = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />"

    /// kramdown-parser-gfm's task lists: `[ ]` or `[x]` opening an item's first paragraph becomes a
    /// checkbox; from the first such item on, items and the list get classes.
    func markTaskList(_ list: Element) {
        var isTaskList = false
        for li in list.children {
            // a paragraph from cmark holds its raw text itself (`spansPending`)
            guard let p = li.children.first, p.kind == .p, let raw = p.spansPending ? p : p.children.first else { continue }
            // read from the text's bytes: most items are no task, and their text stays a range
            // of the source (no string made of it)
            let task: (checked: Bool, rest: String)? = raw.withText { b in
                var i = 0
                while i < b.count, Byte.isSpace(b[i]) { i += 1 }
                guard i + 3 < b.count, b[i] == Byte.lbracket, b[i + 1] == Byte.space || b[i + 1] == 0x78 || b[i + 1] == 0x58,
                      b[i + 2] == Byte.rbracket, Byte.isSpace(b[i + 3]) else { return nil }
                var j = i + 3
                while j < b.count, Byte.isSpace(b[j]) { j += 1 }
                return (b[i + 1] != Byte.space, String(decoding: UnsafeBufferPointer(rebasing: b[j...]), as: UTF8.self))
            }
            if let task {
                raw.value = (task.checked ? Self.checkedBox : Self.uncheckedBox) + task.rest
                isTaskList = true
            }
            if isTaskList { li.attrs["class"] = "task-list-item" }
        }
        if isTaskList { list.attrs["class"] = "task-list" }
    }

    func parseDefinitionList() -> Bool {
        let children = tree.children
        guard let lastChild = children.last else { return false }
        if children.count == 1 && lastChild.kind != .p { return false }
        if children.count >= 2 && lastChild.kind != .p
            && (lastChild.kind != .blank || lastChild.value != "\n" || children[children.count - 2].kind != .p) {
            return false
        }
        var firstAsPara = false
        let dl = newBlock(.dl)
        var para = tree.children.removeLast()
        if para.kind == .blank {
            para = tree.children.removeLast()
            firstAsPara = true
        }
        para.rawTextChild()
        var terms = (para.children.first?.value ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while terms.last == "" { terms.removeLast() }
        for (k, term) in terms.enumerated() {
            let dt = Element(.dt)
            dt.block = true
            dt.line = para.line + k
            var t = Array(term.utf8)
            takeItemIAL(&t, into: dt, line: dt.line)
            let text = String(decoding: t, as: UTF8.self)
            dt.rawText = text
            dt.children.append(Element(.rawText, text))
            dl.children.append(dt)
        }
        dl.ial = para.ial
        var values: [Bytes] = []
        var firstLines: [Int] = []
        var indentation = 0
        var markerIndent = 3
        var lastIsBlank = false
        while pos < src.count {
            if let m = Scan.definitionStart(src, pos, maxIndent: markerIndent) {
                let dd = Element(.dd)
                dd.block = true
                dd.firstAsPara = firstAsPara
                var content: Bytes
                (content, indentation) = firstListLine(markerLength: m - pos, content: Array(src[m..<nextLine(pos)]))
                dl.children.append(dd)
                takeItemIAL(&content, into: dd, line: lineNumber(at: pos))
                markerIndent = Self.markerIndent(indentation)
                firstAsPara = false
                lastIsBlank = false
                values.append(content)
                firstLines.append(lineNumber(at: pos))
                pos = nextLine(pos)
            } else if Scan.eobMarker(src, pos) != nil {
                break
            } else if !values.isEmpty, let end = contentLine(pos, indentation) ?? (lastIsBlank ? nil : lazyLine(pos, indentation)) {
                let (line, _) = itemLine(pos, end, indentation: indentation)
                pos = end
                values[values.count - 1] += line
                firstAsPara = false
                lastIsBlank = false
            } else if !values.isEmpty, let end = Scan.blankLines(src, pos) {
                firstAsPara = true
                values[values.count - 1] += src[pos..<end]
                lastIsBlank = true
                pos = end
            } else {
                break
            }
        }
        var last: Element? = nil
        var k = 0
        for it in dl.children where it.kind == .dd {
            parseBlocks(it, values[k], firstLine: firstLines[k])
            k += 1
            guard !it.children.isEmpty else { continue }
            last = it.children.last?.kind == .blank ? it.children.removeLast() : nil
            if let head = it.children.first, head.kind == .p, !it.firstAsPara {
                if it.children.count > 1 { head.rawTextChild(); head.children.first?.value += "\n" }
                head.transparent = true
            }
        }
        let count = tree.children.count
        if count >= 1, tree.children[count - 1].kind == .dl {
            tree.children[count - 1].children += dl.children
        } else if count >= 2, tree.children[count - 1].kind == .blank, tree.children[count - 2].kind == .dl {
            tree.children.removeLast()
            tree.children[count - 2].children += dl.children
        } else {
            append(dl)
        }
        if let last { append(last) }
        return true
    }
}
