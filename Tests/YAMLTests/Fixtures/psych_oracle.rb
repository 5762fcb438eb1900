# Writes psych_expected.json: YAML inputs and what Jekyll's YAML loading makes of them,
#   Psych.safe_load(text, permitted_classes: [Date, Time], aliases: true)
# The Swift tests load the same inputs with the YAML module and compare.
#
# Run from this folder with the Ruby that Jekyll uses (Debian: ruby 3.1, Psych 4.0.3,
# libyaml 0.2.5):   TZ=UTC ruby psych_oracle.rb > psych_expected.json
require "yaml"
require "date"
require "json"

def encode(value, seen = {})
  case value
  when nil then ["null"]
  when true, false then ["bool", value]
  when Integer then ["int", value.to_s]
  when Float then ["float", [value].pack("G").unpack1("H*")]
  when String
    if value.encoding == Encoding::BINARY && !value.ascii_only?
      ["bin", value.unpack1("H*")]
    else
      ["str", value.dup.force_encoding(Encoding::UTF_8)]
    end
  when Time
    zone = if value.utc? then "utc" elsif value.zone.nil? then value.utc_offset else "local" end
    ["time", value.to_i, value.nsec, zone]
  when Date then ["date", value.year, value.mon, value.mday]
  when Array, Hash
    return ["recursive"] if seen[value.object_id]
    seen = seen.merge(value.object_id => true)
    if value.is_a?(Array)
      ["seq", value.map { |item| encode(item, seen) }]
    else
      ["map", value.map { |k, v| [encode(k, seen), encode(v, seen)] }]
    end
  else
    ["other", value.class.to_s, value.inspect]
  end
end

def run(text)
  encode(Psych.safe_load(text, permitted_classes: [Date, Time], aliases: true))
rescue Psych::SyntaxError => e
  ["error", "Psych::SyntaxError", e.message, e.line, e.column, e.problem, e.context]
rescue StandardError, SystemStackError => e
  ["error", e.class.to_s, e.message]
end

# A YAML double-quoted scalar holding exactly `string`.
def quoted(string)
  body = string.each_char.map do |c|
    case c
    when "\\" then "\\\\"
    when "\"" then "\\\""
    when "\n" then "\\n"
    when "\t" then "\\t"
    else c.ord < 0x20 ? format("\\x%02X", c.ord) : c
    end
  end.join
  "\"#{body}\""
end

