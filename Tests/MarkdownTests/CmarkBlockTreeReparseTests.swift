import Testing
@testable import Markdown

/// cmark parses the shortened source once, and again only when a block left out may be inside
/// an HTML block that ends on a marker line (which cmark ends a line early).
struct CmarkBlockTreeReparseTests {
    static func parses(_ text: String) -> Int {
        let source = KramdownConverter.sourceBytes(text)
        let (tree, parses) = CmarkBlockTree.parsed(source)
        #expect(tree == CmarkBlockTree(parsing: source, shortening: false), "\(text)")
        return parses
    }

    /// HTML blocks that end before a blank line, then text left out: one parse.
    @Test(arguments: [
        "<div>\ntext\n</div>\n\nPara left out\n\nlast\n",
        "<img src=\"x.png\">\n\nPara left out\n\n## Header\n\nlast\n",
        "  <p>\nindented\n\n- item\n\nlast\n",
        "<section class=\"pre\">\n\nPara\n\nlast\n",
        "<prefix>\n\nPara\n\nlast\n",
    ])
    func blocksThatEndBeforeABlankLineNeedOneParse(_ text: String) {
        #expect(Self.parses(text) == 1)
    }

    /// HTML blocks that end on a marker line (comments, processing instructions, declarations,
    /// CDATA, `script`, `pre`, `style`, `textarea`) with text after them that would be left out:
    /// the text may be in the block, so cmark parses again (or the block ended in time).
    @Test(arguments: [
        "<!-- note\n\nPara\n\n-->\n\nlast\n", "<?php\n\nPara\n\n?>\n\nlast\n", "<!DOCTYPE\n\nPara\n\n>\n\nlast\n",
        "<![CDATA[\n\nPara\n\n]]>\n\nlast\n", "<script>\n\nPara\n\n</script>\n\nlast\n",
        "<PRE\n\nPara\n\n</pre>\n\nlast\n", "<style>\n\nPara\n\n</style>\n\nlast\n",
    ])
    func blocksThatEndOnAMarkerLineAreParsedAgain(_ text: String) {
        #expect(Self.parses(text) == 2)
    }
}
