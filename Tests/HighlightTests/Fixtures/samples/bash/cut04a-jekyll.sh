gem install bundler jekyll
jekyll new my-awesome-site
cd my-awesome-site
bundle exec jekyll serve --livereload --port=4001
# => Now browse to http://localhost:4000
J