import Foundation
import Testing
@testable import Markdown

/// The `kramdown:` options Jekyll passes: each input of `Fixtures/kramdown_options_oracle.rb` with
/// its settings, against the HTML Jekyll's kramdown converter made (`kramdown_options_expected.json`).
/// Highlighted code is compared without Rouge's token spans, which the Highlight module supplies.
struct KramdownOptionTests {
    /// A JSON value read into the option values `KramdownOptions(config:)` takes.
    struct Setting: Decodable {
        var value: OptionValue
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { value = .null }
            else if let b = try? c.decode(Bool.self) { value = .bool(b) }
            else if let i = try? c.decode(Int.self) { value = .int(i) }
            else if let s = try? c.decode(String.self) { value = .string(s) }
            else if let a = try? c.decode([Setting].self) { value = .array(a.map(\.value)) }
            else { value = .map(try c.decode([String: Setting].self).mapValues(\.value)) }
        }
    }

    struct Fixture: Decodable, CustomStringConvertible {
        var name: String
        var kramdown: [String: Setting]
        var markdown: String
        var html: String
        var description: String { name }
    }

    static let fixtures: [Fixture] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/kramdown_options_expected.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Fixture].self, from: data)) ?? []
    }()

    @Test func fixturesAreThere() {
        #expect(Self.fixtures.count >= 20)
    }

    @Test(arguments: fixtures)
    func matchesJekyllKramdown(_ f: Fixture) {
        let options = KramdownOptions(config: f.kramdown.mapValues(\.value))
        let html = KramdownConverter(options: options).convert(f.markdown).html
        if html != f.html {
            #expect(CodeSpanText.strip(html) == CodeSpanText.strip(f.html), "\(f.name)")
        }
    }
}
