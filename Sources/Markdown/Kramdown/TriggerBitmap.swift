import CByteScan

/// Where a text's trigger bytes (`SpanParser.isTrigger`) are: one bit a byte, marked for the
/// whole text at once by `kyll_span_trigger_bitmap` (vector steps where the CPU has them) and
/// walked a 64-bit word at a time. The span parser and the simple-span reading both scan
/// through one, so they skip the same bytes.
struct TriggerBitmap {
    /// Bit `k` of word `w` is set when byte `64 * w + k` is a trigger; bits past `count` are 0.
    let words: UnsafePointer<UInt64>
    /// How many bytes the text has.
    let count: Int

    /// Marks `b`'s triggers in `words`, which has room for `(b.count + 63) / 64` of them.
    @inline(__always) init(marking b: UnsafeBufferPointer<UInt8>, in words: UnsafeMutablePointer<UInt64>) {
        if let base = b.baseAddress { kyll_span_trigger_bitmap(base, b.count, words) }
        self.words = UnsafePointer(words)
        count = b.count
    }

    /// The marks already in `words`, of a text of `count` bytes.
    init(marked words: UnsafePointer<UInt64>, count: Int) {
        self.words = words
        self.count = count
    }

    /// Whether the byte at `i` (below `count`) is a trigger.
    @inline(__always) func isTrigger(at i: Int) -> Bool {
        words[i &>> 6] & (1 &<< UInt64(truncatingIfNeeded: i & 63)) != 0
    }

    /// The first trigger at or after `i`, or `count` when there is none.
    @inline(__always) func next(from i: Int) -> Int { next(from: i, passing: { _ in false }) }

    /// The first trigger at or after `i` that `passes` does not pass over, or `count`: the
    /// triggers passed over (most of a text's: full stops, line ends, hyphens) are taken from
    /// the word at hand, one bit cleared each, not looked up again from their index.
    @inline(__always) func next(from i: Int, passing passes: (Int) -> Bool) -> Int {
        guard i < count else { return count }
        var w = i &>> 6
        // (the bits past the end are 0)
        var bits = words[w] & (~UInt64(0) &<< UInt64(truncatingIfNeeded: i & 63))
        while true {
            while bits == 0 {
                w &+= 1
                if w &<< 6 >= count { return count }
                bits = words[w]
            }
            let q = w &<< 6 &+ bits.trailingZeroBitCount
            if !passes(q) { return q }
            bits &= bits &- 1
        }
    }

    /// Room for the marks of texts, one buffer reused from text to text.
    final class Room {
        private var words = UnsafeMutablePointer<UInt64>.allocate(capacity: 0)
        private var capacity = 0

        deinit { words.deallocate() }

        /// Room for the marks of `n` bytes (what was marked before is gone when it grows).
        @inline(__always) func words(forBytes n: Int) -> UnsafeMutablePointer<UInt64> {
            let needed = (n &+ 63) &>> 6
            if needed > capacity { grow(to: needed) }
            return words
        }

        // (out of line: the growth is rare, and inlined it kept callers from being inlined)
        private func grow(to needed: Int) {
            words.deallocate()
            capacity = max(needed, 64)
            words = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        }

        /// `b`'s triggers, marked here.
        func mark(_ b: UnsafeBufferPointer<UInt8>) -> TriggerBitmap {
            TriggerBitmap(marking: b, in: words(forBytes: b.count))
        }
    }
}
