import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// Documents of one source (the pages jekyll-paginate makes of one `index.html`) share one parsed
/// template: each still renders with its own variables and logs the template's warnings, as
/// Jekyll logs them on every render.
@Suite struct DocumentTemplateTests {
    static let site: [String: String] = [
        "_config.yml": "paginate: 1\nplugins: [jekyll-paginate]\nliquid:\n  error_mode: warn\n",
        "_posts/2020-01-01-p1.md": "---\ntitle: P1\n---\none\n",
        "_posts/2020-01-02-p2.md": "---\ntitle: P2\n---\ntwo\n",
        "_posts/2020-01-03-p3.md": "---\ntitle: P3\n---\nthree\n",
        // `!!` is a strict-grammar error: a warning in `warn` mode, the tag rendered leniently.
        "index.html": "---\n---\n{% for post in paginator.posts %}[{{ post.title }}]{% endfor %} {{ paginator.page }} {{ \"a\" | append: \"b\" !! }}\n",
        // The same text under another name is parsed apart: its errors name it.
        "other.html": "---\n---\n{% for post in paginator.posts %}[{{ post.title }}]{% endfor %} {{ paginator.page }} {{ \"a\" | append: \"b\" !! }}\n",
    ]

    @Test func paginatedPagesShareTheirTemplate() throws {
        let root = NSTemporaryDirectory() + "kyll-doc-template-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in Self.site { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let lines = Locked<[String]>([])
        let logger = Logger(sink: { _, line in lines.withLock { $0.append(line) } })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        _ = try SiteBuild.build(configuration, plugins: JekyllPlugins.all, logger: logger)
        let out = Path.join(root, "site/_site")
        func text(_ path: String) throws -> String {
            String(decoding: try FileSystem.read(Path.join(out, path)), as: UTF8.self)
        }
        #expect(try text("index.html") == "[P3] 1 ab\n")
        #expect(try text("page2/index.html") == "[P2] 2 ab\n")
        #expect(try text("page3/index.html") == "[P1] 3 ab\n")
        #expect(try text("other.html") == "  ab\n")
        let warnings = lines.withLock { $0 }.filter { $0.contains("Liquid Warning:") }
        #expect(warnings.filter { $0.contains("in index.html") }.count == 3)
        #expect(warnings.filter { $0.contains("in other.html") }.count == 1)
    }
}
