import Testing
@testable import Jekyll
import Liquid

/// A first-line excerpt is read off its document's converted content when kramdown provably
/// prints the same; the outputs are Jekyll 4.3.1's (kramdown 2, `input: GFM`).
@Suite struct ExcerptFromContentTests {
    @Test(arguments: [
        ("Apple *em* and `code` [l](http://x.y) it's.", true), ("x", true),
        ("**Bold** start", true), ("*Em* start", true), ("`code` start", true), ("~~Struck~~ start", true),
        ("[l](http://x.y) start", true), ("![i](http://x.y/i.png) start", false), ("* list item", false),
        ("*[HTML]: an abbreviation", false), ("***", false), ("```fence", false), ("~~~fence", false),
        ("~single tilde", false), ("[ref]: http://x", false), ("[ref] start", false), ("Über", false), ("", false),
        ("a <b>c</b>", false), ("a {{ x }}", false), ("a | b", false), ("a \\", false), ("a\nb", false),
        ("a\tb", false), ("ends in a space ", false),
    ])
    func plainLine(_ text: String, _ plain: Bool) {
        #expect(ExcerptFromContent.isPlainLine(text) == plain)
    }

    /// Whether every `[` of a line opens an inline link, which no definition in the document changes.
    @Test(arguments: [
        ("No brackets.", ExcerptFromContent.PlainLine.referencesNothing),
        ("Two [a b](https://x.y/a) and [c-d, e.](/c/d/) links.", .referencesNothing),
        ("A [ref] here.", .mayReference), ("A [text][ref] here.", .mayReference), ("A note[^1].", .mayReference),
        ("A [a](x y) space in the URL.", .mayReference), ("A [*a*](x) markup in the text.", .mayReference),
        ("A [a] (x) space before the URL.", .mayReference), ("A [a](x(y)) parenthesis.", .mayReference),
    ])
    func references(_ text: String, _ kind: ExcerptFromContent.PlainLine) {
        var text = text
        #expect(text.withUTF8 { ExcerptFromContent.plainLine($0) } == kind)
    }

    @Test(arguments: [
        ("Line.", "Line.\n\nMore.\n", 1, false), ("Line.", "Line.", nil, false), ("Line.", "Line.\nMore.\n", nil, false),
        ("Line.", "Line.\n\n{% if x %}y{% endif %}\n", nil, false), ("Line.", "Line.\n\n{{ x }}\n", nil, false),
        ("Line.", "Line.\n\n[ref]: http://x\n", 1, false), ("Line [ref].", "Line [ref].\n\n[ref]: http://x\n", nil, false),
        ("Line.", "Line.\n\n[^1]: note\n", 1, false),
        ("Line [a](http://x).", "Line [a](http://x).\n\n[b]: http://y\n", 1, false),
        ("Line [a] b.", "Line [a] b.\n\n[b]: http://y\n", nil, false),
        ("Line.", "Line.\n\n*[HTML]: markup\n\n[b]: http://y\n", nil, false),
        ("Line.", "Line.\n\n{: .cls}\nNext.\n", nil, false),
        ("A.\n\nB.\n\n", "A.\n\nB.\n\n<!--more-->\n\nC.\n", 2, true),
        ("A.\n\n\n\nB.\n\nC.\n\n\n", "A.\n\n\n\nB.\n\nC.\n\n\n<!--more-->\n", 3, true),
        ("A.\n\nB.\n", "A.\n\nB.\n<!--more-->\n", nil, false), ("A.\nB.\n\n", "A.\nB.\n\n<!--more-->\n", nil, false),
        ("A.\n\nB.", "A.\n\nB.\n\n: a definition\n", 2, false), ("A.\n\n* B.\n\n", "A.\n\n* B.\n\n<!--more-->", nil, false),
        ("A.", "B.\n\nA.\n\n", nil, false),
    ] as [(String, String, Int?, Bool)])
    func shape(_ excerpt: String, _ content: String, _ paragraphs: Int?, _ endsWithBlankLine: Bool) {
        let expected = paragraphs.map { ExcerptFromContent.Shape(paragraphs: $0, endsWithBlankLine: endsWithBlankLine) }
        #expect(ExcerptFromContent.shape(of: excerpt, in: content) == expected)
    }

