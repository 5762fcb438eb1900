/// Prints a kramdown tree as kramdown's HTML converter does: block elements indented two spaces
/// per level, a newline for every run of blank lines, and kramdown's markup for every element.
final class HTMLConverter {
    let ctx: SpanParser.Context
    let highlighter: CodeHighlighter?
    var options: KramdownOptions { ctx.options }
    /// The elements being converted, innermost last (`@stack`).
    let stack = ElementStack()
    @exclusivity(unchecked) var footnoteCounter: Int
    @exclusivity(unchecked) var footnotes: [(name: String, content: Element, number: Int, repeats: Int)] = []
    @exclusivity(unchecked) var footnoteIndex: [String: Int] = [:]
    /// The headers of the table of contents (their children are read when it is made).
    @exclusivity(unchecked) var toc: [(level: Int, id: String, header: Element)] = []
    /// The TOC list: its type, attributes and the marker left where it goes.
    @exclusivity(unchecked) var tocRequest: (ordered: Bool, attrs: Attributes)? = nil
    @exclusivity(unchecked) var footnoteLocationRequested = false
    @exclusivity(unchecked) var usedIDs = HeaderIDCounts()
    @exclusivity(unchecked) var out: HTMLBuffer
    /// The lexers looked up by language name (a converter is reused for many pages, and each
    /// language is stored once rather than moved in whenever the last one changes).
    @exclusivity(unchecked) var lexerCache: [String: String?] = [:]
    /// The last lexer looked up.
    @exclusivity(unchecked) var lastLexer: (name: String, lexer: String?)? = nil
    /// `plainCodeSpanOpening()`, once it was asked for or given (`setPlainCodeSpanOpening`):
    /// read through a pointer, without counting a reference to the bytes once per code span
    /// (they are shared by every conversion of a converter's options, on all threads).
    @exclusivity(unchecked) private(set) var plainCodeSpanOpen: UnsafeBufferPointer<UInt8>?? = nil
    /// The bytes `plainCodeSpanOpen` points to, kept (and never changed) while it is used.
    @exclusivity(unchecked) private var plainCodeSpanOpenBytes: Bytes? = nil
    /// `isTOCLevel`'s mask, once it was asked for.
    @exclusivity(unchecked) var tocLevelMask: UInt64? = nil
    static let tocMarker = "\u{E001}kramdown-toc\u{E001}"
    static let footnotesMarker = "\u{E001}kramdown-footnotes\u{E001}"

    init(context: SpanParser.Context, highlighter: CodeHighlighter?) {
        self.ctx = context
        self.highlighter = highlighter
        self.footnoteCounter = context.options.footnoteNr
        out = HTMLBuffer()
    }

    /// Sets the converter back to the state `init` gives it (for its context, reset first) for
    /// another conversion (`ElementPools`), keeping its tables' room, its output buffer unless a
    /// long page grew it past `limit`, and the lexers it looked up (they depend only on the
    /// highlighter and the name).
    func reset(keepingOutputUpTo limit: Int) {
        stack.removeAll()
        footnoteCounter = ctx.options.footnoteNr
        if !footnotes.isEmpty { footnotes.removeAll(keepingCapacity: true) }
        if !footnoteIndex.isEmpty { footnoteIndex.removeAll(keepingCapacity: true) }
        if !toc.isEmpty { toc.removeAll(keepingCapacity: true) }
        tocRequest = nil
        footnoteLocationRequested = false
        usedIDs.removeAll()
        if out.capacity > limit { out = HTMLBuffer() }
        plainCodeSpanOpen = nil
        plainCodeSpanOpenBytes = nil
        tocLevelMask = nil
    }

    /// Keeps `bytes` as `plainCodeSpanOpening()`.
    func setPlainCodeSpanOpening(_ bytes: Bytes?) {
        plainCodeSpanOpenBytes = bytes
        plainCodeSpanOpen = .some(bytes.map { UnsafeBufferPointer(start: Element.base(of: $0), count: $0.count) })
    }

