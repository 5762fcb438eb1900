/// Paragraphs, headers, rules and code blocks from cmark's nodes, each checked against what
/// kramdown reads at the same place.
extension CmarkBlockBuilder {
    /// Whether kramdown, trying its block parsers in order at `p`, would take the line as
    /// something other than a paragraph or a setext header (which cmark gave there).
    func kramdownStartsOtherBlock(at p: Int, allowSetext: Bool) -> Bool {
        let src = grammar.src
        return kramdownStartsOtherBlock(src, at: p, lineEnd: src.lineEnd(from: p), allowSetext: allowSetext)
    }

    /// `kramdownStartsOtherBlock(at:allowSetext:)` when the end of the line at `p` is known, in
    /// the parser's `src` (passed in: reading `grammar.src` here costs a retain and a release).
    func kramdownStartsOtherBlock(_ src: Bytes, at p: Int, lineEnd e: Int, allowSetext: Bool) -> Bool {
        // most paragraphs start with a letter: of the patterns below only a setext underline, a
        // table pipe and the paragraph's own line end can then decide (one line end for the three)
        if let c = src.at(p), Self.startsOnlyTextBlocks(c) {
            guard e < src.count else { return true }
            if !allowSetext, let u = src.at(e + 1), u == Byte.dash || u == Byte.equals,
               BlockParser.setextHeader(src, p) != nil { return true }
            return BlockParser.hasTablePipe(src, p, lineEnd: e)
        }
        if Scan.indent(src, p) != nil || Scan.fenceStart(src, p, gfm: true) || Scan.blockquoteStart(src, p) != nil
            || Scan.gfmATX(src, p) != nil || Scan.horizontalRule(src, p) != nil
            || Scan.listStart(src, p, maxIndent: 3) != nil || Scan.definitionStart(src, p, maxIndent: 3) != nil
            || Scan.htmlBlockStart(src, p) {
            return true
        }
        if !allowSetext, BlockParser.setextHeader(src, p) != nil { return true }
        // `$$` math, tables, footnote/link/abbreviation definitions, extensions, EOB markers
        let lead = Scan.leadingSpaces(src, p)
        let first = p + lead
        if src.hasPrefix("$$", at: first) || src.hasPrefix("\\$$", at: first) { return true }
        if BlockParser.hasTablePipe(src, p) { return true }
        if src.at(first) == Byte.lbracket, let close = src[first..<e].firstIndex(of: Byte.rbracket),
           src.at(close + 1) == Byte.colon { return true }
        if src.hasPrefix("*[", at: first) || Scan.blockExtensionStart(src, p) || Scan.eobMarker(src, p) != nil { return true }
        return !Scan.paragraphStart(src, p)
    }

    /// Whether a line whose first byte is `c` can start no block but a paragraph, a setext
    /// header or a table: an ASCII letter or the first byte of another character (no block
    /// marker, no indent, no list number).
    static func startsOnlyTextBlocks(_ c: UInt8) -> Bool { Byte.isAlpha(c) || c >= 0x80 }

    /// A paragraph, when kramdown's paragraph at `p` ends on cmark's last line or before: a line
    /// that ends a paragraph to kramdown (an IAL, an HTML tag, a definition) ends it there, and
    /// the rest of cmark's paragraph is read on from that line.
    func paragraph(_ block: CmarkBlock, at p: Int, _ view: SourceView) -> Int? {
        // the view's bytes are the parser's `src` (`walk` set it), read from the argument without
        // the retain and release that reading `grammar.src` costs
        let src = view.bytes
        guard grammar.tree.lastChildKind != .p else { return nil }
        // the first line's end, for the test and the paragraph's lines: the view knows where the
        // next line starts (`p` starts cmark's first line, `walk` checked)
        let next = view.offset(after: block.startLine)
        let firstLineEnd = next > p && src[next - 1] == Byte.newline ? next - 1 : next
        guard !kramdownStartsOtherBlock(src, at: p, lineEnd: firstLineEnd, allowSetext: false) else { return nil }
        var end = min(firstLineEnd + 1, src.count)
        let cmarkEnd = view.offset(after: block.endLine)
        while end < cmarkEnd, !grammar.paragraphEnd(end) { end = grammar.nextLine(end) }
        if end < src.count, !grammar.paragraphEnd(end) { return nil }
        // Ruby's strip of the paragraph's text
        var e = end
        while e > p, Byte.isSpace(src[e - 1]) || src[e - 1] == 0 { e -= 1 }
        var s = p
        while s < e, Byte.isSpace(src[s]) { s += 1 }
        // the raw text stays a range of the source on the paragraph itself: the span parser
        // reads the bytes (set through the reference the parent's children hold)
        let el = grammar.appendNewBlock(.p)
        if s < e { el._withUnsafeGuaranteedRef { $0.setPendingSpans(src, s..<e) } }
        return end
    }

