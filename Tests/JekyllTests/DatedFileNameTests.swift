import Testing
import Liquid
@testable import Jekyll

/// `YYYY-MM-DD-slug.ext` file names, read in place as bytes.
@Suite struct DatedFileNameTests {
    @Test func splitsDateSlugAndExtension() {
        #expect(DocumentReader.isDatedFileName("2014-01-02-tour-pipeline.md"))
        let parts = DocumentReader.datedFileName("2014-01-02-tour-pipeline.md")
        #expect(parts?.date == "2014-01-02")
        #expect(parts?.slug == "tour-pipeline")
        #expect(parts?.ext == ".md")
        // The last dot starts the extension; short year, month and day digits are allowed.
        let short = DocumentReader.datedFileName("14-1-2-a.b.markdown")
        #expect(short?.date == "14-1-2")
        #expect(short?.slug == "a.b")
        #expect(short?.ext == ".markdown")
        #expect(DocumentReader.datedFileName("2014-01-02-ça-va.md")?.slug == "ça-va")
    }

    @Test(arguments: ["2014-01-02-slug", "2014-01-02-slug.", "20145-01-02-x.md", "2014-001-02-x.md",
                      "2014-01-02.md", "about.md", "", "2014-01-02-"])
    func rejects(name: String) {
        #expect(DocumentReader.datedFileName(name) == nil)
        #expect(!DocumentReader.isDatedFileName(name))
    }
}

/// A post's `tags`/`categories` lists: nils dropped and nested lists flattened, a flat list kept as it is.
@Suite struct PostListTests {
    @Test func flattensAndCompacts() {
        let flat: [Value] = [.string("a"), .int(1), .bool(false)]
        #expect(DocumentReader.flattenCompact(flat) == flat)
        #expect(DocumentReader.flattenCompact([]) == [])
        let nested: [Value] = [.string("a"), .nil, .array([.string("b"), .array([.nil, .string("c")])]), .string("d")]
        #expect(DocumentReader.flattenCompact(nested) == [.string("a"), .string("b"), .string("c"), .string("d")])
        #expect(DocumentReader.flattenCompact([.nil]) == [])
    }

    /// The lists populating a post leaves as they are (its steps would set them to themselves).
    @Test func listsKeptAsTheyAre() {
        func data(_ pairs: [(String, Value)]) -> OrderedHash { OrderedHash(pairs) }
        let strings: Value = .array([.string("a"), .string("b")])
        #expect(DocumentReader.holdsFlatList(data([("tags", strings)]), singular: "tag", plural: "tags"))
        #expect(DocumentReader.holdsFlatList(data([("tags", .array([.int(1), .string("a")]))]), singular: "tag", plural: "tags"))
        #expect(!DocumentReader.holdsFlatList(data([("tags", .array([.nil]))]), singular: "tag", plural: "tags"))
        #expect(!DocumentReader.holdsFlatList(data([("tags", .string("a b"))]), singular: "tag", plural: "tags"))
        #expect(!DocumentReader.holdsFlatList(data([("tag", .string("x")), ("tags", strings)]), singular: "tag", plural: "tags"))
        #expect(DocumentReader.holdsFlatList(data([("tag", .bool(false)), ("tags", strings)]), singular: "tag", plural: "tags"))
        #expect(!DocumentReader.holdsFlatList(data([]), singular: "tag", plural: "tags"))

        #expect(DocumentReader.holdsDistinctStrings(data([("categories", strings)]), singular: "category", plural: "categories"))
        #expect(DocumentReader.holdsDistinctStrings(data([("categories", .array([]))]), singular: "category", plural: "categories"))
        #expect(!DocumentReader.holdsDistinctStrings(data([("categories", .array([.string("a"), .string("a")]))]),
                                                     singular: "category", plural: "categories"))
        #expect(!DocumentReader.holdsDistinctStrings(data([("categories", .array([.int(1)]))]), singular: "category", plural: "categories"))
        #expect(!DocumentReader.holdsDistinctStrings(data([("category", .string("x")), ("categories", strings)]),
                                                     singular: "category", plural: "categories"))
    }
}
