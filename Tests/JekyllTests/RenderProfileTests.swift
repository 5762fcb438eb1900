import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// `profile: true`: the table names each include by the file it read, counted once per render.
@Suite struct RenderProfileTests {
    @Test func includesAreNamedByTheirFile() throws {
        let root = NSTemporaryDirectory() + "kyll-profile-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "_config.yml": "profile: true\n",
            "_includes/nav.html": "<nav>{{ page.title }}</nav>",
            "_includes/note.html": "<p>{{ include.text }}</p>",
            "index.html": "---\ntitle: Home\n---\n{% include nav.html %}{% include note.html text=\"a\" %}{% include nav.html %}\n",
        ]
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let lines = Locked<[String]>([])
        let logger = Logger(level: .info) { _, line in lines.withLock { $0.append(line) } }
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        _ = try SiteBuild.build(configuration, plugins: JekyllPlugins.all, logger: logger)
        let rows = lines.withLock { $0 }.joined(separator: "\n").split(separator: "\n").map {
            $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(rows.contains { $0.first == "_includes/nav.html" && $0.dropFirst().first == "2" })
        #expect(rows.contains { $0.first == "_includes/note.html" && $0.dropFirst().first == "1" })
        #expect(!rows.contains { $0.first == "include" })
    }
}
