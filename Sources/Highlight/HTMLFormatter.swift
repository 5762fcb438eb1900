/// Rouge's HTML formatter: each token becomes `<span class="CLS">text</span>`, plain text gets no
/// span, and only `&`, `<` and `>` are escaped. Consecutive tokens of one type share a span,
/// as Rouge's lexers merge them.
enum HTMLFormatter {
    static let closeTag: [UInt8] = Array("</span>".utf8)
    /// `</span>` and a zero byte, read as a little-endian word.
    static let closeTagWord: UInt64 = 0x003E_6E61_7073_2F3C
    /// How far a write may run past the end of the HTML: a slot's 24 bytes for a 7-byte
    /// `</span>`, or 16 bytes for a shorter run of text.
    static let slack = 24
    /// The markup pieces, made once per process.
    private static let markup = Markup()

    /// The HTML for `runs` over `bytes`, written straight into a string of the exact length.
    /// `inOrder`: the caller knows each run starts at or after the end of the one before.
    static func string(_ runs: UnsafeBufferPointer<TokenRun>, _ bytes: UnsafeBufferPointer<UInt8>, inOrder: Bool) -> String {
        guard bytes.baseAddress != nil, !runs.isEmpty else { return "" }
        let markup = Self.markup
        return String(unsafeUninitializedCapacity: markup.maximumLength(runs, bytes, wholeCharacters: false, inOrder: inOrder)! + slack) { buffer in
            markup.write(runs, bytes, into: buffer.baseAddress!)
        }
    }

    /// The HTML for `runs` over `bytes`, written where `room(n)` says (room for `n` bytes);
    /// returns how many bytes it wrote. Nil, with nothing asked or written, when a run starts
    /// inside a character: the bytes would not be valid UTF-8 (`string` repairs them).
    /// `inOrder`: the caller knows each run starts at or after the end of the one before.
    static func write(_ runs: UnsafeBufferPointer<TokenRun>, _ bytes: UnsafeBufferPointer<UInt8>, inOrder: Bool = false,
                      into room: (Int) -> UnsafeMutablePointer<UInt8>) -> Int? {
        guard bytes.baseAddress != nil, !runs.isEmpty else { return 0 }
        let markup = Self.markup
        guard let length = markup.maximumLength(runs, bytes, wholeCharacters: true, inOrder: inOrder) else { return nil }
        return markup.write(runs, bytes, into: room(length + slack))
    }

    /// How many bytes of `text` are `&`, `<` or `>`.
    static func escapedCount(_ text: UnsafeBufferPointer<UInt8>) -> Int { escapes(in: text).count }

