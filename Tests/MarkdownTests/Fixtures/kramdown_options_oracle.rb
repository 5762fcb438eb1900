# Writes kramdown_options_expected.json: for each input below, the HTML Jekyll 4.3.1's kramdown
# converter makes of it with the given `kramdown:` settings on top of Jekyll's defaults.
# KramdownOptionTests reads the file; tests never run Ruby. `transliterated_header_ids` needs the
# stringex gem (Debian: ruby-stringex).
#
#   JEKYLL_NO_BUNDLER_REQUIRE=true ruby Tests/MarkdownTests/Fixtures/kramdown_options_oracle.rb
require 'jekyll'
require 'json'
require 'tmpdir'

HEADERS = "# Überschrift née Straße\n\n## Привет мир\n\n## 中文 标题\n\n## 123 Numbers\n"
DIV_HEADERS = "<div markdown=\"1\">\n#{HEADERS}</div>\n\nText[^n].\n\n[^n]: Note.\n\n    ### Ŧitle in a note\n"
HTML = "<div>\n*x* in div\n\n<p>para *y*</p>\n<span>*z*</span>\n</div>\n\n<section>\n## Inside\n\n- a\n- b\n</section>\n"

CASES = [
  ['transliterated ids in HTML and notes', DIV_HEADERS, { 'transliterated_header_ids' => true }],
  ['transliterated ids, kramdown input', HEADERS, { 'transliterated_header_ids' => true, 'input' => 'kramdown' }],
  ['kramdown input ids', HEADERS + "\n# Hello world\n\n# Hello world\n", { 'input' => 'kramdown' }],
  ['parse_block_html', HTML, { 'parse_block_html' => true }],
  ['parse_span_html off', "a <span>*b*</span> <em>c *d*</em>\n", { 'parse_span_html' => false }],
  ['hard_wrap', "one\ntwo\\\nthree  \nfour\n", { 'hard_wrap' => true }],
  ['auto_ids off and a prefix', "# One\n\n## Two\n", { 'auto_ids' => false }],
  ['auto_id_prefix', "# One\n\n<div markdown=\"1\">\n## Two\n</div>\n", { 'auto_id_prefix' => 'p-' }],
  ['entity_output numeric', "&copy; \"q\" -- &lt; ...\n", { 'entity_output' => 'numeric' }],
  ['entity_output symbolic', "&#169; \"q\" --- &#60; <<x>>\n", { 'entity_output' => 'symbolic' }],
  ['entity_output as_input', "&#169; &copy; \"q\" &#x3c;\n", { 'entity_output' => 'as_input' }],
  ['smart_quotes', "\"double\" and 'single'\n", { 'smart_quotes' => 'lsaquo,rsaquo,laquo,raquo' }],
  ['header_offset', "# One\n\n###### Six\n", { 'header_offset' => 2 }],
  ['footnote_nr and backlink', "a[^1] b[^2] a[^1]\n\n[^1]: x\n[^2]: y\n", { 'footnote_nr' => 5, 'footnote_backlink' => '&uarr;' }],
  ['footnote_backlink empty', "a[^1]\n\n[^1]: x\n\n    ```\n    code\n    ```\n", { 'footnote_backlink' => '' }],
  ['footnote_backlink_inline', "a[^1]\n\n[^1]: x\n\n    * list item\n", { 'footnote_backlink_inline' => true }],
  ['toc_levels', "* toc\n{:toc}\n\n# A\n\n## B\n\n### C\n", { 'toc_levels' => '2..3' }],
  ['math_engine off', "$$x_1$$ and\n\n$$\ny\n$$\n", { 'math_engine' => nil }],
  ['highlighting disabled', "```ruby\nx = 1\n```\n\n`span`\n", { 'syntax_highlighter_opts' => { 'disable' => true } }],
  ['no highlighter', "```ruby\nx = 1\n```\n\n    plain\n\n`span`{: .language-ruby}\n", { 'syntax_highlighter' => nil }],
  ['guess_lang off', "```\nplain\n```\n\n`x`\n", { 'guess_lang' => false }],
  ['block default_lang', "    plain\n\n```\nfenced\n```\n", { 'syntax_highlighter_opts' => { 'block' => { 'default_lang' => 'nosuch' } } }],
  ['typographic_symbols', "a -- b --- c ... << d >>\n", { 'typographic_symbols' => { 'hellip' => '...', 'mdash' => '---', 'laquo_space' => '<<' } }],
]

results = CASES.map do |name, markdown, settings|
  site = Dir.mktmpdir
  config = Jekyll.configuration('quiet' => true, 'source' => site, 'destination' => File.join(site, '_site'),
                                'kramdown' => settings)
  html = Jekyll::Converters::Markdown::KramdownParser.new(config).convert(markdown)
  { 'name' => name, 'kramdown' => settings, 'markdown' => markdown, 'html' => html }
end
File.write(File.join(__dir__, 'kramdown_options_expected.json'), JSON.pretty_generate(results) + "\n")
puts "#{results.size} cases written"
