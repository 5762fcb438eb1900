import Foundation
import Markdown
import Testing
import MarkdownHighlight

/// The shared Markdown cases (`../shared/markdown/cases/`, Jekyll 4.3.1's HTML for each input)
/// converted by kramdown-mode Markdown with this module's lexers plugged in: every page must come
/// out byte for byte, the code blocks and spans included.
@Suite struct MarkdownCaseTests {
    static let casesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/markdown/cases")

    /// `set/name` of every case with an input and Jekyll's output.
    static var cases: [String] {
        let fm = FileManager.default
        var names: [String] = []
        for set in ((try? fm.contentsOfDirectory(atPath: casesRoot.path)) ?? []).sorted() {
            let files = (try? fm.contentsOfDirectory(atPath: casesRoot.appendingPathComponent(set).path)) ?? []
            for file in files.sorted() where file.hasSuffix(".md") && files.contains(String(file.dropLast(3)) + ".html") {
                names.append(set + "/" + file.dropLast(3))
            }
        }
        return names
    }

    /// Jekyll hands kramdown the content without the blank lines at its start.
    static func content(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        while let f = lines.first, f.allSatisfy({ $0 == " " || $0 == "\t" }), lines.count > 1 { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    @Test func casesExist() {
        #expect(Self.cases.count > 300, "the shared cases were not found at \(Self.casesRoot.path)")
    }

    @Test func everyCaseIsIdentical() throws {
        let converter = KramdownConverter(options: KramdownOptions(), highlighter: RougeHighlighter())
        var differing: [String] = []
        var withCode = 0
        for name in Self.cases {
            let base = Self.casesRoot.appendingPathComponent(name)
            let input = try String(contentsOf: base.appendingPathExtension("md"), encoding: .utf8)
            let expected = try String(contentsOf: base.appendingPathExtension("html"), encoding: .utf8)
            if expected.contains("highlighter-rouge") { withCode += 1 }
            if converter.convert(Self.content(input)).html != expected { differing.append(name) }
        }
        print("markdown cases with Rouge: \(Self.cases.count - differing.count)/\(Self.cases.count) identical "
              + "(\(withCode) with highlighted code)")
        #expect(differing.isEmpty, "differ from Jekyll: \(differing.joined(separator: " "))")
    }
}