    /// `convert_root`: the document, then the footnotes (at the end, or where a `{:footnotes}`
    /// list asked for them), and the table of contents where `{:toc}` stood.
    func convertDocument(_ root: Element, sizeHint: Int = 0) -> String {
        // room for most pages' HTML at once (highlighted code more than doubles its source): a
        // fifth of the 1k-post site's pages grew the buffer, each growth a copy of it
        out.removeAll(keepingCapacity: 2 * sizeHint + 1024)
        inner(root, -2)
        if footnoteLocationRequested {
            let saved = out
            out = HTMLBuffer()
            footnoteContent()
            let notes = out.bytes
            out = saved
            out.replaceFirst(Self.footnotesMarker, with: notes)
        } else {
            footnoteContent()
        }
        if let request = tocRequest {
            let tree = tocTree(ordered: request.ordered, attrs: request.attrs)
            let saved = out
            out = HTMLBuffer()
            if !tree.children.isEmpty { convert(tree, 0) }
            let text = out.bytes
            out = saved
            out.replaceFirst(Self.tocMarker, with: text)
        }
        // Text cut from the validated source at ASCII bytes, and ASCII markup: valid UTF-8.
        return out.validString
    }

    func inner(_ el: Element, _ indent: Int) {
        stack.append(el)
        convertChildren(of: el, indent + 2)
        stack.removeLast()
    }

