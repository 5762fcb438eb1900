import Liquid

/// Jekyll 4.3's default configuration, key for key and in Jekyll's order (the order shows in
/// `site | jsonify` and `inspect`). Source and destination are filled in by the loader.
enum ConfigurationDefaults {
    static func hash(source: String) -> OrderedHash {
        var h = OrderedHash(minimumCapacity: 48)
        h["source"] = .string(source)
        h["destination"] = .string(Path.join(source, "_site"))
        h["collections_dir"] = ""
        h["cache_dir"] = ".jekyll-cache"
        h["plugins_dir"] = "_plugins"
        h["layouts_dir"] = "_layouts"
        h["data_dir"] = "_data"
        h["includes_dir"] = "_includes"
        h["collections"] = .hash(OrderedHash())
        h["safe"] = false
        h["include"] = [".htaccess"]
        h["exclude"] = []
        h["keep_files"] = [".git", ".svn"]
        h["encoding"] = "utf-8"
        h["markdown_ext"] = "markdown,mkdown,mkdn,mkd,md"
        h["strict_front_matter"] = false
        h["show_drafts"] = .nil
        h["limit_posts"] = 0
        h["future"] = false
        h["unpublished"] = false
        h["whitelist"] = []
        h["plugins"] = []
        h["markdown"] = "kramdown"
        h["highlighter"] = "rouge"
        h["lsi"] = false
        h["excerpt_separator"] = "\n\n"
        h["incremental"] = false
        h["detach"] = false
        h["port"] = "4000"
        h["host"] = "127.0.0.1"
        h["baseurl"] = .nil
        h["show_dir_listing"] = false
        h["permalink"] = "date"
        h["paginate_path"] = "/page:num"
        h["timezone"] = .nil
        h["quiet"] = false
        h["verbose"] = false
        h["defaults"] = []
        h["liquid"] = [
            "error_mode": "warn",
            "strict_filters": false,
            "strict_variables": false,
        ]
        h["kramdown"] = [
            "auto_ids": true,
            "toc_levels": [1, 2, 3, 4, 5, 6],
            "entity_output": "as_char",
            "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
            "input": "GFM",
            "hard_wrap": false,
            "guess_lang": true,
            "footnote_nr": 1,
            "show_warnings": false,
        ]
        return h
    }

    /// The keys a theme's `_config.yml` may not set.
    static let keys: Set<String> = [
        "source", "destination", "collections_dir", "cache_dir", "plugins_dir", "layouts_dir", "data_dir",
        "includes_dir", "collections", "safe", "include", "exclude", "keep_files", "encoding", "markdown_ext",
        "strict_front_matter", "show_drafts", "limit_posts", "future", "unpublished", "whitelist", "plugins",
        "markdown", "highlighter", "lsi", "excerpt_separator", "incremental", "detach", "port", "host",
        "baseurl", "show_dir_listing", "permalink", "paginate_path", "timezone", "quiet", "verbose",
        "defaults", "liquid", "kramdown",
    ]

    /// Appended to `exclude` (without duplicates).
    static let excludes = [
        ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
        "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
    ]
}
