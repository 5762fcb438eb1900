/// The span parser's scan for where the next span (or the stop) may start.
extension SpanParser {
    /// kramdown's `scan_until(/(?=stop|span_start)/)` from `pos`: where the next span or the stop
    /// may start, or nil. Most bytes can start nothing and are skipped, two a table lookup. A
    /// span can start only at a trigger byte, or at the character before one, which is looked at
    /// when the trigger is reached: (smart quotes) any character before a quote, a space before
    /// `<` or `>` (` <<`, ` >>`), two spaces before a line end (a break). Spaces are not
    /// triggers: they are a sixth of the text, and a span starts at one only in those three
    /// places. No stop test matches a byte that is not a trigger.
    @inline(__always)
    func nextStart(hasStop: Bool, stop: StopTest) -> Int? {
        let scanStart = pos
        let smartQuotes = activeMask & (1 << Parser.smartQuotes.bit) != 0
        let triggers = triggerTable
        // the bytes through `srcBase` (no reference taken to `src`, which keeps them: nothing in
        // the scan changes it)
        let s = UnsafeBufferPointer(start: srcBase, count: src.count)
        return { () -> Int? in
            let n = s.count
            var p = scanStart
            while true {
                p = Self.firstTrigger(in: s, from: p, table: triggers)
                if p >= n { break }
                let c = s[p]
                if c == Byte.newline {
                    if p - 2 >= scanStart && s[p - 1] == Byte.space && s[p - 2] == Byte.space && spanStart(at: p - 2) { return p - 2 }
                    p += 1
                    continue
                }
                if (c == Byte.lt || c == Byte.gt) && p > scanStart && s[p - 1] == Byte.space {
                    if spanStart(at: p - 1) { return p - 1 }
                } else if smartQuotes && (c == Byte.quote || c == Byte.apos) && p > scanStart {
                    var r = p - 1
                    while r > scanStart && Byte.isContinuation(s[r]) { r -= 1 }
                    if !triggers[s[r]] {
                        if hasStop, stop(self, r) { return r }
                        if spanStart(at: r) { return r }
                    }
                }
                if hasStop, stop(self, p) { return p }
                if spanStart(at: p) { return p }
                p += 1
            }
            return nil
        }()
    }

    /// Whether `bytes` hold no trigger, so that no span can start in them: parsed, they are one
    /// text. Eight bytes a round, as `nextStart` reads them.
    func holdsNoTrigger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstTrigger(in: bytes) == bytes.count
    }

    /// Where the first trigger of `bytes` is (their count when they hold none).
    func firstTrigger(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        Self.firstTrigger(in: bytes, from: 0, table: triggerTable)
    }

    /// The first trigger byte at or after `from` that `passes` does not pass over, or the end:
    /// eight bytes a round (four lookups of two bytes each, which say which of the eight are
    /// triggers) while none of them is one; a trigger passed over goes on to the next of the same
    /// eight, not looked up again. Every scan for triggers (the span parser's, `SimpleSpans`')
    /// goes through here, so they skip the same bytes.
    @inline(__always)
    static func firstTrigger(in s: UnsafeBufferPointer<UInt8>, from: Int, table triggers: TriggerTable,
                             passing passes: (Int) -> Bool = { _ in false }) -> Int {
        let n = s.count
        var p = from
        // (the address unwrapped once, not in every round)
        guard let base = s.baseAddress else { return p }
        while p &+ 8 <= n {
            var marks = triggers.marks(ofEightAt: UnsafeRawPointer(base + p))
            while marks != 0 {
                let q = p &+ marks.trailingZeroBitCount
                if !passes(q) { return q }
                marks &= marks &- 1
            }
            p &+= 8
        }
        while p < n {
            if triggers[s[p]], !passes(p) { return p }
            p &+= 1
        }
        return p
    }

    /// `isTrigger` of every byte value, and of every pair of bytes, for the scan loop.
    nonisolated(unsafe) static let sharedTriggerTable = TriggerTable()

    /// Which bytes are triggers (`isTrigger`), looked up one byte or two at a time: the scan
    /// tests eight bytes with four lookups instead of eight (most text holds no trigger), and
    /// learns which of them are triggers without a branch per pair.
    struct TriggerTable {
        /// For every two bytes read as a little-endian 16-bit value, which of them are triggers:
        /// bit 0 the first, bit 1 the second. A byte `c` alone is at `c * 257`, both its bytes
        /// `c`. 64 KB, made once.
        private let pairs: UnsafePointer<UInt8>

        fileprivate init() {
            // row `second` is the first bytes' row of tests, with bit 1 set in all of it when
            // `second` is a trigger (two rows made, one copied into each row: not 65,536 pairs
            // of tests)
            let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
            var plain = [UInt8](repeating: 0, count: 256), marked = plain
            for first in 0..<256 {
                plain[first] = SpanParser.isTrigger(UInt8(first)) ? 1 : 0
                marked[first] = plain[first] | 2
            }
            for second in 0..<256 {
                (SpanParser.isTrigger(UInt8(second)) ? marked : plain).withUnsafeBufferPointer {
                    (t + (second << 8)).initialize(from: $0.baseAddress!, count: 256)
                }
            }
            pairs = UnsafePointer(t)
        }

        @inline(__always) subscript(_ c: UInt8) -> Bool { pairs[Int(c) &* 257] != 0 }

        /// Which of the eight bytes at `w` are triggers: bit `k` for byte `k` (0 when none is).
        @inline(__always) func marks(ofEightAt w: UnsafeRawPointer) -> Int {
            @inline(__always) func pair(_ offset: Int) -> Int {
                Int(pairs[Int(UInt16(littleEndian: w.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))])
            }
            // (each pair's two bits apart from the others': sums that need no carry)
            return (pair(0) &+ pair(2) &<< 2) &+ (pair(4) &+ pair(6) &<< 2) &<< 4
        }
    }

    /// Bytes at which a span parser or a stop pattern may match, `*_`<[]!"'$&{-.\~>`, and the
    /// line end (a break's two spaces are found from it).
    @inline(__always) static func isTrigger(_ c: UInt8) -> Bool {
        switch c {
        case Byte.star, Byte.underscore, Byte.backtick, Byte.lt, Byte.lbracket, Byte.rbracket, Byte.bang, Byte.quote,
             Byte.apos, Byte.dollar, Byte.amp, Byte.lbrace, Byte.dash, Byte.dot, Byte.backslash, Byte.newline,
             Byte.tilde, Byte.gt:
            return true
        default:
            return false
        }
    }
}
