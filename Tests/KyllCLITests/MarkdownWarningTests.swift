import Foundation
import Testing

/// kramdown's warnings under `kramdown: show_warnings`: kyll prints each `Kramdown warning:` line
/// Jekyll prints (the same text, in the same order), then the place in the file (the front matter
/// counted), and prints none without the setting, as Jekyll.
@Suite struct MarkdownWarningTests {
    static func site(showWarnings: Bool) -> String {
        """
        -- _config.yml --
        kramdown:
          show_warnings: \(showWarnings)
        -- _posts/2024-01-01-notes.md --
        ---
        title: Notes
        ---
        Text[^1] and [a link][nope] and [^zz].

        [^1]: One.
        [^1]: Two.

        * item with <em>an open tag
          and more

          [^unused]: Never named.

        <div>
        <b x="1" x="2">bold</b>
        </div>
        -- index.md --
        ---
        ---
        Clean *Markdown*, no warning.
        """
    }

    static func kramdownLines(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "Kramdown warning:") else { return nil }
            return line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "\u{1B}[0m", with: "")
        }
    }

    @Test func sameWarningsAsJekyllEachLocated() throws {
        let folder = try TemporaryDirectory("kyll-md-warnings")
        guard let run = try Differential.build(fixture: Self.site(showWarnings: true), in: folder) else { return }
        #expect(run.jekyll.status == 0 && run.kyll.status == 0, "\(run.summary)")
        #expect(run.comparison.different == [], "\(run.summary)")
        let jekyll = Self.kramdownLines(run.jekyll.output)
        #expect(jekyll.count == 6, "\(run.summary)")
        #expect(Self.kramdownLines(run.kyll.output) == jekyll, "\(run.summary)")
        // the place in the file: body line + the three lines of front matter
        for located in [
            "_posts/2024-01-01-notes.md:7: warning: Duplicate footnote name '1' - overwriting",
            "_posts/2024-01-01-notes.md:15: warning: Duplicate HTML attribute 'x' - overwriting previous one",
            "_posts/2024-01-01-notes.md:4: warning: No link definition for link ID 'nope' found",
            "_posts/2024-01-01-notes.md:4: warning: Footnote definition for 'zz' not found",
            "_posts/2024-01-01-notes.md:9: warning: Found no end tag for 'em' - auto-closing it",
            "_posts/2024-01-01-notes.md:12: warning: Footnote definition for 'unused' is unreferenced - ignoring",
        ] {
            #expect(run.kyll.output.contains(located), "\(located)\n\(run.kyll.output)")
        }
        #expect(run.kyll.output.contains("\n<b x=\"1\" x=\"2\">bold</b>\n"), "the source line follows its warning")
    }

    @Test func noWarningsUnlessAsked() throws {
        let folder = try TemporaryDirectory("kyll-md-warnings")
        guard let run = try Differential.build(fixture: Self.site(showWarnings: false), in: folder) else { return }
        #expect(Self.kramdownLines(run.jekyll.output).isEmpty, "\(run.summary)")
        #expect(Self.kramdownLines(run.kyll.output).isEmpty, "\(run.summary)")
        #expect(!run.kyll.output.contains("warning:"), "\(run.summary)")
    }
}
