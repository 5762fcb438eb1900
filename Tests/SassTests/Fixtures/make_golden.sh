#!/bin/sh
# Builds site/ with Jekyll 4.3.1 (jekyll-sass-converter 2.2 on sassc 2.4 / libsass 3.6.5)
# once with its defaults and once per file in configs/, and keeps the CSS and source maps
# it writes in golden/<variant>/. The Sass tests compile the same pages with the options
# Jekyll uses and compare byte for byte.
set -eu
cd "$(dirname "$0")"
rm -rf golden
for variant in default $(cd configs && ls | sed 's/\.yml$//'); do
    out=$(mktemp -d)
    config=site/_config.yml
    [ "$variant" = default ] || config="$config,configs/$variant.yml"
    JEKYLL_NO_BUNDLER_REQUIRE=true jekyll build --quiet -s site -d "$out" --config "$config"
    mkdir -p "golden/$variant"
    cp "$out"/assets/css/* "golden/$variant/"
    rm -rf "$out"
done
