/// Emphasis, code spans, autolinks, footnote markers, math, entities, strikethrough.
extension SpanParser {
    func parseEmphasis() {
        let saved = pos
        let type = src[pos]
        let len = src.at(pos + 1) == type ? 2 : 1
        let kind: Element.Kind = len == 2 ? .strong : .em
        let after = pos + len
        if (type == Byte.underscore && precededByWordish(pos)) || (src.at(after).map(Byte.isSpace) ?? false)
            || inside(kind) {
            addText(pos, after); pos = after
            return
        }
        pos = after
        var (found, el) = subParse(delimiterLength: len, type: type, kind: kind)
        if !found && kind == .strong && tree.kind != .em {
            pos = saved + 1
            (found, el) = subParse(delimiterLength: 1, type: type, kind: .em)
        }
        if found {
            pos += (el.kind == .strong ? 2 : 1)
            tree.children.append(el)
        } else {
            pos = saved + len
            addText(saved, saved + len)
        }
    }

    /// `[[:alpha:]]-?[[:alpha:]]*\z` on the text before `i`.
    private func precededByWordish(_ i: Int) -> Bool {
        guard let j = src.scalarStart(before: i), let (s, _) = src.scalar(at: j) else { return false }
        if s.isAlphaClass { return true }
        if s == "-", let prev = src.scalar(before: j) { return prev.isAlphaClass }
        return false
    }

    private func subParse(delimiterLength n: Int, type: UInt8, kind: Element.Kind) -> (Bool, Element) {
        let el = Element(kind)
        let found = parseSpans(el, hasStop: true, stop: { p, i in
            for k in 0..<n where p.src.at(i + k) != type { return false }
            return true
        }, parsers: nil, accept: {
            // the closing delimiter must follow a non-space, not be the start of a longer run
            // for em, not be followed by an alphanumeric for `_`, and close a non-empty element
            let before = src.at(pos - 1)
            if before == nil || Byte.isSpace(before!) { return false }
            if kind == .em, src.at(pos) == type, src.at(pos + 1) == type, src.at(pos + 2) != type { return false }
            if type == Byte.underscore, let (s, _) = src.scalar(at: pos + n), s.isAlnumClass { return false }
            return el.hasChildren
        })
        return (found, el)
    }

    func parseCodespan() {
        let start = pos
        var n = 0
        while src.at(pos + n) == Byte.backtick { n += 1 }
        pos += n
        let simple = n == 1
        if simple {
            let before = start == 0 || Byte.isSpace(src[start - 1]) || (start == 1 && src[0] == Byte.newline)
            if before, let next = src.at(pos), Byte.isSpace(next) {
                addText(start, pos)
                return
            }
        }
        // scan_until the same run of backticks (which may sit inside a longer run)
        var i = pos
        while i + n <= src.count {
            var ok = true
            for k in 0..<n where src[i + k] != Byte.backtick { ok = false; break }
            if ok { break }
            i += 1
        }
        guard i + n <= src.count else {
            addText(start, start + n)
            return
        }
        var a = pos, b = i
        if !simple {
            if a < b, src[a] == Byte.space { a += 1 }
            if a < b, src[b - 1] == Byte.space { b -= 1 }
        }
        // the code as a range of the source: the converter escapes the bytes (`Element.value`
        // makes the string for the rest)
        let el = Element.text(src, srcBase, a..<max(a, b), kind: .codespan)
        tree.children.append(el)
        pos = i + n
    }

    /// `<(mailto|https?|ftps?):.+?>` or `<user@host>`; returns (end, inner range, isMail).
    func autolinkMatch(at p: Int) -> (Int, Range<Int>, Bool)? {
        guard src.at(p) == Byte.lt else { return nil }
        let s = p + 1
        for scheme in ["mailto:", "https:", "http:", "ftps:", "ftp:"] {
            let u = Array(scheme.utf8)
            if s + u.count <= src.count, Array(src[s..<s + u.count]) == u {
                var j = s + u.count
                guard j < src.count, src[j] != Byte.newline else { break }
                j += 1
                while j < src.count, src[j] != Byte.newline {
                    if src[j] == Byte.gt { return (j + 1, s..<j, false) }
                    j += 1
                }
                break
            }
        }
        // [alnum-_.]+?@[alnum-_.]+?
        func achar(_ i: Int) -> Int? {
            guard let (sc, l) = src.scalar(at: i) else { return nil }
            return sc.isAlnumClass || sc == "-" || sc == "_" || sc == "." ? l : nil
        }
        var j = s
        var sawAt = false, left = 0, right = 0
        while j < src.count {
            if src[j] == Byte.gt { return sawAt && left > 0 && right > 0 ? (j + 1, s..<j, true) : nil }
            if src[j] == 0x40, !sawAt { sawAt = true; j += 1; continue }
            guard let l = achar(j) else { return nil }
            if sawAt { right += 1 } else { left += 1 }
            j += l
        }
        return nil
    }

