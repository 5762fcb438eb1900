import CByteScan

/// The span parser's scan for where the next span (or the stop) may start.
extension SpanParser {
    /// kramdown's `scan_until(/(?=stop|span_start)/)` from `pos`: where the next span or the stop
    /// may start, or nil. Most bytes can start nothing and are skipped, from trigger to trigger
    /// through `src`'s bitmap (`triggers`). A span can start only at a trigger byte, or at the
    /// character before one, which is looked at when the trigger is reached: (smart quotes) any
    /// character before a quote, a space before `<` or `>` (` <<`, ` >>`), two spaces before a
    /// line end (a break). Spaces are not triggers: they are a sixth of the text, and a span
    /// starts at one only in those three places. No stop test matches a byte that is not a
    /// trigger.
    @inline(__always)
    func nextStart(hasStop: Bool, stop: StopTest) -> Int? {
        let scanStart = pos
        let smartQuotes = activeMask & (1 << Parser.smartQuotes.bit) != 0
        // (the bitmap marks all of `src`, so a scan may start anywhere in it: nested spans and
        // the text after them are read from where the parse is)
        let triggers = triggers
        // the bytes through `srcBase` (no reference taken to `src`, which keeps them: nothing in
        // the scan changes it)
        let s = UnsafeBufferPointer(start: srcBase, count: src.count)
        return { () -> Int? in
            let n = s.count
            var p = scanStart
            while true {
                p = triggers.next(from: p)
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
                    if !triggers.isTrigger(at: r) {
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
    /// text. (Found without marking them all: most texts asked, headers', are short, and those
    /// that hold a trigger often hold one early.)
    func holdsNoTrigger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return kyll_span_first_trigger(base, bytes.count) == bytes.count
    }

    /// Bytes at which a span parser or a stop pattern may match, `*_`<[]!"'$&{-.\~>`, and the
    /// line end (a break's two spaces are found from it). The scans read them from
    /// `kyll_span_trigger_bitmap`'s marks (`TriggerBitmap`); its tests hold it to this set.
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
