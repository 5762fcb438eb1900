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
        // other characters 256 ASCII bytes apart (one stretch) and 257 apart (two), and at the end
        Bytes(("ö" + String(repeating: "x", count: 256) + "ü" + String(repeating: "y", count: 257) + "ç" + long + "ñ").utf8),
        Bytes((long + "東" + String(repeating: "z", count: 255) + "é").utf8),
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
