#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Writes the expected HTML for the Highlight differential tests, using Rouge 3.30 (Debian's
# ruby-rouge) as the oracle. Tests only read the files this script writes; they never run Ruby.
#
#   ruby generate.rb            # (re)write samples/LANG/NAME.html for every sample input
#   ruby generate.rb --import   # first extract inputs from ../shared (snippets and case pages)
#
# Layout: samples/LANG/NAME is code to highlight with the lexer Rouge finds for LANG (the
# directory name, exactly as a Markdown fence would give it); samples/LANG/NAME.rouge.html is
# Rouge's HTML formatter output for it. tables/LANG/NAME.rouge.html is the HTMLTable formatter's
# output (with the classes Jekyll's `highlight` tag passes for `linenos`).

require 'rouge'
require 'json'
require 'digest'
require 'cgi'

abort "expected Rouge 3.30, found #{Rouge.version}" unless Rouge.version.start_with?('3.30.')

HERE = File.expand_path(__dir__)
SAMPLES = File.join(HERE, 'samples')
EXPECTED = '.rouge.html'
SHARED = File.expand_path('../../../../shared/markdown', HERE)

def read_utf8(path)
  File.binread(path).force_encoding(Encoding::UTF_8)
end

def highlight(lang, code)
  lexer = Rouge::Lexer.find_fancy(lang, code) or return nil
  Rouge::Formatters::HTML.new.format(lexer.lex(code))
end

def table(lang, code)
  lexer = Rouge::Lexer.find_fancy(lang, code) || Rouge::Lexers::PlainText
  inner = Rouge::Formatters::HTML.new
  Rouge::Formatters::HTMLTable.new(inner, css_class: 'highlight', gutter_class: 'gutter', code_class: 'code')
                              .format(lexer.lex(code))
end

def save_sample(lang, name, code)
  dir = File.join(SAMPLES, lang)
  Dir.mkdir(dir) unless Dir.exist?(dir)
  File.binwrite(File.join(dir, name), code)
end

def unescape(html)
  html.gsub('&lt;', '<').gsub('&gt;', '>').gsub('&amp;', '&')
end

# Snippets from ../shared/markdown/rouge/snippets.json, one file per snippet.
def import_snippets
  snippets = JSON.parse(read_utf8(File.join(SHARED, 'rouge', 'snippets.json')))
  snippets.each_with_index do |(lang, code, _kind), i|
    save_sample(lang, format('snippet-%02d.txt', i), code)
  end
  puts "snippets: #{snippets.size}"
end

# Every highlighted code block in the case pages' expected HTML. The HTML already holds Rouge's
# output; the code is recovered from it and checked to come out the same way again.
def import_cases
  seen = {}
  mismatches = 0
  Dir.glob(File.join(SHARED, 'cases', '**', '*.html')).sort.each do |page|
    html = read_utf8(page)
    blocks = []
    html.scan(%r{<div class="language-([^" ]+)[^"]* highlighter-rouge"><div class="highlight"><pre class="highlight"><code>(.*?)</code></pre>}m) do |lang, body|
      blocks << [lang, body]
    end
    html.scan(%r{<figure class="highlight"><pre><code class="language-([^"]+)" data-lang="[^"]*">(.*?)</code></pre></figure>}m) do |lang, body|
      next if body.start_with?('<table')
      blocks << [lang, body]
    end
    blocks.each do |lang, body|
      next if lang == 'plaintext'
      code = unescape(body.gsub(/<[^>]+>/, ''))
      key = [lang, code]
      next if seen[key]
      seen[key] = true
      out = highlight(lang, code)
      next unless out
      if out != body
        mismatches += 1
        warn "case block differs from Rouge now: #{page} (#{lang})"
      end
      save_sample(lang, "case-#{Digest::SHA1.hexdigest(code)[0, 10]}.txt", code)
    end
  end
  puts "case blocks: #{seen.size} (#{mismatches} differ from the pages)"
end

# Cut each hand-written sample (named NN-…) at a third and two thirds of its length, so that
# every lexer is also checked on input that stops in the middle of a construct.
def derive_cuts
  count = 0
  Dir.glob(File.join(SAMPLES, '*', '[0-9][0-9]-*')).sort.each do |path|
    next if path.end_with?(EXPECTED)
    code = read_utf8(path)
    chars = code.chars
    [3, 2].each_with_index do |div, i|
      cut = chars.size * (i + 1) / 3
      next if cut.zero? || cut >= chars.size
      name = File.basename(path).sub(/\A(\d\d)-/, "cut\\1#{'ab'[i]}-")
      File.binwrite(File.join(File.dirname(path), name), chars[0, cut].join)
      count += 1
    end
  end
  puts "derived cuts: #{count}"
end

if ARGV.include?('--import')
  import_snippets
  import_cases
end
derive_cuts if ARGV.include?('--derive')

count = 0
Dir.glob(File.join(SAMPLES, '*', '*')).sort.each do |path|
  next if path.end_with?(EXPECTED)
  lang = File.basename(File.dirname(path))
  out = highlight(lang, read_utf8(path)) or abort "Rouge has no lexer for #{lang} (#{path})"
  File.binwrite(path + EXPECTED, out)
  count += 1
end
puts "expected outputs: #{count}"

# Rouge's tag and aliases for every lexer the samples use, one lexer a line: what the lookup test
# expects this module to answer to.
names = Dir.children(SAMPLES).map { |d| Rouge::Lexer.find(d) }.uniq.sort_by(&:tag)
File.write(File.join(HERE, 'lexer-names.txt'), names.map { |l| ([l.tag] + l.aliases).join(' ') + "\n" }.join)
puts "lexer names: #{names.size}"

tables = 0
Dir.glob(File.join(HERE, 'tables', '*', '*')).sort.each do |path|
  next if path.end_with?(EXPECTED)
  lang = File.basename(File.dirname(path))
  File.binwrite(path + EXPECTED, table(lang, read_utf8(path)))
  tables += 1
end
puts "table outputs: #{tables}"
