import CCmarkGFM
import Testing
@testable import Markdown

/// cmark's parses take an arena from a fixed set (`CmarkArena`); one started while all are taken
/// uses cmark's own allocator. Either way the block tree is the same, for documents that fit in
/// an arena's first chunk and for ones that need more.
struct CmarkArenaTests {
    /// Runs `body` inside `depth` nested `withArena` calls; counts the levels given cmark's own
    /// allocator.
    private func nested(_ depth: Int, fallbacks: inout Int, _ body: () -> Void) {
        guard depth > 0 else { return body() }
        CmarkArena.withArena { memory in
            if memory == cmark_get_default_mem_allocator() { fallbacks += 1 }
            nested(depth - 1, fallbacks: &fallbacks, body)
        }
    }

    private static let documents: [String] = {
        let prose = "A paragraph of words that runs on for a while, *with* spans and `code`.\n"
        let small = "# Title\n\n" + prose + "\n- one\n- two\n\n> quoted\n> text\n\n```swift\nlet x = 1\n```\n"
        // well past one 256 KB chunk, with long lines that grow a paragraph's buffer many times
        var large = ""
        for i in 0..<4_000 {
            large += "## Part \(i)\n\n" + String(repeating: prose, count: 3) + "\n1. item\n2. item\n\n"
        }
        return [small, large]
    }()

    @Test(arguments: documents.indices)
    func nestedAndFallbackParsesGiveTheSameTree(_ index: Int) {
        let source = Array(Self.documents[index].utf8)
        let plain = CmarkBlockTree(parsing: source)
        #expect(!plain.blocks.isEmpty)
        var fallbacks = 0
        var inner: CmarkBlockTree? = nil
        // one level more than there are arenas: the innermost parse, at least, has none
        nested(CmarkArena.arenaCount + 1, fallbacks: &fallbacks) {
            inner = CmarkBlockTree(parsing: source)
        }
        #expect(fallbacks >= 1)
        #expect(inner == plain)
        // and again once every arena is back
        #expect(CmarkBlockTree(parsing: source) == plain)
    }
}
