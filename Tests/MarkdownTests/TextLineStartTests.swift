import Testing
@testable import Markdown

/// `kramdownStartsOtherBlock` skips most of kramdown's block patterns for a line that starts with
/// a letter or a non-ASCII character (`startsOnlyTextBlocks`): none of those patterns may match
/// such a line, whatever follows.
struct TextLineStartTests {
    static let tails = ["", " ", "  \n", "bc\n", ". x\n", " x\n", "\n===\n", "--\n", ":", "> x\n", "| a |\n", "$$\n"]

    /// The patterns the shortcut skips, as `kramdownStartsOtherBlock` tries them.
    static func skippedPatternMatches(_ s: Bytes) -> Bool {
        Scan.indent(s, 0) != nil || Scan.fenceStart(s, 0, gfm: true) || Scan.blockquoteStart(s, 0) != nil
            || Scan.gfmATX(s, 0) != nil || Scan.horizontalRule(s, 0) != nil
            || Scan.listStart(s, 0, maxIndent: 3) != nil || Scan.definitionStart(s, 0, maxIndent: 3) != nil
            || Scan.htmlBlockStart(s, 0) || s.hasPrefix("$$", at: 0) || s.hasPrefix("\\$$", at: 0)
            || s.first == Byte.lbracket || s.hasPrefix("*[", at: 0) || Scan.blockExtensionStart(s, 0)
            || Scan.eobMarker(s, 0) != nil
    }

    @Test func noSkippedPatternMatchesATextStart() {
        for c in 0...255 where CmarkBlockBuilder.startsOnlyTextBlocks(UInt8(c)) {
            for tail in Self.tails {
                let line = [UInt8(c)] + Bytes(tail.utf8)
                #expect(!Self.skippedPatternMatches(line), "\(c) then \(tail.debugDescription)")
            }
        }
    }

    @Test(arguments: ["#", "-", "*", "1", ">", "<", "~", "`", ":", "[", "{", "^", "$", " ", "\t", "|", "_", "+"])
    func blockMarkersAreNotTextStarts(marker: String) {
        #expect(!CmarkBlockBuilder.startsOnlyTextBlocks(marker.utf8.first!))
    }

    @Test(arguments: ["a", "Z", "é", "東"])
    func lettersAndOtherCharactersAreTextStarts(start: String) {
        #expect(CmarkBlockBuilder.startsOnlyTextBlocks(start.utf8.first!))
    }
}
