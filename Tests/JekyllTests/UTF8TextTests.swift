import Testing
@testable import Jekyll
import ValidUTF8

/// `UTF8Text` makes strings without the standard library's check, so its own check must accept
/// exactly what the standard library accepts (less U+FFFD), wherever a sequence falls in the
/// blocks, vectors and words it skips ASCII with.
@Suite struct UTF8TextTests {
    /// What the check must say: nil for bytes the standard library rejects or that hold U+FFFD,
    /// else whether they are ASCII.
    static func expected(_ bytes: [UInt8]) -> Bool? {
        guard let string = String(validating: bytes, as: UTF8.self), !string.unicodeScalars.contains("\u{FFFD}") else {
            return nil
        }
        return bytes.allSatisfy { $0 < 0x80 }
    }

    static func check(_ bytes: [UInt8]) -> Bool? {
        bytes.withUnsafeBytes { UTF8Text.check($0) }
    }

    /// Every lead byte with every second byte, and the three- and four-byte leads whose second
    /// byte has its own range, with every second and third byte; after 0–9 ASCII bytes and before
    /// 0–2 (a sequence cut short at the end, or split across a word's end).
    @Test(arguments: 0...9)
    func agreesWithTheStandardLibrary(asciiBefore: Int) {
        let before = Array(repeating: UInt8(ascii: "a"), count: asciiBefore)
        var mismatches = 0
        func test(_ sequence: [UInt8]) {
            for after in 0...2 {
                let bytes = before + sequence + Array(repeating: UInt8(ascii: "z"), count: after)
                if Self.check(bytes) != Self.expected(bytes) { mismatches += 1 }
                if bytes.withUnsafeBytes(\.isAllASCII) != bytes.allSatisfy({ $0 < 0x80 }) { mismatches += 1 }
            }
        }
        for lead in UInt8.min...UInt8.max {
            test([lead])
            for second in UInt8.min...UInt8.max { test([lead, second]) }
        }
        let ranges: [UInt8] = [0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBD, 0xBF, 0xC0]
        for lead: UInt8 in [0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5] {
            for second in UInt8.min...UInt8.max {
                for third in ranges {
                    test([lead, second, third])
                    for fourth in ranges { test([lead, second, third, fourth]) }
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// A sequence at every offset of a long ASCII text: the blocks the check skips ASCII with must
    /// not step over it, wherever in a block (or in the bytes after the last block) it falls.
    @Test func findsASequenceAtEveryOffset() {
        var mismatches = 0
        for sequence: [UInt8] in [[0xC3, 0xA9], [0xFF], [0xEF, 0xBF, 0xBD], [0xE6, 0x9D]] {
            for offset in 0...200 {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: offset) + sequence
                    + Array(repeating: UInt8(ascii: "z"), count: 200 - offset)
                if Self.check(bytes) != Self.expected(bytes) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    /// Texts longer than a vector (16 bytes) and than two, with a valid or an invalid sequence
    /// (overlong, surrogate, past U+10FFFF, cut short) at every offset: across the vectors' ends
    /// and at the text's end. With an `é` first too, so that the check has left its 128-byte
    /// blocks for its vector loop before it meets the sequence.
    @Test func agreesPastAVectorWhereverASequenceFalls() {
        let sequences: [[UInt8]] = [
            [0xC3, 0xA9], [0xE6, 0x9D, 0xB1], [0xF0, 0x9F, 0x8E, 0x89],  // valid
            [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF],  // overlong
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],  // surrogates
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],  // past U+10FFFF
            [0xC3], [0xE6, 0x9D], [0xF0, 0x9F, 0x8E], [0x80], [0xEF, 0xBF, 0xBD],  // cut short; U+FFFD
        ]
        var mismatches: [String] = []
        for sequence in sequences {
            for count in [17, 20, 31, 32, 33, 40, 47, 48, 63, 64, 65, 100, 127, 128, 129, 143, 144, 145, 160] {
                for prefix: [UInt8] in [[], [0xC3, 0xA9]] where prefix.count + sequence.count <= count {
                    for offset in prefix.count...(count - sequence.count) {
                        var bytes = prefix + Array(repeating: UInt8(ascii: "a"), count: count - prefix.count)
                        bytes.replaceSubrange(offset..<(offset + sequence.count), with: sequence)
                        if Self.check(bytes) != Self.expected(bytes) { mismatches.append("\(sequence) at \(offset) of \(count)") }
                    }
                }
            }
        }
        #expect(mismatches == [])
    }

    @Test func makesTheSameStringAsTheStandardLibrary() {
        let texts = ["", "a", "plain ASCII text longer than a word", "é", "Привет, 東京! 🎉 x", "ab\ncdé",
                     String(repeating: "word ", count: 40) + "Ελληνικά" + String(repeating: " more", count: 9)]
        for text in texts {
            let bytes = Array(text.utf8)
            let made = bytes.withUnsafeBytes { UTF8Text.exactString($0) }
            #expect(made == text)
            #expect(made.map { Array($0.utf8) } == bytes)
        }
        for refused: [UInt8] in [[0x61, 0xFF], Array("x \u{FFFD} y".utf8), [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
            #expect(refused.withUnsafeBytes { UTF8Text.exactString($0) } == nil)
        }
    }

    /// Random mostly-ASCII texts with a few multi-byte (and some broken) sequences scattered in.
    @Test func agreesOnScatteredSequences() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0xC3, 0xA9], [0xE6, 0x9D, 0xB1], [0xF0, 0x9F, 0x8E, 0x89], [0xEF, 0xBF, 0xBD],
                                 [0xC3], [0xE6, 0x9D], [0x80], [0xF8]]
        var mismatches = 0
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                bytes += Array(repeating: UInt8(ascii: "q"), count: Int.random(in: 0...20, using: &generator))
                if Int.random(in: 0..<10, using: &generator) < 9 {
                    bytes += pieces[Int.random(in: 0..<3, using: &generator)]
                } else {
                    bytes += pieces.randomElement(using: &generator)!
                }
            }
            if Self.check(bytes) != Self.expected(bytes) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
