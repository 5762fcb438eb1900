import CByteScan
import Testing
@testable import Markdown

/// `kyll_span_trigger_bitmap` (C, sixteen bytes a step with SSSE3 or NEON, a byte at a time
/// otherwise) against a plain loop over `SpanParser.isTrigger`.
struct SpanTriggerBitmapTests {
    static func bitmap(_ bytes: [UInt8]) -> [UInt64] {
        // one word more than asked for, to see that it is left alone
        var words = [UInt64](repeating: 0xDEAD_BEEF, count: (bytes.count + 63) / 64 + 1)
        bytes.withUnsafeBufferPointer { b in
            words.withUnsafeMutableBufferPointer { kyll_span_trigger_bitmap(b.baseAddress!, b.count, $0.baseAddress!) }
        }
        return words
    }

    static func expectedBitmap(_ bytes: [UInt8]) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (bytes.count + 63) / 64)
        for (i, c) in bytes.enumerated() where SpanParser.isTrigger(c) { words[i / 64] |= 1 << UInt64(i % 64) }
        return words + [0xDEAD_BEEF]
    }

    @Test func everyByteValueAtEveryLane() {
        for count in Array(1...70) + [127, 128, 129, 140] {
            for c in 0...255 {
                for at in 0..<count {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: count)
                    bytes[at] = UInt8(c)
                    #expect(Self.bitmap(bytes) == Self.expectedBitmap(bytes), "byte \(c) at \(at) of \(count)")
                }
            }
        }
    }

    @Test func everyByteValueInEveryLaneAtOnce() {
        // sixteen different byte values a round, shifted so that each value meets each lane
        for count in [15, 16, 17, 31, 32, 48, 64, 65, 100, 256] {
            for first in 0...255 {
                let bytes = (0..<count).map { UInt8(truncatingIfNeeded: first &+ $0 &* 17) }
                #expect(Self.bitmap(bytes) == Self.expectedBitmap(bytes), "from \(first), \(count) bytes")
            }
        }
    }

    @Test func mixedTextAgreesWithThePlainLoop() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return seed
        }
        let common = Array("*.\n-_ é`[]'\"".utf8)
        for _ in 0..<20_000 {
            let count = Int(next() % 300) + 1
            let bytes = (0..<count).map { _ -> UInt8 in
                let r = next()
                return r % 5 == 0 ? common[Int(r / 5 % UInt64(common.count))] : UInt8(ascii: "a") + UInt8(r / 5 % 26)
            }
            #expect(Self.bitmap(bytes) == Self.expectedBitmap(bytes), "\(bytes)")
        }
    }
}