    /// How many bytes of `text` are `&`, `<` or `>`, and whether every byte is ASCII (then no
    /// run can start inside a character), in one pass eight bytes at a time.
    static func escapes(in text: UnsafeBufferPointer<UInt8>) -> (count: Int, ascii: Bool) {
        guard let base = text.baseAddress else { return (0, true) }
        let raw = UnsafeRawPointer(base)
        var count = 0
        var highBits: UInt64 = 0
        var i = 0
        while i &+ 8 <= text.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            count &+= Self.escapedMarks(w).nonzeroBitCount
            highBits |= w
            i &+= 8
        }
        while i < text.count {
            let c = base[i]
            if c == 38 || c == 60 || c == 62 { count &+= 1 }
            highBits |= UInt64(c)
            i &+= 1
        }
        return (count, highBits & 0x8080_8080_8080_8080 == 0)
    }

    /// Whether every byte of `text` is ASCII, sixteen bytes at a time.
    static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var highBits: UInt64 = 0
        var i = 0
        while i &+ 16 <= text.count {
            highBits |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
            i &+= 16
        }
        while i < text.count {
            highBits |= UInt64(base[i])
            i &+= 1
        }
        return highBits & 0x8080_8080_8080_8080 == 0
    }

    /// The index of the first `&`, `<` or `>` at or after `i`, or `text.count` when none is left:
    /// sixteen bytes a test, then eight.
    @inline(__always) static func nextEscaped(_ text: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let base = text.baseAddress!, raw = UnsafeRawPointer(base)
        var j = i
        while j &+ 16 <= text.count {
            let (low, high) = escapedMarks(ofSixteenAt: raw + j)
            if low != 0 { return j &+ low.trailingZeroBitCount >> 3 }
            if high != 0 { return j &+ 8 &+ high.trailingZeroBitCount >> 3 }
            j &+= 16
        }
        while j &+ 8 <= text.count {
            let marks = escapedMarks(raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
            if marks != 0 { return j &+ marks.trailingZeroBitCount >> 3 }
            j &+= 8
        }
        while j < text.count {
            let c = base[j]
            if c == 38 || c == 60 || c == 62 { return j }
            j &+= 1
        }
        return text.count
    }

    /// The high bit of each byte of `w` that is `&` (0x26), `<` (0x3C) or `>` (0x3E), exactly:
    /// each byte compared with the zero-byte test made exact (no borrow between bytes). `<` and
    /// `>` differ only in bit 1, so one compare with that bit set finds both.
    @inline(__always) static func escapedMarks(_ w: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }
        return zeroBytes(w ^ 0x2626_2626_2626_2626) | zeroBytes((w | 0x0202_0202_0202_0202) ^ 0x3E3E_3E3E_3E3E_3E3E)
    }

    /// `escapedMarks` of the sixteen bytes at `p`, as two words (bytes 0–7, then 8–15), in
    /// lane arithmetic: a lane's difference does not borrow from the next, so `(x - 1) & ~x`
    /// has the high bit exactly for a zero lane (the vector compares, which the optimizer
    /// sometimes makes a loop over the lanes, are not used).
    @inline(__always) static func escapedMarks(ofSixteenAt p: UnsafeRawPointer) -> (UInt64, UInt64) {
        typealias Lanes = SIMD16<UInt8>
        let v = p.loadUnaligned(as: Lanes.self)
        let one = Lanes(repeating: 1)
        let amp = v ^ Lanes(repeating: 0x26)
        let angle = (v | Lanes(repeating: 0x02)) ^ Lanes(repeating: 0x3E)
        let marks = (((amp &- one) & ~amp) | ((angle &- one) & ~angle)) & Lanes(repeating: 0x80)
        let words = unsafeBitCast(marks, to: SIMD2<UInt64>.self)
        return (words[0], words[1])
    }

    /// Every piece of markup in a 32-byte slot, for writing with a 16- and an 8-byte store
    /// whatever its length (no piece is longer than 24 bytes): the open tag `<span class="CLS">`
    /// of token `i` in slot `i`, then `</span>`, `&amp;`, `&lt;`, `&gt;`; a slot's last byte is
    /// its piece's length. Filled with byte copies once per process (tables built by mapping and
    /// joining arrays cost ~0.45 M instructions at the first highlight). Read-only once made.
    private struct Markup: @unchecked Sendable {
        let slots: UnsafeRawPointer
        /// The longest open tag and the close tag: the most markup one run adds.
        let longestMarkup: Int
        static let close = Token.shortNames.count, amp = close + 1, lt = close + 2, gt = close + 3

        init() {
            let count = Self.gt + 1
            let slots = UnsafeMutableRawPointer.allocate(byteCount: count << 5, alignment: 16)
            slots.initializeMemory(as: UInt8.self, repeating: 0, count: count << 5)
            var longestOpen = 0
            func fill(_ slot: Int, _ parts: StaticString, _ name: String = "", _ end: StaticString = "") {
                let to = slots + slot << 5
                var n = 0
                func add(_ bytes: UnsafeBufferPointer<UInt8>) {
                    (to + n).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
                    n += bytes.count
                }
                parts.withUTF8Buffer(add)
                var name = name
                if !name.isEmpty { name.withUTF8(add) }
                if end.utf8CodeUnitCount > 0 { end.withUTF8Buffer(add) }
                precondition(n <= 24, "markup piece too long for its slot")
                to.storeBytes(of: UInt8(n), toByteOffset: 31, as: UInt8.self)
                if slot < Self.close { longestOpen = Swift.max(longestOpen, n) }
            }
            for (token, name) in Token.shortNames.enumerated() { fill(token, #"<span class=""#, name, #"">"#) }
            fill(Self.close, "</span>")
            fill(Self.amp, "&amp;")
            fill(Self.lt, "&lt;")
            fill(Self.gt, "&gt;")
            self.slots = UnsafeRawPointer(slots)
            longestMarkup = longestOpen + HTMLFormatter.closeTag.count
        }

        /// The length of piece `i`.
        @inline(__always) func length(of piece: Int) -> Int { Int(slots.load(fromByteOffset: piece << 5 | 31, as: UInt8.self)) }

        /// At least the length of the HTML: the longest open tag and `</span>` for every run
        /// (runs of one token share a span, so this may count more), every byte of the text,
        /// and four more for each `&`, `<` or `>` in it (no escape adds more; with
        /// `wholeCharacters`, over ASCII, four more for every byte), when the runs
        /// follow each other inside the text, as lexers emit them; the text's bytes are counted
        /// eight at a time. Runs that overlap get their exact length. With `wholeCharacters`, nil
        /// when a run starts inside a character (checked in the same pass over the runs). Runs
        /// known to be `inOrder` over ASCII text need no pass over the runs.
        func maximumLength(_ runs: UnsafeBufferPointer<TokenRun>, _ text: UnsafeBufferPointer<UInt8>, wholeCharacters: Bool, inOrder: Bool) -> Int? {
            // the length when the runs follow each other inside the text
            func inOrderLength(escapes: Int) -> Int { runs.count &* longestMarkup &+ text.count &+ 4 &* escapes }
            var escapes: Int?
            if inOrder && Int(runs[runs.count - 1].end) <= text.count {
                // Writing into the caller's buffer, room for every byte escaped: counting the
                // escapes took a pass over the text as long as the one that writes it, and the
                // test for ASCII alone costs a quarter of that.
                if wholeCharacters && HTMLFormatter.isASCII(text) { return inOrderLength(escapes: text.count) }
                let scanned = HTMLFormatter.escapes(in: text)
                if scanned.ascii || !wholeCharacters { return inOrderLength(escapes: scanned.count) }
                escapes = scanned.count
            }
            let source = text.baseAddress!
            var ordered = true
            var previousEnd: Int32 = 0
            for run in runs {
                ordered = ordered && run.start >= previousEnd
                previousEnd = run.end
                if wholeCharacters && Int(run.start) < text.count && source[Int(run.start)] & 0xC0 == 0x80 { return nil }
            }
            guard ordered, Int(previousEnd) <= text.count else { return length(runs, text.baseAddress!) }
            return inOrderLength(escapes: escapes ?? HTMLFormatter.escapedCount(text))
        }

        /// The exact length of the HTML.
        func length(_ runs: UnsafeBufferPointer<TokenRun>, _ source: UnsafePointer<UInt8>) -> Int {
            let closeLength = length(of: Self.close)
            var length = 0
            var i = 0
            while i < runs.count {
                let token = runs[i].token
                if token != .text {
                    length += self.length(of: Int(token.rawValue)) + closeLength
                }
                repeat {
                    let a = Int(runs[i].start), b = Int(runs[i].end)
                    var extra = 0
                    for k in a..<b {
                        let c = source[k]
                        extra &+= c == 38 ? 4 : c == 60 || c == 62 ? 3 : 0
                    }
                    length += b - a + extra
                    i += 1
                } while i < runs.count && runs[i].token == token
            }
            return length
        }

        /// Writes the HTML at `start` (room for `maximumLength` bytes and `slack`); returns how
        /// many it wrote.
        /// The next `&`, `<` or `>` is found eight bytes at a time and remembered, so a run before
        /// it is copied whole without looking at its bytes.
        func write(_ runs: UnsafeBufferPointer<TokenRun>, _ text: UnsafeBufferPointer<UInt8>, into start: UnsafeMutablePointer<UInt8>) -> Int {
            let amp = Self.amp, lt = Self.lt, gt = Self.gt
            let source = text.baseAddress!
            var out = start
            // (16 bytes and 8: one store fewer than three 8-byte ones, for every token)
            @inline(__always) func put(_ piece: Int) {
                let slot = slots + piece &<< 5, to = UnsafeMutableRawPointer(out)
                to.storeBytes(of: slot.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
                to.storeBytes(of: slot.loadUnaligned(fromByteOffset: 16, as: UInt64.self), toByteOffset: 16, as: UInt64.self)
                out += Int(slot.load(fromByteOffset: 31, as: UInt8.self))
            }
            // `</span>` as one 8-byte store of a constant (its eighth byte is overwritten next or
            // lies in the slack), not a slot's loads
            @inline(__always) func putClose() {
                UnsafeMutableRawPointer(out).storeBytes(of: HTMLFormatter.closeTagWord.littleEndian, as: UInt64.self)
                out += 7
            }
            // Up to 16 bytes with two 8-byte stores when 16 bytes can be read there.
            @inline(__always) func copyText(_ a: Int, _ n: Int) {
                guard n <= 16 && a &+ 16 <= text.count else { return Self.copy(source + a, n, to: &out) }
                let from = UnsafeRawPointer(source + a), to = UnsafeMutableRawPointer(out)
                to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
                out += n
            }
            // `special` is the first escaped byte at or after `searchedFrom`.
            var searchedFrom = 0
            var special = HTMLFormatter.nextEscaped(text, from: 0)
            // (wrapping arithmetic: offsets are 32-bit and counts bounded by the buffers, and
            // each overflow check was a branch per run)
            var i = 0
            while i < runs.count {
                let token = runs[i].token
                if token != .text { put(Int(token.rawValue)) }
                repeat {
                    var plain = Int(runs[i].start)
                    let end = Int(runs[i].end)
                    if plain < searchedFrom || special < plain {
                        searchedFrom = plain
                        special = HTMLFormatter.nextEscaped(text, from: plain)
                    }
                    while special < end {
                        copyText(plain, special &- plain)
                        switch source[special] {
                        case 38: put(amp)
                        case 60: put(lt)
                        default: put(gt)
                        }
                        plain = special &+ 1
                        searchedFrom = plain
                        special = HTMLFormatter.nextEscaped(text, from: plain)
                    }
                    copyText(plain, end &- plain)
                    i &+= 1
                } while i < runs.count && runs[i].token == token
                if token != .text { putClose() }
            }
            return out - start
        }

        /// Copies `n` bytes to `out` and moves it past them: up to 16 bytes (most tokens and
        /// every tag but the longest) with two overlapping loads and stores instead of a
        /// `memmove` call.
        @inline(__always) static func copy(_ src: UnsafePointer<UInt8>, _ n: Int, to out: inout UnsafeMutablePointer<UInt8>) {
            let from = UnsafeRawPointer(src), to = UnsafeMutableRawPointer(out)
            if n >= 8 && n <= 16 {
                to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 && n < 8 {
                to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self), toByteOffset: n - 4, as: UInt32.self)
            } else if n > 0 && n < 4 {
                out[0] = src[0]
                out[n >> 1] = src[n >> 1]
                out[n - 1] = src[n - 1]
            } else if n > 16 {
                out.update(from: src, count: n)
            }
            out += n
        }
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, into out: inout [UInt8]) {
        var plain = a
        for k in a..<b {
            let c = bytes[k]
            guard c == 38 || c == 60 || c == 62 else { continue }
            if plain < k { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<k])) }
            switch c {
            case 38: out.append(38); out.append(97); out.append(109); out.append(112); out.append(59)   // &amp;
            case 60: out.append(38); out.append(108); out.append(116); out.append(59)                   // &lt;
            default: out.append(38); out.append(103); out.append(116); out.append(59)                   // &gt;
            }
            plain = k + 1
        }
        if plain < b { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<b])) }
    }

    /// Escapes text the way Rouge does (`& < >` only).
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { buf in
            var out: [UInt8] = []
            out.reserveCapacity(buf.count + 16)
            appendEscaped(buf, 0, buf.count, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }
}
