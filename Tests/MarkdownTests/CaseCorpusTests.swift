import Foundation
import Testing
@testable import Markdown
import MarkdownHighlight

/// Every case in `../shared/markdown/cases/`: the Markdown input and the HTML Jekyll 4.3.1 made of
/// it as a page with `layout: null`. Jekyll's front-matter reader drops the blank lines at the start
/// of the content, so the input is converted without them. Code is highlighted by the Highlight
/// module (as Jekyll's Rouge highlights it), and every case must come out byte for byte.
struct CaseCorpusTests {
    static let casesRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/markdown/cases")

    struct Case: CustomStringConvertible {
        var set: String
        var name: String
        var input: URL
        var expected: URL
        var description: String { "\(set)/\(name)" }
    }

    static func allCases() -> [Case] {
        let fm = FileManager.default
        var result: [Case] = []
        guard let sets = try? fm.contentsOfDirectory(atPath: casesRoot.path) else { return [] }
        for set in sets.sorted() {
            let dir = casesRoot.appendingPathComponent(set)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue,
                  let files = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
            for f in files.sorted() where f.hasSuffix(".md") {
                let name = String(f.dropLast(3))
                result.append(Case(set: set, name: name, input: dir.appendingPathComponent(f),
                                   expected: dir.appendingPathComponent(name + ".html")))
            }
        }
        // the loose probe at the top of cases/
        let probe = casesRoot.appendingPathComponent("ids_probe.md")
        if fm.fileExists(atPath: probe.path) {
            result.append(Case(set: "probe", name: "ids_probe", input: probe,
                               expected: casesRoot.appendingPathComponent("ids_probe.html")))
        }
        return result
    }

    /// What Jekyll hands the converter: the content without its leading blank lines.
    static func jekyllContent(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        while let f = lines.first, f.allSatisfy({ $0 == " " || $0 == "\t" }), lines.count > 1 { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// `identicalExceptCodeSpans` names a difference inside highlighted code only (a Highlight
    /// module matter); it still fails the test, but the report says where to look.
    enum Verdict: String { case identical, identicalExceptCodeSpans, different }

    static func verdict(_ actual: String, _ expected: String) -> Verdict {
        if actual == expected { return .identical }
        if CodeSpanText.strip(actual) == CodeSpanText.strip(expected) { return .identicalExceptCodeSpans }
        return .different
    }

    static let converter = KramdownConverter(highlighter: RougeHighlighter())

    @Test func everyCase() throws {
        let cases = Self.allCases()
        #expect(cases.count > 300, "the shared cases were not found at \(Self.casesRoot.path)")
        var counts: [String: [Verdict: Int]] = [:]
        var different: [String] = []
        let dump = ProcessInfo.processInfo.environment["KYLL_MARKDOWN_DUMP"]
        for c in cases {
            let input = try String(contentsOf: c.input, encoding: .utf8)
            let expected = try String(contentsOf: c.expected, encoding: .utf8)
            if ProcessInfo.processInfo.environment["KYLL_MARKDOWN_TRACE"] != nil {
                FileHandle.standardError.write((c.description + "\n").data(using: .utf8)!)
            }
            let actual = Self.converter.convert(Self.jekyllContent(input)).html
            let v = Self.verdict(actual, expected)
            counts[c.set, default: [:]][v, default: 0] += 1
            if v != .identical { different.append(c.description + (v == .different ? "" : " (in code spans)")) }
            if let dump {
                let dir = URL(fileURLWithPath: dump).appendingPathComponent(c.set)
                try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                try? actual.write(to: dir.appendingPathComponent(c.name + ".html"), atomically: false, encoding: .utf8)
            }
        }
        var report = "markdown cases:"
        for (set, c) in counts.sorted(by: { $0.key < $1.key }) {
            report += " \(set) \(c[.identical] ?? 0)+\(c[.identicalExceptCodeSpans] ?? 0)/\((c.values.reduce(0, +)))"
        }
        print(report)
        if dump != nil { print("different: " + different.joined(separator: " ")) }
        let known = Set(KnownDifferences.cases)
        let unexpected = different.filter { !known.contains($0) }
        #expect(unexpected.isEmpty, "cases that differ from Jekyll: \(unexpected.joined(separator: ", "))")
    }
}