# Text Psych's scalar scanner sees for a plain scalar; `!!int "…"` makes it tokenize
# any string (the int tag itself is ignored), so both spellings are probed.
SCALARS = [
  "", "~", "null", "Null", "NULL", "nULL", "nul", "y", "Y", "n", "N", "yes", "Yes", "YES", "yEs", "no", "No", "NO",
  "on", "On", "ON", "oN", "off", "Off", "OFF", "true", "True", "TRUE", "tRuE", "false", "False", "FALSE", "fAlSe",
  "yeſ", "Yeſ", "oﬀ", "falſe", "truee", "nope", "tru", "offf", "~~", "null!", "on\nx", "on\non", "x\non", "no\n",
  "on\n\nx", "\non", "yes ", " yes", "ـyes",
  "0", "00", "000", "01", "07", "08", "09", "010", "0_7", "0,7", "0_", "0,", "-0", "+0", "-01", "+017", "0o17", "0O17",
  "1", "12", "-12", "+12", "1_000", "1,000", "1__000", "1_", "_1", "1,", "1,0,0", "1_0_0", "123456789012345678",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
  "123456789012345678901234567890", "-123456789012345678901234567890",
  "0b", "0b_", "0b1", "0b101", "-0b101", "+0b1_01", "0b102", "0B101", "0b,",
  "0x", "0x_", "0x1", "0x1A", "0x1a", "-0x1F", "+0xff", "0x_1_F", "0xG", "0X1A", "0x123456789012345678901234567890",
  "0xFFFFFFFFFFFFFFFF", "0x7FFFFFFFFFFFFFFF", "0x8000000000000000", "-0x8000000000000000",
  "1.0", "1.5", "-1.5", "+1.5", ".5", "-.5", "+.5", "1.", "-1.", ".", "-.", "+.", "..", "1.2.3", "1_000.5", "1,000.5",
  "1.0e+5", "1.0e-5", "1.0E+5", "1.0e5", "1e5", "1e+5", "1.e+5", "-.e+5", ".e+5", "1.5e+400", "1.5e-400", "-1.5e+400",
  "0.1", "0.30000000000000004", "3.141592653589793238462643383279", "1_.5", "1._5", "1.5_",
  "12345678901234567890.5", "0.000000000000000000000000000001",
  ".inf", ".Inf", ".INF", ".iNf", "+.inf", "-.inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "-.nan", "+.nan",
  "inf", "nan", "Infinity", ".infinity",
  ":foo", ":", "::", ":1", ":\"a\"", "a:", "1:", "1:30", "1:3", "1:60", "1:59", "-1:30", "+1:30", "-0:30", "1:30:45",
  "1:30:45:10", "1_0:30", "1__0:30", "1:30.5", "1:30:45.5", "1:30.", "-1:30.5", "1:30.5_5", "1:30._5", "1:30.5__5",
  "123456789012345678901:30", "-123456789012345678901:30:15", "1:6", "01:02", "1:02:3",
  "2001-12-14", "2001-1-1", "2001-01-01", "2001-13-01", "2001-12-32", "2001-00-10", "2001-10-00", "2001-02-29",
  "2000-02-29", "1900-02-29", "1600-02-29", "1500-02-29", "1582-10-04", "1582-10-05", "1582-10-14", "1582-10-15",
  "0000-01-01", "9999-12-31", "20011-01-01", "2001-001-01", "2001-01-001", "2001-1-", "-2001-01-01",
  "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43Z", "2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.10",
  "2001-12-15 2:59:43.10", "2001-12-14 21:59:43 +05:30", "2001-12-14 21:59:43+0530", "2001-12-14 21:59:43 +530",
  "2001-12-14 21:59:43 +5:30", "2001-12-14 21:59:43 +5:", "2001-12-14 21:59:43 +05:3", "2001-12-14 21:59:43 +123",
  "2001-12-14 21:59:43 -00:30", "2001-12-14 21:59:43 -01:30", "2001-12-14 21:59:43 +23:59", "2001-12-14 21:59:43 +24:00",
  "2001-12-14 21:59:43 -24:00", "2001-12-14 21:59:43 z", "2001-12-14 21:59:43  Z", "2001-12-14 21:59:43Z ",
  "2001-12-14 21:59:43 ", "2001-12-14  21:59:43", "2001-12-14\t21:59:43", "2001-12-14\t 21:59:43",
  "2001-12-14 21:59:43.", "2001-12-14 21:59:43.123456789", "2001-12-14 21:59:43.123456789123",
  "2001-12-14 21:59:43.5Z", "2001-00-01 00:00:00", "2001-01-00 00:00:00", "2001-01-32 00:00:00",
  "2001-02-31 00:00:00", "2001-02-31 00:00:00 +01:00", "2001-01-01 24:00:00", "2001-01-01 24:00:01",
  "2001-01-01 24:00:00.5", "2001-01-01 24:00:00 +01:00", "2001-01-01 25:00:00", "2001-01-01 23:60:00",
  "2001-01-01 23:59:60", "2001-01-01 23:59:61", "2001-01-01 23:59:60 +01:00", "2001-01-01 23:59:60.5 Z",
  "-0001-01-01 00:00:00", "0000-02-29 00:00:00", "1500-02-29 00:00:00", "1582-10-10 00:00:00",
  "1969-12-31 23:59:59.5", "1900-01-01 00:00:00 -12:00", "2001-1-1 1:00:00", "2001-01-01 1:2:03",
  "2001-01-01 01:02:3", "2001-01-01T01:02:03", "2001-01-01tt01:02:03",
  "<<", "=", "!", "@", "%", "&", "*", "|", ">", "'", "\"", "?", "-", "+", "_", ",", "[", "]", "{", "}", "#",
  "a b", "hello", "Hello world", "é", "über", "日本", "€5", "+x", "-x", ".x", "x.5", "1x", "1 2", "5%",
  "1/2", "12:34 pm", "v1.2.3", "1.2.3.4", "\u00A0", "1\u00A0", "_foo", "foo_", "$1", "#1", "a#b",
]

