import Foundation
import Testing
@testable import Markdown

/// cmark-gfm parses the shortened source (`BlockSkeleton`) into the same block tree as the source.
struct BlockSkeletonTests {
    static let words = String(repeating: "plain words of prose, *some* `code` here ", count: 4)

    static func tree(_ text: String, shortening: Bool) -> CmarkBlockTree {
        CmarkBlockTree(parsing: KramdownConverter.sourceBytes(text), shortening: shortening)
    }

    /// Documents whose long lines are shortened, each next to what cmark must still see in them.
    static let shortenedCases: [String] = [
        // a paragraph, then a setext heading whose text is long
        "Intro line that is long enough \(words)\nnext line\n\nTitle text \(words)\n=====\n",
        // an HTML comment block ending inside a long line, and one whose line holds no end
        "<!-- start\nsome comment text \(words) --> after \(words)\n\npara \(words)\n",
        "<!-- start\nsome comment text \(words)\nstill comment\n-->\n\npara \(words)\n",
        // `</script>` ends a type-1 HTML block in the middle of a long line
        "<script>\nvar x = 1; \(words) </script> tail words \(words)\n\npara \(words)\n",
        // a tilde fence whose info string is long, and a backtick fence with a backtick after prose
        "~~~ ruby \(words)\ncode \(words)\n~~~\n\n```\n\(words)```\n",
        "``` notfence \(words) ` more \(words)\ntext\n\npara \(words)\n",
        // lists, quotes and lazy lines with long items
        "- item one \(words)\n  continued \(words)\n- item two \(words)\n\n> quote \(words)\nlazy \(words)\n",
        "1. first \(words)\n2. second \(words)\n\n    indented code \(words)\n\nafter\n",
        // a heading, a thematic break made of many stars next to a long line
        "## Heading with a long title \(words) ##\n\n* * * * * * * * * * * * * * * * * * * * * * * *\ntext \(words)\n",
        // a tag with a long attribute list alone on its line (an HTML block of type 7)
        "<div class=\"x\"  data-a data-b data-c data-d data-e data-f data-g data-h data-i>\ntext \(words)\n\npara\n",
    ]

