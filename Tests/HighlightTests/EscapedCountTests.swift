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

    /// Every byte value at every position of a word, against the three it must find.
    @Test func marksExactlyTheEscapedBytes() {
        for value in 0...255 {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: 0x61, count: 8)
                bytes[position] = UInt8(value)
                let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let marked = HTMLFormatter.escapedMarks(w).nonzeroBitCount
                #expect(marked == (value == 38 || value == 60 || value == 62 ? 1 : 0))
            }
        }
    }

    /// Every byte value beside the bytes one bit from `<`, `>` and `&` (one compare finds `<`
    /// and `>` together): only the escaped ones are marked, wherever they stand.
    @Test func marksNoNeighbourOfTheEscapedBytes() {
        for neighbour: UInt8 in [0x3C, 0x3D, 0x3E, 0x3F, 0x26, 0x24, 0x27, 0xBC, 0xBE, 0x7E] {
            for value in 0...255 {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[position] = UInt8(value)
                    let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let expected = bytes.filter { $0 == 38 || $0 == 60 || $0 == 62 }.count
                    #expect(HTMLFormatter.escapedMarks(w).nonzeroBitCount == expected)
                }
            }
        }
    }

    /// The sixteen-byte test against the bytes themselves: every byte value at every lane, over
    /// a plain and an escaped background, and `nextEscaped` from every start of texts of 0 to 40
    /// bytes (the sixteen-, eight- and one-byte paths and their seams).
    @Test func sixteenByteTestAndNextEscapedFindEveryEscapedByte() {
        for background: UInt8 in [0x61, 0x3D, 0x26] {
            for value in 0...255 {
                for position in 0..<16 {
                    var bytes = [UInt8](repeating: background, count: 16)
                    bytes[position] = UInt8(value)
                    let (low, high) = bytes.withUnsafeBytes { HTMLFormatter.escapedMarks(ofSixteenAt: $0.baseAddress!) }
                    for lane in 0..<16 {
                        let marked = (lane < 8 ? low >> (lane * 8 + 7) : high >> ((lane - 8) * 8 + 7)) & 1 == 1
                        let c = bytes[lane]
                        #expect(marked == (c == 38 || c == 60 || c == 62))
                    }
                }
            }
        }
        for count in 0...40 {
            for escaped in [-1] + Array(0..<count) {
                var bytes = [UInt8](repeating: 0x3D, count: count)
                if escaped >= 0 { bytes[escaped] = 0x3E }
                for start in 0...count {
                    let expected = escaped >= start ? escaped : count
                    #expect(bytes.withUnsafeBufferPointer { HTMLFormatter.nextEscaped($0, from: start) } == expected)
                }
            }
        }
    }
}
