import Foundation
import Testing
@testable import Markdown

/// `markdown: CommonMark`: each input of `Fixtures/commonmark_oracle.rb`, with its `commonmark:`
/// options and extensions, against the HTML jekyll-commonmark made of it (`commonmark_expected.json`).
/// Code blocks in a language Rouge knows are compared without Rouge's token spans, which the
/// Highlight module supplies.
struct CommonMarkTests {
    struct Fixture: Decodable, CustomStringConvertible {
        var name: String
        var options: [String]
        var extensions: [String]
        var markdown: String
        var html: String
        var description: String { name }
    }

    static let fixtures: [Fixture] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/commonmark_expected.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Fixture].self, from: data)) ?? []
    }()

    @Test func fixturesAreThere() {
        #expect(Self.fixtures.count >= 40)
    }

    @Test(arguments: fixtures)
    func matchesJekyllCommonMark(_ f: Fixture) {
        let html = CommonMarkConverter(flavor: .commonMark, options: f.options, extensions: f.extensions).convert(f.markdown)
        if html != f.html {
            #expect(CodeSpanText.strip(html) == CodeSpanText.strip(f.html), "\(f.name)")
        }
    }
}
