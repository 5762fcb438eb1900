import Foundation
import Testing
@testable import Markdown
import MarkdownHighlight

/// The case corpus through each block source for GFM input: cmark-gfm's tree checked against
/// kramdown's rules (`.cmark`, the default, which `CaseCorpusTests` also runs) and kramdown's block
/// grammar alone (`.kramdownGrammar`). Prints how many cases come out byte for byte and, for the
/// cmark source, how many blocks came from cmark's tree and what kramdown's grammar read in its
/// place (element kind `<-` the cmark node that started on that line, if any). Every case must match.
struct CmarkBlockCorpusTests {
    /// Blocks of the corpus taken from cmark's tree now (12,327 of 13,470); raise it as more are.
    static let cmarkBlocksFloor = 12_300

    static func converter(_ source: KramdownOptions.BlockSource) -> KramdownConverter {
        var options = KramdownOptions()
        options.blockSource = source
        return KramdownConverter(options: options, highlighter: RougeHighlighter())
    }

    @Test(arguments: [KramdownOptions.BlockSource.cmark, .kramdownGrammar])
    func everyCase(through source: KramdownOptions.BlockSource) throws {
        let cases = CaseCorpusTests.allCases()
        #expect(cases.count > 300, "the shared cases were not found at \(CaseCorpusTests.casesRoot.path)")
        let converter = Self.converter(source)
        var identical = 0
        var different: [String] = []
        var tally: CmarkBlockBuilder.BlockCounts? = CmarkBlockBuilder.BlockCounts()
        for c in cases {
            let input = try String(contentsOf: c.input, encoding: .utf8)
            let expected = try String(contentsOf: c.expected, encoding: .utf8)
            let actual = converter.convert(CaseCorpusTests.jekyllContent(input), counts: &tally).html
            if actual == expected { identical += 1 } else { different.append(c.description) }
        }
        print("blocks from \(source): \(identical)/\(cases.count) cases byte-identical")
        if source == .cmark, let counts = tally {
            print("blocks from cmark's tree \(counts.fromCmark), from kramdown's grammar \(counts.fromGrammar); "
                  + "read by the grammar (element <- cmark node): "
                  + counts.grammarReads.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                      .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            // a builder that quietly handed everything to the grammar would still match every case
            #expect(counts.fromCmark >= Self.cmarkBlocksFloor, "blocks from cmark's tree: \(counts.fromCmark)")
        }
        #expect(different.isEmpty, "cases differing: \(different.joined(separator: ", "))")
    }
}
