import Foundation

/// Elements of finished conversions, handed out again to later ones: a document's tree is
/// otherwise ~60 objects allocated while it is built and released one by one after its HTML
/// is written (each release through the runtime's deinitialization path and `free`). Used by
/// one conversion at a time (`ElementPools`).
final class ElementPool {
    /// Reset elements (`Element.resetForReuse`), `spareCount` of them: a buffer of its own, so
    /// that taking one out or putting one in moves its reference (no array's uniqueness check,
    /// no retain and release). Made when the first tree is taken back (a context made for
    /// something else than a conversion has a pool it never uses).
    @exclusivity(unchecked) private var spare: UnsafeMutablePointer<Element>? = nil
    @exclusivity(unchecked) private var spareCount = 0
    /// Enough for the block elements of a long page; a larger tree's others are freed.
    static let capacity = 2048

    /// A conversion's buffers — its source's bytes, its simple spans' operations (its HTML's:
    /// `HTMLConverter.reset`) — kept for the next conversion: made anew for each page, they were
    /// its largest allocations (and often fresh memory the kernel had to clear). A source buffer
    /// grown past `keptBufferLimit` (a rare long page's) is not kept; the span operations keep
    /// their room.
    @exclusivity(unchecked) private var sourceBuffer = Bytes()
    let simpleSpanOps = SimpleSpans.Ops()
    /// The room the tree pass's span parser marks its texts' triggers in (`SpanParser.triggers`).
    let spanTriggerRoom = TriggerBitmap.Room()
    /// The conversions' shared blank of one line end (`SpanParser.Context.newlineBlank`), never
    /// changed: made once for all of them (it is never recycled, the pool holding it).
    let newlineBlank: Element = {
        let blank = Element(.blank, "\n")
        blank.block = true
        return blank
    }()
    static let keptBufferLimit = 1 << 20

    /// The source buffer, for `KramdownConverter.fillSource` (the pool keeps none meanwhile, so
    /// that it stays unique and keeps its capacity).
    func takeSourceBuffer() -> Bytes {
        var taken = Bytes()
        swap(&taken, &sourceBuffer)
        return taken
    }

    /// Keeps `source` for the next conversion (its elements no longer read it).
    func keepSourceBuffer(_ source: Bytes) {
        if source.capacity <= Self.keptBufferLimit { sourceBuffer = source }
    }

    deinit {
        spare?.deinitialize(count: spareCount)
        spare?.deallocate()
    }

    /// A new element of kind `kind`: a spare one when there is one.
    @inline(__always) func element(_ kind: Element.Kind) -> Element {
        guard spareCount > 0, let spare else { return Element(kind) }
        spareCount &-= 1
        let el = (spare + spareCount).move()
        el.reuse(as: kind)
        return el
    }

    /// Takes back the elements under `parent` that nothing else holds once the conversion is
    /// over (`parent` keeps no children). An element something else still holds (the shared
    /// blank, a footnote's content the context keeps) is left as it is.
    func recycleChildren(of parent: Element) {
        let spare = spare ?? UnsafeMutablePointer<Element>.allocate(capacity: Self.capacity)
        self.spare = spare
        if let children = parent.resetForReuse() { recycle(children, into: spare) }
    }

    private func recycle(_ elements: consuming [Element], into spare: UnsafeMutablePointer<Element>) {
        var elements = elements
        while var el = elements.popLast() {
            guard isKnownUniquelyReferenced(&el) else { continue }
            if let children = el.resetForReuse() { recycle(children, into: spare) }
            guard spareCount < Self.capacity else { continue }
            (spare + spareCount).initialize(to: el)
            spareCount &+= 1
        }
    }
}
