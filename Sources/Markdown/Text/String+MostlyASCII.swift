extension String {
    /// `String(decoding: utf8, as: UTF8.self)`, made in pieces. Swift checks UTF-8 when it makes
    /// a string: eight bytes at a time while they are ASCII, but byte by byte over the whole
    /// buffer once one byte is not, so a page of HTML with a single `é` paid the slow check on
    /// every byte. Here the long ASCII stretches go through the fast check on their own and only
    /// the stretches around other characters get the slow one; the pieces are appended to a
    /// string of the full capacity (appending a string copies it without checking it again).
    init(decodingMostlyASCII utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { self = ""; return }
        let n = utf8.count
        var wide = Self.firstNonASCII(base, from: 0, to: n)
        guard wide < n else {
            self = String(decoding: utf8, as: UTF8.self)
            return
        }
        var s = String()
        s.reserveCapacity(n)
        var i = 0
        // a stretch with other characters ends once this many ASCII bytes follow its last one:
        // each piece costs a string and an append (~1.2 k instructions), about what the slow
        // check spends on 200 ASCII bytes
        let asciiGap = 256
        while i < n {
            if wide > i { s += String(decoding: UnsafeBufferPointer(start: base + i, count: wide - i), as: UTF8.self) }
            guard wide < n else { break }
            var last = wide
            var k = wide + 1
            while true {
                while k < n && base[k] >= 0x80 { k += 1 }
                last = k - 1
                let limit = Swift.min(n, k + asciiGap)
                k = Self.firstNonASCII(base, from: k, to: limit)
                if k >= limit { break }
            }
            // `last + 1` holds an ASCII byte (or is the end), so the stretch ends between characters
            s += String(decoding: UnsafeBufferPointer(start: base + wide, count: last + 1 - wide), as: UTF8.self)
            i = last + 1
            wide = Self.firstNonASCII(base, from: i, to: n)
        }
        self = s
    }

    /// The index of the first byte at or after `from` (before `to`) with its high bit set, or `to`.
    private static func firstNonASCII(_ base: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int {
        var i = from
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        // 32 bytes a round while they are all ASCII (the usual case), then 8, then 1
        while i + 32 <= n {
            let any = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            if any & high != 0 { break }
            i += 32
        }
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & high != 0 { break }
            i += 8
        }
        while i < n && base[i] < 0x80 { i += 1 }
        return i
    }
}
