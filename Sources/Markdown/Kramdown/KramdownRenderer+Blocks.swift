/// The block loop: IAL attachment, blank-line layout, and dispatch per block kind.
extension KramdownRenderer {
    struct Entry {
        var node: CmarkNode
        var ial: IAL?
    }

    /// The blocks to print among `nodes`, with the IALs that attach to them.
    func entries(_ nodes: [CmarkNode]) -> [Entry] {
        var result: [Entry] = []
        var pending: (IAL, Int)? = nil
        var prevUsable = false
        for n in nodes {
            if n.kind == .footnoteDefinition {
                prevUsable = false
                continue
            }
            switch placeholder(n) {
            case .ial(let ial)?:
                if prevUsable, let last = result.last, !anyBlank(lastContentLine(last.node) + 1, n.startLine - 1) {
                    var merged = result[result.count - 1].ial ?? IAL()
                    merged.merge(ial)
                    result[result.count - 1].ial = merged
                } else {
                    var merged = pending?.0 ?? IAL()
                    merged.merge(ial)
                    pending = (merged, n.endLine)
                }
            case .nothing?, .abbreviation?, .linkDefinition?:
                pending = nil
                prevUsable = false
            default:
                var e = Entry(node: n, ial: nil)
                if let (ial, line) = pending, !anyBlank(line + 1, n.startLine - 1) { e.ial = ial }
                pending = nil
                result.append(e)
                prevUsable = true
            }
        }
        return result
    }

    /// Prints `nodes` at `indent`; `range` is the line before the first possible child and the
    /// line after the last, for leading blank lines.
    func blocks(_ nodes: [CmarkNode], indent: Int, containers: [Container], range: (Int, Int)) -> String {
        var out = ""
        var prevEnd = range.0
        var prevForced = false
        let list = entries(nodes)
        for (k, e) in list.enumerated() {
            if prevForced || anyBlank(prevEnd + 1, e.node.startLine - 1) { out += "\n" }
            out += block(e, indent: indent, containers: containers, previous: k > 0 ? list[k - 1].node : nil)
            prevEnd = lastContentLine(e.node)
            prevForced = forcesBlank(e.node)
        }
        return out
    }

    func resolved(_ ial: IAL?) -> Attributes {
        guard let ial else { return Attributes() }
        var a = Attributes()
        for r in ial.refs { if let ald = context.alds[r] { a.apply(resolvedIAL(ald)) } }
        a.apply(IAL(attributes: ial.attributes))
        return a
    }

    private func resolvedIAL(_ ial: IAL) -> IAL {
        var out = IAL()
        for r in ial.refs { if let ald = context.alds[r] { out.attributes.apply(resolvedIAL(ald)) } }
        out.attributes.apply(IAL(attributes: ial.attributes))
        return out
    }

    func block(_ e: Entry, indent: Int, containers: [Container], previous: CmarkNode?) -> String {
        let n = e.node
        let pad = String(repeating: " ", count: indent)
        switch n.kind {
        case .paragraph:
            return paragraph(n, attrs: resolved(e.ial), indent: indent, containers: containers)
        case .heading:
            return heading(n, ial: e.ial, indent: indent, containers: containers, previous: previous)
        case .thematicBreak:
            return pad + "<hr\(resolved(e.ial).html) />\n"
        case .codeBlock:
            return codeBlock(n, attrs: resolved(e.ial), indent: indent, containers: containers)
        case .blockQuote:
            let inner = containers + [.quote]
            var body = blocks(n.children, indent: indent + 2, containers: inner, range: (n.startLine - 1, n.endLine + 1))
            if let last = n.children.last, anyBlank(lastContentLine(last) + 1, n.endLine) { body += "\n" }
            return pad + "<blockquote\(resolved(e.ial).html)>\n" + body + pad + "</blockquote>\n"
        case .list:
            return list(n, ial: e.ial, indent: indent, containers: containers)
        case .table:
            return table(n, attrs: resolved(e.ial), indent: indent, containers: containers)
        case .htmlBlock:
            return htmlBlock(n, ial: e.ial, indent: indent, containers: containers)
        default:
            return ""
        }
    }

    func htmlBlock(_ n: CmarkNode, ial: IAL?, indent: Int, containers: [Container]) -> String {
        let pad = String(repeating: " ", count: indent)
        switch placeholder(n) {
        case .html(let el, _)?:
            if let ial { el.attrs.apply(IAL(attributes: resolved(ial))) }
            return RawHTMLWriter.write(el, indent: indent, top: true) { node, ind in
                self.markdownContent(node, indent: ind)
            }
        case .xmlComment(let s)?:
            return pad + s + "\n"
        case .comment(let s)?:
            return pad + "<!-- \(s) -->\n"
        case .nomarkdown(let s, let types)?:
            return types.isEmpty || types.contains("html") ? s + "\n" : ""
        case .math(let s)?:
            return mathBlock(s, attrs: resolved(ial), indent: indent)
        case .table(let t)?:
            return tableFromSource(t, attrs: resolved(ial), indent: indent)
        case nil:
            // HTML cmark found where the pre-pass did not look (inside containers): read it the
            // kramdown way from its literal.
            return cmarkHTML(n, indent: indent, containers: containers)
        default:
            return ""
        }
    }

    func mathBlock(_ s: String, attrs: Attributes, indent: Int) -> String {
        switch options.mathEngine {
        case .mathjax:
            let body = "\\[" + Escape.all(s) + "\\]\n"
            if attrs.isEmpty { return body }
            return String(repeating: " ", count: indent) + "<div\(attrs.html)>\(body)</div>\n"
        case .none:
            var a = attrs
            a["class"] = ((a["class"] ?? "") + " kdmath").trimmingCharacters(in: " ")
            return String(repeating: " ", count: indent) + "<div\(a.html)>$$\n\(s)\n$$</div>\n"
        }
    }

    /// Content of an HTML element with `markdown="1"`/`"block"`/`"span"`.
    func markdownContent(_ node: HTMLNode, indent: Int) -> String {
        if node.kind == .markdownSpan {
            return renderSpans(parseSpans(node.value, classic: true))
        }
        let saved = useClassicIDs
        useClassicIDs = true
        defer { useClassicIDs = saved }
        return renderBlocks(node.value, indent: indent)
    }

    func cmarkHTML(_ n: CmarkNode, indent: Int, containers: [Container]) -> String {
        let raw = (n.startLine...max(n.startLine, lastContentLine(n))).map { text(ofLine: $0, containers) }.joined(separator: "\n")
        let b = Array(raw.utf8)
        let lead = PrePass.leadingSpaces(b)
        if let tag = HTMLScanner.tag(b, lead), !HTMLScanner.spanElements.contains(HTMLScanner.normalizedName(tag.name)) {
            var p = RawHTMLParser(b, at: lead)
            p.parseBlockHTML = options.parseBlockHTML
            let el = p.element(tag: tag, inRaw: false)
            return RawHTMLWriter.write(el, indent: indent, top: true) { node, ind in self.markdownContent(node, indent: ind) }
        }
        if let end = HTMLScanner.comment(b, lead) {
            return String(repeating: " ", count: indent) + b.string(lead..<end) + "\n"
        }
        // span-level HTML starting a block: a paragraph
        let spans = parseSpans(rawText(n.startLine, lastContentLine(n), containers), classic: false)
        return String(repeating: " ", count: indent) + "<p>" + renderSpans(spans) + "</p>\n"
    }
}
