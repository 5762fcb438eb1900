import Liquid

/// The site's configuration: Jekyll's defaults, the configuration files and the command line merged
/// into one hash (what `site` falls back to in templates), with typed views of the settings the
/// build itself uses, computed once.
public struct Configuration: Sendable {
    public let hash: OrderedHash

    public let source: String
    public let destination: String
    public let collectionsDir: String
    public let cacheDir: String
    public let layoutsDir: String
    public let dataDir: String
    public let includesDir: String
    public let pluginsDir: [String]
    public let safe: Bool
    public let include: [String]
    public let exclude: [String]
    public let keepFiles: [String]
    public let markdownExtensions: Set<String>
    public let showDrafts: Bool
    public let limitPosts: Int
    public let future: Bool
    public let unpublished: Bool
    public let plugins: [String]
    public let whitelist: [String]
    public let markdown: String
    public let highlighter: String
    public let excerptSeparator: String
    public let pageExcerpts: Bool
    public let permalinkStyle: String
    public let baseurl: String?
    public let url: String?
    public let timezone: String?
    public let incremental: Bool
    public let strictFrontMatter: Bool
    public let disableDiskCache: Bool
    public let theme: String?
    public let liquidErrorMode: String
    public let strictFilters: Bool
    public let strictVariables: Bool
    public let renderProfile: Bool
    /// The configuration files read, in order, as absolute paths (errors about a setting point into them).
    public let files: [String]

    public init(hash: OrderedHash, files: [String] = []) {
        self.hash = hash
        self.files = files
        source = hash.string("source") ?? "/"
        destination = hash.string("destination") ?? Path.join(source, "_site")
        collectionsDir = hash["collections_dir"]?.rubyString ?? ""
        cacheDir = hash["cache_dir"]?.rubyString ?? ".jekyll-cache"
        layoutsDir = hash["layouts_dir"]?.rubyString ?? "_layouts"
        dataDir = hash["data_dir"]?.rubyString ?? "_data"
        includesDir = hash["includes_dir"]?.rubyString ?? "_includes"
        pluginsDir = hash["plugins_dir"].map { $0.rubyArray.map(\.rubyString) } ?? ["_plugins"]
        safe = hash.bool("safe")
        include = hash["include"]?.rubyArray.map(\.rubyString) ?? []
        exclude = hash["exclude"]?.rubyArray.map(\.rubyString) ?? []
        keepFiles = hash["keep_files"]?.rubyArray.map(\.rubyString) ?? []
        markdownExtensions = Set((hash["markdown_ext"]?.rubyString ?? "").split(separator: ",").map {
            "." + $0.trimming(" ").lowercased()
        })
        showDrafts = hash.bool("show_drafts")
        limitPosts = Configuration.integer(hash["limit_posts"]) ?? 0
        future = hash.bool("future")
        unpublished = hash.bool("unpublished")
        plugins = hash["plugins"]?.rubyArray.map(\.rubyString) ?? []
        whitelist = hash["whitelist"]?.rubyArray.map(\.rubyString) ?? []
        markdown = hash["markdown"]?.rubyString ?? "kramdown"
        highlighter = hash["highlighter"]?.rubyString ?? "rouge"
        excerptSeparator = hash["excerpt_separator"]?.rubyString ?? "\n\n"
        pageExcerpts = hash["page_excerpts"]?.isTruthy ?? false
        permalinkStyle = hash["permalink"]?.rubyString ?? "date"
        baseurl = hash["baseurl"].flatMap { $0.isNil ? nil : $0.rubyString }
        url = hash["url"].flatMap { $0.isNil ? nil : $0.rubyString }
        timezone = hash["timezone"].flatMap { $0.isNil ? nil : $0.rubyString }
        incremental = hash.bool("incremental")
        strictFrontMatter = hash.bool("strict_front_matter")
        disableDiskCache = hash.bool("disable_disk_cache")
        theme = hash["theme"]?.stringValue
        let liquid = hash["liquid"]?.orderedHash ?? OrderedHash()
        liquidErrorMode = liquid["error_mode"]?.rubyString ?? "warn"
        strictFilters = liquid.bool("strict_filters")
        strictVariables = liquid.bool("strict_variables")
        renderProfile = hash.bool("profile")
    }

    public subscript(key: String) -> Value? { hash[key] }

    /// The collections' settings, by label, in configuration order (`posts` first).
    public var collections: [(label: String, metadata: OrderedHash)] {
        guard let h = hash["collections"]?.orderedHash else { return [] }
        return h.pairs.map { ($0.rubyString, $1.orderedHash ?? OrderedHash()) }
    }

    /// The absolute path of something in the source (Jekyll's `in_source_dir`).
    public func inSource(_ parts: String...) -> String {
        parts.reduce(source) { Path.sanitized(base: $0, $1) }
    }

    /// The folder holding the collections (the source unless `collections_dir` is set).
    public var collectionsPath: String {
        collectionsDir.isEmpty ? source : inSource(collectionsDir)
    }

    static func integer(_ value: Value?) -> Int? {
        switch value {
        case .int(let i)?: return i
        case .float(let d)?: return RubyNumber.truncatedInt(d)
        case .string(let s)?: return Int(s.trimming(" "))
        default: return nil
        }
    }
}

extension Substring {
    func trimming(_ set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension String {
    func trimming(_ set: String) -> String { self[...].trimming(set) }
}
