import CByteScan
import Testing
@testable import Markdown

/// Every version of `kyll_span_trigger_bitmap` this CPU has (a byte at a time, SSSE3 and AVX2 on
/// x86-64, NEON on AArch64), not only the one it picks, against a plain loop over
/// `SpanParser.isTrigger`.
struct SpanTriggerBitmapTests {
    static let allVersions = [KYLL_SPAN_TRIGGERS_BYTEWISE, KYLL_SPAN_TRIGGERS_SSSE3, KYLL_SPAN_TRIGGERS_AVX2, KYLL_SPAN_TRIGGERS_NEON]
    static let versions = allVersions.filter { kyll_span_trigger_version_available($0) }

    /// What `version` marks in `bytes`, with one word more than asked for, to see that it is left alone.
    static func bitmap(_ bytes: [UInt8], by version: kyll_span_trigger_version) -> [UInt64] {
        var words = [UInt64](repeating: 0xDEAD_BEEF, count: (bytes.count + 63) / 64 + 1)
        let ran = bytes.withUnsafeBufferPointer { b in
            words.withUnsafeMutableBufferPointer { kyll_span_trigger_bitmap_using(version, b.baseAddress!, b.count, $0.baseAddress!) }
        }
        precondition(ran, "version \(version) is not available")
        return words
    }

    static func expectedBitmap(_ bytes: [UInt8]) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (bytes.count + 63) / 64)
        for (i, c) in bytes.enumerated() where SpanParser.isTrigger(c) { words[i / 64] |= 1 << UInt64(i % 64) }
        return words + [0xDEAD_BEEF]
    }

    /// Records an issue for each version whose marks differ from the plain loop's.
    static func expectEveryVersionAgrees(_ bytes: [UInt8], expected: [UInt64]? = nil, _ what: @autoclosure () -> String) {
        let expected = expected ?? expectedBitmap(bytes)
        for version in versions where bitmap(bytes, by: version) != expected {
            Issue.record("version \(version.rawValue): \(what())")
        }
    }

    @Test func theVersionsThisCPUShouldHave() {
        #expect(Self.versions.contains(KYLL_SPAN_TRIGGERS_BYTEWISE))
        #if arch(x86_64)
        #expect(!Self.versions.contains(KYLL_SPAN_TRIGGERS_NEON))
        #elseif arch(arm64)
        #expect(Self.versions.contains(KYLL_SPAN_TRIGGERS_NEON))
        #endif
        // the hot call gives what the chosen version gives
        let bytes = Array("a *b* [c](d) `e` \n".utf8)
        var words: [UInt64] = [0, 0xDEAD_BEEF]
        bytes.withUnsafeBufferPointer { b in
            words.withUnsafeMutableBufferPointer { kyll_span_trigger_bitmap(b.baseAddress!, b.count, $0.baseAddress!) }
        }
        #expect(words == Self.expectedBitmap(bytes))
    }

    @Test func everyByteValueAtEveryLane() {
        let multiplesOfTheSteps = [144, 160, 192, 256]
        let filler = UInt8(ascii: "a")
        #expect(!SpanParser.isTrigger(filler))
        for count in Array(1...140) + multiplesOfTheSteps {
            var bytes = Array(repeating: filler, count: count)
            for c in 0...255 {
                for at in 0..<count {
                    bytes[at] = UInt8(c)
                    // the plain loop's result, with only `at` able to be a trigger
                    var expected = [UInt64](repeating: 0, count: (count + 63) / 64) + [0xDEAD_BEEF]
                    if SpanParser.isTrigger(UInt8(c)) { expected[at / 64] |= 1 << UInt64(at % 64) }
                    Self.expectEveryVersionAgrees(bytes, expected: expected, "byte \(c) at \(at) of \(count)")
                    bytes[at] = filler
                }
            }
        }
    }

    @Test func everyByteValueInEveryLaneAtOnce() {
        // sixteen different byte values a round, shifted so that each value meets each lane
        for count in [15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 96, 100, 128, 192, 256] {
            for first in 0...255 {
                let bytes = (0..<count).map { UInt8(truncatingIfNeeded: first &+ $0 &* 17) }
                Self.expectEveryVersionAgrees(bytes, "from \(first), \(count) bytes")
            }
        }
    }

    /// `kyll_span_first_trigger` stops where the plain loop does: every byte value at every
    /// place of texts shorter and longer than its sixteen-byte steps, after plain bytes and
    /// before a later trigger.
    @Test func firstTriggerAtEveryPlace() {
        let filler = UInt8(ascii: "a")
        for count in 1...50 {
            var bytes = Array(repeating: filler, count: count)
            #expect(kyll_span_first_trigger(bytes, count) == count)
            for c in 0...255 {
                for at in 0..<count {
                    bytes[at] = UInt8(c)
                    if at + 1 < count { bytes[count - 1] = Byte.star }
                    let expected = SpanParser.isTrigger(UInt8(c)) ? at : (at + 1 < count ? count - 1 : count)
                    #expect(kyll_span_first_trigger(bytes, count) == expected, "byte \(c) at \(at) of \(count)")
                    bytes = Array(repeating: filler, count: count)
                }
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
            Self.expectEveryVersionAgrees(bytes, "\(bytes)")
            #expect(kyll_span_first_trigger(bytes, count) == bytes.firstIndex(where: SpanParser.isTrigger) ?? count)
        }
    }
}
