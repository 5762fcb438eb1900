import Testing
@testable import Markdown

/// One small input per construct, with the HTML Jekyll 4.3.1 (kramdown 2.4) printed for it.
struct KramdownConstructTests {
    static let cases: [(String, String, String)] = [
        ("header ids", "# Hello, World!\n\n## Hello, World!\n\n### ???\n",
         "<h1 id=\"hello-world\">Hello, World!</h1>\n\n<h2 id=\"hello-world-1\">Hello, World!</h2>\n\n<h3>???</h3>\n"),
        ("explicit header id", "## Title {#custom}\n",
         "<h2 id=\"custom\">Title</h2>\n"),
        ("typography", "\"Quoted\" and 'single' -- dash --- em ... << guillemets >>\n",
         "<p>“Quoted” and ‘single’ – dash — em … « guillemets »</p>\n"),
        ("entities", "&copy; &#169; &amp; AT&T &nbsp; &#60; &bogus;\n",
         "<p>© © &amp; AT&amp;T   &#60; &amp;bogus;</p>\n"),
        ("emphasis", "*em* **strong** ***both*** snake_case_word __init__\n",
         "<p><em>em</em> <strong>strong</strong> <strong><em>both</em></strong> snake_case_word <strong>init</strong></p>\n"),
        ("links", "[a](http://x \"t\") [b][ref] <http://auto.link> ![img *alt*](i.png)\n\n[ref]: /r\n",
         "<p><a href=\"http://x\" title=\"t\">a</a> <a href=\"/r\">b</a> <a href=\"http://auto.link\">http://auto.link</a> <img src=\"i.png\" alt=\"img *alt*\" /></p>\n\n"),
        ("inline code", "Use `code` and `` a`b ``.\n",
         "<p>Use <code class=\"language-plaintext highlighter-rouge\">code</code> and <code class=\"language-plaintext highlighter-rouge\">a`b</code>.</p>\n"),
        ("loose and tight lists", "- a\n- b\n\n1. one\n2. two\n\n3. three\n",
         "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n\n<ol>\n  <li>one</li>\n  <li>\n    <p>two</p>\n  </li>\n  <li>three</li>\n</ol>\n"),
        ("task list", "- [ ] todo\n- [x] done\n- plain\n",
         "<ul class=\"task-list\">\n  <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />todo</li>\n  <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />done</li>\n  <li class=\"task-list-item\">plain</li>\n</ul>\n"),
        // the TOC list nested in a quote, and a header inside HTML: both found by the tree pass
        ("nested toc", "> * TOC\n> {:toc}\n\n## One\n\n<div markdown=\"1\">\n\n## In div\n\n</div>\n",
         "<blockquote>\n<ul id=\"markdown-toc\">\n  <li><a href=\"#one\" id=\"markdown-toc-one\">One</a></li>\n  <li><a href=\"#in-div\" id=\"markdown-toc-in-div\">In div</a></li>\n</ul>\n</blockquote>\n\n<h2 id=\"one\">One</h2>\n\n<div>\n\n  <h2 id=\"in-div\">In div</h2>\n\n</div>\n"),
        ("nested list", "- a\n  - b\n    - c\n",
         "<ul>\n  <li>a\n    <ul>\n      <li>b\n        <ul>\n          <li>c</li>\n        </ul>\n      </li>\n    </ul>\n  </li>\n</ul>\n"),
        ("table", "| a | b |\n|:--|--:|\n| 1 |   |\n|---|---|\n| 2 | 3 |\n",
         "<table>\n  <thead>\n    <tr>\n      <th style=\"text-align: left\">a</th>\n      <th style=\"text-align: right\">b</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td style=\"text-align: left\">1</td>\n      <td style=\"text-align: right\"> </td>\n    </tr>\n  </tbody>\n  <tbody>\n    <tr>\n      <td style=\"text-align: left\">2</td>\n      <td style=\"text-align: right\">3</td>\n    </tr>\n  </tbody>\n</table>\n"),
        ("footnotes", "Text[^1] again[^1] and[^n].\n\n[^1]: First.\n[^n]: Second.\n",
         "<p>Text<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> again<sup id=\"fnref:1:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> and<sup id=\"fnref:n\" role=\"doc-noteref\"><a href=\"#fn:n\" class=\"footnote\" rel=\"footnote\">2</a></sup>.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>First. <a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a> <a href=\"#fnref:1:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a></p>\n    </li>\n    <li id=\"fn:n\" role=\"doc-endnote\">\n      <p>Second. <a href=\"#fnref:n\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n"),
        ("block IAL", "A para\n{: .lead #intro}\n\n{: .note}\nNext\n",
         "<p class=\"lead\" id=\"intro\">A para</p>\n\n<p class=\"note\">Next</p>\n"),
        ("span IAL", "[link](x){:target=\"_blank\"} *em*{: .c}\n",
         "<p><a href=\"x\" target=\"_blank\">link</a> <em class=\"c\">em</em></p>\n"),
        ("ALD", "{:warn: .warning}\n\nPara\n{: warn}\n",
         "\n<p class=\"warning\">Para</p>\n"),
        ("toc", "* TOC\n{:toc}\n\n## One\n\n### Sub\n\n## Two\n",
         "<ul id=\"markdown-toc\">\n  <li><a href=\"#one\" id=\"markdown-toc-one\">One</a>    <ul>\n      <li><a href=\"#sub\" id=\"markdown-toc-sub\">Sub</a></li>\n    </ul>\n  </li>\n  <li><a href=\"#two\" id=\"markdown-toc-two\">Two</a></li>\n</ul>\n\n<h2 id=\"one\">One</h2>\n\n<h3 id=\"sub\">Sub</h3>\n\n<h2 id=\"two\">Two</h2>\n"),
        ("comment extension", "{::comment}\nhidden\n{:/comment}\n\nafter\n",
         "<!-- hidden -->\n\n<p>after</p>\n"),
        ("nomarkdown", "{::nomarkdown}\n<b>raw *x*</b>\n{:/nomarkdown}\n",
         "<b>raw *x*</b>\n"),
        ("math", "Inline $$a_b * c$$ math.\n\n$$\n\\sum x\n$$\n",
         "<p>Inline \\(a_b * c\\) math.</p>\n\n\\[\\sum x\\]\n"),
        ("definition list", "Term\n: Definition\n\nOther\n: More\n",
         "<dl>\n  <dt>Term</dt>\n  <dd>Definition</dd>\n  <dt>Other</dt>\n  <dd>More</dd>\n</dl>\n"),
        ("abbreviation", "The HTML spec.\n\n*[HTML]: Hyper Text Markup Language\n",
         "<p>The <abbr title=\"Hyper Text Markup Language\">HTML</abbr> spec.</p>\n\n"),
        ("html block", "<div class=x>\n\n*raw*\n\n</div>\n\n<br>\n<head>\n  <link rel=\"a\">\n</head>\nI'm here\n",
         "<div class=\"x\">\n\n*raw*\n\n</div>\n\n<p><br /></p>\n<head>\n  <link rel=\"a\" />\n</head>\n<p>I’m here</p>\n"),
        ("markdown attribute", "<div markdown=\"1\">\n## Inside\n\n*em*\n</div>\n",
         "<div>\n  <h2 id=\"inside\">Inside</h2>\n\n  <p><em>em</em></p>\n</div>\n"),
        ("fenced code", "```ruby\nputs 1\n```\n\n```nosuchlang\nx < y\n```\n\n    indented\n",
         "<div class=\"language-ruby highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"nb\">puts</span> <span class=\"mi\">1</span>\n</code></pre></div></div>\n\n<pre><code class=\"language-nosuchlang\">x &lt; y\n</code></pre>\n\n<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>indented\n</code></pre></div></div>\n"),
        ("hard breaks", "two  \nspaces\nback\\\nslash\n",
         "<p>two<br />\nspaces\nback<br />\nslash</p>\n"),
        ("strikethrough", "~~gone~~ ~one~\n",
         "<p><del>gone</del> ~one~</p>\n"),
        ("blockquote", "> quoted\n> text\n>\n> more\n",
         "<blockquote>\n  <p>quoted\ntext</p>\n\n  <p>more</p>\n</blockquote>\n"),
        ("setext", "Title\n=====\n\nSub\n---\n",
         "<h1 id=\"title\">Title</h1>\n\n<h2 id=\"sub\">Sub</h2>\n"),
        ("escapes", "\\* \\_ \\@ \\| \\~\n",
         "<p>* _ \\@ | ~</p>\n"),
    ]

    @Test(arguments: cases) func construct(_ name: String, _ input: String, _ expected: String) {
        // token spans come from the highlighting module; compare code as plain text
        #expect(CodeSpanText.strip(convert(input)) == CodeSpanText.strip(expected), "\(name)")
    }
}

/// Jekyll's `smartify` filter.
struct SmartyPantsTests {
    static let cases: [(String, String, String)] = [
        ("quotes", "\"Hello\" it's 'fine' -- ok...", "“Hello” it’s ‘fine’ – ok…"),
        ("html kept", "<p>\"a\"</p> & b", "<p>\"a\"</p>\n &amp; b"),
    ]

    @Test(arguments: cases) func smartify(_ name: String, _ input: String, _ expected: String) {
        #expect(SmartyPants().convert(input) == expected, "\(name)")
    }
}
