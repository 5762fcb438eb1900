gem install bundler jekyll
jekyll new my-awesome-site
cd my-awesome-site
bundle exec jekyll serve --livereload --port=4001
# => Now browse to http://localhost:4000
JEKYLL_ENV=production bundle exec jekyll build -d _site
export PATH="$HOME/.gem/bin:$PATH"; source ~/.bashrc
git add . && git commit -m "Initial commit" || echo 'nothing'
ls -la *.md | grep -v draft > list.txt 2>&1
echo $'ansi\tstring\n' $"localized"
test -f file.txt.bak && mv file.txt.bak file.txt
cat.exe foo
ls-files
. ./env.sh
