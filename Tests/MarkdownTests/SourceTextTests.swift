import Testing
@testable import Markdown

/// Texts the span parser keeps as ranges of its source (`Element.text(_:_:)`) read and merge as
/// the strings they stand for, and the GFM pass's shortcut finds every backslash line end.
struct SourceTextTests {
    static let source = Bytes("Zürich *and* more\n".utf8)

    @Test func aSourceCutReadsAsItsString() {
        let text = Element.text(Self.source, 0..<7)
        #expect(text.value == "Zürich")
        #expect(text.valueBytes == Bytes("Zürich".utf8))
        #expect(text.withText { Bytes($0) } == Bytes("Zürich".utf8))
    }

    @Test func aCutGrowsOnlyByTheBytesRightAfterItInTheSameSource() {
        let text = Element.text(Self.source, 0..<7)
        #expect(text.extendText(Self.source, 7..<8))
        #expect(!text.extendText(Self.source, 9..<12), "not contiguous")
        let copy = Bytes(Self.source.map { $0 })  // equal bytes, another buffer
        #expect(!text.extendText(copy, 8..<9), "another source")
        #expect(text.value == "Zürich ")
        text.value += "x"
        #expect(text.value == "Zürich x")
        #expect(!text.extendText(Self.source, 8..<9), "a string is no longer a cut")
    }

    @Test(arguments: [("a\\\nb\n", true), ("a\\ b\n", false), ("\\", false), ("a\n\\\\\n", true), ("plain\n", false)])
    func backslashLineEnds(text: String, expected: Bool) {
        #expect(KramdownConverter.hasBackslashBreak(Bytes(text.utf8)) == expected)
    }
}
