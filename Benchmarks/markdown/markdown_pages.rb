# Prints, one a line, the destination-relative paths of the pages and documents of a site that
# Jekyll converts from Markdown. Reads and generates the site only; nothing is rendered or written.
#   JEKYLL_NO_BUNDLER_REQUIRE=true ruby markdown_pages.rb SOURCE
require 'jekyll'
source = ARGV.fetch(0)
destination = '/destination'
site = Jekyll::Site.new(Jekyll.configuration('source' => source, 'destination' => destination, 'quiet' => true))
site.reset
site.read
site.generate
markdown = site.find_converter_instance(Jekyll::Converters::Markdown)
(site.pages + site.documents).each do |item|
  next unless markdown.matches(item.extname)
  next if item.respond_to?(:write?) && !item.write?
  puts item.destination(destination).delete_prefix(destination + '/')
end
