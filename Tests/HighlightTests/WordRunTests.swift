import ByteLaneCases
import Testing
@testable import Highlight

/// Names and line ends are found eight bytes at a time (`Scan.skipWord`, `Scan.find`): checked
/// against the byte-by-byte scans they replace.
@Suite struct WordRunTests {
    /// Every byte value at every lane, over word bytes at the edges of their ranges and over
    /// bytes just outside them: a lane is marked exactly when it is not in `[A-Za-z0-9_]`.
    @Test func marksExactlyTheNonWordBytes() {
        ByteLaneCases.forEachValueAtEachLane(over: [0x61, 0x7A, 0x41, 0x5A, 0x30, 0x39, 0x5F, 0x60, 0x40, 0x2F, 0x7F, 0xC3],
                                             lanes: 8) { bytes in
            let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let marks = Scan.nonWordBytes(w)
            for lane in 0..<8 {
                #expect((marks >> UInt64(lane * 8 + 7)) & 1 == (CharSet.word.contains(bytes[lane]) ? 0 : 1))
            }
        }
    }

    /// Texts of 0 to 24 bytes of a name with one other byte anywhere (a space, a non-ASCII
    /// letter, a lone continuation byte): both scans stop where the byte-by-byte ones do, from
    /// every start, and inside a narrower window.
    @Test(arguments: [UInt8(0x20), 0x2E, 0xC3, 0x80, 0x7B])
    func agreesWithTheByteScans(other: UInt8) {
        for background: UInt8 in [0x61, 0x5F] {
            ByteLaneCases.forEachText(upTo: 24, of: background, placing: other) { bytes, _ in
                var bytes = bytes
                // a whole `é` where the text has room for it
                if other == 0xC3, let at = bytes.firstIndex(of: 0xC3), at + 1 < bytes.count { bytes[at + 1] = 0xA9 }
                bytes.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return }
                    for end in [bytes.count, max(0, bytes.count - 3)] {
                        var scan = Scan(base, count: bytes.count)
                        scan.end = end
                        for start in 0...end {
                            #expect(scan.skipWord(from: start) == scan.skip(.word, from: start))
                            #expect(scan.skipWord(unicode: UnicodeClass.isWord, from: start)
                                    == scan.skip(.word, unicode: UnicodeClass.isWord, from: start))
                            let byteByByte = (start..<end).first { bytes[$0] == other }
                            #expect(scan.find(other, from: start) == byteByByte)
                        }
                    }
                }
            }
        }
    }
}
