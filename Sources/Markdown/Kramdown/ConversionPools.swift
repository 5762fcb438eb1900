import Foundation

/// What a conversion works with and the next one can use again: its elements and buffers
/// (`ElementPool`), its context and its HTML converter (made anew for each page they were, with
/// their tables, a few thousand instructions of allocating and freeing a page).
final class KeptConversion {
    let elements: ElementPool
    let context: SpanParser.Context
    let htmlConverter: HTMLConverter

    init(options: KramdownOptions, parsers: [SpanParser.Parser], highlighter: (any CodeHighlighter)?) {
        elements = ElementPool()
        context = SpanParser.Context(options: options, parsers: parsers, elementPool: elements)
        htmlConverter = HTMLConverter(context: context, highlighter: highlighter)
    }
}

/// A converter's kept conversions, one per conversion running at a time, made for one set of
/// options and highlighter (the converter's `Prepared`: a copy of the converter given other
/// options gets pools of its own); a conversion takes one and gives it back when its tree is no
/// longer read.
final class ConversionPools: @unchecked Sendable {
    private let options: KramdownOptions
    private let parsers: [SpanParser.Parser]
    private let highlighter: (any CodeHighlighter)?
    private let lock = NSLock()
    /// Read and changed only under `lock`.
    private var idle: [KeptConversion] = []

    init(options: KramdownOptions, parsers: [SpanParser.Parser], highlighter: (any CodeHighlighter)?) {
        self.options = options
        self.parsers = parsers
        self.highlighter = highlighter
    }

    func take() -> KeptConversion {
        lock.lock()
        let kept = idle.popLast()
        lock.unlock()
        return kept ?? KeptConversion(options: options, parsers: parsers, highlighter: highlighter)
    }

    /// Sets `kept`'s context and converter back for the next conversion (what they held is
    /// released, so that the tree's elements nothing else holds are taken back whole), then
    /// takes back the elements under `root`.
    func giveBack(_ kept: KeptConversion, root: Element) {
        kept.context.reset(options: options)
        kept.htmlConverter.reset(keepingOutputUpTo: ElementPool.keptBufferLimit)
        kept.elements.recycleChildren(of: root)
        lock.lock()
        idle.append(kept)
        lock.unlock()
    }
}
