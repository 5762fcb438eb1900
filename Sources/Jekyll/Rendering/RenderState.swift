import Dispatch
import Synchronization

/// What rendering has produced so far, per document, shared by the render threads.
///
/// Jekyll renders one document after the other, so a template that shows another document's
/// `content` or `output` sees the rendered text of documents before it in the render order and the
/// source text of those after it. kyll renders in parallel but keeps that view: documents are taken
/// up in render order, reading an earlier document waits until it is done (which cannot deadlock:
/// the earliest unfinished document never waits), and a later document shows its source.
public final class RenderState: Sendable {
    public struct Result: Sendable {
        /// The content after conversion (what `content` shows once the document is rendered).
        public var converted: String { stagedContent?.text ?? keptContent }
        /// The converted content, unless it is read back from the staged output (`stagedContent`).
        private var keptContent: String
        /// Where the converted content stands in the output written into the staging folder.
        var stagedContent: StagedContent?
        /// The full output with layouts (nil while the document itself is still being rendered, and
        /// once it is written into the staging folder: `BuildContext.output(of:seenFrom:)`).
        public var output: String?
        /// The output was written into the staging folder as soon as it was rendered (`StagedOutputs`).
        public var isStaged = false
        /// What the outermost layout got as `content` (it stays in Jekyll's shared payload).
        public var lastLayoutInput: String? = nil
        /// A stylesheet page's source map (written as a page of its own).
        public var sourceMap: String? = nil

        public init(converted: String, output: String?, isStaged: Bool = false, lastLayoutInput: String? = nil,
                    sourceMap: String? = nil) {
            keptContent = converted
            self.output = output
            self.isStaged = isStaged
            self.lastLayoutInput = lastLayoutInput
            self.sourceMap = sourceMap
        }

        /// A staged output's result whose converted content is read back from the written file.
        init(convertedIn content: StagedContent, lastLayoutInput: String?, sourceMap: String?) {
            self.init(converted: "", output: nil, isStaged: true, lastLayoutInput: lastLayoutInput, sourceMap: sourceMap)
            stagedContent = content
        }
    }

    final class Slot: Sendable {
        let result = Mutex<Result?>(nil)
        /// The converted content while the document's layouts are being rendered.
        let converted = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        /// An incremental build left it out; it is rendered only if a template asks for it.
        let deferred = Atomic<Bool>(false)
        /// Held while a deferred document is rendered on demand.
        let onDemand = Mutex<Void>(())
    }

    private let slots: [Slot]
    /// The position in the render order up to which documents have been started.
    private let started = Atomic<Int>(0)

    init(count: Int) {
        slots = (0..<count).map { _ in Slot() }
    }

    /// The next document to render, in order; nil when all have been taken up.
    func nextDocument() -> Int? {
        let next = started.add(1, ordering: .relaxed).oldValue
        return next < slots.count ? next : nil
    }

    /// The document's content is converted; its layouts come next (it sees its own content converted).
    func converted(_ id: Int, _ content: String) {
        slots[id].converted.withLock { $0 = content }
    }

    func finish(_ id: Int, _ result: Result) {
        slots[id].result.withLock { $0 = result }
        // The result has the content now (perhaps only where it was written: not kept twice).
        slots[id].converted.withLock { $0 = nil }
        slots[id].done.signal()
    }

    /// Leaves a document out of this render (its previous output stands); nothing waits for it.
    func deferDocument(_ id: Int) {
        slots[id].deferred.store(true, ordering: .sequentiallyConsistent)
        slots[id].done.signal()
    }

    func isDeferred(_ id: Int) -> Bool { slots[id].deferred.load(ordering: .sequentiallyConsistent) }

    /// The result of a deferred document, rendered by `render` the first time it is asked for.
    func deferredResult(_ id: Int, render: () throws -> Result) rethrows -> Result {
        try slots[id].onDemand.withLock { _ in
            if let r = slots[id].result.withLock({ $0 }) { return r }
            let r = try render()
            slots[id].result.withLock { $0 = r }
            return r
        }
    }

    /// Marks a document that failed as done so that nothing waits on it forever.
    func abandon(_ id: Int) {
        slots[id].done.signal()
    }

    /// What `id` looks like from the document `viewer` is rendering: the final result of an earlier
    /// document (waiting for it if need be), nothing yet for a later one (its source shows), the
    /// converted content for the document itself once it is converted. Without a viewer (after
    /// rendering), the final result.
    public func result(of id: Int, seenFrom viewer: Int?) -> Result? {
        guard let viewer else { return slots[id].result.withLock { $0 } }
        if id > viewer { return nil }
        let slot = slots[id]
        if id == viewer {
            // Converted (its layouts being rendered), or finished (the content is in its result).
            if let converted = slot.converted.withLock({ $0 }) { return Result(converted: converted, output: nil) }
            return slot.result.withLock { $0 }.map { Result(converted: $0.converted, output: nil) }
        }
        if let r = slot.result.withLock({ $0 }) { return r }
        slot.done.wait()
        slot.done.signal()
        return slot.result.withLock { $0 }
    }

    /// Every document's result once rendering has finished.
    func finalResult(_ id: Int) -> Result? {
        slots[id].result.withLock { $0 }
    }
}
