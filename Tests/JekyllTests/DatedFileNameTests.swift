import Testing
import Liquid
@testable import Jekyll

/// `YYYY-MM-DD-slug.ext` file names, read in place as bytes.
@Suite struct DatedFileNameTests {
    @Test func splitsDateSlugAndExtension() {
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
}
