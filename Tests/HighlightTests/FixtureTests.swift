import Foundation
import Testing
@testable import Highlight

/// The differential fixtures: `Fixtures/samples/LANG/NAME` highlighted with the lexer for `LANG`
/// must equal `NAME.html`, which `Fixtures/generate.rb` wrote with Rouge 3.30.
enum Fixtures {
    /// Appended to a sample's name to name Rouge's expected output.
    static let expectedSuffix = ".rouge.html"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/samples")

    static let languages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted()
    }()

    static func samples(_ language: String) -> [URL] {
        let dir = root.appendingPathComponent(language)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasSuffix(Fixtures.expectedSuffix) }.sorted().map { dir.appendingPathComponent($0) }
    }

    static func read(_ url: URL) -> String {
        String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
    }
}

@Suite struct FixtureTests {
    @Test func fixturesExist() {
        #expect(Fixtures.languages.count >= 20)
    }

    @Test(arguments: Fixtures.languages)
    func matchesRouge(language: String) throws {
        let lexer = try #require(Highlighter.lexer(for: language), "no lexer for \(language)")
        let samples = Fixtures.samples(language)
        #expect(!samples.isEmpty)
        var failures: [String] = []
        for sample in samples {
            let expected = Fixtures.read(URL(fileURLWithPath: sample.path + Fixtures.expectedSuffix))
            if lexer.highlight(Fixtures.read(sample)) != expected {
                failures.append(sample.lastPathComponent)
            }
        }
        #expect(failures.isEmpty, "\(language): \(failures.count)/\(samples.count) differ: \(failures.joined(separator: " "))")
    }
}
