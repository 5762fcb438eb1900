import Foundation
import Liquid
import Testing
@testable import Jekyll

/// Front matter merged into an item's data pair by pair as it is read must give the data that
/// merging the front matter's own hash gives, and what cannot be merged that way must be refused.
@Suite struct FrontMatterMergingTests {
    /// Data before the front matter (what the path and defaults gave) and front matter texts.
    static let known = OrderedHash([
        ("draft", .bool(false)), ("categories", .array([.string("blog")])), ("layout", .string("post")),
        ("meta", .hash(OrderedHash([("a", .int(1)), ("b", .int(2))]))), ("kept", .string("old")),
    ])

    static let plain = [
        "---\ntitle: x\ndate: 2014-01-01 13:13:00 +0000\ncategories: [life, blog, life]\ntags: [css, go]\n---\nbody",
        "---\ncategories: life  work\nlayout: page\n---\n",
        "---\nmeta: {b: 3, c: 4}\nkept: ~\nnew: ~\n---\nbody",
        "---\nmeta: [not, a, hash]\ncategories: ~\ndate: 2020-02-03\n---\n",
        "---\ncategories: {x: 1}\n---\n", "---\n---\nbody", "no front matter",
    ]

    static let notMerged = [
        "---\n- a list\n---\nbody", "---\njust text\n---\n", "---\na: &x {b: 1}\nc: *x\n---\n",
        "---\n<<: {a: 1}\n---\n", "---\na: [1\n---\n", "---\na: 1\na: 2\n---\n",
    ]

    static func reader() -> DocumentReader { HeadReadingTests.reader() }

    @Test(arguments: plain)
    func mergingAsReadGivesTheMergedFrontMatter(text: String) throws {
        let reader = Self.reader()
        let merge = DataMerge(path: "x.md", displayPath: "x.md", collectionLabel: "posts", clock: reader.clock)
        try HeadReadingTests.withFile(Array(text.utf8)) { path in
            var expected = Self.known
            let parsed = try #require(reader.parseFromHead(path: path, displayPath: "x.md"))
            if parsed.hadFrontMatter { try merge.merge(&expected, parsed.data, source: DataMerge.frontMatter, reader: reader) }

            var data = Self.known
            var mergedDate = false
            let read = try #require(reader.readMergingFrontMatter(path: path, into: &data, mergedDate: &mergedDate))
            if mergedDate { try merge.readDate(&data, source: DataMerge.frontMatter, reader: reader) }
            #expect(mergedDate == (parsed.data["date"] != nil))
            #expect(data == expected && data.keys == expected.keys)
            #expect(Value.hash(data).inspect == Value.hash(expected).inspect)
            #expect(read.body == parsed.body && read.bodyLine == parsed.bodyLine)
        }
    }

    @Test(arguments: notMerged)
    func frontMatterThatIsNotAPlainMappingIsNotMerged(text: String) throws {
        let reader = Self.reader()
        try HeadReadingTests.withFile(Array(text.utf8)) { path in
            var data = Self.known
            var mergedDate = false
            #expect(reader.readMergingFrontMatter(path: path, into: &data, mergedDate: &mergedDate) == nil)
        }
    }

    /// Categories joined to none known (the usual post's) are the list without its repeats.
    @Test(arguments: [(["a", "b", "a"], ["a", "b"]), (["a", "b"], ["a", "b"]), ([], []), (["x", "x"], ["x"])])
    func categoriesJoinedToNoneLoseTheirRepeats(given: [String], expected: [String]) throws {
        let reader = Self.reader()
        let merge = DataMerge(path: "x.md", displayPath: "x.md", collectionLabel: "posts", clock: reader.clock)
        let categories = Value.array(given.map(Value.string))
        var merged = OrderedHash([("categories", .array([]))])
        try merge.merge(&merged, OrderedHash([("categories", categories)]), source: DataMerge.frontMatter, reader: reader)
        #expect(merged["categories"] == .array(expected.map(Value.string)))
        var paired = OrderedHash([("categories", .array([]))])
        DataMerge.mergePair(&paired, key: "categories", value: categories)
        #expect(paired["categories"] == .array(expected.map(Value.string)))
    }

    /// A post's document is the same whether its front matter is merged as it is read (a build) or
    /// parsed on its own first (`kyll serve`, whose cache keeps it), and when it is not plain:
    /// an alias, a repeated key (the last one counts, so what a pair by pair merge took of the first
    /// must not stay) and YAML that fails after a good pair (no front matter at all).
    @Test(arguments: plain + ["---\nbase: &b {x: 1}\nmore: *b\ncategories: solo\n---\nbody",
                              "---\nmeta: {b: 3}\nmeta: {c: 4}\n---\nbody",
                              "---\ntitle: t\nbad: [1\n---\nbody"])
    func anItemIsTheSameEitherWay(text: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-merge-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/_posts", withIntermediateDirectories: true)
        let path = folder + "/_posts/2020-01-02-a-post.md"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        let defaults: Value = .array([.hash(OrderedHash([
            ("scope", .hash(OrderedHash([("path", .string("")), ("type", .string("posts"))]))),
            ("values", .hash(OrderedHash([("categories", .array([.string("news")])), ("kept", .string("default")),
                                          ("meta", .hash(OrderedHash([("a", .int(1))])))]))),
        ]))])
        let clock = SiteClock(identifier: "UTC")
        let site = Site(configuration: Configuration(hash: OrderedHash([("source", .string(folder)), ("defaults", defaults)])),
                        clock: clock, time: clock.now(), logger: Logger(level: .info) { _, _ in }, theme: nil)
        let posts = CollectionInfo(label: "posts", metadata: OrderedHash([("output", .bool(true))]))
        var reader = site.documentReader
        reader.sources = nil
        let built = try reader.makeItem(path: path, collection: posts).document
        reader.sources = SourceCache()
        let served = try reader.makeItem(path: path, collection: posts).document
        #expect(built.data == served.data && built.data.keys == served.data.keys)
        #expect(Value.hash(built.data).inspect == Value.hash(served.data).inspect)
        #expect(built.content == served.content && built.contentLine == served.contentLine)
        #expect(built.url == served.url)
    }
}
