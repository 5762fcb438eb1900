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
}
