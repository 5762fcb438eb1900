import Foundation
import Testing

/// Posts, pages and collection items are read on all cores; what reading them logs must still come
/// out in the order Jekyll reads them (posts, then pages, then each collection, files in name order).
@Suite struct ReadWarningOrderTests {
    static func site() -> String {
        let names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
        var files = """
        -- _config.yml --
        collections:
          notes:
            output: true

        """
        for (i, name) in names.enumerated() {
            files += """
            -- _posts/2024-01-0\(i + 1)-\(name).md --
            ---
            title: [unclosed \(name)
            ---
            Body of \(name).
            -- _notes/\(name).md --
            ---
            title: {broken: \(name)
            ---
            Note \(name).
            -- \(name).md --
            ---
            title: [page \(name)
            ---
            Page \(name).

            """
        }
        return files
    }

    static func yamlLines(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "YAML Exception reading ") else { return nil }
            return String(line[range.lowerBound...]).replacingOccurrences(of: "\u{1B}[0m", with: "")
        }
    }

    @Test func readWarningsInJekyllsOrder() throws {
        let folder = try TemporaryDirectory("kyll-read-order")
        guard let run = try Differential.build(fixture: Self.site(), in: folder) else { return }
        #expect(run.jekyll.status == 0 && run.kyll.status == 0, "\(run.summary)")
        let jekyll = Self.yamlLines(run.jekyll.output).map { Self.relative($0, folder: folder.path) }
        #expect(jekyll.count == 24, "\(run.summary)")
        let kyll = Self.yamlLines(run.kyll.output).map { Self.relative($0, folder: folder.path) }
        // the files in the same order (the messages are libyaml's and Psych's, compared elsewhere)
        #expect(kyll.map(Self.file) == jekyll.map(Self.file), "\(run.summary)")
    }

    static func relative(_ line: String, folder: String) -> String {
        line.replacingOccurrences(of: folder + "/", with: "")
    }

    /// The file a warning names: the text between "reading " and the next ": ".
    static func file(_ line: String) -> String {
        let rest = line.dropFirst("YAML Exception reading ".count)
        return String(rest.prefix { $0 != ":" })
    }
}
