import Testing
import Liquid
@testable import Jekyll

@Suite struct FrontMatterTests {
    // Expected splits observed with Jekyll's own pattern in Ruby.
    @Test(arguments: [
        ("---\na: 1\n---\n\n\nbody\n", "---\na: 1\n", "body\n", 6),
        ("---\n---\nbody", "---\n", "body", 3),
        ("--- \n\na: 1\n... \n body", "--- \n\na: 1\n", " body", 5),
        ("---\na: 1\n---x\n---\nb", "---\na: 1\n---x\n", "b", 5),
        ("---\na: 1\n--- \t\n \nb", "---\na: 1\n", "b", 5),
        ("---\r\na: 1\r\n---\r\nb", "---\r\na: 1\r\n", "b", 4),
        ("---\na: 1\n---", "---\na: 1\n", "", 3),
        ("---\na\n---  \n  \n", "---\na\n", "", 5),
        // Scanned as bytes: text that is not ASCII, and a body starting with a lone `\r`.
        ("---\ntitle: é\n---\r\n\rbody ü", "---\ntitle: é\n", "\rbody ü", 4),
    ])
    func split(text: String, yaml: String, body: String, line: Int) throws {
        let split = try #require(FrontMatterSplit.split(text))
        #expect(String(split.yaml) == yaml)
        #expect(String(split.body) == body)
        #expect(split.bodyLine == line)
    }

    @Test(arguments: ["no front matter", "---", "---\nnever closed\n", "--- x\n---\n", "----\n---\n"])
    func noFrontMatter(text: String) {
        #expect(FrontMatterSplit.split(text) == nil)
    }

    @Test func firstLineTest() {
        #expect(FrontMatterSplit.hasFrontMatter(firstBytes: Array("---\n".utf8)))
        #expect(FrontMatterSplit.hasFrontMatter(firstBytes: Array("--- \r\nx".utf8)))
        #expect(!FrontMatterSplit.hasFrontMatter(firstBytes: Array("---".utf8)))
        #expect(!FrontMatterSplit.hasFrontMatter(firstBytes: Array("\u{FEFF}---\n".utf8)))
        #expect(!FrontMatterSplit.hasFrontMatter(firstBytes: Array("---x\n".utf8)))
    }

    /// Jekyll's `deep_merge_hashes`, in place and by copy: `other` wins, nested hashes merge, a
    /// nil in `other` keeps the old value, new keys come last in `other`'s order.
    @Test(arguments: [
        ([("a", Value.int(1)), ("b", .int(2))], [("b", Value.int(3)), ("c", .int(4))], [("a", Value.int(1)), ("b", .int(3)), ("c", .int(4))]),
        ([("a", .int(1))], [("a", .nil)], [("a", .int(1))]),
        ([("h", .hash(OrderedHash([("x", .int(1)), ("y", .int(2))])))], [("h", .hash(OrderedHash([("y", .int(3))])))],
         [("h", .hash(OrderedHash([("x", .int(1)), ("y", .int(3))])))]),
        ([("h", .hash(OrderedHash([("x", .int(1))])))], [("h", .string("s"))], [("h", .string("s"))]),
        ([], [("z", .nil)], [("z", .nil)]),
    ] as [([(String, Value)], [(String, Value)], [(String, Value)])])
    func deepMerge(base: [(String, Value)], other: [(String, Value)], expected: [(String, Value)]) {
        let original = OrderedHash(base)
        var merged = original
        merged.deepMerge(OrderedHash(other))
        #expect(merged == OrderedHash(expected))
        let keys: [String] = merged.keys.map(\.rubyString)
        #expect(keys == expected.map { pair in pair.0 })
        #expect(original.deepMerged(with: OrderedHash(other)) == OrderedHash(expected))
        #expect(original == OrderedHash(base))
    }
}
