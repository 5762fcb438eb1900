/// kramdown's block grammar (the GFM parser's variant, or plain kramdown's), read line by line
/// from UTF-8 bytes into a tree of `Element`s whose text is still raw; `TreeUpdate` then parses
/// the spans. Containers (list items, blockquotes, footnotes, definitions) are parsed from their
/// own extracted text, as kramdown does, so every construct behaves the same at any depth.
///
/// The block parsers are tried in kramdown's order at the start of every block; each one checks
/// its start pattern first and may still decline, and the paragraph parser takes what is left.
final class BlockParser {
    let ctx: SpanParser.Context
    @exclusivity(unchecked) var src: Bytes = []
    @exclusivity(unchecked) var pos = 0
    @exclusivity(unchecked) var tree: Element
    /// An IAL waiting for the next block (`@block_ial`).
    @exclusivity(unchecked) var blockIAL: IAL?
    /// Set when the close tag of the HTML element being parsed as blocks was found.
    @exclusivity(unchecked) var stopFound = false
    let gfm: Bool
    /// Jekyll's SmartyPants parser: only block HTML and plain lines.
    @exclusivity(unchecked) var smartyPants = false
    /// Lines of the current source, for warnings and for the elements' `line`.
    @exclusivity(unchecked) var lines = LineCounter(firstLine: 1)
    /// The line the block being parsed starts on.
    @exclusivity(unchecked) var blockStartLine = 1

    init(context: SpanParser.Context, root: Element) {
        self.ctx = context
        self.tree = root
        self.gfm = context.options.input == .gfm
    }

    var options: KramdownOptions { ctx.options }

    /// `parse_blocks`: parses `text` (or, when nil, the current source from the current position)
    /// into `el`. Returns true when an HTML close tag for `el` ended the parsing. `firstLine` is the
    /// line of the whole Markdown that `text` starts on: containers' texts keep one line per line
    /// of the source, only their markers and indentation removed.
    @discardableResult
    func parseBlocks(_ el: Element, _ text: Bytes?, firstLine: Int = 1) -> Bool {
        let savedTree = tree, savedIAL = blockIAL
        let savedSrc: Bytes? = text == nil ? nil : src
        let savedPos = pos, savedLines = lines, savedStartLine = blockStartLine
        tree = el
        blockIAL = nil
        if let text { src = text; pos = 0; lines = LineCounter(firstLine: firstLine) }
        stopFound = false
        while pos < src.count && !stopFound {
            blockStartLine = lineNumber(at: pos)
            if !parseBlock() {
                warn("Warning: this should not occur - no block parser handled the line", .none)
                addText(line(at: pos))
                pos = nextLine(pos)
            }
        }
        let found = stopFound
        stopFound = false
        tree = savedTree
        blockIAL = savedIAL
        if let savedSrc { src = savedSrc; pos = savedPos; lines = savedLines }
        blockStartLine = savedStartLine
        return found
    }

    /// Tries the block parsers in kramdown's order at `pos`.
    func parseBlock() -> Bool {
        if smartyPants {
            if Scan.htmlBlockStart(src, pos), parseBlockHTML() { return true }
            addText(line(at: pos))
            pos = nextLine(pos)
            return true
        }
        if let end = Scan.blankLines(src, pos) { parseBlankLines(end); return true }
        if Scan.indent(src, pos) != nil, parseCodeblock() { return true }
        if fenceStart(), parseFencedCodeblock() { return true }
        if Scan.blockquoteStart(src, pos) != nil { parseBlockquote(); return true }
        if parseATXHeader() { return true }
        if Scan.horizontalRule(src, pos) != nil { parseHorizontalRule(); return true }
        if let m = Scan.listStart(src, pos, maxIndent: 3) { parseList(m); return true }
        if Scan.definitionStart(src, pos, maxIndent: 3) != nil, parseDefinitionList() { return true }
        if Scan.htmlBlockStart(src, pos), parseBlockHTML() { return true }
        if parseSetextHeader() { return true }
        if parseBlockMath() { return true }
        if parseTable() { return true }
        if parseFootnoteDefinition() { return true }
        if parseLinkDefinition() { return true }
        if parseAbbreviationDefinition() { return true }
        if Scan.blockExtensionStart(src, pos), parseBlockExtensions() { return true }
        if let end = Scan.eobMarker(src, pos) { pos = end; append(newBlock(.eob)); return true }
        if Scan.paragraphStart(src, pos) { parseParagraph(); return true }
        return false
    }

    // MARK: tree helpers

