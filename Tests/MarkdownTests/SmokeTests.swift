import Testing
@testable import Markdown

struct SmokeTests {
    @Test func paragraph() {
        #expect(convert("Hello *world*\n") == "<p>Hello <em>world</em></p>\n")
    }
}

import Foundation
/// Converts the file named by KYLL_MARKDOWN_INPUT and prints the HTML (a debugging aid).
struct AdHocConversion {
    @Test func convertNamedFile() throws {
        guard let path = ProcessInfo.processInfo.environment["KYLL_MARKDOWN_INPUT"] else { return }
        let s = try String(contentsOfFile: path, encoding: .utf8)
        print("<<<" + convert(CaseCorpusTests.jekyllContent(s)) + ">>>")
    }
}

struct AdHocCommonMark {
    @Test func convertNamedFileCommonMark() throws {
        guard let path = ProcessInfo.processInfo.environment["KYLL_COMMONMARK_INPUT"] else { return }
        let s = try String(contentsOfFile: path, encoding: .utf8)
        let flavor: CommonMarkConverter.Flavor = ProcessInfo.processInfo.environment["KYLL_GHPAGES"] != nil ? .gitHubPages : .commonMark
        print("<<<" + CommonMarkConverter(flavor: flavor).convert(s) + ">>>")
    }
}
