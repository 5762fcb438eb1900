extension SimpleSpans {
    /// What a check read, for the converter: five numbers an operation — `Op`, the range of the
    /// plain text before the span, then the range of the span's text (a link two more: its
    /// text's range after its URL's). One buffer per conversion; each text keeps the range of
    /// its operations (`Element.simpleSpanOps`).
    final class Ops {
        private(set) var base = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
        private(set) var count = 0
        private var capacity = 0

        deinit { base.deallocate() }

        /// `op` after the plain text `textStart..<textEnd`, with its own range `a..<b`.
        @inline(__always) func emit(_ op: Op, text textStart: Int, _ textEnd: Int, _ a: Int, _ b: Int) {
            if count &+ 7 > capacity { grow() }
            base[count] = op.rawValue
            base[count &+ 1] = Int32(truncatingIfNeeded: textStart)
            base[count &+ 2] = Int32(truncatingIfNeeded: textEnd)
            base[count &+ 3] = Int32(truncatingIfNeeded: a)
            base[count &+ 4] = Int32(truncatingIfNeeded: b)
            count &+= 5
        }

        /// A link's second range (its text), after its `emit` (which made room for it).
        @inline(__always) func emitMore(_ a: Int, _ b: Int) {
            base[count] = Int32(truncatingIfNeeded: a)
            base[count &+ 1] = Int32(truncatingIfNeeded: b)
            count &+= 2
        }

        func truncate(to n: Int) { count = min(n, count) }

        /// The trigger bitmap (`TriggerBitmap`), with room for a text of `n` bytes (one
        /// buffer, reused from text to text).
        @inline(__always) func triggerWords(forBytes n: Int) -> UnsafeMutablePointer<UInt64> {
            triggerRoom.words(forBytes: n)
        }
        private let triggerRoom = TriggerBitmap.Room()

        private func grow() {
            let c = max(capacity * 2, 768)
            let b = UnsafeMutablePointer<Int32>.allocate(capacity: c)
            b.initialize(from: base, count: count)
            base.deallocate()
            base = b
            capacity = c
        }
    }
}
