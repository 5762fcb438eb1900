# frozen_string_literal: true

# ruby-liquid's side of the benchmark: for each fixture directory (templates/*.liquid with
# index.liquid as the entry point, data.json), time parsing index.liquid and rendering it
# (render!, partials read through a memory file system as golden-liquid's benchmark.rb does;
# then again with the partials parsed in every render).
# Parsing covers every template of the fixture. Prints one JSON line per fixture. Usage: ruby benchmark.rb SECONDS DIR...
require "json"
require "liquid"

class MemoryFileSystem
  def initialize(templates)
    @templates = templates
  end

  def read_template_file(path)
    @templates.fetch(path) { raise Liquid::FileSystemError, "No such template '#{path}'" }
  end
end

# FNV-1a 64 of the output, to check both engines rendered the same bytes.
def fnv1a(string)
  hash = 0xcbf29ce484222325
  string.each_byte { |b| hash = ((hash ^ b) * 0x100000001b3) & 0xffffffffffffffff }
  format("%016x", hash)
end

# CPU time of this process (robust when other processes share the machine): batches of about
# a tenth of the budget; the median batch gives the time per run.
def cpu_now
  Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
end

def measure(seconds)
  3.times { yield }
  batch = 1
  loop do
    t = cpu_now
    batch.times { yield }
    break if cpu_now - t >= seconds / 10.0 || batch >= 1 << 20
    batch *= 2
  end
  samples = []
  total = 0.0
  while total < seconds || samples.size < 5
    t = cpu_now
    batch.times { yield }
    dt = cpu_now - t
    samples << dt / batch
    total += dt
  end
  [samples.sort[samples.size / 2], samples.size * batch]
end

seconds = Float(ARGV.shift)
ARGV.each do |dir|
  name = File.basename(dir)
  templates = {}
  Dir[File.join(dir, "templates", "*.liquid")].each do |path|
    text = File.read(path)
    templates[File.basename(path)] = text
    templates[File.basename(path, ".liquid")] = text
  end
  source = templates.fetch("index.liquid")
  data = JSON.parse(File.read(File.join(dir, "data.json")))
  fs = MemoryFileSystem.new(templates)
  template = Liquid::Template.parse(source, line_numbers: true)
  output = template.render!(data, registers: { file_system: fs })

  sources = Dir[File.join(dir, "templates", "*.liquid")].sort.map { |path| File.read(path) }
  parse, parse_n = measure(seconds) { sources.each { |s| Liquid::Template.parse(s, line_numbers: true) } }
  # A template keeps the partials it parsed in its own registers (`cached_partials`), so its
  # renders after the first parse no partial; kyll's side shares one PartialCache the same way.
  render, render_n = measure(seconds) { template.render!(data, registers: { file_system: fs }) }
  # A fresh `cached_partials` per render: partials parsed in every render (kyll: no PartialCache).
  render_parsing, = measure(seconds) { template.render!(data, registers: { file_system: fs, cached_partials: {} }) }
  puts JSON.generate({ engine: "ruby-liquid #{Liquid::VERSION}", workload: name,
                       parse: parse, parse_iterations: parse_n, render: render, render_iterations: render_n,
                       render_parsing_partials: render_parsing,
                       output_bytes: output.bytesize, output_fnv1a: fnv1a(output) })
  $stdout.flush
end
