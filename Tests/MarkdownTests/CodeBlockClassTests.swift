import Testing
@testable import Markdown
import MarkdownHighlight

/// A code block's first `language-…` class names its language and leaves its class list
/// (`extract_code_language!`); most blocks' class is that one alone, which is dropped whole.
/// Expected HTML from kramdown 2.4 with Rouge (GFM input, as Jekyll 4.3.1 sets it up).
struct CodeBlockClassTests {
    static func convert(_ markdown: String) -> String {
        KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown).html
    }

    @Test(arguments: [
        ("```ruby\nputs 1\n```\n",
         "<div class=\"language-ruby highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"nb\">puts</span> <span class=\"mi\">1</span>\n</code></pre></div></div>\n"),
        ("```ruby\nputs 1\n```\n{: .wide}\n",
         "<div class=\"language-ruby wide highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"nb\">puts</span> <span class=\"mi\">1</span>\n</code></pre></div></div>\n"),
        ("~~~\nputs 1\n~~~\n{: .wide .language-ruby #x}\n",
         "<div class=\"language-ruby wide highlighter-rouge\" id=\"x\"><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"nb\">puts</span> <span class=\"mi\">1</span>\n</code></pre></div></div>\n"),
        ("    plain\n{: .language-python  .b}\n",
         "<div class=\"language-python b highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"n\">plain</span>\n</code></pre></div></div>\n"),
    ])
    func languageClassLeavesTheRest(markdown: String, html: String) {
        #expect(Self.convert(markdown) == html)
    }

    @Test func languageClassRanges() {
        #expect(HTMLConverter.languageClass("language-ruby").map { [$0.whole, $0.name] } == [0..<13, 9..<13])
        #expect(HTMLConverter.languageClass("wide language-ruby b").map { [$0.whole, $0.name] } == [5..<18, 14..<18])
        #expect(HTMLConverter.languageClass("xlanguage-ruby") == nil, "not at a word boundary")
        #expect(HTMLConverter.languageClass("language-") == nil, "no name")
        #expect(HTMLConverter.languageClass("é language-go").map { $0.name } == 12..<14)
    }
}
