/// Jekyll's `smartify` filter: kramdown run with Jekyll's SmartyPants parser, which knows only block
/// HTML and plain text lines, and the span rules for quotes, entities, typographic symbols and
/// HTML tags. The result loses its final newline, as Jekyll's converter chomps it.
public struct SmartyPants: Sendable {
    public var options: KramdownOptions

    public init(options: KramdownOptions = KramdownOptions()) { self.options = options }

    public func convert(_ text: String) -> String {
        var opts = options
        opts.input = .kramdown
        let context = SpanParser.Context(options: opts, parsers: [.smartQuotes, .htmlEntity, .typographicSyms, .spanHTML])
        let root = Element(.root)
        root.block = true
        let parser = BlockParser(context: context, root: root)
        parser.smartyPants = true
        parser.parseBlocks(root, KramdownConverter.sourceBytes(text))
        TreeUpdate(ctx: context).update(root)
        var out = HTMLConverter(context: context, highlighter: nil).convertDocument(root)
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }
}
