import Testing
@testable import Markdown

/// A paragraph or header from cmark keeps its raw text on itself (`spansPending`) until the tree
/// pass; the block grammar's rules that read or extend the text get it as the usual child.
struct PendingRawTextTests {
    static let source = Bytes("first line\nsecond\n".utf8)

    @Test func theRawTextChildIsMadeFromThePendingText() {
        let p = Element(.p)
        p.line = 4
        p.setPendingSpans(Self.source, 0..<10)
        #expect(p.spansPending && p.children.isEmpty)
        let raw = p.rawTextChild()
        #expect(raw?.kind == .rawText && raw?.value == "first line" && raw?.line == 4)
        #expect(!p.spansPending && p.value == "" && p.children.count == 1)
        #expect(p.rawTextChild() === raw, "made once")
    }

    @Test(arguments: [
        ("## Title ##\n", "Title"), ("## Title#\n", "Title#"), ("# a \t##  \n", "a"),
        ("### C# and F#\n", "C# and F#"), ("## Title {#custom}\n", "Title"), ("## x }\n", "x }"),
    ])
    func atxHeaderText(line: String, text: String) {
        let bytes = Bytes(line.utf8)
        #expect(BlockParser.gfmATXHeader(bytes, 0)?.text(in: bytes) == text)
    }

    @Test func pendingParagraphsAndHeadersConvert() {
        var options = KramdownOptions()
        options.input = .gfm
        let html = KramdownConverter(options: options).convert("## Title ##\n\nSome *text*\nand more.\n\n- [x] done\n- item\n").html
        #expect(html == """
            <h2 id="title">Title</h2>

            <p>Some <em>text</em>
            and more.</p>

            <ul class="task-list">
              <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />done</li>
              <li class="task-list-item">item</li>
            </ul>

            """)
    }
}
