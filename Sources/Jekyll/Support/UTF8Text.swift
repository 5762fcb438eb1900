import ValidUTF8

/// Strings made from a file's bytes, checked as UTF-8 here instead of by the standard library.
///
/// Every public way to make a `String` from bytes validates them, and the standard library's check
/// goes a byte at a time (~9 instructions a byte) through the whole rest of the text once it meets a
/// non-ASCII byte — a post with one `é` near its start costs that for all its bytes (a third of the
/// 1,000-post site's posts: ~24 M instructions, most of the reading's UTF-8 cost). This check skips
/// ASCII 128 bytes at a time, sixteen at a time near multi-byte sequences (and a word at a time in
/// the last fifteen bytes), and the string is then made from the checked bytes without a second
/// check (`String(validUTF8:)`).
enum UTF8Text {
    /// ASCII other than a capital letter: a string of these bytes is its own `lowercased()`.
    @inline(__always) static func isUnchangedByLowercasing(_ b: UInt8) -> Bool {
        b < 0x80 && !(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }

    /// `bytes` as a string when they are valid UTF-8 and hold no U+FFFD; nil otherwise. U+FFFD is
    /// refused with invalid bytes because a string repaired by the standard library cannot be told
    /// apart from a file that has it, and the callers' whole-file path sorts both out.
    /// `checkingFrom`: how many of the first bytes are known to be ASCII (`asciiPrefixCount`).
    static func exactString(_ bytes: UnsafeRawBufferPointer, checkingFrom start: Int = 0) -> String? {
        guard let isASCII = check(bytes, from: start) else { return nil }
        return String(validUTF8: bytes.assumingMemoryBound(to: UInt8.self), isASCII: isASCII)
    }

    /// How many of the first bytes are ASCII, as far as blocks of 128 (read as `check` reads
    /// them) tell: all the bytes, or up to the block (or the last bytes, fewer than a block)
    /// holding the first other byte. Always a character boundary.
    static func asciiPrefixCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let i = asciiBlocksEnd(base, from: 0, count: bytes.count)
        return i &+ 128 > bytes.count && UnsafeRawBufferPointer(rebasing: bytes[i...]).isAllASCII ? bytes.count : i
    }

    /// Where the run of whole 128-byte ASCII blocks from `start` ends: at the first block holding
    /// another byte, or where fewer than 128 bytes are left. Eight vectors and one test of their
    /// high bits a block (the four words a test of 32 bytes took ran at ~0.4 instructions a byte,
    /// four vectors a test of 64 bytes at ~0.25).
    @inline(__always)
    private static func asciiBlocksEnd(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int {
        var i = start
        while i &+ 128 <= count {
            @inline(__always) func vector(_ at: Int) -> SIMD16<UInt8> {
                base.loadUnaligned(fromByteOffset: i &+ at, as: SIMD16<UInt8>.self)
            }
            let block = (vector(0) | vector(16)) | (vector(32) | vector(48))
                | (vector(64) | vector(80)) | (vector(96) | vector(112))
            // Read as two words: the vector's own comparisons and `any` ran element by element.
            let halves = unsafeBitCast(block, to: SIMD2<UInt64>.self)
            if (halves[0] | halves[1]) & 0x8080_8080_8080_8080 != 0 { return i }
            i &+= 128
        }
        return i
    }

    /// nil when `bytes` are not valid UTF-8 or hold U+FFFD (`EF BF BD`); otherwise whether they
    /// are all ASCII. Valid as the standard library's validation is: no overlong forms, no
    /// surrogates, nothing past U+10FFFF.
    /// `start`, a character boundary, skips bytes known to be ASCII.
    static func check(_ bytes: UnsafeRawBufferPointer, from start: Int = 0) -> Bool? {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var i = start
        var isASCII = true
        while true {
            i = asciiBlocksEnd(base, from: i, count: count)
            // Then a vector at a time, each multi-byte sequence checked where its vector's words
            // say it starts, until a block's worth of ASCII: near one non-ASCII character there
            // are often more (a word at a time, and a block read again after each character,
            // cost ~100 instructions a character).
            var asciiVectors = 0
            while asciiVectors < 8 {
                guard i &+ 16 <= count else { return checkTail(base, from: i, count: count, isASCII: isASCII) }
                let halves = unsafeBitCast(base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self),
                                           to: SIMD2<UInt64>.self)
                let low = halves[0].littleEndian & highBits, high = halves[1].littleEndian & highBits
                if low | high == 0 {
                    i &+= 16
                    asciiVectors &+= 1
                    continue
                }
                i &+= low != 0 ? low.trailingZeroBitCount >> 3 : 8 &+ high.trailingZeroBitCount >> 3
                isASCII = false
                guard let length = sequenceLength(base, at: i, count: count) else { return nil }
                i &+= length
                asciiVectors = 0
            }
        }
    }

    /// `check` of the last bytes (fewer than a vector's): a word of ASCII at once, else a byte.
    private static func checkTail(_ base: UnsafeRawPointer, from start: Int, count: Int, isASCII: Bool) -> Bool? {
        var i = start
        var isASCII = isASCII
        while i < count {
            if i &+ 8 <= count, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
                continue
            }
            if base.load(fromByteOffset: i, as: UInt8.self) < 0x80 {
                i &+= 1
                continue
            }
            isASCII = false
            guard let length = sequenceLength(base, at: i, count: count) else { return nil }
            i &+= length
        }
        return isASCII
    }

    /// The length of the valid sequence starting at `i` with a non-ASCII lead byte; nil for an
    /// invalid one or U+FFFD.
    @inline(__always)
    private static func sequenceLength(_ base: UnsafeRawPointer, at i: Int, count: Int) -> Int? {
        func byte(_ offset: Int) -> UInt8 { base.load(fromByteOffset: i + offset, as: UInt8.self) }
        func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        let lead = byte(0)
        switch lead {
        case 0xC2...0xDF:
            guard i + 1 < count, isContinuation(byte(1)) else { return nil }
            return 2
        case 0xE0...0xF4:
            let length = lead < 0xF0 ? 3 : 4
            guard i + length - 1 < count else { return nil }
            let second = byte(1)
            // The second byte's range rules out overlong forms (E0: A0–BF, F0: 90–BF), surrogates
            // (ED: 80–9F) and values past U+10FFFF (F4: 80–8F).
            let low: UInt8 = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF
            guard second >= low, second <= high, isContinuation(byte(2)) else { return nil }
            if length == 4 { return isContinuation(byte(3)) ? 4 : nil }
            return lead == 0xEF && second == 0xBF && byte(2) == 0xBD ? nil : 3
        default:
            return nil
        }
    }
}
