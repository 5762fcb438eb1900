/// Span-level HTML tags and span extensions.
extension SpanParser {
    func parseSpanHTML() {
        let start = pos
        if let end = HTMLScanner.comment(src, pos) {
            let c = Element(.xmlComment, src.string(pos..<end))
            tree.children.append(c)
            pos = end
            return
        }
        if let (end, name) = HTMLScanner.closeTag(src, pos) {
            warn("Found invalidly used HTML closing tag for '\(name)'")
            addText(pos, end)
            pos = end
            return
        }
        guard let tag = HTMLScanner.tag(src, pos) else {
            addText(pos, pos + 1)
            pos += 1
            return
        }
        pos = tag.end
        let (name, classes) = HTMLScanner.normalizedName(src, tag.nameRange)
        let isHTML = !classes.isEmpty
        if classes.contains(.block) {
            warn("Found block HTML tag '\(name)' in span-level text", at: start)
            addText(start, tag.end)
            return
        }
        var attrs = HTMLScanner.attributes(src, tag.attributes, lowercase: isHTML) { duplicate in
            self.warn("Duplicate HTML attribute '\(duplicate)'", .onLine, " - overwriting previous one", at: start)
        }
        for (k, v) in attrs.pairs where !v.isEmpty && v.contains("\n") {
            attrs[k] = Self.collapseNewlines(v)
        }
        let contentModel = HTMLScanner.contentModel(classes)
        var parse = (contentModel == .raw || (tree.kind == .htmlElement && tree.contentModel == .raw))
            ? false : context.options.parseSpanHTML
        if let md = attrs["markdown"] {
            attrs["markdown"] = nil
            switch md {
            case "block": warn("Cannot use block-level parsing in span-level HTML tag", .parenthesized, " - using default mode", at: start)
            case "span": parse = true
            case "1": parse = contentModel != .raw
            case "0": parse = false
            default: break
            }
        }
        let el = Element(.htmlElement, name, attrs: attrs)
        el.contentModel = parse ? .span : .raw
        el.isClosed = tag.selfClosed
        tree.children.append(el)
        guard !tag.selfClosed && !classes.contains(.withoutBody) else { return }
        let stop: StopTest = { p, i in
            guard let (_, n) = HTMLScanner.closeTagRange(p.src, i) else { return false }
            return HTMLScanner.name(p.src, n, is: name, foldCase: isHTML)
        }
        if parseSpans(el, stop: stop, parsers: parse ? context.parsers : [.spanHTML]) {
            if let (end, _) = HTMLScanner.closeTag(src, pos) { pos = end }
        } else {
            warn("Found no end tag for '\(name)'", .parenthesized, " - auto-closing it", at: start)
            addText(src.string(pos..<src.count), to: el)
            pos = src.count
        }
    }

    static func collapseNewlines(_ s: String) -> String {
        var out = ""
        var prevNewline = false
        for ch in s.unicodeScalars {
            if ch == "\n" {
                if !prevNewline { out += " " }
                prevNewline = true
            } else {
                out.unicodeScalars.append(ch)
                prevNewline = false
            }
        }
        return out
    }