    /// An ATX header, or a setext header under a one-line paragraph after a block boundary.
    func heading(_ block: CmarkBlock, at p: Int, _ view: SourceView) -> Int? {
        let src = view.bytes
        let match: BlockParser.HeaderMatch
        guard Scan.indent(src, p) == nil, Scan.blockquoteStart(src, p) == nil else { return nil }
        if let atx = Scan.gfmATX(src, p) {
            guard block.endLine == block.startLine, let m = BlockParser.gfmATXHeader(src, p, atx) else { return nil }
            match = m
        } else {
            // cmark's setext heading ends on its text line or on the underline
            guard block.endLine <= block.startLine + 1, grammar.afterBlockBoundary,
                  !kramdownStartsOtherBlock(at: p, allowSetext: true),
                  let m = BlockParser.setextHeader(src, p), m.end == view.offset(after: block.startLine + 1) else { return nil }
            match = m
        }
        guard match.end >= view.offset(after: block.endLine) else { return nil }
        let el = grammar.newBlock(.header)
        el.level = match.level
        // GFM's tree pass names every header again from its spans (`TreeUpdate.updateBlock`)
        if !grammar.gfm { el.rawText = match.text(in: src) }
        if let range = match.textRange, !range.isEmpty {
            // a range of the source, as a paragraph's: a text without a span trigger is then
            // kept as it is instead of parsed (`TreeUpdate`)
            el.setPendingSpans(src, range)
        } else if !match.ownText.isEmpty {
            el.value = match.ownText
            el.spansPending = true
        }
        if let id = match.id { el.attrs["id"] = id }
        grammar.append(el)
        return match.end
    }

    func rule(at p: Int) -> Int? {
        let src = grammar.src
        guard Scan.indent(src, p) == nil, Scan.horizontalRule(src, p) != nil else { return nil }
        grammar.append(grammar.newBlock(.hr))
        return grammar.nextLine(p)
    }

    /// Indented code, when kramdown's code block (with its lazy lines) ends where cmark's does.
    func indentedCode(_ block: CmarkBlock, at p: Int, _ view: SourceView) -> Int? {
        let src = view.bytes
        guard Scan.indent(src, p) != nil else { return nil }
        let end = grammar.codeblockEnd(p)
        // cmark's code block may end after blank lines kramdown leaves out
        let cmarkEnd = view.offset(after: block.endLine)
        guard end > p, end <= cmarkEnd, !Scan.hasNonSpace(src, end, cmarkEnd) else { return nil }
        let text = BlockParser.codeText(src[p..<end])
        grammar.append(grammar.newBlock(.codeblock, String(decoding: text, as: UTF8.self)))
        return end
    }

    /// Fenced code, when kramdown reads the same fence: one language word at most, and a closing
    /// fence (an unclosed fence is no code block to kramdown).
    func fencedCode(_ block: CmarkBlock, at p: Int, _ view: SourceView) -> Int? {
        let src = view.bytes
        guard Scan.indent(src, p) == nil, Scan.fenceStart(src, p, gfm: true),
              let f = BlockParser.fencedCode(src, p, gfm: true), f.end == view.offset(after: block.endLine) else { return nil }
        let el = grammar.newBlock(.codeblock, src.string(f.body))
        if let word = f.word {
            el.lang = src.string(word)
            el.attrs["class"] = "language-" + src.string(word.lowerBound..<f.nameEnd)
        }
        grammar.append(el)
        return f.end
    }
}
