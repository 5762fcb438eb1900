/// Code blocks, blockquotes, headers, math blocks and paragraphs.
extension BlockParser {
    // MARK: indented code

    /// A line of indented code: a tab or four spaces, then something other than whitespace.
    private func isIndentedCodeLine(_ p: Int) -> Bool {
        guard let w = Scan.indent(src, p) else { return false }
        var i = p + w
        while i < src.count, src[i] == Byte.space || src[i] == Byte.tab { i += 1 }
        return i < src.count && !Byte.isSpace(src[i]) && lineEnd(i) < src.count
    }

    /// A "lazy" line inside a code block: any non-blank line that is no IAL, EOB marker or HTML tag
    /// that would end a paragraph.
    private func isLazyCodeLine(_ p: Int) -> Bool {
        var i = p
        while i < src.count, src[i] == Byte.space || src[i] == Byte.tab { i += 1 }
        guard i < src.count, !Byte.isSpace(src[i]), lineEnd(i) < src.count else { return false }
        return Scan.ialBlock(src, p, maxIndent: 3) == nil && Scan.eobMarker(src, p) == nil
            && !Scan.lazyEndHTML(src, p, maxIndent: 3)
    }

    /// CODEBLOCK_MATCH: groups of (optional blank lines, indented lines, lazy lines).
    func codeblockEnd(_ start: Int) -> Int {
        var end = start
        while true {
            var r = end
            if let b = Scan.blankLines(src, r) { r = b }
            var count = 0
            while r < src.count, isIndentedCodeLine(r) { r = nextLine(r); count += 1 }
            if count == 0 { break }
            while r < src.count, isLazyCodeLine(r) { r = nextLine(r) }
            end = r
        }
        return end
    }

    func parseCodeblock() -> Bool {
        let end = codeblockEnd(pos)
        guard end > pos else { return false }
        let data = Self.codeText(src[pos..<end])
        pos = end
        append(newBlock(.codeblock, String(decoding: data, as: UTF8.self)))
        return true
    }