    func parseAutolink() {
        guard let (end, inner, isMail) = autolinkMatch(at: pos) else { return }
        let target = src.string(inner)
        let a = Element(.a)
        a.attrs["href"] = isMail ? "mailto:" + target : target
        var text = target
        if text.hasPrefix("mailto:") { text.removeFirst(7) }
        addText(text, to: a)
        tree.children.append(a)
        pos = end
    }

    /// `\[\^(\w[\w-]*)\]`; returns (end, name).
    func footnoteMarkerMatch(at p: Int) -> (Int, String)? {
        guard src.hasPrefix("[^", at: p), let f = src.at(p + 2), Byte.isWord(f) else { return nil }
        var j = p + 3
        while j < src.count, Byte.isWord(src[j]) || src[j] == Byte.dash { j += 1 }
        guard src.at(j) == Byte.rbracket else { return nil }
        return (j + 1, src.string(p + 2..<j))
    }

    func parseFootnoteMarker() {
        guard let (end, name) = footnoteMarkerMatch(at: pos) else { return }
        if context.footnotes[name] != nil {
            // The marker names its definition; it does not hold the content, which may contain
            // this very marker (a footnote citing itself would otherwise be a reference cycle).
            tree.children.append(Element(.footnote, name))
            context.referencedFootnotes.insert(name)
        } else {
            warn("Footnote definition for '\(name)' not found")
            addText(pos, end)
        }
        pos = end
    }

    /// `\$\$(.*?)\$\$` across lines; returns (end, inner range).
    func inlineMathMatch(at p: Int) -> (Int, Range<Int>)? {
        guard src.hasPrefix("$$", at: p) else { return nil }
        var j = p + 2
        while j + 1 < src.count {
            if src[j] == Byte.dollar && src[j + 1] == Byte.dollar { return (j + 2, p + 2..<j) }
            j += 1
        }
        return nil
    }

    func parseInlineMath() {
        guard let (end, inner) = inlineMathMatch(at: pos) else { return }
        tree.children.append(Element(.math, src.string(inner).trimmingCharacters(in: " \t\n\r\u{0B}\u{0C}")))
        pos = end
    }

    /// HTML_ENTITY_RE: `&name;`, `&#123;`, `&#x1f;`. Returns (end, entity or nil when unknown).
    func entityMatch(at p: Int) -> (Int, Entity?)? {
        guard src.at(p) == Byte.amp, let end = Escape.referenceEnd(src, p) else { return nil }
        if src[p + 1] == Byte.hash {
            let hex = src[p + 2] == 0x78
            let digits = src.string((hex ? p + 3 : p + 2)..<(end - 1))
            guard let v = UInt32(digits, radix: hex ? 16 : 10) else { return (end, Entity(codePoint: 0x110000, name: nil)) }
            return (end, Entity.numeric(v))
        }
        return (end, Entity.named(src.string(p + 1..<end - 1)))
    }

    func parseEntity() {
        guard let (end, entity) = entityMatch(at: pos) else { return }
        if let e = entity {
            let el = Element(.entity)
            el.entity = e
            el.original = src.string(pos..<end)
            tree.children.append(el)
        } else {
            let amp = Element(.entity)
            amp.entity = Entity(codePoint: 38, name: "amp")
            tree.children.append(amp)
            addText(pos + 1, end)
        }
        pos = end
    }

    /// `~~(?!\s|~).*?[^\s~]~~`; returns (end, inner range).
    func strikethroughMatch(at p: Int) -> (Int, Range<Int>)? {
        guard src.hasPrefix("~~", at: p), let f = src.at(p + 2), !Byte.isSpace(f), f != Byte.tilde else { return nil }
        var j = p + 3
        while j + 1 < src.count {
            if src[j] == Byte.tilde, src[j + 1] == Byte.tilde, !Byte.isSpace(src[j - 1]), src[j - 1] != Byte.tilde {
                return (j + 2, p + 2..<j)
            }
            j += 1
        }
        return nil
    }

    func parseStrikethrough() {
        guard let (end, inner) = strikethroughMatch(at: pos) else { return }
        let del = Element(.htmlElement, "del")
        del.contentModel = .span
        // kramdown parses the inside with a fresh environment.
        let sub = SpanParser(src.string(inner), context: context, firstLine: lineNumber(at: inner.lowerBound), tree: del)
        sub.parseSpans(del, stop: nil, parsers: nil)
        tree.children.append(del)
        pos = end
    }
}
