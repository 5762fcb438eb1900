import ByteLaneCases
import Testing
@testable import Highlight

/// The formatter sizes its string from a count of `&`, `<` and `>` made eight bytes at a time.
@Suite struct EscapedCountTests {
    @Test(arguments: ["", "a", "&", "<>", "a&b<c>d", "&&&&&&&&", "x&&&&&&&&<", "\u{26}\u{A6}\u{BC}\u{3E}é<&",
                      "%'=?;:.,!\"#$()*+-/0123456789@[\\]^_`{|}~\u{7F}&", String(repeating: "<a href=\"x&y\">", count: 9)])
    func countsTheEscapedBytes(text: String) {
        let bytes = Array(text.utf8)
        let expected = bytes.filter { $0 == 38 || $0 == 60 || $0 == 62 }.count
        #expect(bytes.withUnsafeBufferPointer { HTMLFormatter.escapedCount($0) } == expected)
    }

    /// Every byte value at every position of a word, over a plain background and over the bytes
    /// one bit from `<`, `>` and `&` (one compare finds `<` and `>` together): only the escaped
    /// ones are marked, wherever they stand.
    @Test func marksExactlyTheEscapedBytes() {
        ByteLaneCases.forEachValueAtEachLane(over: [0x61, 0x3C, 0x3D, 0x3E, 0x3F, 0x26, 0x24, 0x27, 0xBC, 0xBE, 0x7E],
                                             lanes: 8) { bytes in
            let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let expected = bytes.filter { $0 == 38 || $0 == 60 || $0 == 62 }.count
            #expect(HTMLFormatter.escapedMarks(w).nonzeroBitCount == expected)
        }
    }

    /// The sixteen-byte test against the bytes themselves: every byte value at every lane, over
    /// a plain and an escaped background, and `nextEscaped` from every start of texts of 0 to 40
    /// bytes (the sixteen-, eight- and one-byte paths and their seams).
    @Test func sixteenByteTestAndNextEscapedFindEveryEscapedByte() {
        ByteLaneCases.forEachValueAtEachLane(over: [0x61, 0x3D, 0x26]) { bytes in
            let (low, high) = bytes.withUnsafeBytes { HTMLFormatter.escapedMarks(ofSixteenAt: $0.baseAddress!) }
            for lane in 0..<16 {
                let c = bytes[lane]
                #expect(ByteLaneCases.isMarked(lane, low: low, high: high) == (c == 38 || c == 60 || c == 62))
            }
        }
        ByteLaneCases.forEachText(upTo: 40, of: 0x3D, placing: 0x3E) { bytes, escaped in
            for start in 0...bytes.count {
                let expected = escaped.map { $0 >= start ? $0 : bytes.count } ?? bytes.count
                #expect(bytes.withUnsafeBufferPointer { HTMLFormatter.nextEscaped($0, from: start) } == expected)
            }
        }
    }
}
