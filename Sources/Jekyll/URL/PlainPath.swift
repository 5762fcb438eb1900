extension SiteURL {
    /// How a plain path starts: what `relative_url` without a base needs to know of it.
    enum PlainPathStart {
        case empty
        /// Not with a slash (`relative_url` adds one).
        case relative
        /// One slash, then something else.
        case rooted
        /// Two slashes, which a URL parser reads as a host.
        case doubleSlash
    }

    /// Made only of path characters other than `:` (so no scheme), without a `.` or `..` segment.
    static func isPlainPath(_ text: String) -> Bool { plainPathStart(text) != nil }

    /// How `text` starts when it is a plain path (`isPlainPath`), nil when it is not: for
    /// `relative_url`, which a list page asks of a thousand posts' URLs, the start is read from
    /// the bytes the test has in hand (through the `String`'s views, ~110 instructions a URL).
    static func plainPathStart(_ text: String) -> PlainPathStart? {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> PlainPathStart? {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return .empty }
            guard isPlainPath(base, count: bytes.count) else { return nil }
            guard base[0] == UInt8(ascii: "/") else { return .relative }
            return bytes.count > 1 && base[1] == UInt8(ascii: "/") ? .doubleSlash : .rooted
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(scan) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// The bytes test of `isPlainPath`.
    static func isPlainPath(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        if isCommonPath(bytes, count: count) { return true }
        var previous = UInt8(ascii: "/")
        var i = 0
        while i < count {
            // Eight bytes at a time while they are the usual ones (a list page asks for a
            // thousand posts' URLs); byte by byte through the eight otherwise.
            let end = min(i + 8, count)
            if end - i == 8, isCommonPathWord(UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)) {
                previous = bytes[end - 1]
                i = end
                continue
            }
            while i < end {
                let b = bytes[i]
                guard isPlainPathByte(b) else { return false }
                if b == UInt8(ascii: ".") && previous == UInt8(ascii: "/") { return false }
                previous = b
                i += 1
            }
        }
        return true
    }

    /// Whether every byte is `a`–`z`, `0`–`9`, `-` or `/` (a plain path: no `:`, no `.` to start a
    /// dot segment), sixteen bytes at a time, the last sixteen read again where they overlap; a
    /// shorter text is tested padded with `a`. `relative_url` asks this of every post URL a page
    /// links (a word at a time and the last bytes one by one, ~340 instructions a URL).
    @inline(__always)
    static func isCommonPath(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        typealias Block = SIMD16<UInt8>
        @inline(__always) func load(_ at: Int) -> Block { UnsafeRawPointer(bytes + at).loadUnaligned(as: Block.self) }
        guard count >= 16 else {
            var block = Block(repeating: UInt8(ascii: "a"))
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.copyMemory(from: bytes, byteCount: count) }
            return isCommonPathBlock(block)
        }
        var i = 0
        while i &+ 16 <= count {
            guard isCommonPathBlock(load(i)) else { return false }
            i &+= 16
        }
        return i == count || isCommonPathBlock(load(count &- 16))
    }

    /// Whether all sixteen bytes are `a`–`z`, `0`–`9`, `-` or `/` (`-` and `/`, 0x2D and 0x2F,
    /// alike once bit 1 is cleared).
    @inline(__always)
    static func isCommonPathBlock(_ c: SIMD16<UInt8>) -> Bool {
        typealias Block = SIMD16<UInt8>
        let letter = (c &- Block(repeating: UInt8(ascii: "a"))) .< Block(repeating: 26)
        let digit = (c &- Block(repeating: UInt8(ascii: "0"))) .< Block(repeating: 10)
        let dashOrSlash = (c & Block(repeating: 0xFD)) .== Block(repeating: UInt8(ascii: "-"))
        let common = Block(repeating: 0).replacing(with: 0xFF, where: letter .| digit .| dashOrSlash)
        let halves = unsafeBitCast(common, to: SIMD2<UInt64>.self)
        return halves[0] & halves[1] == ~0
    }

    /// Whether all eight bytes are `a`–`z`, `0`–`9`, `-` or `/` (plain path bytes, and no `.` to
    /// start a dot segment). Each byte is tested against ranges by adding to it, all eight in one
    /// word: no byte is above 127 once checked, so no sum carries into the next byte.
    @inline(__always)
    static func isCommonPathWord(_ w: UInt64) -> Bool {
        let top: UInt64 = 0x8080_8080_8080_8080
        guard w & top == 0 else { return false }
        func inRange(_ low: UInt8, _ high: UInt8) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            // Bit 7 of each byte: set when byte >= low, clear when byte <= high.
            return (w &+ ones &* UInt64(0x80 - low)) & ~(w &+ ones &* UInt64(0x7F - high)) & top
        }
        let common = inRange(UInt8(ascii: "a"), UInt8(ascii: "z")) | inRange(UInt8(ascii: "0"), UInt8(ascii: "9"))
            | inRange(UInt8(ascii: "-"), UInt8(ascii: "-")) | inRange(UInt8(ascii: "/"), UInt8(ascii: "/"))
        return common == top
    }
}
