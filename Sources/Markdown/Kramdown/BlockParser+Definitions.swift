/// Footnote, link and abbreviation definitions: they print nothing where they stand (an end-of-
/// block marker takes their place, to which a following IAL may attach) and are looked up when
/// the spans are parsed.
extension BlockParser {
    /// FOOTNOTE_DEFINITION_START: `[^name]:` then the rest of the line and any indented (or lazy)
    /// lines after it, de-indented by one tab or four spaces.
    func parseFootnoteDefinition() -> Bool {
        let lead = Scan.leadingSpaces(src, pos)
        guard lead <= 3, src.hasPrefix("[^", at: pos + lead), let f = src.at(pos + lead + 2), Byte.isWord(f) else { return false }
        var j = pos + lead + 3
        while j < src.count, Byte.isWord(src[j]) || src[j] == Byte.dash { j += 1 }
        guard src.hasPrefix("]:", at: j) else { return false }
        let name = string(pos + lead + 2, j)
        let contentStart = j + 2
        let e = lineEnd(contentStart)
        guard e < src.count else { return false }
        let end = codeblockEnd(e + 1)
        var text = Bytes()
        text.reserveCapacity(end - contentStart)
        var l = contentStart
        while l < end {
            let n = min(lineEnd(l) + 1, end)
            text += src[(l + (Scan.indent(src, l) ?? 0))..<n]
            l = n
        }
        pos = end
        let content = Element(.root)
        content.line = blockStartLine
        parseBlocks(content, text, firstLine: blockStartLine)
        if ctx.footnotes[name] != nil {
            warn("Duplicate footnote name '\(name)'", .onLine, " - overwriting")
        } else {
            ctx.footnoteOrder.append(name)
        }
        let eob = newBlock(.eob)
        eob.eob = .footnoteDef
        append(eob)
        ctx.footnotes[name] = SpanParser.Footnote(content: content, eob: eob)
        return true
    }

    /// LINK_DEFINITION_START: `[id]: url "title"`, the URL in angle brackets or bare, the title
    /// (in either quote) on the same line or the next.
    func parseLinkDefinition() -> Bool {
        let lead = Scan.leadingSpaces(src, pos)
        guard lead <= 3, src.at(pos + lead) == Byte.lbracket else { return false }
        var j = pos + lead + 1
        while j < src.count, src[j] != Byte.rbracket, src[j] != Byte.newline { j += 1 }
        guard j > pos + lead + 1, src.hasPrefix("]:", at: j) else { return false }
        let id = string(pos + lead + 1, j)
        var s = j + 2
        while s < src.count, src[s] == Byte.space || src[s] == Byte.tab { s += 1 }
        let e = lineEnd(s)
        guard e < src.count, let m = linkDefinitionRest(s, lineEnd: e) else { return false }
        if !m.bracketed, Self.hasSpaceQuote(src[m.url]) { return false }
        pos = m.end
        let normalized = SpanParser.normalizeLinkID(id)
        if ctx.linkDefinitions[normalized] != nil {
            // kramdown names the line after the definition, one more when that line is blank.
            let after = lineNumber(at: m.end) + (src.at(m.end) == Byte.newline ? 1 : 0)
            warn("Duplicate link ID '\(normalized)'", .onLine, " - overwriting", kramdownLine: after)
        }
        let eob = newBlock(.eob)
        eob.eob = .linkDef
        append(eob)
        ctx.linkDefinitions[normalized] = SpanParser.LinkDefinition(
            url: src.string(m.url), title: m.title.map { src.string($0) }, eob: eob)
        return true
    }

    private struct LinkRest { var url: Range<Int>; var bracketed: Bool; var title: Range<Int>?; var end: Int }

    /// The URL alternatives in the regexp's order (`<…>` first, each shortest first), each
    /// followed by an optional title and the end of the line.
    private func linkDefinitionRest(_ s: Int, lineEnd e: Int) -> LinkRest? {
        if src.at(s) == Byte.lt {
            var k = s + 1
            while k < e {
                if src[k] == Byte.gt, let (title, end) = linkTitleTail(k + 1) {
                    return LinkRest(url: (s + 1)..<k, bracketed: true, title: title, end: end)
                }
                k += 1
            }
        }
        var firstText: Int? = nil
        var u = s
        while u < e {
            if firstText == nil, !Byte.isSpace(src[u]) { firstText = u }
            u += 1
            if firstText != nil, let (title, end) = linkTitleTail(u) {
                return LinkRest(url: s..<u, bracketed: false, title: title, end: end)
            }
        }
        return nil
    }

    /// `(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\1)?[ \t]*?\n` at `p`.
    private func linkTitleTail(_ p: Int) -> (Range<Int>?, Int)? {
        var i = p
        while i < src.count, src[i] == Byte.space || src[i] == Byte.tab { i += 1 }
        var quoteAt: Int? = nil
        if i > p, let q = src.at(i), q == Byte.quote || q == Byte.apos {
            quoteAt = i
        } else if src.at(i) == Byte.newline {
            var k = i + 1
            while k < src.count, src[k] == Byte.space || src[k] == Byte.tab { k += 1 }
            if let q = src.at(k), q == Byte.quote || q == Byte.apos { quoteAt = k }
        }
        if let q = quoteAt {
            let e = lineEnd(q)
            var k = q + 2
            while k < e {
                if src[k] == src[q] {
                    var t = k + 1
                    while t < e, src[t] == Byte.space || src[t] == Byte.tab { t += 1 }
                    if t == e, e < src.count { return ((q + 1)..<k, e + 1) }
                }
                k += 1
            }
        }
        if src.at(i) == Byte.newline { return (nil, i + 1) }
        return nil
    }

    /// `/[ \t]+["']/`: a bare URL holding blanks before a quote is no definition.
    private static func hasSpaceQuote(_ s: ArraySlice<UInt8>) -> Bool {
        var prevBlank = false
        for c in s {
            if prevBlank && (c == Byte.quote || c == Byte.apos) { return true }
            prevBlank = c == Byte.space || c == Byte.tab
        }
        return false
    }

    /// ABBREV_DEFINITION_START `^ {0,3}\*\[(.+?)\]:(.*?)\n`.
    func parseAbbreviationDefinition() -> Bool {
        let lead = Scan.leadingSpaces(src, pos)
        guard lead <= 3, src.hasPrefix("*[", at: pos + lead) else { return false }
        let e = lineEnd(pos)
        guard e < src.count else { return false }
        var close = pos + lead + 3
        while close < e, !(src[close] == Byte.rbracket && src.at(close + 1) == Byte.colon) { close += 1 }
        guard close < e else { return false }
        let name = string(pos + lead + 2, close)
        let text = string(close + 2, e).stripped
        pos = e + 1
        if ctx.abbreviations[name] != nil { warn("Duplicate abbreviation ID '\(name)'", .onLine, " - overwriting") }
        let eob = newBlock(.eob)
        eob.eob = .abbrevDef
        append(eob)
        ctx.abbreviations[name] = SpanParser.Abbreviation(title: text, eob: eob)
        return true
    }
}