    /// `new_block_el`: a new element that takes the waiting block IAL.
    func newBlock(_ kind: Element.Kind) -> Element { settleNewBlock(ctx.elementPool.element(kind)) }

    /// `newBlock` with a text.
    func newBlock(_ kind: Element.Kind, _ value: String) -> Element {
        let el = ctx.elementPool.element(kind)
        el.value = value
        return settleNewBlock(el)
    }

    private func settleNewBlock(_ el: Element) -> Element {
        el.block = true
        el.line = blockStartLine
        if let ial = blockIAL {
            el.ial = ial
            blockIAL = nil
        }
        return el
    }

    func append(_ el: Element) {
        // `tree` is held by the parser (and its caller) while blocks are appended to it: no
        // retain and release of it around each append
        Unmanaged.passUnretained(tree)._withUnsafeGuaranteedRef { $0.children.append(el) }
    }

    /// Appends the element whose reference `el` holds, handing that reference to the children
    /// (`append` retains its argument for them, and its caller then releases its own).
    private func append(retained el: Unmanaged<Element>) {
        Unmanaged.passUnretained(tree)._withUnsafeGuaranteedRef { $0.children.append(el.takeRetainedValue()) }
    }

    /// `append(newBlock(kind))`, the block returned unretained: the children hold its only
    /// reference, and the caller sets it up through this one.
    func appendNewBlock(_ kind: Element.Kind) -> Unmanaged<Element> {
        let el = Unmanaged.passRetained(newBlock(kind))
        append(retained: el)
        return el
    }

    /// `add_text` with the raw-text type of block parsing.
    func addText(_ text: String, to el: Element? = nil, kind: Element.Kind = .rawText) {
        let target = el ?? tree
        if let last = target.children.last, last.kind == kind {
            last.value += text
        } else if !text.isEmpty {
            let el = Element(kind, text)
            el.line = blockStartLine
            target.children.append(el)
        }
    }

    /// `after_block_boundary?`
    var afterBlockBoundary: Bool {
        guard let last = tree.children.last else { return true }
        return last.kind == .blank || (last.kind == .eob && last.eob == .marker) || blockIAL != nil
    }

    /// `before_block_boundary?` at `p`: a blank line, an EOB marker, a block IAL or the end.
    func beforeBlockBoundary(_ p: Int) -> Bool {
        Scan.blankLines(src, p) != nil || Scan.eobMarker(src, p) != nil || Scan.ialBlock(src, p, maxIndent: 3) != nil
            || Scan.atEnd(src, p)
    }

    // MARK: lines

    func lineEnd(_ p: Int) -> Int { src.lineEnd(from: p) }

    func nextLine(_ p: Int) -> Int { min(lineEnd(p) + 1, src.count) }

    /// The line at `p` with its newline.
    func line(at p: Int) -> String { src.string(p..<nextLine(p)) }

    func string(_ from: Int, _ to: Int) -> String { src.string(from..<to) }

    /// A warning about the text at `p` (by default the start of the block being parsed); `head`,
    /// `clause` and `tail` as `MarkdownWarning` takes them.
    func warn(_ head: String, _ clause: MarkdownWarning.LineClause = .onLine, _ tail: String = "", at p: Int? = nil,
              line: Int? = nil, kramdownLine: Int? = nil) {
        let line = line ?? p.map(lineNumber(at:)) ?? blockStartLine
        ctx.warnings.append(MarkdownWarning(head, clause, tail, line: line, kramdownLine: kramdownLine))
    }

    /// The line of the whole Markdown at `p` in the current source.
    func lineNumber(at p: Int) -> Int { lines.line(at: p, in: src) }

    // MARK: blank lines, EOB, horizontal rules

    func parseBlankLines(_ end: Int) {
        // most runs are one empty line: its text without decoding it
        let oneNewline = end == pos + 1 && src[pos] == Byte.newline
        let start = pos
        pos = end
        // the run's text, made only where it is kept
        func text() -> String { oneNewline ? "\n" : string(start, end) }
        // most runs follow another block: the last child is looked at only when it is a blank
        if tree.lastChildKind == .blank, let last = tree.children.last {
            if ctx.isSharedBlank(last) {
                let own = Element(.blank, last.value + text())
                own.block = true
                tree.children[tree.children.count - 1] = own
            } else {
                last.value += text()
            }
        } else if oneNewline, blockIAL == nil {
            append(retained: .passRetained(ctx.newlineBlank))
        } else {
            append(newBlock(.blank, text()))
        }
    }

    private func parseHorizontalRule() {
        pos = nextLine(pos)
        append(newBlock(.hr))
    }
}