    /// Converts `el`'s children without retaining each one for its call: the array, kept by
    /// `children` for the whole loop (even if `el.children` were replaced), holds every one.
    @inline(__always) func convertChildren(of el: Element, _ indent: Int) {
        // an emphasis's or a link's only text, not made an element (`Element.children`), or a
        // header's or list item's text without a trigger byte
        if writePendingText(of: el) { return }
        let children = el.children
        children.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Unmanaged<Element>.self) { refs in
                for ref in refs { ref._withUnsafeGuaranteedRef { convert($0, indent) } }
            }
        }
    }

    func convert(_ el: Element, _ indent: Int) {
        switch el.kind {
        case .root: inner(el, indent)
        case .blank: out.append(Byte.newline)
        case .text: el.withText { out.escape(bytes: $0, mode: .text) }
        case .p: paragraph(el, indent)
        case .codeblock: codeblock(el, indent)
        case .blockquote: indentedBlock("blockquote", el.attrs, indent) { self.inner(el, indent) }
        case .header: header(el, indent)
        case .hr:
            out.spaces(indent)
            out.append("<hr")
            out.attributes(el.attrs)
            out.append(" />\n")
        case .ul, .ol: list(el, indent)
        case .dl: indentedBlock("dl", el.attrs, indent) { self.inner(el, indent) }
        case .li, .dd: listItem(el, indent)
        case .dt: dt(el, indent)
        case .htmlElement: htmlElement(el, indent)
        case .xmlComment, .xmlPI:
            if el.block && !parentIsRawHTML {
                out.spaces(indent)
                out.append(el.value)
                out.append(Byte.newline)
            } else {
                out.append(el.value)
            }
        case .table, .thead, .tbody, .tfoot, .tr:
            indentedBlock(Self.tableTag(el.kind), el.attrs, indent) { self.inner(el, indent) }
        case .td: tableCell(el, indent)
        case .comment:
            if el.block { out.spaces(indent) }
            out.append("<!-- ")
            out.append(el.value)
            out.append(" -->")
            if el.block { out.append(Byte.newline) }
        case .math: math(el, indent)
        case .raw:
            guard el.rawTypes.isEmpty || el.rawTypes.contains("html") else { return }
            out.append(el.value)
            if el.block { out.append(Byte.newline) }
        case .eob, .rawText: break
        default: span(el, indent)
        }
    }

    var parentIsRawHTML: Bool {
        guard let last = stack.last else { return false }
        return last.kind == .htmlElement && last.contentModel == .raw
    }

    /// `format_as_block_html`: the element on one line.
    func blockHTML(_ name: StaticString, _ attrs: Attributes, _ indent: Int, _ body: () -> Void) {
        out.spaces(indent)
        out.opening(name)
        out.attributes(attrs)
        out.append(Byte.gt)
        body()
        out.closingLine(name)
    }

    /// `format_as_indented_block_html`: the tags on lines of their own.
    func indentedBlock(_ name: StaticString, _ attrs: Attributes, _ indent: Int, _ body: () -> Void) {
        out.spaces(indent)
        out.opening(name)
        out.attributes(attrs)
        out.append(">\n")
        body()
        out.spaces(indent)
        out.closingLine(name)
    }

    private func paragraph(_ el: Element, _ indent: Int) {
        if el.transparent { return paragraphContent(el, indent) }
        if !el.spansSimple, !el.hasPendingText, el.children.count == 1, let img = el.children.first, img.kind == .img,
           img.ial?.refs.contains("standalone") == true {
            return standaloneImage(el, img, indent)
        }
        if el.attrs.isEmpty {
            // most paragraphs: the bare tags, each written whole, and no closure
            out.spaces(indent)
            out.append("<p>")
            paragraphContent(el, indent)
            out.append("</p>\n")
            return
        }
        blockHTML("p", el.attrs, indent) { self.paragraphContent(el, indent) }
    }

    /// A paragraph's spans: simple ones printed from its text (`SimpleSpans`), or its children.
    @inline(__always) private func paragraphContent(_ el: Element, _ indent: Int) {
        if el.spansSimple { simpleSpans(el) } else { inner(el, indent) }
    }

    /// The transparent paragraph a list item keeps on itself (`holdsItemParagraph`): its simple
    /// spans, or its one text (the tree pass made any other its child).
    @inline(__always) private func heldParagraph(_ item: Element) {
        if item.spansSimple { simpleSpans(item) } else { _ = writePendingText(of: item) }
    }

    /// Writes `el`'s pending text, escaped unless it needs no escape; false when it has none.
    @inline(__always) private func writePendingText(of el: Element) -> Bool {
        el.withPendingText { text in
            if el.pendingTextNeedsNoEscape { out.append(text) } else { out.escape(bytes: text, mode: .text) }
        } != nil
    }

    private func standaloneImage(_ p: Element, _ img: Element, _ indent: Int) {
        var figure = p.attrs
        var image = img.attrs
        if let c = image["class"], figure["class"] == nil { image["class"] = nil; figure["class"] = c }
        if let i = image["id"], figure["id"] == nil { image["id"] = nil; figure["id"] = i }
        indentedBlock("figure", figure, indent) {
            self.out.spaces(indent + 2)
            self.out.append("<img")
            self.out.attributes(image)
            self.out.append(" />\n")
            self.out.spaces(indent + 2)
            self.out.append("<figcaption>")
            self.out.append(image["alt"] ?? "")
            self.out.append("</figcaption>\n")
        }
    }

    private func list(_ el: Element, _ indent: Int) {
        if tocRequest == nil, el.ial?.refs.contains("toc") == true {
            tocRequest = (el.kind == .ol, el.attrs)
            out.append(Self.tocMarker)
            return
        }
        if !footnoteLocationRequested, el.ial?.refs.contains("footnotes") == true {
            footnoteLocationRequested = true
            out.append(Self.footnotesMarker)
            return
        }
        indentedBlock(el.kind == .ol ? "ol" : "ul", el.attrs, indent) { self.inner(el, indent) }
    }

    private func listItem(_ el: Element, _ indent: Int) {
        let tag: StaticString = el.kind == .dd ? "dd" : "li"
        out.spaces(indent)
        if el.attrs.isEmpty {
            out.append(el.kind == .dd ? "<dd>" : "<li>")
        } else {
            out.opening(tag)
            out.attributes(el.attrs)
            out.append(Byte.gt)
        }
        // the first child read without retaining it (or the children's array) for the test; a
        // paragraph kept on the item is a transparent one (and not made an element here)
        let startsInline = el.holdsItemParagraph || el.children.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Unmanaged<Element>.self) { refs in
                refs.first.map { $0._withUnsafeGuaranteedRef { $0.kind == .p && $0.transparent } } ?? true
            }
        }
        if startsInline {
            let start = out.count
            if el.holdsItemParagraph { heldParagraph(el) } else { inner(el, indent) }
            if out.count > start && out.last == Byte.newline { out.spaces(indent) }
        } else {
            out.append(Byte.newline)
            inner(el, indent)
            out.spaces(indent)
        }
        out.closingLine(tag)
    }

    private func dt(_ el: Element, _ indent: Int) {
        var attrs = el.attrs
        if attrs["id"] == nil, let dl = stack.last, let refs = dl.ial?.refs {
            // `\Aauto_ids(?:-([\w-]+))?`
            for ref in refs where ref.hasPrefix("auto_ids") {
                var prefix = ""
                let rest = ref.utf8.dropFirst(8)
                if rest.first == Byte.dash {
                    prefix = String(Substring(rest.dropFirst().prefix { Byte.isWord($0) || $0 == Byte.dash }))
                }
                attrs["id"] = (prefix + Self.basicID(el.rawText ?? "")).lstripped
                break
            }
        }
        blockHTML("dt", attrs, indent) { self.inner(el, indent) }
    }

    private func math(_ el: Element, _ indent: Int) {
        if options.mathEngine == .mathjax {
            func body() {
                out.append(el.block ? "\\[" : "\\(")
                out.escape(el.value, mode: .all)
                out.append(el.block ? "\\]\n" : "\\)")
            }
            if el.attrs.isEmpty { return body() }
            if el.block { return blockHTML("div", el.attrs, indent, body) }
            out.append("<span")
            out.attributes(el.attrs)
            out.append(">$")
            out.append(el.value)
            out.append("$</span>")
            return
        }
        var attrs = el.attrs
        attrs["class"] = ((attrs["class"] ?? "") + " kdmath").lstripped
        if el.block {
            return blockHTML("div", attrs, indent) {
                self.out.append("$$\n")
                self.out.append(el.value)
                self.out.append("\n$$")
            }
        }
        out.append("<span")
        out.attributes(attrs)
        out.append(">$")
        out.append(el.value)
        out.append("$</span>")
    }
}

/// The elements being converted, innermost last, held without retaining them: each is kept by its
/// parent's children (or the caller) for as long as it is on the stack, and a push and pop per
/// container no longer retain and release it. The references are kept in a buffer of its own:
/// an array's push and pop each checked its uniqueness first.
final class ElementStack {
    @exclusivity(unchecked) private var refs = UnsafeMutablePointer<Unmanaged<Element>>.allocate(capacity: 32)
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity = 32

    deinit { refs.deallocate() }

    var last: Element? { count > 0 ? refs[count &- 1].takeUnretainedValue() : nil }
    subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "element stack index out of range")
        return refs[i].takeUnretainedValue()
    }

    @inline(__always) func append(_ el: Element) {
        if count == capacity { grow() }
        refs[count] = Unmanaged.passUnretained(el)
        count &+= 1
    }

    @inline(__always) func removeLast() {
        precondition(count > 0, "pop of an empty element stack")
        count &-= 1
    }

    func removeAll() { count = 0 }

    private func grow() {
        let bigger = UnsafeMutablePointer<Unmanaged<Element>>.allocate(capacity: capacity * 2)
        bigger.initialize(from: refs, count: count)
        refs.deallocate()
        refs = bigger
        capacity *= 2
    }
}