    /// Lazy lines join the line before with a space; then one tab or four spaces go from every
    /// line start.
    static func codeText(_ s: ArraySlice<UInt8>) -> Bytes {
        var joined = Bytes()
        joined.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == Byte.newline, i + 1 < s.endIndex {
                var j = i + 1
                while j < s.endIndex, j - i - 1 < 3, s[j] == Byte.space { j += 1 }
                if j < s.endIndex, !Byte.isSpace(s[j]) {
                    joined.append(Byte.space)
                    i += 1
                    continue
                }
            }
            joined.append(c)
            i += 1
        }
        var out = Bytes()
        out.reserveCapacity(joined.count)
        var k = 0
        var lineStart = true
        while k < joined.count {
            if lineStart {
                lineStart = false
                if joined[k] == Byte.tab { k += 1; continue }
                if joined.hasPrefix("    ", at: k) { k += 4; continue }
            }
            if joined[k] == Byte.newline { lineStart = true }
            out.append(joined[k])
            k += 1
        }
        return out
    }

    // MARK: blockquotes

    func parseBlockquote() {
        var end = nextLine(pos)
        while end < src.count, !Scan.lazyEnd(src, end) { end = nextLine(end) }
        var text = Bytes()
        text.reserveCapacity(end - pos)
        var l = pos
        while l < end {
            let n = min(lineEnd(l) + 1, end)
            let skip = Scan.blockquoteStart(src, l) ?? 0
            text += src[(l + skip)..<n]
            l = n
        }
        pos = end
        let el = newBlock(.blockquote)
        append(el)
        parseBlocks(el, text, firstLine: el.line)
    }

    // MARK: headers

    func parseATXHeader() -> Bool {
        if gfm {
            guard let h = Self.gfmATXHeader(src, pos) else { return false }
            addHeader(level: h.level, text: h.text(in: src), id: h.id, end: h.end)
            return true
        }
        // kramdown: `#{1,6}[\t ]*([^ \t].*)\n` after a block boundary
        var level = 0
        while level < 6, src.at(pos + level) == Byte.hash { level += 1 }
        guard level > 0 else { return false }
        var c = pos + level
        while c < src.count, src[c] == Byte.space || src[c] == Byte.tab { c += 1 }
        let e = lineEnd(pos)
        guard c < e, e < src.count, afterBlockBoundary else { return false }
        var (text, id) = Self.headerContents(string(c, e))
        // `(?<!\\)#+\z`: a run of hashes at the end, less its first one after a backslash
        let all = Array(text.utf8)
        var cut = all.count
        while cut > 0, all[cut - 1] == Byte.hash { cut -= 1 }
        if cut < all.count, cut > 0, all[cut - 1] == Byte.backslash { cut += 1 }
        if cut < all.count {
            text = String(decoding: all[..<cut], as: UTF8.self).rstripped
        }
        guard !text.isEmpty else { return false }
        addHeader(level: level, text: text, id: id, end: e + 1)
        return true
    }

    func parseSetextHeader() -> Bool {
        guard let h = Self.setextHeader(src, pos), afterBlockBoundary else { return false }
        addHeader(level: h.level, text: h.text(in: src), id: h.id, end: h.end)
        return true
    }

    /// A header as kramdown reads it: level, text, explicit id, and the end after its last line.
    struct HeaderMatch {
        var level: Int
        /// The text, when it is not one range of the source (`textRange`); read it with `text(in:)`.
        var ownText: String
        var id: String?
        var end: Int
        /// Where the text stands in the source, when it is one range of it (no string made).
        var textRange: Range<Int>? = nil

        func text(in src: Bytes) -> String { textRange.map { src.string($0) } ?? ownText }
    }

    /// The GFM parser's ATX header at `p`, closing hashes and a `{#id}` taken off.
    static func gfmATXHeader(_ src: Bytes, _ p: Int) -> HeaderMatch? {
        guard let atx = Scan.gfmATX(src, p) else { return nil }
        return gfmATXHeader(src, p, atx)
    }

    /// `gfmATXHeader` of a line whose `Scan.gfmATX` (level, where the text starts) is `atx`.
    static func gfmATXHeader(_ src: Bytes, _ p: Int, _ atx: (Int, Int)) -> HeaderMatch? {
        let (level, contents) = atx
        let e = src.lineEnd(from: p)
        if let match = plainATXHeader(src, level: level, contents: contents, end: e) { return match }
        var (text, id) = headerContents(src.string(contents..<e))
        // `[\t ]#+\z` and what it leaves at the end
        let noHashes = text.utf8.reversed().drop { $0 == Byte.hash }
        if noHashes.count < text.utf8.count, let before = noHashes.first, before == Byte.space || before == Byte.tab {
            text = String(decoding: noHashes.dropFirst().reversed(), as: UTF8.self).rstripped
        }
        guard !text.isEmpty else { return nil }
        return HeaderMatch(level: level, ownText: text, id: id, end: e + 1)
    }

    /// `gfmATXHeader` from the bytes when the line has no `{#id}` (it does not end in `}`): the
    /// text without trailing space and without closing `[\t ]#+`, as a range of the source.
    private static func plainATXHeader(_ src: Bytes, level: Int, contents: Int, end e: Int) -> HeaderMatch? {
        @inline(__always) func isTrailingSpace(_ b: UInt8) -> Bool { Byte.isSpace(b) || b == 0 }
        var hi = e
        while hi > contents, isTrailingSpace(src[hi - 1]) { hi -= 1 }
        guard hi > contents, src[hi - 1] != Byte.rbrace else { return nil }
        var h = hi
        while h > contents, src[h - 1] == Byte.hash { h -= 1 }
        if h < hi, h > contents, src[h - 1] == Byte.space || src[h - 1] == Byte.tab {
            hi = h - 1
            while hi > contents, isTrailingSpace(src[hi - 1]) { hi -= 1 }
            // an empty text is no header: the general path says so
            guard hi > contents else { return nil }
        }
        return HeaderMatch(level: level, ownText: "", id: nil, end: e + 1, textRange: contents..<hi)
    }

    /// A setext header at `p`: one line of text, then a line of `-` and `=` (kramdown does not
    /// look further up, so only a one-line paragraph can become a header). The caller checks the
    /// block boundary before it.
    static func setextHeader(_ src: Bytes, _ p: Int) -> HeaderMatch? {
        let lead = Scan.leadingSpaces(src, p)
        guard lead <= 3, let c = src.at(p + lead), c != Byte.space, c != Byte.tab else { return nil }
        let e = src.lineEnd(from: p)
        guard e + 1 < src.count, let u = src.at(e + 1), u == Byte.dash || u == Byte.equals else { return nil }
        var i = e + 2
        while i < src.count, src[i] == Byte.dash || src[i] == Byte.equals { i += 1 }
        while i < src.count, Scan.isInlineSpace(src[i]) { i += 1 }
        guard src.at(i) == Byte.newline else { return nil }
        let (text, id) = headerContents(src.string((p + lead)..<e))
        guard !text.isEmpty else { return nil }
        return HeaderMatch(level: u == Byte.dash ? 2 : 1, ownText: text, id: id, end: i + 1)
    }

    /// `parse_header_contents`: the text without trailing space and without a `{#id}`.
    static func headerContents(_ contents: String) -> (String, String?) {
        let text = contents.rstripped
        if let (stripped, id) = headerID(text) { return (stripped, id) }
        return (text, nil)
    }

    private func addHeader(level: Int, text: String, id: String?, end: Int) {
        pos = end
        let el = newBlock(.header)
        el.level = level
        el.rawText = text
        addText(text, to: el)
        if let id { el.attrs["id"] = id }
        append(el)
    }

    /// HEADER_ID: `[\t ]{#id}` at the very end, the id an XML name.
    static func headerID(_ s: String) -> (String, String)? {
        guard s.hasSuffix("}"), let open = s.range(of: "{#", options: .backwards) else { return nil }
        guard open.lowerBound > s.startIndex else { return nil }
        let before = s[s.index(before: open.lowerBound)]
        guard before == " " || before == "\t" else { return nil }
        let id = String(s[open.upperBound..<s.index(before: s.endIndex)])
        guard let f = id.unicodeScalars.first, f == ":" || f == "_" || f.properties.isAlphabetic else { return nil }
        guard id.unicodeScalars.allSatisfy({ $0 == ":" || $0 == "_" || $0 == "-" || $0 == "." || $0.properties.isAlphabetic
            || $0.properties.numericType != nil || $0 == "\u{B7}" }) else { return nil }
        let text = String(s[..<s.index(before: open.lowerBound)]).rstripped
        return (text, id)
    }

    // MARK: math

    /// BLOCK_MATH_START `^ {0,3}(\\)?\$\$(.*?)\$\$(\s*?\n)?`, standing between block boundaries.
    func parseBlockMath() -> Bool {
        let lead = Scan.leadingSpaces(src, pos)
        guard lead <= 3 else { return false }
        var i = pos + lead
        let escaped = src.at(i) == Byte.backslash
        if escaped { i += 1 }
        guard src.hasPrefix("$$", at: i) else { return false }
        var c = i + 2
        while c + 1 < src.count, !(src[c] == Byte.dollar && src[c + 1] == Byte.dollar) { c += 1 }
        guard c + 1 < src.count else { return false }
        var end = c + 2
        var t = end
        while t < src.count, Byte.isSpace(src[t]), src[t] != Byte.newline { t += 1 }
        let trailing = src.at(t) == Byte.newline
        if trailing { end = t + 1 }
        guard afterBlockBoundary else { return false }
        if escaped {
            if trailing { pos += lead + 1 }
            return false
        }
        guard beforeBlockBoundary(end) else { return false }
        let el = newBlock(.math, string(i + 2, c).stripped)
        pos = end
        append(el)
        return true
    }

    // MARK: paragraphs

    /// PARAGRAPH_END (kramdown) or PARAGRAPH_END_GFM.
    func paragraphEnd(_ p: Int) -> Bool {
        // a line starting with a letter (most of them) can end nothing, unless it is the last
        if let c = src.at(p), Byte.isAlpha(c) || c >= 0x80 { return p == src.count - 1 }
        if Scan.lazyEnd(src, p) { return true }
        if Scan.definitionStart(src, p, maxIndent: 3) != nil { return true }
        guard gfm else { return false }
        return Scan.listStart(src, p, maxIndent: 3) != nil || Scan.gfmATX(src, p) != nil
            || Scan.blockquoteStart(src, p) != nil || Scan.fenceStart(src, p, gfm: true)
    }

    func parseParagraph() {
        let start = pos
        var end = nextLine(pos)
        while end < src.count, !paragraphEnd(end) { end = nextLine(end) }
        // Ruby's rstrip (whitespace and NUL), and lstrip for a new paragraph
        var e = end
        while e > start, Byte.isSpace(src[e - 1]) || src[e - 1] == 0 { e -= 1 }
        pos = end
        if let last = tree.children.last, last.kind == .p {
            let result = string(start, e)
            last.rawTextChild()
            if let item = last.children.last, item.kind == .rawText {
                let hard = start >= 3 && src[start - 3] == Byte.space && src[start - 2] == Byte.space && src[start - 1] == Byte.newline
                item.value += (hard ? "  \n" : "\n") + result
            } else {
                addText(result, to: last)
            }
        } else {
            var s = start
            while s < e, Byte.isSpace(src[s]) { s += 1 }
            let p = newBlock(.p)
            addText(string(s, e), to: p)
            append(p)
        }
    }
}

extension String {
    /// Ruby's `rstrip`: trailing whitespace and NUL go.
    var rstripped: String {
        var u = Substring(self).utf8
        while let l = u.last, Byte.isSpace(l) || l == 0 { u = u.dropLast() }
        return String(Substring(u))
    }

    /// Ruby's `lstrip`.
    var lstripped: String {
        var u = Substring(self).utf8
        while let f = u.first, Byte.isSpace(f) { u = u.dropFirst() }
        return String(Substring(u))
    }

    var stripped: String { rstripped.lstripped }
}
