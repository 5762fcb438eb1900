import Foundation

/// What kramdown does to the block tree after parsing it: the raw text of paragraphs, headers,
/// cells and terms is parsed into spans, IALs are applied, runs of blank elements merge,
/// abbreviations are marked, and (for GFM input) backslash line ends become breaks and headers
/// get their ids.
struct TreeUpdate {
    let ctx: SpanParser.Context
    /// The span parser for every raw text of the tree.
    private let spans: SpanParser
    /// Whether paragraphs and cells of simple spans keep their text for the converter (`SimpleSpans`):
    /// only when no later pass reads or changes a paragraph's texts (abbreviations, GFM breaks).
    /// Footnote contents (which get backlinks) are updated without it.
    private var keepsSimpleSpans = false

    init(ctx: SpanParser.Context) {
        self.ctx = ctx
        spans = SpanParser("", context: ctx, tree: Element(.rawText), triggerRoom: ctx.elementPool.spanTriggerRoom)
    }

    func run(_ root: Element) {
        var pass = self
        pass.keepsSimpleSpans = ctx.abbreviations.isEmpty && ctx.inlineOptions.isEmpty
            && !ctx.options.hardWrap && !ctx.sourceHasBackslashBreak && SimpleSpans.applies(parsersMask: ctx.parsersMask)
        pass.update(root)
        // a span `{::options}` may have changed what the later passes do: the kept texts are
        // parsed after all (they make no warnings, so the warnings keep their order)
        if pass.keepsSimpleSpans, !ctx.inlineOptions.isEmpty { parseSimpleSpans(in: root) }
        // (most pages define no abbreviation: no sort and no array made for none)
        let names = ctx.abbreviations.isEmpty ? [] : ctx.abbreviations.keys.sorted { $0.count > $1.count }.map { Array($0.utf8) }
        if !names.isEmpty { Abbreviations(names: names).replace(in: root) }
        for name in ctx.footnoteOrder {
            guard let fn = ctx.footnotes[name] else { continue }
            update(fn.content)
            if !names.isEmpty { Abbreviations(names: names).replace(in: fn.content) }
        }
        if ctx.options.input == .gfm {
            GFMPass(ctx: ctx).updateElements(root)
        }
    }

    /// `update_tree`.
    func update(_ el: Element) {
        // a paragraph or header holding its raw text itself: the text becomes its children
        if el.spansPending {
            // one text without a possible span start: kept on the block as it is (`Element.children`).
            // When the simple-span reading may follow (not for headers), the test marks the
            // triggers for it, and the reading starts at the first one found here (nil when the
            // test did not run: marked by the reading then); otherwise nothing is marked.
            let readsSimply = keepsSimpleSpans && el.kind != .header
            var firstTrigger: Int?
            if el.keepRawTextAsChildText(if: { b in
                guard readsSimply else { return spans.holdsNoTrigger(b) }
                let first = SimpleSpans.markTriggers(of: b, in: ctx.simpleSpanOps)
                firstTrigger = first
                return first == b.count
            }) { return }
            if readsSimply, el.keepRawTextAsSimpleSpans({
                SimpleSpans.record($0, markedFirstTrigger: firstTrigger, parsersMask: ctx.parsersMask, into: ctx.simpleSpanOps)
            }) {
                return
            }
            // a list item's paragraph whose spans need the parser: made the item's child (as
            // `updateBlock` would leave it: it has its line, and no IAL), and parsed without
            // being read again
            if el.holdsItemParagraph {
                el.makeItemParagraphChild()
                if let paragraph = el.children.first { parsePendingSpans(paragraph) }
                return
            }
            parsePendingSpans(el)
            return
        }
        // most containers only hold blocks that need nothing but their own update; the children
        // are read through unmanaged references from the array, which `children` keeps (no
        // retain and release around each one: nothing here changes `el.children`)
        let children = el.children
        let needsRebuild = children.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Unmanaged<Element>.self) { refs in
                var previousBlank = false
                for ref in refs {
                    let kind = ref._withUnsafeGuaranteedRef { $0.kind }
                    if kind == .rawText || kind == .eob || (kind == .blank && previousBlank) { return true }
                    previousBlank = kind == .blank
                }
                for ref in refs {
                    ref._withUnsafeGuaranteedRef { child in
                        if child.kind != .blank { updateBlock(child, in: el) }
                    }
                }
                return false
            }
        }
        if !needsRebuild { return }
        // a paragraph or header: its one raw text becomes its children as they are parsed
        if keepsSimpleSpans, el.keepRawTextChildAsSimpleSpans({ SimpleSpans.record($0, parsersMask: ctx.parsersMask, into: ctx.simpleSpanOps) }) {
            return
        }
        if el.children.count == 1, let only = el.children.first, only.kind == .rawText {
            el.children = spans.parseNext(bytes: only.valueBytes, firstLine: only.line != 0 ? only.line : el.line)
            return
        }
        var out: [Element] = []
        out.reserveCapacity(el.children.count)
        var lastBlank: Element? = nil
        for child in el.children {
            switch child.kind {
            case .rawText:
                lastBlank = nil
                out += spans.parseNext(bytes: child.valueBytes, firstLine: child.line != 0 ? child.line : el.line)
            case .eob:
                if let ial = child.ial { applyIAL(ial, to: child) }
            case .blank:
                if var lb = lastBlank {
                    // the blank before is the last of `out`
                    if ctx.isSharedBlank(lb) {
                        lb = Element(.blank, lb.value)
                        lb.block = true
                        out[out.count - 1] = lb
                        lastBlank = lb
                    }
                    lb.value += child.value
                } else {
                    lastBlank = child
                    out.append(child)
                }
            default:
                lastBlank = nil
                updateBlock(child, in: el)
                out.append(child)
            }
        }
        el.children = out
    }

    /// A block's pending raw text parsed into its span elements.
    private func parsePendingSpans(_ el: Element) {
        el.spansPending = false
        el.children = spans.parseNext(bytes: el.valueBytes, firstLine: el.line)
        el.value = ""
    }

    /// The paragraphs that kept simple spans, parsed into span elements.
    private func parseSimpleSpans(in el: Element) {
        for child in el.children {
            if child.spansSimple {
                child.restorePendingSpans()
                update(child)
            } else {
                parseSimpleSpans(in: child)
            }
        }
    }

    private func updateBlock(_ child: Element, in parent: Element) {
        // cells, rows and sections record no line of their own
        if child.line == 0 { child.line = parent.line }
        update(child)
        if let ial = child.ial { applyIAL(ial, to: child) }
        if child.kind == .dt || (child.kind == .header && (ctx.options.input == .gfm || ctx.options.autoIDStripping)) {
            // a header whose spans are one pending text is named by that text, read from its
            // bytes where the id is made (`GFMPass.headerID(of:)`), when no later pass changes
            // the texts: no string of it made here
            if keepsSimpleSpans, child.kind == .header, child.hasPendingText {
                child.rawText = nil
            } else {
                child.rawText = rawText(child)
            }
        }
    }

    /// `update_attr_with_ial`: referenced ALDs first, then the list's own attributes.
    func applyIAL(_ ial: IAL, to el: Element) {
        if !ial.refs.isEmpty, ial.refs.contains("toc") { ctx.mayRequestTOC = true }
        el.attrs = ctx.resolve(ial, onto: el.attrs)
    }

    func rawText(_ el: Element) -> String { Self.rawText(of: el, gfm: ctx.options.input == .gfm) }

    /// The text headers and terms are named by: kramdown-parser-gfm keeps entities, quotes and
    /// symbols as characters and code as written; kramdown keeps only plain text.
    static func rawText(of el: Element, gfm: Bool) -> String {
        var out = ""
        func walk(_ e: Element) {
            switch e.kind {
            case .text: out += e.value
            case .codespan where gfm, .math where gfm: out += e.value
            case .entity where gfm: out += e.entity?.character ?? ""
            case .smartQuote where gfm: out += ["\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}"][e.quote.rawValue]
            case .typographic where gfm:
                switch e.typographic {
                case .mdash: out += "\u{2014}"
                case .ndash: out += "\u{2013}"
                case .hellip: out += "\u{2026}"
                case .laquoSpace: out += "\u{AB}\u{A0}"
                case .raquoSpace: out += "\u{A0}\u{BB}"
                case .laquo: out += "\u{AB}"
                case .raquo: out += "\u{BB}"
                }
            default:
                if let text = e.pendingTextValue { out += text; return }
                for c in e.children { walk(c) }
            }
        }
        walk(el)
        return out
    }
}

