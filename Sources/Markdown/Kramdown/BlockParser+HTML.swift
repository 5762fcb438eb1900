/// Block-level HTML: an element runs to its matching close tag; its content is raw HTML (a tree of
/// tags, text and comments), Markdown blocks (`markdown="1"` on a block element, or
/// `parse_block_html`), or span text.
extension BlockParser {
    func parseBlockHTML() -> Bool {
        if let end = HTMLScanner.comment(src, pos) {
            let el = Element(.xmlComment, string(pos, end))
            el.block = true
            append(el)
            pos = end
            scanTrailingWhitespace()
            return true
        }
        let lead = Scan.leadingSpaces(src, pos)
        guard lead <= 3 else { return false }
        if let tag = HTMLScanner.tag(src, pos + lead), !HTMLScanner.spanElements.contains(tag.name.lowercased()) {
            pos = tag.end
            handleStartTag(tag, at: pos + lead)
            return true
        }
        if let (end, name) = HTMLScanner.closeTag(src, pos + lead), !HTMLScanner.spanElements.contains(name.lowercased()) {
            guard tree.kind == .htmlElement, tree.value == name.lowercased() else { return false }
            pos = end
            stopFound = true
            return true
        }
        return false
    }

    /// TRAILING_WHITESPACE `[ \t]*\n`.
    func scanTrailingWhitespace() {
        var i = pos
        while i < src.count, src[i] == Byte.space || src[i] == Byte.tab { i += 1 }
        if src.at(i) == Byte.newline { pos = i + 1 }
    }

    /// `handle_html_start_tag` followed by kramdown's handling of the element's body.
    /// `start` is where the tag's `<` is.
    func handleStartTag(_ tag: HTMLScanner.Tag, at start: Int) {
        let name = HTMLScanner.normalizedName(tag.name)
        let isHTML = HTMLScanner.known.contains(name)
        let line = lineNumber(at: start)
        let attrs = HTMLScanner.attributes(src.string(tag.attributes), lowercase: isHTML) { duplicate in
            self.warn("Duplicate HTML attribute '\(duplicate)'", .onLine, " - overwriting previous one", line: line)
        }
        let el = Element(.htmlElement, name, attrs: attrs)
        el.block = true
        el.line = line
        append(el)
        var closed = tag.selfClosed || HTMLScanner.withoutBody.contains(name)
        var handleBody = true
        if name == "script" || name == "style" {
            rawTextElement(el, name: name)
            closed = false
            handleBody = false
        }
        if let ial = blockIAL {
            el.ial = ial
            blockIAL = nil
        }
        let parentIsRaw = tree.kind == .htmlElement && tree.contentModel == .raw
        var model: Element.ContentModel = !parentIsRaw && options.parseBlockHTML ? HTMLScanner.contentModel(name) : .raw
        if let md = el.attrs["markdown"] {
            el.attrs["markdown"] = nil
            switch md {
            case "0": model = .raw
            case "1": model = HTMLScanner.contentModel(name)
            case "span": model = .span
            case "block": model = .block
            default: break
            }
        }
        if model == .block { scanTrailingWhitespace() }
        el.contentModel = model
        el.isClosed = closed
        guard !closed && handleBody else { return }
        switch model {
        case .block:
            if !parseBlocks(el, nil) {
                warn("Found no end tag for '\(name)'", .parenthesized, " - auto-closing it", line: el.line)
            }
        case .span:
            if let (s, e) = findClose(name, from: pos) {
                addText(string(pos, s), to: el)
                pos = e
            } else {
                addText(string(pos, src.count), to: el)
                pos = src.count
                warn("Found no end tag for '\(name)'", .parenthesized, " - auto-closing it", line: el.line)
            }
        case .raw:
            parseRawHTML(el)
        }
        if !parentIsRaw { scanTrailingWhitespace() }
    }

    /// `script` and `style`: everything up to the close tag, as it is.
    private func rawTextElement(_ el: Element, name: String) {
        if let (s, e) = findClose(name, from: pos) {
            addText(string(pos, s), to: el, kind: .raw)
            pos = e
        } else {
            addText(string(pos, src.count), to: el, kind: .raw)
            pos = src.count
            warn("Found no end tag for '\(name)' - auto-closing it", .none, line: el.line)
        }
    }

    /// The first `</name\s*>` (any case) from `p`: (start, end).
    func findClose(_ name: String, from p: Int) -> (Int, Int)? {
        let lower = name.lowercased()
        var i = p
        while i + 1 < src.count {
            if src[i] == Byte.lt, src[i + 1] == Byte.slash, let (e, n) = HTMLScanner.closeTag(src, i), n.lowercased() == lower {
                return (i, e)
            }
            i += 1
        }
        return nil
    }

    /// `parse_raw_html`: text, comments, processing instructions and nested elements up to the
    /// element's close tag.
    func parseRawHTML(_ el: Element) {
        let savedTree = tree
        tree = el
        defer { tree = savedTree }
        while pos < src.count {
            guard let start = nextRawStart(pos) else {
                addText(string(pos, src.count), to: el, kind: .text)
                pos = src.count
                warn("Found no end tag for '\(el.value)'", .onLine, " - auto-closing it", line: el.line)
                return
            }
            addText(string(pos, start), to: el, kind: .text)
            pos = start
            if let e = HTMLScanner.comment(src, pos) {
                let c = Element(.xmlComment, string(pos, e))
                c.block = true
                el.children.append(c)
                pos = e
            } else if let e = HTMLScanner.instruction(src, pos) {
                let c = Element(.xmlPI, string(pos, e))
                c.block = true
                el.children.append(c)
                pos = e
            } else if let tag = HTMLScanner.tag(src, pos) {
                pos = tag.end
                handleStartTag(tag, at: start)
            } else if let (e, n) = HTMLScanner.closeTag(src, pos) {
                let name = HTMLScanner.known.contains(el.value) ? n.lowercased() : n
                if name == el.value {
                    pos = e
                    return
                }
                addText(string(pos, e), to: el, kind: .text)
                warn("Found invalidly used HTML closing tag for '\(n)'", .onLine, " - ignoring it", at: pos)
                pos = e
            } else {
                let l = src.scalar(at: pos)?.1 ?? 1
                addText(string(pos, pos + l), to: el, kind: .text)
                pos += l
            }
        }
    }

    /// HTML_RAW_START: the next `<` that starts a name, `/`, `!--` or `?`.
    private func nextRawStart(_ from: Int) -> Int? {
        var i = from
        while i < src.count {
            if src[i] == Byte.lt, let n = src.at(i + 1),
               n == Byte.slash || n == Byte.question || src.hasPrefix("!--", at: i + 1) || HTMLScanner.nameEnd(src, i + 1) != nil {
                return i
            }
            i += 1
        }
        return nil
    }
}
