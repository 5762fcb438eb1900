import Foundation

/// The result of a conversion: the HTML and the warnings kramdown would have given.
public struct MarkdownOutput: Sendable, Equatable {
    public var html: String
    /// In the order kramdown gives them: the block grammar's, then the span grammar's, then
    /// unreferenced footnotes.
    public var warnings: [MarkdownWarning]

    public init(html: String, warnings: [MarkdownWarning] = []) {
        self.html = html
        self.warnings = warnings
    }
}

/// Converts Markdown the way Jekyll's kramdown converter does (`markdown: kramdown`, the default):
/// blocks from cmark-gfm's tree as kramdown reads them (`CmarkBlockBuilder`, with kramdown's block
/// grammar `BlockParser` for what cmark cannot see, and for `input: kramdown`), kramdown's span
/// grammar (`SpanParser`), its tree passes (`TreeUpdate`) and its HTML converter (`HTMLConverter`).
/// Safe to call from many threads at once.
public struct KramdownConverter: Sendable {
    public var options: KramdownOptions { didSet { prepared = Prepared(options, highlighter) } }
    public var highlighter: (any CodeHighlighter)? { didSet { prepared = Prepared(options, highlighter) } }
    /// What every conversion would otherwise work out again from the same options.
    private(set) var prepared: Prepared

    public init(options: KramdownOptions = KramdownOptions(), highlighter: (any CodeHighlighter)? = nil) {
        self.options = options
        self.highlighter = highlighter
        prepared = Prepared(options, highlighter)
    }

    /// The span parsers the options turn on, and the opening tag of a code span without
    /// attributes (`HTMLConverter.plainCodeSpanOpening`), made once for the converter's options;
    /// a conversion whose `{::options}` change them works them out again. The finished
    /// conversions kept for later ones (`ConversionPools`) belong to these options.
    struct Prepared: Sendable {
        let parsers: [SpanParser.Parser]
        let plainCodeSpanOpening: Bytes?
        let pools: ConversionPools

        init(_ options: KramdownOptions, _ highlighter: (any CodeHighlighter)?) {
            let context = SpanParser.Context(options: options)
            parsers = context.parsers
            plainCodeSpanOpening = HTMLConverter(context: context, highlighter: highlighter).makePlainCodeSpanOpening()
            pools = ConversionPools(options: options, parsers: parsers, highlighter: highlighter)
        }
    }

    /// Converts `markdown` (a page's content after its front matter).
    public func convert(_ markdown: String) -> MarkdownOutput {
        if let html = htmlWithoutParsing(markdown) { return MarkdownOutput(html: html) }
        var counts: CmarkBlockBuilder.BlockCounts? = nil
        return convert(markdown, counts: &counts)
    }

    /// `convert`, adding to `counts` (when given) the blocks taken from cmark's tree and those
    /// read by kramdown's grammar, when the cmark block source is chosen.
    func convert(_ markdown: String, counts: inout CmarkBlockBuilder.BlockCounts?) -> MarkdownOutput {
        let kept = prepared.pools.take()
        let pool = kept.elements, context = kept.context
        let root = pool.element(.root)
        root.block = true
        var source = pool.takeSourceBuffer()
        Self.fillSource(&source, from: markdown)
        context.sourceHasBackslashBreak = Self.hasBackslashBreak(source)
        if options.blockSource == .cmark && options.input == .gfm {
            let builder = CmarkBlockBuilder(context: context, root: root)
            builder.tallyGrammarReads = counts != nil
            builder.build(root, source: source)
            if var c = counts {
                c.fromCmark += builder.counts.fromCmark
                c.fromGrammar += builder.counts.fromGrammar
                c.grammarReads.merge(builder.counts.grammarReads, uniquingKeysWith: +)
                counts = c
            }
        } else {
            BlockParser(context: context, root: root).parseBlocks(root, source)
        }
        TreeUpdate(ctx: context).run(root)
        context.warnUnreferencedFootnotes()
        let converter = kept.htmlConverter
        // numbered from the options as the parse left them (`{::options footnote_nr}`)
        converter.footnoteCounter = context.options.footnoteNr
        if context.inlineOptions.isEmpty { converter.setPlainCodeSpanOpening(prepared.plainCodeSpanOpening) }
        let html = converter.convertDocument(root, sizeHint: markdown.utf8.count)
        let warnings = context.warnings
        pool.keepSourceBuffer(source)
        prepared.pools.giveBack(kept, root: root)
        return MarkdownOutput(html: html, warnings: warnings)
    }

    /// Whether a backslash stands right before a line end somewhere in `source`: texts are cut
    /// from the source, so without one no text holds a GFM break.
    static func hasBackslashBreak(_ source: Bytes) -> Bool {
        source.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            var i = 0
            while i < b.count, let hit = memchr(base + i, Int32(Byte.backslash), b.count - i) {
                i = UnsafeRawPointer(base).distance(to: hit) + 1
                if i < b.count, b[i] == Byte.newline { return true }
            }
            return false
        }
    }

    /// kramdown's `adapt_source`: `\r\n` and `\r` become `\n`, and the text ends with exactly the
    /// newlines it had (at least one).
    static func sourceBytes(_ s: String) -> Bytes {
        var out = Bytes()
        fillSource(&out, from: s)
        return out
    }

    /// `sourceBytes(s)` written into `out`, whose capacity is kept when it is enough (the
    /// buffer of an earlier conversion: `ElementPool.sourceBuffer`).
    static func fillSource(_ out: inout Bytes, from s: String) {
        out.removeAll(keepingCapacity: true)
        var s = s
        s.withUTF8 { src in
            out.reserveCapacity(src.count + 1)
            guard let base = src.baseAddress, memchr(base, Int32(Byte.cr), src.count) != nil else {
                // no carriage return: one copy (room for the final newline made above)
                out.append(contentsOf: src)
                return
            }
            var i = 0
            while i < src.count {
                let c = src[i]
                if c == Byte.cr {
                    out.append(Byte.newline)
                    if i + 1 < src.count, src[i + 1] == Byte.newline { i += 1 }
                } else {
                    out.append(c)
                }
                i += 1
            }
        }
        if out.last == Byte.newline { out.removeLast() }
        out.append(Byte.newline)
    }
}

/// Converts with kramdown's behaviour and Jekyll's default options.
public func convert(_ markdown: String, options: KramdownOptions = KramdownOptions(),
                    highlighter: (any CodeHighlighter)? = nil) -> String {
    KramdownConverter(options: options, highlighter: highlighter).convert(markdown).html
}
