import Testing
@testable import Markdown
import MarkdownHighlight

/// Code spans without attributes reuse one opening tag (`plainCodeSpanOpening`) when the default
/// language prints no token markup; with a highlighting default language, or attributes, each
/// span is highlighted. Expected HTML from Jekyll 4.3.1 for the same input and settings.
struct PlainCodeSpanTests {
    static let input = "a `x<y & z` b `q`{: .language-ruby} `p`\n\n[^1]\n\n[^1]: note `n>m`\n"
    static let notes = "\n\n<p><sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup></p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>note "
    static let noteEnd = "\u{a0}<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n"

    static func convert(_ config: [String: OptionValue]) -> String {
        KramdownConverter(options: KramdownOptions(config: config), highlighter: RougeHighlighter()).convert(input).html
    }

    @Test func plainDefaultLanguage() {
        #expect(Self.convert([:]) == "<p>a <code class=\"language-plaintext highlighter-rouge\">x&lt;y &amp; z</code> b <code class=\"language-ruby highlighter-rouge\"><span class=\"n\">q</span></code> <code class=\"language-plaintext highlighter-rouge\">p</code></p>"
            + Self.notes + "<code class=\"language-plaintext highlighter-rouge\">n&gt;m</code>" + Self.noteEnd)
    }

    @Test func highlightingDefaultLanguage() {
        let html = Self.convert(["syntax_highlighter_opts": .map(["default_lang": .string("ruby")])])
        #expect(html == "<p>a <code class=\"language-ruby highlighter-rouge\"><span class=\"n\">x</span><span class=\"o\">&lt;</span><span class=\"n\">y</span> <span class=\"o\">&amp;</span> <span class=\"n\">z</span></code> b <code class=\"language-ruby highlighter-rouge\"><span class=\"n\">q</span></code> <code class=\"language-ruby highlighter-rouge\"><span class=\"nb\">p</span></code></p>"
            + Self.notes + "<code class=\"language-ruby highlighter-rouge\"><span class=\"n\">n</span><span class=\"o\">&gt;</span><span class=\"n\">m</span></code>" + Self.noteEnd)
    }

    /// The opening tag is made once per converter (`KramdownConverter.Prepared`): a document
    /// whose `{::options}` turn highlighting off gets plain tags, as in Jekyll 4.3.1.
    @Test func inlineOptionsChangeTheOpening() {
        let converter = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter())
        #expect(converter.convert("A `x = 1` b.\n\n{::options syntax_highlighter=\"nil\" /}\n\nC `y = 2` d.\n").html
            == "<p>A <code>x = 1</code> b.</p>\n\n<p>C <code>y = 2</code> d.</p>\n")
        // the converter's own options again for the next document
        #expect(converter.convert("E `z`\n").html == "<p>E <code class=\"language-plaintext highlighter-rouge\">z</code></p>\n")
    }

    /// … and a converter whose options are replaced prepares them again.
    @Test func replacedOptionsChangeTheOpening() {
        var converter = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter())
        converter.options = KramdownOptions(config: ["syntax_highlighter_opts": .map(["default_lang": .string("ruby")])])
        #expect(converter.convert(Self.input).html == Self.convert(["syntax_highlighter_opts": .map(["default_lang": .string("ruby")])]))
        #expect(converter.convert(Self.input).html != Self.convert([:]))
    }

    /// A code span's text stays a range of the source; a header's GFM id reads it as written.
    @Test func codeInAHeaderID() {
        #expect(KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert("## Use `a<b` here\n").html
            == "<h2 id=\"use-ab-here\">Use <code class=\"language-plaintext highlighter-rouge\">a&lt;b</code> here</h2>\n")
    }
}
