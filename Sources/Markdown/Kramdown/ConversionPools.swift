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

/// A converter's kept conversions, one per thread that converts, made for one set of options and
/// highlighter (the converter's `Prepared`: a copy of the converter given other options gets pools
/// of its own); a conversion takes its thread's and gives it back when its tree is no longer read.
/// Per thread because a kept conversion's elements and buffers are memory its last thread wrote:
/// handed to the other core (the last one given back was the first taken, whoever asked), each of
/// them moved between the cores' caches again.
final class ConversionPools: @unchecked Sendable {
    private let options: KramdownOptions
    private let parsers: [SpanParser.Parser]
    private let highlighter: (any CodeHighlighter)?
    private let lock = NSLock()
    /// Read and changed only under `lock`: each with the thread that gave it back.
    private var idle: [(thread: pthread_t, kept: KeptConversion)] = []
    /// At most this many kept: a thread that ended (`serve` renders on pool threads, which come
    /// and go) leaves its conversion behind, which no other thread takes; the oldest is let go.
    private static let idleLimit = 16

    init(options: KramdownOptions, parsers: [SpanParser.Parser], highlighter: (any CodeHighlighter)?) {
        self.options = options
        self.parsers = parsers
        self.highlighter = highlighter
    }

    /// How many kept conversions wait to be taken (for tests).
    var idleCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return idle.count
    }

    func take() -> KeptConversion {
        let thread = pthread_self()
        lock.lock()
        let kept = idle.lastIndex { pthread_equal($0.thread, thread) != 0 }.map { idle.remove(at: $0).kept }
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
        let thread = pthread_self()
        lock.lock()
        if idle.count >= Self.idleLimit { idle.removeFirst() }
        idle.append((thread, kept))
        lock.unlock()
    }
}
