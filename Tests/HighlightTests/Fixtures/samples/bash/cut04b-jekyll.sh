gem install bundler jekyll
jekyll new my-awesome-site
cd my-awesome-site
bundle exec jekyll serve --livereload --port=4001
# => Now browse to http://localhost:4000
JEKYLL_ENV=production bundle exec jekyll build -d _site
export PATH="$HOME/.gem/bin:$PATH"; source ~/.bashrc
git add . && git commit -m "Initial commit" || echo 'noth