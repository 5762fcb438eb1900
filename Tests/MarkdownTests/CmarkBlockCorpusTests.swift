import Foundation
import Testing
@testable import Markdown
import MarkdownHighlight

/// The case corpus again, with the block structure read from cmark-gfm's tree
/// (`KramdownOptions.blockSource = .cmark`) instead of kramdown's block grammar. Prints how many
/// cases come out byte for byte and how many blocks came from cmark's tree; fails when fewer cases
/// match than the floor below (raise it as the builder improves, until every case matches and the
/// cmark source becomes the default).
struct CmarkBlockCorpusTests {
    static let matchingFloor = 381

    static let converter: KramdownConverter = {
        var options = KramdownOptions()
        options.blockSource = .cmark
        return KramdownConverter(options: options, highlighter: RougeHighlighter())
    }()

    @Test func everyCaseThroughCmarkBlocks() throws {
        let cases = CaseCorpusTests.allCases()
        #expect(cases.count > 300, "the shared cases were not found at \(CaseCorpusTests.casesRoot.path)")
        var identical = 0
        var different: [String] = []
        var tally: CmarkBlockBuilder.BlockCounts? = CmarkBlockBuilder.BlockCounts()
        for c in cases {
            let input = try String(contentsOf: c.input, encoding: .utf8)
            let expected = try String(contentsOf: c.expected, encoding: .utf8)
            let actual = Self.converter.convert(CaseCorpusTests.jekyllContent(input), counts: &tally).html
            if actual == expected { identical += 1 } else { different.append(c.description) }
        }
        let counts = tally!
        print("cmark-fed blocks: \(identical)/\(cases.count) cases byte-identical; blocks from cmark's tree "
              + "\(counts.fromCmark), from kramdown's grammar \(counts.fromGrammar)")
        print("read by kramdown's grammar (element <- cmark node): "
              + counts.grammarReads.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        if ProcessInfo.processInfo.environment["KYLL_MARKDOWN_DUMP"] != nil {
            print("cmark-fed different: " + different.joined(separator: " "))
        }
        #expect(identical >= Self.matchingFloor, "cases differing: \(different.joined(separator: ", "))")
    }
}