    /// `{::name attrs}` … `{:/name}`, `{::name/}`, or a span IAL `{: …}` after an element.
    func parseSpanExtensions() {
        if let ext = Extension.match(src, pos, block: false) {
            switch ext {
            case .stray(let name):
                warn("Invalid extension stop tag \(name.isEmpty ? "" : "for '\(name)' ") found", .onLine, " - ignoring it")
                addText(pos, pos + 1); pos += 1
            case .tag(let name, let attrs, let selfClosed, let tagEnd):
                _ = AttributeList.parse(attrs, invalid: { self.warn($0, .none) })  // kramdown reads them first, whatever the name
                var body: String? = nil
                var end = tagEnd
                if !selfClosed {
                    guard let (bodyEnd, stopEnd) = Extension.findStop(src, from: tagEnd, name: name, block: false) else {
                        warn("No stop tag for extension '\(name)' found", .onLine, " - ignoring it")
                        addText(pos, pos + 1); pos += 1
                        return
                    }
                    body = src.string(tagEnd..<bodyEnd)
                    end = stopEnd
                }
                switch name {
                case "comment":
                    if let body { tree.children.append(Element(.comment, body)) }
                case "nomarkdown":
                    if let body {
                        let el = Element(.raw, body)
                        el.rawTypes = (AttributeList.parse(attrs).attributes["type"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
                        tree.children.append(el)
                    }
                case "options":
                    for (key, value) in AttributeList.parse(attrs).attributes.pairs {
                        context.optionsMayHaveChanged = true
                        switch context.options.setInline(key, value) {
                        case .set: context.inlineOptions.append((key, value))
                        case .forbidden: warn("Option \(key) may not be set inline", .none)
                        case .unknown: warn("Unknown kramdown option '\(key)'", .none)
                        case .invalid: break
                        }
                    }
                default:
                    warn("Invalid extension with name '\(name)' specified", .onLine, " - ignoring it")
                    addText(pos, pos + 1); pos += 1
                    return
                }
                pos = end
            }
            return
        }
        // IAL: \{:((?:\\\}|[^\}])+)\}
        var j = pos + 2
        while j < src.count, src[j] != Byte.rbrace {
            if src[j] == Byte.backslash, src.at(j + 1) == Byte.rbrace { j += 2 } else { j += 1 }
        }
        if j < src.count, j > pos + 2 {
            if let last = tree.children.last, last.kind != .text {
                let ial = AttributeList.parse(src.string(pos + 2..<j), invalid: { self.warn($0, .none) })
                var merged = last.ial ?? IAL()
                merged.merge(ial)
                last.ial = merged
                last.attrs = context.resolve(ial, onto: last.attrs)
                pos = j + 1
                return
            }
            warn("Found span IAL after text - ignoring it", .none)
        }
        addText(pos, pos + 1)
        pos += 1
    }
}

/// kramdown's extension tags `{::name …}` / `{::name …/}` / `{:/name}`.
enum Extension {
    enum Match { case stray(name: String), tag(name: String, attrs: String, selfClosed: Bool, end: Int) }

    /// Matches at `i`; `{:/…}` alone is a stray stop tag.
    static func match(_ b: Bytes, _ i: Int, block: Bool) -> Match? {
        guard b.hasPrefix("{:", at: i) else { return nil }
        if b.at(i + 2) == Byte.slash {
            var j = i + 3
            while j < b.count, Byte.isWord(b[j]) || (j > i + 3 && b[j] == Byte.dash) { j += 1 }
            return b.at(j) == Byte.rbrace ? .stray(name: b.string(i + 3..<j)) : nil
        }
        guard b.at(i + 2) == Byte.colon else { return nil }
        var j = i + 3
        while j < b.count, Byte.isWord(b[j]) { j += 1 }
        guard j > i + 3 else { return nil }
        let name = b.string(i + 3..<j)
        var attrsStart = j, attrsEnd = j
        if b.at(j) == Byte.space || b.at(j) == Byte.tab || b.at(j) == Byte.newline {
            attrsStart = j + 1
            var k = j + 1
            // ALD_ANY_CHARS*? then (\/)?\}
            while k < b.count {
                if b[k] == Byte.backslash, b.at(k + 1) == Byte.rbrace { k += 2; continue }
                if b[k] == Byte.rbrace { break }
                k += 1
            }
            guard k < b.count else { return nil }
            attrsEnd = k
            let selfClosed = k > attrsStart && b[k - 1] == Byte.slash
            if selfClosed { attrsEnd = k - 1 }
            return .tag(name: name, attrs: b.string(attrsStart..<attrsEnd), selfClosed: selfClosed, end: k + 1)
        }
        if b.at(j) == Byte.slash, b.at(j + 1) == Byte.rbrace {
            return .tag(name: name, attrs: "", selfClosed: true, end: j + 2)
        }
        if b.at(j) == Byte.rbrace { return .tag(name: name, attrs: "", selfClosed: false, end: j + 1) }
        return nil
    }

    /// Finds `{:/name}` or `{:/}` after `from`; returns (body end, stop end). For blocks the stop
    /// must stand on its own line and the body loses its final newline.
    static func findStop(_ b: Bytes, from: Int, name: String, block: Bool) -> (Int, Int)? {
        var j = from
        let nb = Array(name.utf8)
        while j + 3 < b.count || j + 3 == b.count {
            if b.hasPrefix("{:/", at: j) {
                var k = j + 3
                if b.at(k) == Byte.rbrace || (k + nb.count < b.count && Array(b[k..<k + nb.count]) == nb && b[k + nb.count] == Byte.rbrace) {
                    if b.at(k) != Byte.rbrace { k += nb.count }
                    return (j, k + 1)
                }
            }
            j += 1
        }
        return nil
    }
}
