/// Footnotes and the `{:toc}` table of contents.
extension KramdownRenderer {
    /// Finds footnote definitions (cmark-gfm parses their blocks; the label is read from the source).
    func collectDefinitions(_ root: CmarkNode) {
        for n in root.children where n.kind == .footnoteDefinition {
            guard let l = line(n.startLine) else { continue }
            let b = Array(l.raw.utf8)
            let lead = PrePass.leadingSpaces(b)
            guard b.hasPrefix("[^", at: lead), let close = b[(lead + 2)...].firstIndex(of: Byte.rbracket) else { continue }
            let name = b.string(lead + 2..<close)
            if footnoteDefinitions[name] != nil { context.warnings.append("Duplicate footnote name '\(name)' - overwriting") }
            footnoteDefinitions[name] = (n, [.footnote(firstLine: n.startLine)])
            context.footnoteNames.insert(name)
        }
    }

    func footnoteReference(_ label: String) -> String {
        let name = options.footnotePrefix + label
        var repeatSuffix = ""
        let number: Int
        if let idx = footnoteIndex[name] {
            footnotes[idx].repeats += 1
            number = footnotes[idx].number
            repeatSuffix = ":\(footnotes[idx].repeats)"
        } else {
            number = footnoteCounter
            footnoteCounter += 1
            footnoteIndex[name] = footnotes.count
            footnotes.append((name, number, 0))
        }
        return "<sup id=\"fnref:\(name)\(repeatSuffix)\" role=\"doc-noteref\"><a href=\"#fn:\(name)\" class=\"footnote\" rel=\"footnote\">\(number)</a></sup>"
    }

    func footnoteHTML() -> String {
        guard !footnotes.isEmpty else { return "" }
        let backlink = Escape.text(options.footnoteBacklink)
        let nbsp = Entity.nbsp.output(options.entityOutput)
        var items = ""
        var i = 0
        while i < footnotes.count {
            let (name, _, _) = footnotes[i]
            let label = String(name.dropFirst(options.footnotePrefix.count))
            var body = ""
            if let def = footnoteDefinitions[label] {
                body = blocks(def.node.children, indent: 6, containers: def.containers, range: (def.node.startLine, def.node.endLine + 1))
            }
            // the repeat count is final only now: references inside notes may add to it
            let repeats = footnotes[i].repeats
            var links = ""
            if !options.footnoteBacklink.isEmpty {
                links = "<a href=\"#fnref:\(name)\" class=\"reversefootnote\" role=\"doc-backlink\">\(backlink)</a>"
                if repeats > 0 {
                    for r in 1...repeats {
                        links += nbsp + "<a href=\"#fnref:\(name):\(r)\" class=\"reversefootnote\" role=\"doc-backlink\">\(backlink)<sup>\(r + 1)</sup></a>"
                    }
                }
            }
            if body.hasSuffix("</p>\n") {
                body.removeLast(5)
                body += (links.isEmpty ? "" : nbsp + links) + "</p>\n"
            } else if !links.isEmpty {
                body += "      <p>" + links + "</p>\n"
            }
            items += "    <li id=\"fn:\(name)\" role=\"doc-endnote\">\n" + body + "    </li>\n"
            i += 1
        }
        let start = options.footnoteNr != 1 ? " start=\"\(options.footnoteNr)\"" : ""
        return "<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol\(start)>\n" + items + "  </ol>\n</div>\n"
    }

    func tocHTML(ordered: Bool, attrs: Attributes) -> String {
        final class Entry { let level: Int; let id: String; let spans: [Span]; var children: [Entry] = []
            init(_ l: Int, _ i: String, _ s: [Span]) { level = l; id = i; spans = s } }
        var roots: [Entry] = []
        var stack: [Entry] = []
        for (level, id, spans) in toc {
            let e = Entry(level, id, spans)
            while true {
                if stack.isEmpty { roots.append(e); stack.append(e); break }
                if stack.last!.level < level { stack.last!.children.append(e); stack.append(e); break }
                stack.removeLast()
            }
        }
        guard !roots.isEmpty else { return "" }
        var a = attrs
        let listID = a["id"] ?? "markdown-toc"
        if a["id"] == nil {
            var withID = Attributes()
            for (k, v) in a.pairs { withID[k] = v }
            withID["id"] = listID
            a = withID
        }
        let tag = ordered ? "ol" : "ul"
        func render(_ entries: [Entry], indent: Int, attrs: Attributes) -> String {
            let pad = String(repeating: " ", count: indent)
            var out = pad + "<\(tag)\(attrs.html)>\n"
            for e in entries {
                let link = "<a href=\"#\(Escape.attribute(e.id))\" id=\"\(Escape.attribute(listID + "-" + e.id))\">"
                    + renderSpans(Self.tocSpans(e.spans)) + "</a>"
                if e.children.isEmpty {
                    out += pad + "  <li>" + link + "</li>\n"
                } else {
                    out += pad + "  <li>" + link + render(e.children, indent: indent + 4, attrs: Attributes()) + pad + "  </li>\n"
                }
            }
            return out + pad + "</\(tag)>\n"
        }
        return render(roots, indent: 0, attrs: a)
    }

    /// A header's spans for a TOC entry: footnote markers removed, links unwrapped.
    static func tocSpans(_ spans: [Span]) -> [Span] {
        var out: [Span] = []
        for s in spans {
            if s.kind == .footnote { continue }
            if s.kind == .a { out += tocSpans(s.children); continue }
            if !s.children.isEmpty {
                let copy = Span(s.kind, s.value, attrs: s.attrs)
                copy.entity = s.entity; copy.original = s.original; copy.quote = s.quote
                copy.typographic = s.typographic; copy.contentModel = s.contentModel; copy.isClosed = s.isClosed
                copy.children = tocSpans(s.children)
                out.append(copy)
            } else {
                out.append(s)
            }
        }
        return out
    }
}