DOCUMENTS = [
  # Documents, streams, empty input.
  "", " ", "\n", "# only a comment\n", "---", "--- \n", "---\n...\n", "--- a\n--- b\n", "a: 1\n--- [\n",
  "a: 1\n...\n--- 2", "%YAML 1.1\n--- x", "%YAML 1.1\n-- x", "%TAG !e! tag:example.com,2000:\n-- !e!foo 1", "%YAML 1.2\n--- 1", "%YAML 2.0\n--- 1", "%TAG !e! tag:example.com,2000:\n--- !e!foo 1",
  "\xEF\xBB\xBFa: 1", "a: 1\r\nb: 2\r\n", "a: 1\rb: 2",
  # Mappings and sequences.
  "a: 1\nb: [x, y]\nc: {d: e}", "- 1\n- - 2\n  - 3\n- {a: b}", "a:\nb: ~\nc: ''", "? [1, 2]\n: x", "? {a: 1}\n: x",
  "{1: a, 1.0: b, '1': c}", "{a: 1, a: 2, b: 3}", "{0.0: 1, -0.0: 2}", "{.nan: 1, .NaN: 2}", "{~: 1, null: 2, '': 3}",
  "{true: 1, yes: 2, on: 3}", "{2001-01-01: a, 2001-1-1: b}", "{[1, 2]: a, [1, 2]: b}", "{{a: 1, b: 2}: x, {b: 2, a: 1}: y}",
  "a: |\n  line 1\n  line 2\nb: >\n  folded\n  text\n", "a: |-\n  12\nb: >+\n  yes\n\n", "a: 'yes'\nb: \"12\"\nc: '~'",
  "a: \"\\t\\u00e9\\x41\"", "a: 'it''s'", "- \"1\"\n- '1'\n- 1", "a: b: c", "a: [1, 2", "- a\nb: 1", "a: 1\n b: 2",
  "a:\n  - b\n  c: d", "[1, 2]]", "{a: 1", "a: \"unterminated", "a: 'x\n", "\tx: 1", "a: @b", "a: `b", "a: %b",
  "- [a, b]: c", "*", "&", "!<", "a: !<tag:yaml.org,2002:str> 12", "a: !<!> 12", "a: !!python/str 12",
  "&a\n", "a: &anchor\nb: *anchor", "a: &x 1\nb: &x 2\nc: *x", "a: *x", "a: &x [*x]", "a: &x {b: *x}",
  "a: &x [1, &x 2, *x]", "a: &x [&y 1, *y]", "&a a: *a", "a: &k <<\nb: {*k : {x: 1}}", "{&k a: 1, *k : 2}",
  "a: &a [1, 2]\nb: *a\nc: [*a, *a]", "- &a x\n- *a\n- &a y\n- *a",
  # Merge keys.
  "base: &base {a: 1, b: 2}\nderived:\n  <<: *base\n  b: 3", "base: &base {a: 1, b: 2}\nderived:\n  b: 3\n  <<: *base",
  "{<<: {a: 1}, a: 2}", "{a: 2, <<: {a: 1}}", "{b: 0, <<: [{a: 1, b: 1}, {b: 2, c: 2}]}", "{'<<': {a: 1}}",
  "{\"<<\": {a: 1}}", "{!!str <<: {a: 1}}", "{!str <<: {a: 1}}", "{!foo <<: {a: 1}}", "{<<: [{a: 1}, 2]}", "{<<: 1}",
  "{<<: }", "{<<: &a [1]}", "x: &a [1]\ny: {<<: *a}", "x: &a 1\ny: {<<: *a}", "{<<: []}", "{<<: [], a: 1}",
  "{<<: !!omap [a: 1]}", "{<<: !!omap []}", "{<<: {<<: {a: 1}}}", "a: &a {x: 1}\nb: &b {y: 2}\nc: {<<: [*a, *b], z: 3}",
  "a: &a {x: 1}\nb: {<<: [*a, {x: 2}]}", "{<<: {a: 1}, <<: {b: 2}}", "a: {<<: {b: 1}, b: 2, <<: {b: 3}}",
  "[<<, {<<: x}]", "{x: {<<: {a: 1}}, <<: {x: 2}}",
  # Tags on scalars.
  "!!str 12", "!!str", "!!str ~", "!!int 12", "!!int '12'", "!!int abc", "!!int 1.5", "!!int", "!!null x", "!!null",
  "!!bool yes", "!!bool 'no'", "!!bool x", "!!float 1", "!!float '1.5'", "!!float 1e5", "!!float abc", "!!float",
  "!!float 0x1A", "!!float ' 1_5.5 '", "!!float 1_5", "!!float 1__5", "!!float '1.'", "!!float '.5'", "!!float 0b1",
  "!!float 2001-01-01", "!!float 2001-01-01 00:00:00", "!!float 2001-01-01 00:00:00.5Z", "!!float yes",
  "!!float 12345678901234567890123", "!!float 0x1p3", "!!float 0x1.8p1", "!!float '0x'", "!!float 1e_5", "!!float 1e5_",
  "!!float '1_000.000_5e1_0'", "!float 12", "!!float .inf", "!!float 1:30", "!!float 0x1.81", "!!float 0x1.8",
  "!!float 0x1_0", "!!float 0x1.8p1_0", "!!float 0x1.8e1", "!!float '0x.8p1'", "!!float 0x1P-3", "!!float '0x_1'",
  "!!timestamp 2001-01-01", "!!timestamp x", "! 12", "! '12'", "!foo 12", "!foo 'bar'", "!!binary aGVsbG8=",
  "!!binary \"aGVs\\nbG8=\"", "!binary aGk=", "!!binary \"/w==\"", "!!binary aGVsbG8", "!!binary aGVsbA", "!!binary a",
  "!!binary \"a=GVsbG8=\"", "!!binary \"aG=Vs\"", "!!binary \"aGVs=bG8=\"", "!!binary \"*a G V s b G 8 =\"", "!!binary ''",
  "!!binary \"5pel5pys\"", "!str x", "!str:Foo x", "!str: x", "!ruby/string x", "!ruby/string:Foo x",
  "!ruby/object:BigDecimal 1", "!ruby/object:DateTime 2001-01-01", "!ruby/encoding UTF-8", "!ruby/object:Complex 1",
  "!ruby/object:Rational 1/2", "!ruby/class Foo", "!ruby/class ''", "!ruby/module Kernel", "!ruby/class Date",
  "!ruby/regexp /a/", "!ruby/range 1..2", "!ruby/sym foo", "!ruby/symbol foo", "!ruby/sym:foo x", "!ruby/object x",
  "a: !!str\nb: !!int", "[!!str , !!int , !!null ]", "!!merge <<", "!!value =",
  # Tags on collections.
  "!!map {a: 1}", "!!seq [1]", "!!seq {a: 1}", "!!map [1]", "!foo {a: 1}", "!foo [1]", "!!set {a, b}", "!set {a: 1}",
  "!!set [a]", "!!omap [a: 1, b: 2]", "!!omap [a: 1, a: 2]", "!!omap [{a: 1, b: 2}]", "!!omap [[1, 2, 3]]", "!!omap [1]",
  "!!omap [{}]", "!!omap []", "!omap [a: 1]", "!!omap {a: 1}", "!!omap [{<<: {x: 1}}]", "!ruby/object:Hash {a: 1}",
  "!ruby/object:Foo {a: 1}", "!ruby/object {a: 1}", "!ruby/object: {a: 1}", "!ruby/object:Complex {real: 1}",
  "!ruby/struct {a: 1}", "!ruby/struct:Foo {a: 1}", "!ruby/array:Foo [1]", "!seq:Foo [1]", "!ruby/array:Foo {}",
  "!ruby/range {begin: 1}", "!ruby/exception {message: x}", "!ruby/exception:Foo {}", "!map:Foo {}", "!ruby/hash:Foo {}",
  "!ruby/marshalable:Foo {}", "!ruby/hash-with-ivars {elements: {a: 1}}", "!ruby/hash-with-ivars {elements: {a: 1}, ivars: {'@x': 1}}",
  "!ruby/hash-with-ivars {elements: {a: 1}, ivars: {x: 1}}", "!ruby/hash-with-ivars:Foo {}", "!ruby/hash-with-ivars {}",
  "!!str {str: hi}", "!!str {}", "!!str {str: hi, b: 1}", "!!str {str: 1, b: 1}", "!!str {str: hi, 1: x}",
  "!str {str: [1]}", "!str:Foo {str: x}", "!ruby/object:Date {}", "!ruby/struct:Time {}",
  # Whole files as sites have them.
  <<~CONFIG,
    title: My Blog
    email: me@example.com
    description: >- # this means to ignore newlines until "baseurl:"
      Write an awesome description for your new site here. You can edit this
      line in _config.yml.
    baseurl: "" # the subpath of your site, e.g. /blog
    url: "https://example.com"
    twitter_username: jekyllrb
    github_username:  jekyll
    timezone: America/New_York
    future: false
    paginate: 5
    markdown: kramdown
    kramdown:
      input: GFM
      hard_wrap: false
      syntax_highlighter_opts: {css_class: highlight, span: {line_numbers: false}}
    theme: minima
    plugins:
      - jekyll-feed
      - jekyll-seo-tag
    collections:
      projects:
        output: true
        permalink: /:collection/:path/
    defaults:
      - scope:
          path: ""
          type: posts
        values:
          layout: post
          comments: true
      - scope: {path: "projects", type: projects}
        values: {layout: project, sidebar: on}
    sass:
      style: compressed
      sourcemap: never
    exclude: [Gemfile, Gemfile.lock, node_modules, vendor/bundle/, "*.gemspec"]
    version: 1.10
    build: 007
    ratio: 16:9
    started: 2019-03-04
  CONFIG
  <<~FRONT,
    layout: post
    title:  "Welcome to Jekyll!"
    date:   2015-11-10 20:01:51 +0100
    categories: jekyll update
    tags: [ruby, "static sites", 2015]
    author:
      name: Jane
      twitter: "@jane"
    excerpt_separator: <!--more-->
    redirect_from:
      - /old/
      - /older.html
    published: yes
    last_modified_at: 2016-01-01T10:00:00Z
    image: /assets/img/pic.jpg
    price: $5
    rating: 4.5
    toc: on
  FRONT
  <<~DATA,
    - name: Home
      url: /
    - name: Blog
      url: /blog/
      children:
        - {name: "2023", url: /blog/2023/}
        - {name: Tags, url: /tags/}
    - &about
      name: About
      url: /about/
      external: false
    - <<: *about
      name: About (mirror)
  DATA
  <<~PEOPLE,
    people:
      alice: &person {role: author, active: true, since: 2001-02-03, score: 0x1F, height: 1.70}
      bob:
        <<: *person
        role: editor
        score: 1_000
      carol: {<<: [*person, {role: guest, note: ~}], active: off}
  PEOPLE
  # Errors Psych raises while converting, and syntax errors after them.
  "a: :sym\nb: [", "a: 0x_\nb: {", "- *unknown\n- [", "a: [1, 2, 3]\nb: 0b_",
]

