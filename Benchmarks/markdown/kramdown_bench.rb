# Converts every file named on stdin (one path a line) with Jekyll's kramdown converter, ROUNDS
# times, and prints the best round's seconds of CPU time (the thread's, so that a loaded machine
# does not count waiting time). Jekyll's default `kramdown:` settings, Rouge on.
require 'jekyll'
require 'benchmark'
require 'tmpdir'
rounds = Integer(ARGV[0] || 3)
site_dir = Dir.mktmpdir
cfg = Jekyll.configuration('quiet' => true, 'source' => site_dir, 'destination' => File.join(site_dir, '_site'))
conv = Jekyll::Converters::Markdown::KramdownParser.new(cfg)
inputs = STDIN.read.split("\n").map { |f| File.read(f).sub(/\A(?:[ \t]*\n)+/, '') }
best = nil
rounds.times do
  start = Process.clock_gettime(Process::CLOCK_THREAD_CPUTIME_ID)
  inputs.each { |s| conv.convert(s) }
  t = Process.clock_gettime(Process::CLOCK_THREAD_CPUTIME_ID) - start
  best = t if best.nil? || t < best
end
puts best
