import Testing
@testable import Markdown
import MarkdownHighlight

/// A list `BlockSkeleton` left out is put back marked (`CmarkBlock.shapedBySkeleton`), and the
/// block builder takes its items from cmark's items instead of collecting them by kramdown's
/// rules: the HTML is what kramdown's grammar alone makes of the same text.
struct SkeletonListItemsTests {
    static func html(_ text: String, _ source: KramdownOptions.BlockSource) -> String {
        var options = KramdownOptions()
        options.blockSource = source
        return KramdownConverter(options: options, highlighter: RougeHighlighter()).convert(text).html
    }

    static func shapedLists(_ text: String) -> Int {
        CmarkBlockTree(parsing: KramdownConverter.sourceBytes(text)).blocks.count(where: \.shapedBySkeleton)
    }

    @Test(arguments: [
        // one-line items, bullets and numbers (one to several digits), spans at the start
        ("Intro\n\n- one\n- *two* words\n- `three` here\n\nafter\n", 1),
        ("Intro\n\n1. one\n2. two\n10. ten\n\n# Next\n", 1),
        ("* a | pipe\n* __strong__ start\n* Ünïcode\n\nText\n", 1),
        // lists nested in items: in the middle, in the last item, of another bullet
        ("Intro\n\n- a\n  - n1\n  - n2\n- b\n  * n3\n\nafter\n", 3),
        ("Intro\n\n* a\n  + n1\n* b\n* c\n  - n2\n  - n3\n\n## Next\n", 3),
        // what follows the blank line is read by kramdown's rules: an end-of-block marker
        ("- a\n- b\n\n^\n\n- c\n  - d\n\n^\npara\n", 3),
        // trailing spaces; a nested item that opens with `[` keeps its list in cmark's source
        ("Intro\n\n- open\n- done  \n  - [ ] nested task\n  - *em* \n\nend\n", 0),
        ("Intro\n\n- open\n- done  \n  - nested *em*  \n\nend\n", 2),
    ])
    func itemsAsKramdownReadsThem(_ text: String, _ lists: Int) {
        #expect(Self.shapedLists(text) == lists)
        #expect(Self.html(text, .cmark) == Self.html(text, .kramdownGrammar))
    }
}
