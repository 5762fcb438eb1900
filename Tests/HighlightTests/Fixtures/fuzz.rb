#!/usr/bin/env ruby
# frozen_string_literal: true
#
# A development aid, not a test: writes random variations of the fixture samples (slices, shuffled
# lines, samples of other languages) with Rouge's output into a scratch directory, for
#   swift run highlight-bench check DIR
#
#   ruby fuzz.rb DIR [COUNT_PER_LANGUAGE] [SEED]
require 'rouge'
require 'fileutils'

dir = ARGV[0] or abort 'usage: fuzz.rb DIR [COUNT] [SEED]'
count = (ARGV[1] || 20).to_i
rng = Random.new((ARGV[2] || 1).to_i)
samples = File.join(__dir__, 'samples')
languages = Dir.children(samples).sort
all_texts = Dir.glob(File.join(samples, '*', '*')).reject { |p| p.end_with?('.rouge.html') }
               .map { |p| File.binread(p).force_encoding('UTF-8') }

languages.each do |lang|
  texts = Dir.glob(File.join(samples, lang, '*')).reject { |p| p.end_with?('.rouge.html') }
             .map { |p| File.binread(p).force_encoding('UTF-8') }
  next if texts.empty?
  out = File.join(dir, lang)
  FileUtils.mkdir_p(out)
  count.times do |i|
    base = texts[rng.rand(texts.size)].chars
    code = case i % 4
           when 0 # a random slice
             a = rng.rand(base.size + 1)
             b = a + rng.rand(base.size - a + 1)
             base[a...b].join
           when 1 # shuffled lines
             base.join.lines.shuffle(random: rng).join
           when 2 # two slices spliced
             other = all_texts[rng.rand(all_texts.size)].chars
             base[0, rng.rand(base.size + 1)].join + other[rng.rand(other.size + 1)..].join
           else # characters shuffled within a window
             a = rng.rand(base.size + 1)
             w = base[a, 40] || []
             (base[0, a] + w.shuffle(random: rng) + (base[(a + 40)..] || [])).join
           end
    lexer = Rouge::Lexer.find_fancy(lang, code)
    html = begin
      Rouge::Formatters::HTML.new.format(lexer.lex(code))
    rescue StandardError
      next # Rouge itself fails on this input
    end
    File.binwrite(File.join(out, format('fuzz-%03d.txt', i)), code)
    File.binwrite(File.join(out, format('fuzz-%03d.txt.rouge.html', i)), html)
  end
end
