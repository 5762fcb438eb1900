import Testing
@testable import Markdown

/// The converter's output becomes a string in pieces (long ASCII stretches on their own); the
/// result must be the string `String(decoding:as:)` makes of the whole buffer, invalid bytes
/// repaired the same way.
struct MostlyASCIIStringTests {
    static let long = String(repeating: "<p>plain text &amp; more</p>\n", count: 20)

    static let cases: [Bytes] = [
        [], Bytes("short".utf8), Bytes(long.utf8),
        Bytes(("é" + long).utf8), Bytes((long + "é").utf8), Bytes((long + "東京" + long + "ñ").utf8),
        Bytes((long + "ö" + String(repeating: "x", count: 64) + "ü" + String(repeating: "y", count: 65) + "ç").utf8),
        Bytes(String(repeating: "東京 é ", count: 200).utf8),
        Bytes(long.utf8) + [0xC3] + Bytes(long.utf8),          // a character cut short before ASCII
        Bytes(long.utf8) + [0xE6, 0x9D] + [0xFF] + Bytes("é".utf8),  // truncated and invalid, at the end
    ]

    @Test(arguments: cases)
    func piecesMakeTheWholeString(bytes: Bytes) {
        let made = bytes.withUnsafeBufferPointer { String(decodingMostlyASCII: $0) }
        let whole = String(decoding: bytes, as: UTF8.self)
        #expect(made == whole)
        #expect(Bytes(made.utf8) == Bytes(whole.utf8))
    }
}

/// The check that lets a valid buffer become a string without the standard library's own pass:
/// every sequence it accepts or rejects must be what Swift's decoder accepts or repairs.
struct UTF8SequenceCheckTests {
    static let sequences: [Bytes] = [
        [0xC2, 0x80], [0xDF, 0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xC2, 0xC0],
        [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
        [0xED, 0xA0, 0x80], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xE6, 0x9D], [0xE6, 0x9D, 0x41],
        [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF1, 0x80, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF],
        [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xBF],
        [0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x98, 0x80],
    ]

    @Test(arguments: sequences)
    func agreesWithSwiftsDecoder(sequence: Bytes) {
        // framed by ASCII so that a repaired sequence shows as a replacement character
        let bytes = Bytes("ab".utf8) + sequence + Bytes("cd".utf8)
        let swiftValid = !String(decoding: bytes, as: UTF8.self).unicodeScalars.contains("\u{FFFD}")
        let checked = sequence.withUnsafeBufferPointer { String.validSequenceLength($0.baseAddress!, at: 0, count: $0.count) }
        #expect((checked == sequence.count) == swiftValid)
        if !swiftValid { #expect(checked == nil) }
    }

    @Test func validBuffersKeepTheirBytes() {
        for text in ["", "plain", MostlyASCIIStringTests.long + "é", "東京 é ñ 😀 " + MostlyASCIIStringTests.long] {
            let bytes = Bytes(text.utf8)
            let made = bytes.withUnsafeBufferPointer { String(decodingMostlyASCII: $0) }
            #expect(made == text)
            #expect(made.utf8.count == bytes.count)
            #expect(made.utf8.allSatisfy { $0 < 0x80 } == text.utf8.allSatisfy { $0 < 0x80 })
        }
    }
}
