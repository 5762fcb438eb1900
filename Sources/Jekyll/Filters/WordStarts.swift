import CByteScan

extension TextFilters {
    /// Ruby's `split.length`: runs of non-whitespace, counted without making strings — a word
    /// starts at each non-space byte after a space (or at the start). A page's content is a few
    /// KiB (`content | number_of_words` in a post layout reads each post's whole HTML). On x86-64
    /// each 64 bytes' whitespace is a bit mask whose starts are counted at once (`CByteScan`,
    /// AVX2 where the CPU has it): ~0.3 instructions a byte, against ~1 for the vectors below,
    /// which have no way to make a mask of a vector's lanes.
    static func wordStarts(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        #if arch(x86_64)
        guard let base = bytes.baseAddress else { return 0 }
        return kyll_word_starts(base, bytes.count)
        #else
        return vectorWordStarts(in: bytes)
        #endif
    }

    /// `wordStarts` sixteen bytes at a time, in chunks of up to 256 bytes: first each block's space mask
    /// into a stack buffer (after the mask of the byte before the chunk), then each block's word
    /// starts from its mask and the mask one byte earlier, read back from the buffer one byte
    /// off. Working out the spaces of every byte once, not again for the byte after it, takes a
    /// quarter fewer instructions than comparing each block with the bytes one before it.
    static func vectorWordStarts(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        let n = bytes.count
        let space = SIMD16<UInt8>(repeating: 0x20), zero = SIMD16<UInt8>()
        // Tab to carriage return (9–13) moved to -128…-124, the only bytes below -123 as signed
        // bytes: one signed compare (SSE2 has no unsigned one, which took a min and an equality).
        let controlsToLowest = SIMD16<UInt8>(repeating: 0x77), aboveControls = SIMD16<Int8>(repeating: -123)
        var count = 0
        var i = 0
        // 0xFF where the byte before is a space (the start of the text counts as one)
        var lastSpace: UInt8 = 0xFF
        // 16 bytes of which the last holds `lastSpace`, then the masks of the chunk's 16 blocks
        typealias Block = SIMD16<UInt8>
        var masks = (Block(), Block(), Block(), Block(), Block(), Block(), Block(), Block(), Block(),
                     Block(), Block(), Block(), Block(), Block(), Block(), Block(), Block())
        withUnsafeMutableBytes(of: &masks) { buffer in
            let m = buffer.baseAddress!
            @inline(__always) func chunk(_ blocks: Int) {
                m.storeBytes(of: lastSpace, toByteOffset: 15, as: UInt8.self)
                @inline(__always) func storeMask(_ k: Int) {
                    let c = UnsafeRawPointer(base + (i &+ 16 &* k)).loadUnaligned(as: Block.self)
                    let moved = unsafeBitCast(c &+ controlsToLowest, to: SIMD16<Int8>.self)
                    let controls = unsafeBitCast(SIMD16<Int8>().replacing(with: -1, where: moved .< aboveControls),
                                                 to: SIMD16<UInt8>.self)
                    let spaces = zero.replacing(with: 0xFF, where: c .== space) | controls
                    m.storeBytes(of: spaces, toByteOffset: 16 &+ 16 &* k, as: Block.self)
                }
                // Four blocks a turn, which the compiler then lays out as one run for a whole
                // chunk (it had unrolled two at a time: a count, a test and a branch every two).
                var k = 0
                while k &+ 4 <= blocks {
                    storeMask(k)
                    storeMask(k &+ 1)
                    storeMask(k &+ 2)
                    storeMask(k &+ 3)
                    k &+= 4
                }
                while k < blocks {
                    storeMask(k)
                    k &+= 1
                }
                // at most 16 starts per lane: no lane overflows
                var lanes = zero
                for k in 0..<blocks {
                    let spaces = m.load(fromByteOffset: 16 &+ 16 &* k, as: Block.self)
                    let before = UnsafeRawPointer(m).loadUnaligned(fromByteOffset: 15 &+ 16 &* k, as: Block.self)
                    lanes &-= before & ~spaces
                }
                count &+= Int(lanes.wrappedSum())
                lastSpace = m.load(fromByteOffset: 16 &* blocks &+ 15, as: UInt8.self)
                i &+= 16 &* blocks
            }
            // whole chunks with a constant count (the loops unrolled), then what is left of whole blocks
            while i &+ 256 <= n { chunk(16) }
            if i &+ 16 <= n { chunk((n &- i) &>> 4) }
        }
        var before = lastSpace != 0
        while i < n {
            let isSpace = isSpace(base[i])
            if !isSpace && before { count &+= 1 }
            before = isSpace
            i &+= 1
        }
        return count
    }
}