/// `replace_abbreviations`: every defined abbreviation in text, standing at a non-word boundary
/// (ASCII word characters, as Ruby's `\w`), becomes an `abbreviation` element.
struct Abbreviations {
    let names: [Bytes]

    func replace(in el: Element) {
        var out: [Element] = []
        var changed = false
        let rawParent = el.kind == .htmlElement && el.contentModel == .raw
        for child in el.children {
            if child.kind == .text && !rawParent, let parts = split(Array(child.value.utf8)) {
                out += parts
                changed = true
            } else {
                if child.kind != .text { replace(in: child) }
                out.append(child)
            }
        }
        if changed { el.children = out }
    }

    private func match(_ b: Bytes, _ i: Int) -> Int? {
        for n in names where b.count >= i + n.count && b[i..<i + n.count].elementsEqual(n) { return n.count }
        return nil
    }

    private func matchBeforeNonWord(_ b: Bytes, _ i: Int) -> Bool {
        guard let l = match(b, i) else { return false }
        return !(b.at(i + l).map(Byte.isWord) ?? false)
    }

    /// `(?=(?:\W|^)ABBR(?!\w))` at `p`; `^` also holds where the scan resumed.
    private func candidate(_ b: Bytes, _ p: Int, scanStart: Int) -> Bool {
        if p == scanStart || b[p - 1] == Byte.newline, matchBeforeNonWord(b, p) { return true }
        guard p < b.count, !Byte.isWord(b[p]) else { return false }
        return matchBeforeNonWord(b, p + (b.scalar(at: p)?.1 ?? 1))
    }

    private func split(_ b: Bytes) -> [Element]? {
        guard names.contains(where: { n in b.count >= n.count && (0...(b.count - n.count)).contains { b[$0..<$0 + n.count].elementsEqual(n) } }) else { return nil }
        var result: [Element] = []
        var textStart = 0
        var p = 0
        while p <= b.count {
            guard candidate(b, p, scanStart: textStart) else { p += 1; continue }
            var q = p
            var len = match(b, q)
            if len == nil {
                if q < b.count, !Byte.isWord(b[q]) { q += b.scalar(at: q)?.1 ?? 1 }
                len = match(b, q)
            }
            guard let l = len else { p += 1; continue }
            result.append(.text(b.string(textStart..<q)))
            result.append(Element(.abbreviation, b.string(q..<q + l)))
            p = q + l
            textStart = p
        }
        result.append(.text(b.string(textStart..<b.count)))
        return result
    }
}
