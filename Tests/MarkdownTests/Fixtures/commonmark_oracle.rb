# Writes commonmark_expected.json: for each input below, the HTML Jekyll 4.3.1's CommonMark
# converter (jekyll-commonmark 1.4.0 over commonmarker 0.23.6, from Debian) makes of it with
# the given `commonmark:` settings. CommonMarkTests reads the file; tests never run Ruby.
#
#   JEKYLL_NO_BUNDLER_REQUIRE=true ruby Tests/MarkdownTests/Fixtures/commonmark_oracle.rb
#
# (jekyll-commonmark-ghpages, the GitHub Pages variant, has no Debian package, so it has no
# fixtures here.)
require 'jekyll'
require 'jekyll-commonmark'
require 'json'

ALL_EXT = %w[table strikethrough autolink tagfilter tasklist].freeze

CASES = [
  ['paragraphs', "One *em* **strong** `code`\nsoft break\n\nTwo  \nhard break\\\nagain\n", [], []],
  ['escapes and entities', "5 < 6 & \"quotes\" 'single' &copy; &#169; &amp; \\* \\_\n", [], []],
  ['headers', "# One\n\n## Two ##\n\nSetext\n======\n\nOther\n---\n", [], []],
  ['links and images', "[a](http://x.org \"T\") [b][r] <http://auto.example> ![alt *x*](i.png \"t\")\n\n[r]: /ref\n", [], []],
  ['lists', "- a\n- b\n\n1. one\n2. two\n\n3) three\n\n- loose\n\n- items\n", [], []],
  ['nested list', "- a\n  - b\n    1. c\n\n  para\n- d\n", [], []],
  ['ordered start', "5. five\n6. six\n", [], []],
  ['blockquote', "> quote *x*\n> more\n>\n> - item\n\nlazy\n> line\ncontinued\n", [], []],
  ['thematic breaks', "***\n\n- - -\n\n___\n", [], []],
  ['indented code', "    code <b>\n    & more\n\ntext\n", [], []],
  ['fenced code', "```\nplain <x>\n```\n\n~~~ nosuchlang extra\nz\n~~~\n\n```text\nt\n```\n", [], []],
  ['fenced code with a known language', "```ruby\nputs 1\n```\n", [], []],
  ['html safe', "<div>\n*x*\n</div>\n\ninline <span>x</span> <b>y</b>\n", [], []],
  ['html unsafe', "<div>\n*x*\n</div>\n\ninline <span>x</span> <!-- c -->\n\n<script>alert(1)</script>\n", ['UNSAFE'], []],
  ['tagfilter', "<title>x</title>\n\n<p><textarea>y</textarea></p>\n", ['UNSAFE'], ['tagfilter']],
  ['table', "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| x |\n", [], ['table']],
  ['table without body', "| a | b |\n|---|---|\n", [], ['table']],
  ['strikethrough', "~one~ ~~two~~\n", [], ['strikethrough']],
  ['autolink', "visit https://example.com and www.example.org or me@example.com.\n", [], ['autolink']],
  ['tasklist', "- [ ] todo\n- [x] done\n- plain\n\n1. [ ] one\n", [], ['tasklist']],
  ['all extensions', "- [x] ~~gone~~ https://x.org\n\n| t |\n|---|\n| <xmp> |\n", ['UNSAFE'], ALL_EXT],
  ['footnotes', "Text[^1] and[^note].\n\n[^1]: First.\n[^note]: Second *x*.\n\n    More.\n", ['FOOTNOTES'], []],
  ['smart punctuation', "\"Hello,\" she said -- it's 'fine' --- ok...\n", ['SMART'], []],
  ['hardbreaks', "a\nb\n", ['HARDBREAKS'], []],
  ['nobreaks', "a\nb\n", ['NOBREAKS'], []],
  ['github pre lang', "```ruby x\ncode\n```\n\n```\nplain\n```\n", ['GITHUB_PRE_LANG'], []],
  ['sourcepos', "# H\n\npara *x*\n\n- a\n\n```\nc\n```\n", ['SOURCEPOS'], []],
  ['tight and loose', "- a\n\n  b\n- c\n\n> - q\n> - r\n", [], []],
  ['empty list item', "-\n- a\n-\n", [], []],
  ['code span spaces', "`` a ` b `` ` c `\n", [], []],
  ['link reference forms', "[x][] [X] [y]\n\n[x]: <a b> 'T'\n[Y]: /y\n", [], []],
  ['image inside link', "[![i](a.png)](b)\n", [], []],
  ['unicode', "Größe — “typo” 中文 😀\n\n# Ünïcödé\n", [], []],
  ['entity edge cases', "&nbsp; &bogus; &#x1F600; &#0;\n", [], []],
  ['raw html omitted inline', "a <em>b</em> <!-- c --> <?php x ?>\n", [], []],
  ['setext paragraph', "a\nb\n===\n", [], []],
  ['liberal html tag', "<foo bar=\"baz\">\n", ['UNSAFE', 'LIBERAL_HTML_TAG'], []],
  ['strikethrough double tilde', "~one~ ~~two~~\n", ['STRIKETHROUGH_DOUBLE_TILDE'], ['strikethrough']],
  ['table with inline', "| *a* | `b|c` |\n|---|---|\n| [l](u) | \\| |\n", [], ['table']],
  ['footnote in list', "- item[^a]\n\n[^a]: note\n", ['FOOTNOTES'], []],
  ['footnote referenced twice, ending in code', "a[^x] b[^x] c[^y]\n\n[^x]: one\n[^y]:\n\n        code\n", ['FOOTNOTES'], []],
  ['footnote in a table', "| a[^t] |\n|---|\n| b |\n\n[^t]: note\n", ['FOOTNOTES'], ['table']],
  ['code in a list', "1. item\n\n   ```python\n   x = 1\n   ```\n2. next\n", [], []],
  ['nested tasklist', "- [ ] a\n  - [x] b\n", [], ['tasklist']],
  ['smart edge cases', "'90s \"a 'b' c\" don't -- --- ... ''\n", ['SMART'], []],
  ['unsafe with tagfilter in a table', "| <script>x</script> | <b>y</b> |\n|---|---|\n", ['UNSAFE'], %w[table tagfilter]],
]

results = CASES.map do |name, markdown, options, extensions|
  config = Jekyll::Configuration::DEFAULTS.merge('commonmark' => { 'options' => options, 'extensions' => extensions })
  converter = Jekyll::Converters::Markdown::CommonMark.new(config)
  { 'name' => name, 'options' => options, 'extensions' => extensions, 'markdown' => markdown,
    'html' => converter.convert(markdown) }
end
File.write(File.join(__dir__, 'commonmark_expected.json'), JSON.pretty_generate(results) + "\n")
puts "#{results.size} cases written"
