import Foundation
import Testing
@testable import Jekyll

/// A first line with footnote references is read off the converted content with the first items
/// of its footnotes block, when they are provably what kramdown prints for the excerpt. Expected
/// outputs are Jekyll 4.3.1's (`jekyll build` of these posts).
@Suite struct ExcerptNotesTests {
    /// The posts: shortcut taken (1, 7, 8, 10, 13, and 12, whose unindented line after the note is
    /// a paragraph of the content's, not of the note) or not — the note referred to again (2,
    /// twice in the line: 9), a second paragraph (3), text kramdown changes (4).
    static let posts: [Int: String] = [
        1: "Two notes here.[^1] And *more*.[^2] End.\n\nBody.\n\n[^1]: First note.\n[^2]: Second note text.\n",
        2: "Again later.[^1] End.\n\nBody refers again[^1].\n\n[^1]: The note.\n",
        3: "Continued note.[^1] End.\n\nBody.\n\n[^1]: The note.\n\n    Its second paragraph.\n",
        4: "Smart note.[^1] End.\n\nBody.\n\n[^1]: It's \"quoted\" -- here.\n",
        7: "First only.[^a] End.\n\nBody with another.[^b]\n\n[^a]: Note A.\n[^b]: Note B.\n",
        8: "Dashed name.[^a-b] End [l](https://x.org/l).\n\nBody.\n\n[^a-b]: Dashed.\n",
        9: "Twice in line.[^1] And again.[^1]\n\nBody.\n\n[^1]: Twice.\n",
        10: "Indented def.[^1] End.\n\nBody.\n\n  [^1]: Indented two.\n",
        12: "Lazy line.[^1] End.\n\nBody.\n\n[^1]: The note\nlazy continuation.\n",
        13: "Order swapped.[^2] then.[^1]\n\nBody.\n\n[^1]: One.\n[^2]: Two.\n",
    ]

    static let jekyllExcerpts: [Int: String] = [
        1: "<p>Two notes here.<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> And <em>more</em>.<sup id=\"fnref:2\" role=\"doc-noteref\"><a href=\"#fn:2\" class=\"footnote\" rel=\"footnote\">2</a></sup> End.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>First note.\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n    <li id=\"fn:2\" role=\"doc-endnote\">\n      <p>Second note text.\u{A0}<a href=\"#fnref:2\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n",
        2: "<p>Again later.<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> End.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>The note.\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n",
        3: "<p>Continued note.<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> End.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>The note.\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n",
        4: "<p>Smart note.<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> End.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>It’s “quoted” – here.\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n",
        7: "<p>First only.<sup id=\"fnref:a\" role=\"doc-noteref\"><a href=\"#fn:a\" class=\"footnote\" rel=\"footnote\">1</a></sup> End.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:a\" role=\"doc-endnote\">\n      <p>Note A.\u{A0}<a href=\"#fnref:a\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n",
        8: "<p>Dashed name.<sup id=\"fnref:a-b\" role=\"doc-noteref\"><a href=\"#fn:a-b\" class=\"footnote\" rel=\"footnote\">1</a></sup> End <a href=\"https://x.org/l\">l</a>.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:a-b\" role=\"doc-endnote\">\n      <p>Dashed.\u{A0}<a href=\"#fnref:a-b\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n",
        9: "<p>Twice in line.<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> And again.<sup id=\"fnref:1:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup></p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>Twice.\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a>\u{A0}<a href=\"#fnref:1:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a></p>\n    </li>\n  </ol>\n</div>\n",
        10: "<p>Indented def.<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> End.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>Indented two.\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n",
        12: "<p>Lazy line.<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> End.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>The note\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n",
        13: "<p>Order swapped.<sup id=\"fnref:2\" role=\"doc-noteref\"><a href=\"#fn:2\" class=\"footnote\" rel=\"footnote\">1</a></sup> then.<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">2</a></sup></p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:2\" role=\"doc-endnote\">\n      <p>Two.\u{A0}<a href=\"#fnref:2\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>One.\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n",
    ]

    /// Each excerpt as Jekyll prints it, and the shortcut taken exactly where it is provable (the
    /// content's HTML taken from the page, where the layout prints it).
    @Test func excerptsAsJekyllPrintsThem() throws {
        var files = [
            "_config.yml": "title: Notes\nurl: \"https://example.com\"\nkramdown:\n  input: GFM\nplugins:\n  - jekyll-seo-tag\n",
            "_layouts/default.html": "---\n---\n<head>{% seo %}</head>\n{{ content }}\nEX[{{ page.excerpt }}]\n",
        ]
        func day(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        for (n, body) in Self.posts {
            files["_posts/2020-01-\(day(n))-p\(n).md"] = "---\nlayout: default\ntitle: T\(n)\n---\n" + body
        }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files)
        let taken: Set<Int> = [1, 7, 8, 10, 12, 13]
        for (n, expected) in Self.jekyllExcerpts {
            let page = out["2020/01/\(day(n))/p\(n).html"] ?? ""
            guard let head = page.range(of: "</head>\n"), let ex = page.range(of: "\nEX[") else {
                Issue.record("post \(n) is not as laid out")
                continue
            }
            #expect(String(page[ex.upperBound...].dropLast(2)) == expected, "post \(n)")
            let body = Self.posts[n]!
            let source = Excerpt.extract(from: body, separator: "\n\n").text
            let html = ExcerptFromContent.paragraphWithNotes(source: source, content: body,
                                                             converted: String(page[head.upperBound..<ex.lowerBound]))
            #expect((html != nil) == taken.contains(n), "post \(n)")
            if let html { #expect(html == expected, "post \(n)") }
        }
    }

    @Test(arguments: [
        ("A note.[^1] b.", ["1"]), ("A [l](https://x.org) and[^a-b_c] and[^1] again[^a-b_c].", ["a-b_c", "1", "a-b_c"]),
        ("No note.", nil), ("A [ref] here[^1].", nil), ("A note[^1](x).", nil), ("A note[^-x].", nil), ("[^1] first.", nil),
        ("A note[^1]: x.", nil), ("A note[^1][b].", nil),
    ] as [(String, [String]?)])
    func references(_ line: String, _ names: [String]?) {
        var line = line
        #expect(line.withUTF8 { ExcerptFromContent.noteReferences($0) } == names)
    }
}
