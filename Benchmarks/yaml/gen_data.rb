# Writes a large Jekyll-style data file (a list of records) to the path given.
require "yaml"
require "date"
rng = Random.new(7)
words = %w[alpha beta gamma delta static site jekyll liquid post page layout include data yes no on 1.5 0x1F 2020-01-01]
records = Array.new(Integer(ARGV[1] || 40_000)) do |i|
  {
    "id" => i,
    "title" => Array.new(rng.rand(2..8)) { words[rng.rand(words.size)] }.join(" "),
    "slug" => "post-#{i}",
    "date" => Date.new(2000 + rng.rand(24), rng.rand(1..12), rng.rand(1..28)),
    "published" => rng.rand(2).zero?,
    "weight" => rng.rand * 100,
    "tags" => Array.new(rng.rand(0..5)) { words[rng.rand(words.size)] },
    "author" => { "name" => "Author #{rng.rand(100)}", "email" => "a#{i}@example.com", "url" => nil },
  }
end
File.write(ARGV[0], records.to_yaml)
