import Testing
@testable import Markdown

/// Lists of one-line items between blank lines are left out of cmark's source (`BlockSkeleton`)
/// and put back into its tree (`CmarkBlockTree`) as cmark builds them: a list, an item on each
/// line, a paragraph in each item.
struct BlockSkeletonListTests {
    static func tree(_ text: String, shortening: Bool) -> CmarkBlockTree {
        CmarkBlockTree(parsing: KramdownConverter.sourceBytes(text), shortening: shortening)
    }

    static func dropped(_ text: String) -> [BlockSkeleton.DroppedBlock] {
        BlockSkeleton.shortened(KramdownConverter.sourceBytes(text))?.dropped ?? []
    }

    /// Lists left out, each with what is left of the source.
    @Test(arguments: [
        ("- one\n- *two* words\n- `three`\n\nafter\n", "after\n"),
        ("Intro\n\n1. one\n2. two\n10. ten\n\n# Next\n", "# Next\n"),
        ("* one\n* two\n\nText\n\n+ three\n\nEnd\n", "End\n"),
        ("3) one\n4) two\n\n<div>\n", "<div>\n"),
        ("- über\n- | pipe | cell |\n- __strong__ start\n\n```\ncode\n```\n", "```\ncode\n```\n"),
        // a list after a list left out: the first one is closed in the source too
        ("- a\n- b\n\nPara\n\n- c\n\nlast\n", "last\n"),
        // lists nested in items, one line an item
        ("- a\n  - n1\n  - n2\n- b\n  * n3\n\nafter\n", "after\n"),
        ("Intro\n\n* a\n  + n1\n* b\n* c\n  - n2\n\n## Next\n", "## Next\n"),
    ])
    func aTightListIsLeftOut(_ text: String, _ rest: String) throws {
        let shortened = try #require(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text)))
        #expect(String(decoding: shortened.bytes, as: UTF8.self) == rest)
        #expect(shortened.dropped.contains { if case .tightList = $0.kind { true } else { false } })
        let tree = Self.tree(text, shortening: true)
        #expect(tree == Self.tree(text, shortening: false))
    }

    /// The items and their paragraphs put back, breadth first, with the list's kind.
    @Test func theListIsPutBackAsCmarkBuildsIt() throws {
        let text = "Intro\n\n2) one\n3) two\n\nafter\n"
        #expect(Self.dropped(text).map(\.kind).last == .tightList(marker: Byte.rparen))
        let tree = Self.tree(text, shortening: true)
        #expect(tree == Self.tree(text, shortening: false))
        let list = try #require(tree.blocks[tree.top].first { $0.kind == .list })
        #expect(list.ordered && list.parenDelimiter && list.startLine == 2 && list.endLine == 3)
        #expect(tree.blocks[list.children].map(\.kind) == [.item, .item])
        #expect(tree.blocks[list.children].flatMap { tree.blocks[$0.children].map(\.kind) } == [.paragraph, .paragraph])
    }

    /// Lists that are not left out: a line that is no one-line item of the same list, a line
    /// after the blank one that could continue the list, a list after an open container or at
    /// the end, a list in a fence — each gives cmark's tree unchanged.
    @Test(arguments: [
        // a lazy line, an indented line, another bullet, an empty item
        "- one\nlazy\n\nafter\n", "- one\n  more\n\nafter\n",
        "- one\n* two\n\nafter\n", "1. one\n2) two\n\nafter\n", "- one\n-\n\nafter\n",
        // item text that opens another block: HTML, a header, a rule, a fence, indented code, a quote
        "- <div>\n- two\n\nafter\n", "- # head\n\nafter\n", "- * * *\n\nafter\n", "- ```x\n\nafter\n",
        "-     code\n\nafter\n", "- > quote\n\nafter\n", "- [x]: /url\n\nafter\n", "-\ttab\n\nafter\n",
        // ten digits make no number; a list followed by an item, an indented line or a quote
        "1234567890. one\n\nafter\n", "- one\n\n- two\n\nafter\n", "- one\n\n  more\n\nafter\n",
        "- one\n\n> quote\n\nafter\n", "1. one\n\n2. two\n\nafter\n", "- one\n\n\nafter\n",
        // a blank line of spaces after the list, which cmark ends there (found by the fuzz target)
        "- one\n \nafter\n", "- a\n  - n\n  \nafter\n", "1. first prose \n \n-: three`\n\nText after\n\n1. x\n",
        // after a list, indented code or a quote; at the end of the text; in a fence
        "- x\n\n- one\n\nafter\n", "    code\n\n- one\n\nafter\n", "> q\n\n- one\n\nafter\n", "Text\n\n- one\n- two\n",
        "```\n\n- one\n\n```\n\nafter\n",
        // a label colon in the list's lines
        "- one]: two\n\nafter\n",
        // nested lists of another shape: two in one item, deeper, ordered, in an ordered list,
        // three spaces in, a nested item that opens another block, a line of a third level
        "- a\n  - n\n  * m\n\nafter\n", "- a\n    - deep\n\nafter\n", "- a\n  1. n\n\nafter\n",
        "1. a\n  - n\n\nafter\n", "- a\n   - n\n\nafter\n", "- a\n  - <b>n</b>\n\nafter\n",
        "- a\n  - n\n    - deeper\n\nafter\n", "- a\n  - n\n  lazy\n\nafter\n",
    ])
    func aListThatIsNoTightListIsKept(_ text: String) {
        #expect(!Self.dropped(text).contains { $0.kind.isList }, "\(text)")
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false), "\(text)")
    }

    /// A nested list put back: in its item after the item's paragraph, an item on each line.
    @Test func aNestedListIsPutBackInItsItem() throws {
        let text = "Intro\n\n- a\n  - n1\n  - n2\n- b\n\nafter\n"
        let shortened = try #require(BlockSkeleton.shortened(KramdownConverter.sourceBytes(text)))
        #expect(shortened.nestedItemLines == [3, 4])
        let tree = Self.tree(text, shortening: true)
        #expect(tree == Self.tree(text, shortening: false))
        let list = try #require(tree.blocks[tree.top].first { $0.kind == .list })
        let first = tree.blocks[list.children.lowerBound]
        #expect(first.startLine == 2 && first.endLine == 4)
        #expect(tree.blocks[first.children].map(\.kind) == [.paragraph, .list])
    }

    /// A list left out inside an HTML block after all (one that ends on a marker line, or one
    /// that ends before a blank line): cmark's tree unchanged.
    @Test(arguments: [
        "<!--\n\n- one\n\n-->\n\nafter\n", "<script>\n\n- one\n- two\n\n</script>\n\nafter\n",
        "<div>\n\n- one\n\nafter\n", "<div>\n- one\n\nafter\n",
    ])
    func aListInOrAfterAnHTMLBlock(_ text: String) {
        #expect(Self.tree(text, shortening: true) == Self.tree(text, shortening: false), "\(text)")
    }
}
