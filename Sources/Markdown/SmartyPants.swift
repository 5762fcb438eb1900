/// Jekyll's `smartify` filter: kramdown run with Jekyll's SmartyPants parser, which knows only block
/// HTML, plain text lines, and the span rules for quotes, entities, typographic symbols and HTML
/// tags. The result loses its final newline, as Jekyll's converter chomps it.
public struct SmartyPants: Sendable {
    public var options: KramdownOptions

    public init(options: KramdownOptions = KramdownOptions()) { self.options = options }

    public func convert(_ text: String) -> String {
        let source = KramdownConverter.normalize(text)
        let renderer = KramdownRenderer(options: options, highlighter: nil)
        let context = SpanParser.Context(options: options, parsers: [.smartQuotes, .htmlEntity, .typographicSyms, .spanHTML])
        let b = Array(source.utf8)
        var out = ""
        var textStart = 0
        var pos = 0
        func flushText(_ end: Int) {
            guard end > textStart else { return }
            let spans = SpanParser.parse(b.string(textStart..<end), context: context)
            out += renderer.renderSpans(spans)
        }
        while pos < b.count {
            // at a line start: block HTML?
            let lead = { () -> Int in var i = pos; while i < b.count, i - pos < 3, b[i] == Byte.space { i += 1 }; return i }()
            if b.at(lead) == Byte.lt {
                if let end = HTMLScanner.comment(b, lead) {
                    flushText(pos)
                    out += b.string(lead..<end) + "\n"
                    pos = Self.skipTrailing(b, end)
                    textStart = pos
                    continue
                }
                if let tag = HTMLScanner.tag(b, lead), !HTMLScanner.spanElements.contains(HTMLScanner.normalizedName(tag.name).lowercased()) {
                    flushText(pos)
                    var parser = RawHTMLParser(b, at: lead)
                    parser.parseBlockHTML = options.parseBlockHTML
                    let el = parser.element(tag: tag, inRaw: false)
                    out += RawHTMLWriter.write(el, indent: 0, top: true) { node, _ in
                        renderer.renderSpans(SpanParser.parse(node.value, context: context))
                    }
                    let name = el.name
                    pos = (name == "script" || name == "style" || el.isClosed) ? parser.pos : Self.skipTrailing(b, parser.pos)
                    textStart = pos
                    continue
                }
            }
            // a content line
            while pos < b.count, b[pos] != Byte.newline { pos += 1 }
            pos += 1
        }
        flushText(min(pos, b.count))
        context.warnings.removeAll()
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    private static func skipTrailing(_ b: Bytes, _ i: Int) -> Int {
        var k = i
        while k < b.count, Byte.isBlank(b[k]) { k += 1 }
        return b.at(k) == Byte.newline ? k + 1 : i
    }
}