    @Test(arguments: shortenedCases)
    func sameTreeWhenShortened(_ text: String) throws {
        let source = KramdownConverter.sourceBytes(text)
        let shortened = try #require(BlockSkeleton.shortened(source), "nothing was shortened")
        #expect(shortened.bytes.count < source.count)
        #expect(shortened.bytes.count(where: { $0 == Byte.newline }) + shortened.dropped.reduce(0) { $0 + $1.lineCount }
                == source.count(where: { $0 == Byte.newline }))
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    /// The lines of a paragraph that may hold a definition are kept, the other lines not.
    @Test func aRunOfLinesWithALabelColonIsKept() throws {
        let label = "[\(String(repeating: "label words ", count: 90))]: /url\n"
        #expect(BlockSkeleton.shortened(KramdownConverter.sourceBytes(label + "\n[x]: /y\n")) == nil)
        let title = "[x]: /url \"title \(Self.words)\n\(Self.words) \" \(Self.words)\n"
        #expect(BlockSkeleton.shortened(KramdownConverter.sourceBytes(title)) == nil)
        let text = title + "\npara \(Self.words)\n"
        let shortened = try #require(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text)))
        #expect(String(decoding: shortened.bytes, as: UTF8.self).hasPrefix(title + "\npara "))
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    /// Paragraphs and headers of one line between blank lines are left out of cmark's source,
    /// and put back into its tree on their lines.
    @Test func oneLineBlocksBetweenBlankLinesAreLeftOut() throws {
        let text = "First words\n\n*Emphasis* first\n\n## Title\n\n`code` then\n\n- item\n\n#not a header\n\nlast line\n"
        let shortened = try #require(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text)))
        #expect(shortened.dropped.map(\.line) == [0, 2, 4, 6, 8])
        #expect(shortened.dropped.map(\.kind) == [.paragraph, .paragraph, .heading(level: 2), .paragraph, .tightList(marker: Byte.dash)])
        #expect(String(decoding: shortened.bytes, as: UTF8.self) == "#not a header\n\nlast line\n")
        let tree = Self.tree(text, shortening: true)
        #expect(tree == Self.tree(text, shortening: false))
        #expect(tree.blocks[tree.top].filter { $0.kind == .paragraph }.map(\.startLine) == [0, 2, 6, 10, 12])
        #expect(tree.blocks.filter { $0.kind == .heading }.map(\.headingLevel) == [2])
    }

    /// Lines left out inside a block after all (a comment), or after a lazy line of a list, give
    /// the same tree (the first parsed again).
    @Test(arguments: [
        "<!--\n\ninside the comment\n\n-->\n",
        "<!--\n\n```\nnot code\n```\n\n-->\n",
        "1. one\n2. two\nlazy\n\nkept\n\nleft out\n\n- three\n",
    ])
    func aLineLeftOutInsideABlockIsKept(_ text: String) {
        #expect(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text))?.dropped.isEmpty == false)
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    /// The first block that could be left out after a list, a quote or indented code is kept:
    /// it closes them in cmark's source too.
    @Test(arguments: [
        "- one\n  more\n\nbetween lists\n\n- two\n",
        "    code\n\nbetween codes\n\n    more code\n",
        "> quote\n\n# between quotes\n\n> more\n",
    ])
    func aBlockAfterAContainerIsKept(_ text: String) {
        #expect(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text)) == nil)
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    /// An HTML block that closes on its first line, right after a line left out: cmark ends
    /// it on the line before, in the source the line left out.
    @Test func anHTMLBlockAfterALineLeftOut() {
        let text = "Intro words\n\npara\n\n<!-- note -->\n\n- <!-- in a list -->\n"
        #expect(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text))?.dropped.isEmpty == false)
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    /// A paragraph of several lines (a table to kramdown) is left out whole; one with a line
    /// that could start another block is not.
    @Test func aParagraphOfSeveralLinesIsLeftOut() throws {
        let text = "| a | b |\n|---|---|\n| c | d |\n\nWords then\n- a list\n\nText\n===\n\nlast\n"
        let shortened = try #require(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text)))
        #expect(shortened.dropped == [BlockSkeleton.DroppedBlock(line: 0, lineCount: 4, kind: .paragraph)])
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    /// A block is left out with the blank line after it only when the next line is neither blank
    /// nor, after a list, one that continues it; the block after it may be left out in turn.
    @Test(arguments: [
        ("first line\n\n\nsecond line\n\nthird line\n", [3]),
        ("first line\n\nsecond line\n\n", [0]),
        ("first line\n\nsecond line\n\nthird line\n\nlast line\n", [0, 2, 4]),
        ("- a\n- b\n\n- c\n\nlast one\n\nleft out\n\nend line\n", [7]),
        ("- a\n- b\n\nafter the list\n\nend line\n", [0, 3]),
    ])
    func whatFollowsTheBlankLineDecides(_ text: String, _ droppedLines: [Int]) throws {
        let shortened = try #require(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text)))
        #expect(shortened.dropped.map(\.line) == droppedLines)
        // (lines too short for a stretch: the copy is the source without the blocks' lines, those
        // of blocks left out one after another cut at once)
        let leftOut = Set(shortened.dropped.flatMap { $0.line..<($0.line + $0.lineCount) })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.indices.filter { !leftOut.contains($0) }.map { lines[$0] }.joined(separator: "\n")
        #expect(String(decoding: shortened.bytes, as: UTF8.self) == kept)
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    /// A fence after a blank line is left out whole; the lines in it are not left out on their own.
    @Test func aFenceIsLeftOutWhole() throws {
        let text = "```ruby\ncode\n\nline in code\n  ````  \n\nafter\n\n~~~\n\nin code\n\n~~~~\n"
        let shortened = try #require(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text)))
        #expect(shortened.dropped == [BlockSkeleton.DroppedBlock(line: 0, lineCount: 6, kind: .fencedCode),
                                      BlockSkeleton.DroppedBlock(line: 6, lineCount: 2, kind: .paragraph)])
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    /// Fences closed by fewer or other characters, or by a line with more after them, or
    /// opened by a line with an info string of several words, give cmark's tree unchanged.
    @Test(arguments: [
        "````\ncode\n```\n\nafter\n\n````\n\nnext\n",
        "```\ncode\n~~~\n\nafter\n\n```\n\nnext\n",
        "```\ncode\n``` x\n\nafter\n\n```\n\nnext\n",
        "```\ncode\n    ```\n\nafter\n\n```\n\nnext\n",
        "```\ncode\n\t```\n\nafter\n\n```\n\nnext\n",
        "``` two words\ncode\n\nafter\n\n```\n\nnext\n",
        "<!--\n\n```\n-->\n```\n\nnext\n",
    ])
    func fencesAsCmarkReadsThem(_ text: String) {
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    /// The lines of a block that could be left out get their stretches only once it is kept
    /// (a fence or list followed by a line that keeps it, a paragraph at the end): kept, its
    /// long lines are shortened all the same; left out, none of its bytes are in the copy.
    @Test(arguments: [
        ("```\ncode \(BlockSkeletonTests.words)\nmore code \(BlockSkeletonTests.words)\n```\nafter\n", 2),
        ("- one \(BlockSkeletonTests.words)\n- two \(BlockSkeletonTests.words)\n  - nested \(BlockSkeletonTests.words)\nafter\n", 3),
        ("- one \(BlockSkeletonTests.words)\n- two \(BlockSkeletonTests.words)\n\n- three \(BlockSkeletonTests.words)\n", 3),
        ("First \(BlockSkeletonTests.words)\nsecond \(BlockSkeletonTests.words)\n\n", 2),
        ("```\ncode \(BlockSkeletonTests.words)\n```\n\n", 1),
    ])
    func aKeptBlockHasItsLinesShortened(_ text: String, _ shortenedLines: Int) throws {
        let source = KramdownConverter.sourceBytes(text)
        let shortened = try #require(BlockSkeleton.shortened(source))
        #expect(shortened.dropped.isEmpty)
        let copy = String(decoding: shortened.bytes, as: UTF8.self)
        #expect(copy.components(separatedBy: Self.words).count == 1)
        #expect(copy.components(separatedBy: " a ").count - 1 == shortenedLines, "\(copy)")
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    @Test func aLeftOutBlockLeavesNoStretch() throws {
        let text = "```\ncode \(Self.words)\n```\n\n- one \(Self.words)\n- two \(Self.words)\n\nlast \(Self.words)\n"
        let shortened = try #require(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text)))
        #expect(shortened.dropped.map(\.kind) == [.fencedCode, .tightList(marker: Byte.dash)])
        #expect(String(decoding: shortened.bytes, as: UTF8.self) == "last a \n")
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false))
    }

    @Test func aStretchIsWholeWordsWithoutAngleBracket() throws {
        let line = "0123456789abcdef start " + String(repeating: "word ", count: 10) + "x>y " + String(repeating: "tail ", count: 10)
        let shortened = try #require(BlockSkeleton.shortened(Bytes((line + "\n").utf8)))
        #expect(String(decoding: shortened.bytes, as: UTF8.self) == "0123456789abcdef a x>y " + String(repeating: "tail ", count: 10) + "\n")
    }

    @Test func shortLinesAndPrefixesWithTagsOrFencesAreKept() {
        #expect(BlockSkeleton.shortened(Bytes("short line\n".utf8)) == nil)
        let tagged = "<span>0123456789 " + String(repeating: "word ", count: 20) + "\n"
        #expect(BlockSkeleton.shortened(Bytes(tagged.utf8)) == nil)
        let fence = "```  0123456789 " + String(repeating: "word ", count: 20) + "\n"
        #expect(BlockSkeleton.shortened(Bytes(fence.utf8)) == nil)
        let coded = "`code` 0123456789 " + String(repeating: "word ", count: 20) + "\n"
        #expect(BlockSkeleton.shortened(Bytes(coded.utf8)) != nil)
    }

    /// Runs of words, with now and then a piece of block syntax, put into random lines of every
    /// document of the case corpus (a fixed seed): each document gives cmark's tree unchanged.
    @Test func sameTreeWithLongLinesPutIntoTheCorpus() throws {
        let pieces = ["beta*", "`x`", "-->", "<b>", "</script>", "[x]", "(y)", "==", "--", "#", "~~", "\\", "<",
                      "&amp;", "\"q\"", "\t", "|", "1.", ">", "]:", "[x]:", "\"", "'", "(", ")", "[^1]:"]
        var random = SeededRandom(seed: 11)
        var shortenedCount = 0
        for c in CaseCorpusTests.allCases() {
            let text = CaseCorpusTests.jekyllContent(try String(contentsOf: c.input, encoding: .utf8))
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for i in lines.indices where random.next() % 2 == 0 {
                let words = (0..<(5 + random.next() % 26)).map { _ in random.next() % 5 == 0 ? pieces[random.next() % pieces.count] : "word" }
                let at = lines[i].utf8.index(lines[i].utf8.startIndex, offsetBy: random.next() % (lines[i].utf8.count + 1))
                guard let cut = at.samePosition(in: lines[i]) else { continue }
                lines[i] = String(lines[i][..<cut]) + " " + words.joined(separator: " ") + " " + String(lines[i][cut...])
            }
            let variant = lines.joined(separator: "\n")
            if BlockSkeleton.shortened(KramdownConverter.sourceBytes(variant)) != nil { shortenedCount += 1 }
            #expect(Self.tree(variant, shortening: true) == Self.tree(variant, shortening: false), "\(c.description)")
        }
        #expect(shortenedCount > 150, "cases shortened: \(shortenedCount)")
    }

    /// A small deterministic generator (SplitMix64), so a failure can be run again.
    struct SeededRandom {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
    }

    /// Every document of the shared case corpus gives cmark's tree unchanged.
    @Test func sameTreeOverTheCorpus() throws {
        let cases = CaseCorpusTests.allCases()
        #expect(cases.count > 300)
        var shortenedCount = 0
        for c in cases {
            let text = CaseCorpusTests.jekyllContent(try String(contentsOf: c.input, encoding: .utf8))
            let source = KramdownConverter.sourceBytes(text)
            let shortened = BlockSkeleton.shortened(source)
            if shortened != nil { shortenedCount += 1 }
            // the same copy when the lines are given (the block builder's way)
            #expect(BlockSkeleton.shortened(source, laterLineStarts: SourceView(source, firstLine: 0).laterLineStarts) == shortened)
            #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false), "\(c.description)")
        }
        #expect(shortenedCount > 50, "cases shortened: \(shortenedCount)")
    }
}
