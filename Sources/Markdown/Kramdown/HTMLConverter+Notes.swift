/// Footnote markers, the footnote list, and the `{:toc}` table of contents.
extension HTMLConverter {
    func footnoteMarker(_ el: Element) {
        let name = options.footnotePrefix + el.value
        var repeats = 0
        let number: Int
        if let i = footnoteIndex[name] {
            footnotes[i].repeats += 1
            number = footnotes[i].number
            repeats = footnotes[i].repeats
        } else {
            number = footnoteCounter
            footnoteCounter += 1
            footnoteIndex[name] = footnotes.count
            footnotes.append((name, ctx.footnotes[el.value]?.content ?? Element(.root), number, 0))
        }
        out.append("<sup id=\"fnref:")
        out.append(name)
        if repeats > 0 {
            out.append(Byte.colon)
            out.append(repeats)
        }
        out.append("\" role=\"doc-noteref\"><a href=\"#fn:")
        out.append(name)
        out.append("\" class=\"footnote\" rel=\"footnote\">")
        out.append(number)
        out.append("</a></sup>")
    }

    private func backlink(_ space: String, _ target: String, _ text: String) -> Element {
        let opening = "<a href=\"#fnref:", middle = "\" class=\"reversefootnote\" role=\"doc-backlink\">"
        // room for all of it first: one allocation per backlink
        var html = space
        html.reserveCapacity(space.utf8.count + opening.utf8.count + target.utf8.count + middle.utf8.count + text.utf8.count + 4)
        html += opening
        html += target
        html += middle
        html += text
        html += "</a>"
        return Element(.raw, html)
    }

    /// `footnote_content`: each referenced footnote (including those first referenced inside
    /// other footnotes) as a list item, with backlinks appended to its last paragraph.
    func footnoteContent() {
        guard !footnotes.isEmpty else { return }
        out.append("<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol")
        if options.footnoteNr != 1 {
            out.append(" start=\"")
            out.append(options.footnoteNr)
            out.append(Byte.quote)
        }
        out.append(">\n")
        let backlinkText = Escape.text(options.footnoteBacklink)
        let nbsp = Entity.nbsp.output(options.entityOutput)
        var i = 0
        while i < footnotes.count {
            let (name, content, _, repeats) = footnotes[i]
            let li = Element(.li, attrs: Attributes([("id", "fn:" + name), ("role", "doc-endnote")]))
            li.block = true
            // kramdown converts a deep copy of the content, the backlinks added to the copy; here
            // the content itself (converted only here), the backlinks taken off again after. A
            // table of contents (even one in a later footnote) lists the headers converted here
            // and reads them afterwards, backlinks included, so whenever one may come: copies.
            let copies = ctx.mayRequestTOC
            li.children = copies ? content.children.map { $0.copy() } : content.children
            var para: Element? = nil
            var insertSpace = false
            var addedToContent = false
            if li.children.last?.kind == .p || options.footnoteBacklinkInline {
                var parent = li
                while let last = parent.children.last, last.kind != .p, last.kind != .header { parent = last }
                para = parent.children.last
                insertSpace = true
                addedToContent = para != nil && !copies
            }
            if para == nil {
                let p = Element(.p)
                p.block = true
                li.children.append(p)
                para = p
                insertSpace = false
            }
            var added = 0
            if !options.footnoteBacklink.isEmpty, let para {
                para.children.append(backlink(insertSpace ? nbsp : "", name, backlinkText))
                if repeats > 0 {
                    for index in 1...repeats {
                        para.children.append(backlink(nbsp, name + ":\(index)", backlinkText + "<sup>\(index + 1)</sup>"))
                    }
                }
                added = 1 + repeats
            }
            convert(li, 4)
            if addedToContent, let para {
                // (one at a time: `removeLast(n)` replaces a subrange, which costs more for these few)
                for _ in 0..<added { para.children.removeLast() }
            }
            i += 1
        }
        out.append("  </ol>\n</div>\n")
    }

    /// `generate_toc_tree`: nested lists of links to the headers, by level.
    func tocTree(ordered: Bool, attrs: Attributes) -> Element {
        let kind: Element.Kind = ordered ? .ol : .ul
        let sections = Element(kind, attrs: attrs)
        sections.block = true
        if sections.attrs["id"] == nil { sections.attrs["id"] = "markdown-toc" }
        let listID = sections.attrs["id"] ?? ""
        var stack: [Element] = []
        func closeItem(_ item: Element) {
            if let last = item.children.last, last.children.isEmpty { item.children.removeLast() }
        }
        for (level, id, header) in toc {
            let li = Element(.li)
            li.block = true
            li.level = level
            let p = Element(.p)
            p.block = true
            p.transparent = true
            let a = Element(.a, attrs: Attributes([("href", "#" + id), ("id", listID + "-" + id)]))
            a.children = Self.tocEntry(header.children.map { $0.copy() })
            p.children.append(a)
            li.children.append(p)
            let sub = Element(kind)
            sub.block = true
            li.children.append(sub)
            while true {
                if stack.isEmpty {
                    sections.children.append(li)
                    stack.append(li)
                    break
                } else if stack[stack.count - 1].level < level {
                    stack[stack.count - 1].children.last?.children.append(li)
                    stack.append(li)
                    break
                } else {
                    closeItem(stack.removeLast())
                }
            }
        }
        while let item = stack.popLast() { closeItem(item) }
        return sections
    }

    /// `fix_for_toc_entry`: footnote markers removed, links replaced by their content.
    static func tocEntry(_ elements: [Element]) -> [Element] {
        var out: [Element] = []
        for e in elements where e.kind != .footnote {
            e.children = tocEntry(e.children)
            if e.kind == .a { out += e.children } else { out.append(e) }
        }
        return out
    }
}
