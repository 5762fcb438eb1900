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
        if let tag = HTMLScanner.tag(src, pos + lead),
           !(HTMLScanner.knownName(src, tag.nameRange, foldCase: true)?.classes.contains(.span) ?? false) {
            pos = tag.end
            handleStartTag(tag, at: pos + lead)
            return true
        }
        if let (end, name) = HTMLScanner.closeTagRange(src, pos + lead),
           !(HTMLScanner.knownName(src, name, foldCase: true)?.classes.contains(.span) ?? false) {
            guard tree.kind == .htmlElement, HTMLScanner.name(src, name, is: tree.value, foldCase: true) else { return false }
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
        let (name, classes) = HTMLScanner.normalizedName(src, tag.nameRange)
        let line = lineNumber(at: start)
        let attrs = HTMLScanner.attributes(src, tag.attributes, lowercase: !classes.isEmpty) { duplicate in
            self.warn("Duplicate HTML attribute '\(duplicate)'", .onLine, " - overwriting previous one", line: line)
        }
        let el = Element(.htmlElement, name, attrs: attrs)
        el.block = true
        el.line = line
        append(el)
        var closed = tag.selfClosed || classes.contains(.withoutBody)
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
        var model: Element.ContentModel = !parentIsRaw && options.parseBlockHTML ? HTMLScanner.contentModel(classes) : .raw
        if let md = el.attrs["markdown"] {
            el.attrs["markdown"] = nil
            switch md {
            case "0": model = .raw
            case "1": model = HTMLScanner.contentModel(classes)
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
            parseRawHTML(el, isHTML: !classes.isEmpty)
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
        var from = p
        while let i = HTMLScanner.nextLessThan(src, from: from) {
            if let (e, n) = HTMLScanner.closeTagRange(src, i), HTMLScanner.name(src, n, is: lower, foldCase: true) {
                return (i, e)
            }
            from = i + 1
        }
        return nil
    }

    /// `parse_raw_html`: text, comments, processing instructions and nested elements up to the
    /// element's close tag (matched in any case when `isHTML`, the element being a known one).
    func parseRawHTML(_ el: Element, isHTML: Bool) {
        let savedTree = tree
        tree = el
        defer { tree = savedTree }
        while pos < src.count {
            guard let start = nextRawStart(pos) else {
                addRawText(pos..<src.count, to: el)
                pos = src.count
                warn("Found no end tag for '\(el.value)'", .onLine, " - auto-closing it", line: el.line)
                return
            }
            addRawText(pos..<start, to: el)
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
            } else if let (e, n) = HTMLScanner.closeTagRange(src, pos) {
                if HTMLScanner.name(src, n, is: el.value, foldCase: isHTML) {
                    pos = e
                    return
                }
                addText(string(pos, e), to: el, kind: .text)
                warn("Found invalidly used HTML closing tag for '\(string(n.lowerBound, n.upperBound))'", .onLine,
                     " - ignoring it", at: pos)
                pos = e
            } else {
                let l = src.scalar(at: pos)?.1 ?? 1
                addText(string(pos, pos + l), to: el, kind: .text)
                pos += l
            }
        }
    }

    /// `addText` of the text `src[r]` in raw HTML, which a new text element keeps as that range
    /// (the converter escapes it from the bytes): most are the line breaks and indents between tags.
    private func addRawText(_ r: Range<Int>, to el: Element) {
        if let last = el.children.last, last.kind == .text {
            last.value += string(r.lowerBound, r.upperBound)
        } else if !r.isEmpty {
            let text = Element.text(src, r)
            text.line = blockStartLine
            el.children.append(text)
        }
    }

    /// HTML_RAW_START: the next `<` that starts a name, `/`, `!--` or `?`.
    private func nextRawStart(_ from: Int) -> Int? {
        var i = from
        while let lt = HTMLScanner.nextLessThan(src, from: i) {
            if let n = src.at(lt + 1),
               n == Byte.slash || n == Byte.question || src.hasPrefix("!--", at: lt + 1) || HTMLScanner.nameEnd(src, lt + 1) != nil {
                return lt
            }
            i = lt + 1
        }
        return nil
    }
}