    @Test func leadingParagraphs() {
        let one = ExcerptFromContent.Shape(paragraphs: 1, endsWithBlankLine: false)
        let two = ExcerptFromContent.Shape(paragraphs: 2, endsWithBlankLine: true)
        #expect(ExcerptFromContent.leadingParagraphs(one, of: "<p>a <em>b</em></p>\n<h2 id=\"x\">x</h2>\n<p>c</p>\n")
            == "<p>a <em>b</em></p>\n")
        #expect(ExcerptFromContent.leadingParagraphs(two, of: "<p>a</p>\n\n<p>b <a href=\"x\">c</a></p>\n\n<!--more-->\n\n<p>d</p>\n")
            == "<p>a</p>\n\n<p>b <a href=\"x\">c</a></p>\n\n")
        #expect(ExcerptFromContent.leadingParagraphs(two, of: "<p>a</p>\n\n<dl>\n  <dt>b</dt>\n</dl>\n") == nil)
        #expect(ExcerptFromContent.leadingParagraphs(two, of: "<p>a</p>\n\n<p>b</p>\n") == nil)
        #expect(ExcerptFromContent.leadingParagraphs(one, of: "<dl>\n  <dt>a</dt>\n</dl>\n<p>b</p>\n") == nil)
        #expect(ExcerptFromContent.leadingParagraphs(one, of: "<p>a</p>") == nil)
    }

    /// Posts whose excerpts take the shortcut and posts whose excerpts may not (a definition after
    /// the line, an attribute list, Liquid's whitespace control, a footnote, Liquid defining a link,
    /// an abbreviation, a definition list after the paragraphs): each as Jekyll prints it.
    @Test func excerptsAsJekyllPrintsThem() throws {
        func day(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func post(_ n: Int, _ body: String, separator: String? = nil) -> (String, String) {
            let option = separator.map { "excerpt_separator: \"\($0)\"\n" } ?? ""
            return ("_posts/2020-01-\(day(n))-p\(n).md", "---\nlayout: default\ntitle: T\(n)\n\(option)---\n" + body)
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
            post(10, "First *para* with [a link](https://x.org/a).\n\n\n`Second` **para** \"quoted\".\n\n<!--more-->\n\n## Head\n\nBody.\n",
                 separator: "<!--more-->"),
            post(11, "Links only [garden node](https://x.org/g) here.\n\nBody with a note[^1].\n\n[^1]: The note.\n"),
            post(12, "Inline [garden node](https://x.org/g), its label defined.\n\nBody.\n\n[garden node]: https://other.org/\n"),
            post(13, "Abbreviation HTML with [a link](https://x.org/l) here.\n\nBody.\n\n*[HTML]: Hyper Text\n\n[x]: https://x.org/\n"),
            post(14, "Line with [ref] link.\n\n{{ \"[ref]\" }}: https://x.org/liquid\n"),
            post(15, "Para A.\n\nTerm B\n\n: a definition\n\nBody.\n", separator: "\\n\\n:"),
            post(16, "One.\n\nTwo then one newline.\n<!--more-->\n\nBody.\n", separator: "<!--more-->"),
            post(17, "*Emphasis* starts, then [a](/b/).\n\nBody[^n].\n\n[^n]: Note.\n"),
        ] { files[path] = text }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files)
        func excerpt(_ n: Int) -> String? {
            guard let page = out["2020/01/\(day(n))/p\(n).html"], let start = page.range(of: "EX[") else { return nil }
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
        #expect(excerpt(10) == "<p>First <em>para</em> with <a href=\"https://x.org/a\">a link</a>.</p>\n\n<p><code class=\"language-plaintext highlighter-rouge\">Second</code> <strong>para</strong> “quoted”.</p>\n\n")
        #expect(excerpt(11) == "<p>Links only <a href=\"https://x.org/g\">garden node</a> here.</p>\n")
        #expect(excerpt(12) == "<p>Inline <a href=\"https://x.org/g\">garden node</a>, its label defined.</p>\n\n")
        #expect(excerpt(13) == "<p>Abbreviation HTML with <a href=\"https://x.org/l\">a link</a> here.</p>\n")
        #expect(out["2020/01/13/p13.html"]?.contains("<abbr title=\"Hyper Text\">HTML</abbr>") == true)
        #expect(excerpt(14) == "<p>Line with [ref] link.</p>\n")
        #expect(excerpt(15) == "<p>Para A.</p>\n\n<p>Term B</p>\n")
        #expect(excerpt(16) == "<p>One.</p>\n\n<p>Two then one newline.</p>\n")
        #expect(excerpt(17) == "<p><em>Emphasis</em> starts, then <a href=\"/b/\">a</a>.</p>\n")
        #expect(out["2020/01/10/p10.html"]?.contains("<meta name=\"description\" content=\"First para with a link. Second para “quoted”.\" />") == true)
        #expect(out["2020/01/01/p1.html"]?.contains("<meta name=\"description\" content=\"Apple “quoted” – dash… em and code l it’s.\" />") == true)
    }

    /// `{{ page | excerpt_read_off }}`: whether the page's excerpt, as the page reads it, is known
    /// to be read off its converted content (what `{% seo %}` strips without converting it again).
    struct ReadOffProbe: JekyllPlugin {
        var name: String { "excerpt-read-off-probe" }
        func register(in environment: inout LiquidEnvironment, configuration: Configuration) {
            environment.register(filter: "excerpt_read_off", arity: 0...0) { input, _, context in
                guard case .drop(let page) = input, let build = context.jekyll?.build,
                      case .string(let excerpt)? = try page.value(forKey: "excerpt", in: context) else { return "none" }
                return .bool(build.isExcerptOfParagraphs(excerpt, page: input))
            }
        }
    }

    @Test func excerptsKnownToBeReadOffContent() throws {
        var files: [String: String] = [
            "_config.yml": "title: Edge\nurl: \"https://example.com\"\nkramdown:\n  input: GFM\nplugins:\n  - jekyll-seo-tag\n  - excerpt-read-off-probe\n",
            "_layouts/default.html": "---\n---\n<head>{% seo %}</head>RO[{{ page | excerpt_read_off }}]\n",
        ]
        for (n, body) in [
            (1, "Tom &amp; Jerry & \"quotes\" *em* it's.\n\nMore.\n"),
            (2, "A note[^1] here.\n\n[^1]: The note.\n"),
            (3, "Liquid {{ page.title }} here.\n\nMore.\n"),
            (4, "Given excerpt.\n\nMore.\n"),
        ] {
            let given = n == 4 ? "excerpt: \"Written *out*\"\n" : ""
            files["_posts/2020-01-0\(n)-p\(n).md"] = "---\nlayout: default\ntitle: T\(n)\n\(given)---\n" + body
        }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files, plugins: [ReadOffProbe()])
        func page(_ n: Int) -> String { out["2020/01/0\(n)/p\(n).html"] ?? "" }
        #expect(page(1).contains("RO[true]"))
        #expect(page(1).contains("<meta name=\"description\" content=\"Tom &amp; Jerry &amp; “quotes” em it’s.\" />"))
        for n in 2...4 { #expect(page(n).contains("RO[false]"), "post \(n)") }
        #expect(page(2).contains("<meta name=\"description\" content=\"A note1 here."))
        #expect(page(3).contains("<meta name=\"description\" content=\"Liquid T3 here.\" />"))
        #expect(page(4).contains("<meta name=\"description\" content=\"Written out\" />"))
    }
}