cases = []
SCALARS.each do |s|
  cases << s
  cases << "!!int #{quoted(s)}"
  cases << "key: #{s}"
end
DOCUMENTS.each { |d| cases << d }

# Generated scalars, from a fixed seed so the fixture is stable.
rng = Random.new(20_240_601)
pick = ->(alphabet, range) { Array.new(rng.rand(range)) { alphabet[rng.rand(alphabet.size)] }.join }
600.times { cases << "!!int #{quoted(pick.call('0123456789+-._,:eE', 1..8))}" }
300.times { cases << "!!int #{quoted(%w[0x 0b 0 -0x +0b -0].sample(random: rng) + pick.call('0123456789abcdefABCDEF_,', 0..6))}" }
templates = ["2001-12-14 21:59:43.10 -05:00", "2001-12-14T21:59:43Z", "2001-2-3 4:05:06 +7", "2001-12-14"]
500.times do
  text = templates.sample(random: rng).dup
  rng.rand(1..3).times do
    position = rng.rand(text.size)
    case rng.rand(3)
    when 0 then text[position] = "0123456789:-+. tTZ"[rng.rand(18)]
    when 1 then text.slice!(position)
    else text.insert(position, "0123456789:-+. "[rng.rand(15)])
    end
  end
  cases << "!!int #{quoted(text)}"
end
300.times do
  word = %w[yes no on off true false null ~ y n].sample(random: rng)
  cases << "!!int #{quoted(word.chars.map { |c| rng.rand(2).zero? ? c.upcase : c }.join + ['', '', 'x', "\n"].sample(random: rng))}"
end

# Random mutations of everything above, for inputs nobody thought of.
cases.uniq!
table_size = cases.size
seeds = cases.dup
symbols = "-:?[]{},&*!|>'\"%@`#~<=+._0123456789abyontfeExT \n\t\\/".chars
4000.times do
  text = seeds.sample(random: rng).dup
  rng.rand(1..4).times do
    position = rng.rand(text.size + 1)
    case rng.rand(4)
    when 0 then text[position] = symbols.sample(random: rng) if position < text.size
    when 1 then text.slice!(position) if position < text.size
    when 2 then text.insert(position, symbols.sample(random: rng))
    else text.insert(position, seeds.sample(random: rng)[0, 20])
    end
  end
  cases << text if text.valid_encoding?
end

cases = cases.first(table_size) + (cases.drop(table_size).uniq - cases.first(table_size))
puts JSON.pretty_generate(cases.each_with_index.map { |text, index|
  { "yaml" => text, "psych" => run(text), "mutation" => index >= table_size }
})
