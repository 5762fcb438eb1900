/// Lists the way kramdown lays them out: per-item "transparent" first paragraphs, task lists,
/// `{:toc}` lists.
extension KramdownRenderer {
    private static let unchecked = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />"
    private static let checked = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />"

    func list(_ n: CmarkNode, ial: IAL?, indent: Int, containers: [Container]) -> String {
        let refs = ial?.refs ?? []
        if refs.contains("toc"), tocRequest == nil {
            tocRequest = (n.ordered, resolved(ial))
            return Self.tocToken
        }
        let tag = n.ordered ? "ol" : "ul"
        let pad = String(repeating: " ", count: indent)
        let items = n.children.filter { $0.kind == .item }
        struct Plan { var entries: [Entry]; var transparent: Bool; var firstIsP: Bool; var appendNewline: Bool; var itemContainers: [Container]; var ial: IAL? }
        var plans: [Plan] = []
        for (k, item) in items.enumerated() {
            let isLast = k == items.count - 1
            var itemIAL: IAL? = nil
            var indentation = 2
            if let first = line(item.startLine) {
                let outer = text(ofLine: item.startLine, containers)
                if let m = ListMarker.parse(outer) { indentation = m.indentation }
                if let ialBody = ListMarker.leadingIAL(outer) { itemIAL = AttributeList.parse(ialBody) }
                _ = first
            }
            let inner = containers + [.item(firstLine: item.startLine, indentation: indentation)]
            let es = entries(item.children)
            let firstIsP = es.first?.node.kind == .paragraph
            // the item's own blank line at its end (kramdown moves the last item's after the list)
            let nextStart = isLast ? nil : items[k + 1].startLine
            let end = es.last.map { lastContentLine($0.node) } ?? item.startLine
            let trailing = nextStart.map { anyBlank(end + 1, $0 - 1) } ?? anyBlank(end + 1, lastLineOfList(n))
            let secondIsBlank: Bool
            if es.count >= 2 { secondIsBlank = anyBlank(lastContentLine(es[0].node) + 1, es[1].node.startLine - 1) }
            else { secondIsBlank = trailing }
            let length = es.count + (trailing ? 1 : 0) + gapCount(es)
            var transparent = false
            if firstIsP {
                let c1 = length < 2 || !secondIsBlank || (isLast && length == 2)
                let c2 = !isLast || items.count == 1 || plans.contains { !$0.firstIsP || $0.transparent }
                transparent = c1 && c2
            }
            let appendNewline = transparent && length > 1 && !secondIsBlank
            plans.append(Plan(entries: es, transparent: transparent, firstIsP: firstIsP, appendNewline: appendNewline,
                              itemContainers: inner, ial: itemIAL))
        }
        var isTask = false
        var body = ""
        for (k, item) in items.enumerated() {
            let plan = plans[k]
            var attrs = Attributes()
            var prefix = ""
            var skipPrefix = 0
            if options.input == .gfm, plan.firstIsP, let first = plan.entries.first {
                let t = rawText(first.node.startLine, lastContentLine(first.node), plan.itemContainers)
                if let (box, len) = Self.taskBox(t) { prefix = box; skipPrefix = len; isTask = true }
            }
            if isTask { attrs["class"] = "task-list-item" }
            if let ial = plan.ial { attrs.apply(IAL(attributes: resolved(ial))) }
            let childIndent = indent + 4
            var res = ""
            var prevEnd: Int? = nil
            for (j, e) in plan.entries.enumerated() {
                if let p = prevEnd, anyBlank(p + 1, e.node.startLine - 1) { res += "\n" }
                if j == 0 && plan.transparent {
                    res += itemParagraph(e.node, containers: plan.itemContainers, prefix: prefix, skip: skipPrefix)
                    if plan.appendNewline { res += "\n" }
                } else if j == 0 && plan.firstIsP && !prefix.isEmpty {
                    let spans = parseSpans(String(decoding: Array(rawText(e.node.startLine, lastContentLine(e.node), plan.itemContainers).utf8).dropFirst(skipPrefix), as: UTF8.self), classic: false)
                    res += String(repeating: " ", count: childIndent) + "<p\(resolved(e.ial).html)>" + prefix + renderSpans(spans) + "</p>\n"
                } else {
                    res += block(e, indent: childIndent, containers: plan.itemContainers, previous: j > 0 ? plan.entries[j - 1].node : nil)
                }
                prevEnd = lastContentLine(e.node)
            }
            let liPad = String(repeating: " ", count: indent + 2)
            if plan.entries.isEmpty || plan.transparent {
                body += liPad + "<li\(attrs.html)>" + prefix + (plan.entries.isEmpty ? "" : "") + res + (res.hasSuffix("\n") ? liPad : "") + "</li>\n"
            } else {
                body += liPad + "<li\(attrs.html)>\n" + res + liPad + "</li>\n"
            }
            _ = item
        }
        var listAttrs = Attributes()
        if isTask { listAttrs["class"] = "task-list" }
        listAttrs.apply(IAL(attributes: resolved(ial)))
        return pad + "<\(tag)\(listAttrs.html)>\n" + body + pad + "</\(tag)>\n"
    }

    private func gapCount(_ es: [Entry]) -> Int {
        guard es.count > 1 else { return 0 }
        var n = 0
        for k in 1..<es.count where anyBlank(lastContentLine(es[k - 1].node) + 1, es[k].node.startLine - 1) { n += 1 }
        return n
    }

    private func lastLineOfList(_ n: CmarkNode) -> Int {
        // blank lines after the list up to the next non-blank line belong to its last item
        var e = max(n.endLine, n.startLine)
        while e + 1 <= lines.count, isBlank(e + 1) { e += 1 }
        return e
    }

    private func itemParagraph(_ n: CmarkNode, containers: [Container], prefix: String, skip: Int) -> String {
        var text = rawText(n.startLine, lastContentLine(n), containers)
        if skip > 0 { text = String(decoding: Array(text.utf8).dropFirst(skip), as: UTF8.self) }
        if n.kind != .paragraph { return block(Entry(node: n, ial: nil), indent: 0, containers: containers, previous: nil) }
        return renderSpans(parseSpans(text, classic: false))
    }

    /// `[ ] ` or `[x] ` at the start of an item's text: the checkbox markup and the bytes it replaces.
    static func taskBox(_ text: String) -> (String, Int)? {
        let b = Array(text.utf8)
        var i = 0
        while i < b.count, Byte.isSpace(b[i]) { i += 1 }
        guard b.at(i) == Byte.lbracket, let m = b.at(i + 1), b.at(i + 2) == Byte.rbracket,
              let s = b.at(i + 3), Byte.isSpace(s) else { return nil }
        var j = i + 3
        while j < b.count, Byte.isSpace(b[j]) { j += 1 }
        if m == Byte.space { return (unchecked, j) }
        if m == 0x78 || m == 0x58 { return (checked, j) }
        return nil
    }
}

extension ListMarker {
    /// An IAL at the start of an item's content: `{: .class}` then whitespace.
    static func leadingIAL(_ line: String) -> String? {
        guard let content = parse(line)?.content else { return nil }
        let b = Array(content.utf8)
        guard b.hasPrefix("{:", at: 0), let n = b.at(2), n != Byte.slash, n != Byte.colon,
              let close = PrePass.closingBrace(b, from: 2), close > 2 else { return nil }
        return b.string(2..<close)
    }
}
