import Testing
@testable import Jekyll

/// A first-line excerpt is read off its document's converted content when kramdown provably
/// prints the same; the outputs are Jekyll 4.3.1's (kramdown 2, `input: GFM`).
@Suite struct ExcerptFromContentTests {
    @Test(arguments: [
        ("Apple *em* and `code` [l](http://x.y) it's.", true), ("x", true),
        ("**Bold** start", false), ("[l](u) start", false), ("Über", false), ("", false),
        ("a <b>c</b>", false), ("a {{ x }}", false), ("a | b", false), ("a \\", false), ("a\nb", false),
        ("a\tb", false), ("ends in a space ", false),
    ])
    func plainLine(_ text: String, _ plain: Bool) {
        #expect(ExcerptFromContent.isPlainLine(text) == plain)
    }

    @Test(arguments: [
        ("Line.\n\nMore.\n", true), ("Line.\n\n{% if x %}y{% endif %}\n", true), ("Line.", false), ("Line.\nMore.\n", false),
        ("Line.\n\n[ref]: http://x\n", false), ("Line.\n\n[^1]: note\n", false), ("Line.\n\n*[HTML]: markup\n", false),
        ("Line.\n\n{: .cls}\nNext.\n", false), ("Line.\n\n{%- if x -%}y{% endif %}\n", false), ("Line.\n\n{{- x }}\n", false),
    ])
    func followedByWhatCannotChangeIt(_ content: String, _ follows: Bool) {
        #expect(ExcerptFromContent.follows("Line.", in: content) == follows)
    }

    @Test func firstParagraph() {
        #expect(ExcerptFromContent.firstParagraph(of: "<p>a <em>b</em></p>\n<h2 id=\"x\">x</h2>\n<p>c</p>\n")
            == "<p>a <em>b</em></p>\n")
        #expect(ExcerptFromContent.firstParagraph(of: "<dl>\n  <dt>a</dt>\n</dl>\n<p>b</p>\n") == nil)
        #expect(ExcerptFromContent.firstParagraph(of: "<p>a</p>") == nil)
    }

    /// Posts whose excerpts take the shortcut and posts whose excerpts may not (a definition after
    /// the line, an attribute list, Liquid's whitespace control, a footnote): each as Jekyll prints it.
    @Test func excerptsAsJekyllPrintsThem() throws {
        func post(_ n: Int, _ body: String) -> (String, String) {
            ("_posts/2020-01-0\(n)-p\(n).md", "---\nlayout: default\ntitle: T\(n)\n---\n" + body)
        }
        var files: [String: String] = [
            "_config.yml": "title: Edge\nurl: \"https://example.com\"\nkramdown:\n  input: GFM\nplugins:\n  - jekyll-seo-tag\n",
            "_layouts/default.html": "---\n---\n<head>{% seo %}</head>\n{{ content }}\nEX[{{ page.excerpt }}]\n",
        ]
        for (path, text) in [
            post(1, "Apple \"quoted\" -- dash... *em* and `code` [l](http://x.y) it's.\n\n: a definition after a blank line\n\nMore.\n"),
            post(2, "Hello **world** with smart \"quotes\".\n\n{% if true %}Liquid later {{ page.title }}{% endif %}\n\nEnd.\n"),
            post(3, "Line with [ref] link.\n\n[ref]: http://example.com \"Title\"\n"),
            post(4, "Para with IAL after.\n\n{: .cls}\nNext para.\n"),
            post(6, "Term line\n\n:   Definition one\n"),
            post(7, "Foot ref[^1] here.\n\n[^1]: The note.\n"),
            post(8, "Whitespace control next.\n\n{%- if true -%}\njoined{% endif %}\n"),
            post(9, "Plain paragraph with HTML entity &amp; and &copy; and 1 < 2 no.\n\nSecond *para*.\n"),
        ] { files[path] = text }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files)
        func excerpt(_ n: Int) -> String? {
            guard let page = out["2020/01/0\(n)/p\(n).html"], let start = page.range(of: "EX[") else { return nil }
            return String(page[start.upperBound...].dropLast(2))
        }
        #expect(excerpt(1) == "<p>Apple “quoted” – dash… <em>em</em> and <code class=\"language-plaintext highlighter-rouge\">code</code> <a href=\"http://x.y\">l</a> it’s.</p>\n")
        #expect(excerpt(2) == "<p>Hello <strong>world</strong> with smart “quotes”.</p>\n")
        #expect(excerpt(3) == "<p>Line with <a href=\"http://example.com\" title=\"Title\">ref</a> link.</p>\n\n")
        #expect(excerpt(4) == "<p>Para with IAL after.</p>\n")
        #expect(excerpt(6) == "<p>Term line</p>\n")
        #expect(excerpt(7) == "<p>Foot ref<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> here.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>The note.\u{A0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n")
        #expect(excerpt(8) == "<p>Whitespace control next.</p>\n")
        #expect(excerpt(9) == "<p>Plain paragraph with HTML entity &amp; and © and 1 &lt; 2 no.</p>\n")
        #expect(out["2020/01/01/p1.html"]?.contains("<meta name=\"description\" content=\"Apple “quoted” – dash… em and code l it’s.\" />") == true)
    }
}
