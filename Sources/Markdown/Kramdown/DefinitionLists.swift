/// kramdown definition lists: `Term` lines, then `: definition` items (with list-item-like
/// continuation lines). CommonMark has no such thing, so the pre-pass takes them out whole and the
/// renderer converts each definition's text on its own.
struct DefinitionListSource {
    enum Entry { case term(String), definition(text: String, firstAsPara: Bool) }
    var entries: [Entry]
}

extension PrePass {
    /// `^ {0,3}:[\t ]` — a definition line.
    static func definitionStart(_ b: Bytes) -> (indent: Int, content: Int)? {
        let lead = leadingSpaces(b)
        guard lead <= 3, b.at(lead) == Byte.colon, let n = b.at(lead + 1), Byte.isBlank(n) else { return nil }
        return (lead + 1, lead + 1)
    }

    /// Called at a definition line: turns the paragraph before it (and one blank line) plus the
    /// definitions into one placeholder.
    mutating func handleDefinitionList(_ lines: inout [String], _ i: inout Int) -> Bool {
        guard Self.definitionStart(lines[i].bytes) != nil else { return false }
        // the paragraph just before, optionally followed by one blank line
        var k = out.count
        var firstAsPara = false
        if k > 0, out[k - 1].blank, out[k - 1].raw.isEmpty { k -= 1; firstAsPara = true }
        var start = k
        while start > 0, !out[start - 1].blank, out[start - 1].cmark == out[start - 1].raw || out[start - 1].cmark.hasPrefix(Marker.string) {
            let t = out[start - 1].raw.bytes
            if Self.isBlockStart(t, Self.leadingSpaces(t)) || Self.leadingSpaces(t) > 3 { break }
            start -= 1
        }
        guard start < k, start == 0 || out[start - 1].blank || out[start - 1].cmark.hasPrefix(Marker.placeholderPrefix) else { return false }
        let terms = out[start..<k].map { String($0.raw.drop { $0 == " " || $0 == "\t" }) }
        let removed = Array(out[start...])
        out.removeSubrange(start...)
        // the definitions, read like list items
        var items: [(text: String, firstAsPara: Bool)] = []
        var j = i
        var lastBlank = false
        var indentation = 0
        var current: [String] = []
        func flush() {
            if !current.isEmpty || !items.isEmpty || true {
                if !current.isEmpty { items.append((current.joined(separator: "\n") + "\n", firstAsPara)) }
            }
            current = []
        }
        while j < lines.count {
            let b = lines[j].bytes
            if let d = Self.definitionStart(b) {
                flush()
                if items.count > 0 { firstAsPara = lastBlank }
                var c = d.content
                while c < b.count, Byte.isBlank(b[c]) { c += 1 }
                indentation = c
                current = [b.string(c..<b.count)]
                lastBlank = false
            } else if SourceLine.isBlank(lines[j]) {
                current.append("")
                lastBlank = true
            } else if Self.leadingSpaces(b) >= indentation {
                current.append(String(lines[j].dropFirst(indentation)))
                lastBlank = false
            } else if !lastBlank && !b.hasPrefix("{:", at: Self.leadingSpaces(b)) {
                current.append(lines[j])
            } else {
                break
            }
            j += 1
        }
        // trailing blank lines stay outside the list
        var trailing = 0
        while let l = current.last, l.isEmpty { current.removeLast(); trailing += 1 }
        flush()
        j -= trailing
        var list = DefinitionListSource(entries: terms.map { .term($0) } + items.map { .definition(text: $0.text, firstAsPara: $0.firstAsPara) })
        var all = removed.map(\.raw)
        // a list right before, separated by blank lines only, is continued
        var p = out.count
        while p > 0, out[p - 1].blank { p -= 1 }
        if p > 0, p < out.count, let n = Marker.placeholderIndex(out[p - 1].cmark) ?? Self.placeholderStart(out, p - 1),
           case .definitionList(let previous) = placeholders[n] {
            var s = p - 1
            while s > 0, !out[s].cmark.hasPrefix(Marker.placeholderPrefix) { s -= 1 }
            all = out[s...].map(\.raw) + all
            out.removeSubrange(s...)
            list.entries = previous.entries + list.entries
        }
        let count = all.count + (j - i)
        all += lines[i..<j]
        for (n, raw) in all.enumerated() {
            out.append(SourceLine(raw, cmark: n == 0 ? placeholder(.definitionList(list)) : "", blank: false))
        }
        fillPlaceholderLines(from: out.count - count, count: count)
        last = .other
        i = j
        return true
    }
}

extension PrePass {
    /// The placeholder a multi-line placeholder's last line (`-->`) belongs to.
    static func placeholderStart(_ out: [SourceLine], _ k: Int) -> Int? {
        guard out[k].cmark == "-->" else { return nil }
        var s = k
        while s >= 0 {
            if let n = Marker.placeholderIndex(out[s].cmark) { return n }
            s -= 1
        }
        return nil
    }
}

extension KramdownRenderer {
    func definitionList(_ dl: DefinitionListSource, attrs: Attributes, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = pad + "<dl\(attrs.html)>\n"
        for e in dl.entries {
            switch e {
            case .term(let t):
                out += pad + "  <dt>" + renderSpans(parseSpans(t, classic: false)) + "</dt>\n"
            case .definition(let text, let firstAsPara):
                out += pad + "  <dd>" + definitionBody(text, transparent: !firstAsPara, indent: indent + 4, pad: pad + "  ") + "</dd>\n"
            }
        }
        return out + pad + "</dl>\n"
    }

    /// A definition's blocks; a first paragraph is printed bare ("transparent") unless a blank
    /// line came before the definition.
    private func definitionBody(_ text: String, transparent: Bool, indent: Int, pad: String) -> String {
        withParsed(text) { root in
            let es = self.entries(root.children)
            guard let first = es.first else { return "" }
            if transparent && first.node.kind == .paragraph {
                var res = self.renderSpans(self.parseSpans(self.rawText(first.node.startLine, self.lastContentLine(first.node), []), classic: false))
                if es.count > 1 {
                    res += "\n"
                    var prevEnd = self.lastContentLine(first.node)
                    for e in es.dropFirst() {
                        if self.anyBlank(prevEnd + 1, e.node.startLine - 1) { res += "\n" }
                        res += self.block(e, indent: indent, containers: [], previous: nil)
                        prevEnd = self.lastContentLine(e.node)
                    }
                    res += pad
                }
                return res
            }
            return "\n" + self.blocks(root.children, indent: indent, containers: [], range: (0, self.lines.count + 1)) + pad
        }
    }
}
