import Foundation
import Testing

/// Every fixture site in `Fixtures/` (one `.txtar` file each: `-- path --` headers, see
/// `FixtureSite`) built by Jekyll 4.3.1 and by kyll: the same files, each the same page.
///
/// A fixture's leading comment may say `args: --drafts --future` (command-line options for both)
/// and `env: JEKYLL_ENV=production` (environment for both; kyll's builds run in this process, so
/// such fixtures set the variable around the build).
@Suite struct FixtureSiteTests {
    static let folder = Repository.root.appendingPathComponent("Tests/KyllCLITests/Fixtures")

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txtar") }.sorted()
    }

    @Test(.enabled(if: Oracle.shouldRun, "Jekyll 4.3.1 is not installed (KYLL_REQUIRE_ORACLE=1 makes this a failure)"),
          arguments: fixtures)
    func fixtureMatchesJekyll(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let fixture = FixtureSite(text)
        let folder = try TemporaryDirectory("kyll-fixture")
        guard let run = try Differential.build(fixture: text, in: folder, arguments: fixture.arguments,
                                               environment: fixture.environment) else { return }
        #expect(run.jekyll.status == 0, "\(name): \(run.summary)")
        #expect(run.kyll.status == 0, "\(name): \(run.summary)")
        #expect(run.comparison.missing == [], "\(name): \(run.summary)")
        #expect(run.comparison.extra == [], "\(name): \(run.summary)")
        #expect(run.comparison.different == [], "\(name): \(run.summary)")
        for path in run.comparison.paths(with: "identical-dom") {
            #expect(run.file(path, kyll: true) == run.file(path, kyll: false), "\(name): \(path) differs in bytes")
        }
    }

    @Test func fixturesExist() {
        #expect(Self.fixtures.count >= 8)
    }
}

extension FixtureSite {
    /// `args: …` in the leading comment.
    var arguments: [String] {
        for line in comment.split(separator: "\n") where line.hasPrefix("args:") {
            return line.dropFirst(5).split(separator: " ").map(String.init)
        }
        return []
    }

    /// `env: KEY=VALUE …` in the leading comment (`$SITE` stands for the site's folder).
    var environment: [String: String] {
        var env: [String: String] = [:]
        for line in comment.split(separator: "\n") where line.hasPrefix("env:") {
            for pair in line.dropFirst(4).split(separator: " ") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { env[String(parts[0])] = String(parts[1]) }
            }
        }
        return env
    }
}
