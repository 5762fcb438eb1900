import Jekyll
import Liquid

/// jekyll-feed: an Atom feed of the latest posts at `/feed.xml` (and per category, collection or
/// tag when configured), and `{% feed_meta %}`, the `<link>` that points browsers at it.
public struct Feed: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-feed" }
    public var priority: PluginPriority { .lowest }

    public func register(in environment: inout LiquidEnvironment, configuration: Configuration) {
        environment.register(tag: "feed_meta", FeedMetaTag.Parser(link: FeedMetaTag.link(configuration)))
    }

    static func config(_ configuration: Configuration) -> OrderedHash {
        configuration["feed"]?.orderedHash ?? OrderedHash()
    }

    /// Collection name → (categories, path), `posts` always there.
    static func collections(_ configuration: Configuration) -> [(name: String, categories: [String], path: String?)] {
        let feed = config(configuration)
        var list: [(String, OrderedHash)] = []
        switch feed["collections"] {
        case .array(let names)?: list = names.map { ($0.rubyString, OrderedHash()) }
        case .hash(let h)?: list = h.pairs.map { ($0.rubyString, $1.orderedHash ?? OrderedHash()) }
        default: break
        }
        if !list.contains(where: { $0.0 == "posts" }) { list.insert(("posts", OrderedHash()), at: 0) }
        return list.map { name, meta in
            var categories = meta["categories"]?.arrayValue?.map(\.rubyString) ?? []
            var path = meta["path"].flatMap { $0.isNil ? nil : $0.rubyString }
            if name == "posts" {
                if meta["categories"] == nil || meta["categories"] == .nil {
                    categories = feed["categories"]?.arrayValue?.map(\.rubyString) ?? []
                }
                if path == nil { path = feed["path"].flatMap { $0.isNil ? nil : $0.rubyString } }
            }
            var unique: [String] = []
            for c in categories where !unique.contains(c) { unique.append(c) }
            return (name, unique, path)
        }
    }

    /// The posts' tags (a feed per tag).
    public func generateReadsItemFields(_ configuration: Configuration) -> Set<String> { ["tags", "categories"] }

    public func generate(_ site: inout Site) throws(BuildError) {
        let feed = Feed.config(site.configuration)
        let environment = FileSystem.environment("JEKYLL_ENV") ?? "development"
        if feed["disable_in_development"]?.isTruthy == true && environment == "development" {
            site.logger.info("Jekyll Feed:", "Skipping feed generation in development")
            return
        }
        for collection in Feed.collections(site.configuration) {
            site.logger.info("Jekyll Feed:", "Generating feed for \(collection.name)")
            for category in collection.categories.map(Optional.some) + [nil] {
                let path = Feed.path(collection: collection.name, category: category, configured: collection.path)
                if FileSystem.exists(Path.sanitized(base: site.source, path)) { continue }
                site.pages.append(page(path, collection: collection.name, category: category, tags: nil, site: site))
            }
        }
        try generateTagFeeds(&site, feed: feed)
    }

    func generateTagFeeds(_ site: inout Site, feed: OrderedHash) throws(BuildError) {
        guard let tagsConfig = feed["tags"], tagsConfig.isTruthy else { return }
        let posts = site.posts
        var allTags: [String] = []
        for post in posts {
            for tag in post.data["tags"]?.arrayValue ?? [] where !allTags.contains(tag.rubyString) {
                allTags.append(tag.rubyString)
            }
        }
        guard !allTags.isEmpty else { return }
        let options = tagsConfig.orderedHash ?? OrderedHash()
        let except = options["except"]?.arrayValue?.map(\.rubyString) ?? []
        let only = options["only"]?.arrayValue?.map(\.rubyString) ?? allTags
        let base = options["path"].map(\.rubyString) ?? "/feed/by_tag/"
        for tag in only where !except.contains(tag) {
            guard tag.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }) else {
                continue
            }
            site.logger.info("Jekyll Feed:", "Generating feed for posts tagged \(tag)")
            let path = base + tag + ".xml"
            if FileSystem.exists(Path.sanitized(base: site.source, path)) { continue }
            site.pages.append(page(path, collection: "posts", category: nil, tags: tag, site: site))
        }
    }

    static func path(collection: String, category: String?, configured: String?) -> String {
        let prefix = collection == "posts" ? "/feed" : "/feed/\(collection)"
        if let category { return "\(prefix)/\(category).xml" }
        return configured ?? "\(prefix).xml"
    }

    func page(_ path: String, collection: String, category: String?, tags: String?, site: Site) -> Document {
        var data = OrderedHash()
        data["layout"] = .nil
        data["sitemap"] = false
        data["xsl"] = .bool(FileSystem.exists(Path.join(site.source, "feed.xslt.xml")))
        data["collection"] = .string(collection)
        data["category"] = category.map(Value.string) ?? .nil
        data["tags"] = tags.map(Value.string) ?? .nil
        var page = site.generatedPage(dir: "", name: path, content: "", data: data)
        page.generator = name
        return page
    }

    /// `FeedWriter` notes the list it takes its posts from and every post it reads.
    public var recordsReads: Bool { true }

    public func content(of id: Int, scope: RenderScope) throws(BuildError) -> String? {
        try FeedWriter(scope: scope, page: scope.site.documents[id]).atom()
    }
}

/// `{% feed_meta %}`: `<link type="application/atom+xml" rel="alternate" href="…" title="…" />`.
/// The `<link>` depends on the configuration alone, so it is made once per environment, not per page.
struct FeedMetaTag: TagNode {
    struct Parser: TagParser {
        let link: String
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode { FeedMetaTag(link: link) }
    }

    let link: String

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        // Outside a Jekyll render (plain Liquid) the tag prints nothing, as the plugin needs a site.
        guard context.jekyll != nil else { return }
        output.append(link)
    }

    static func link(_ config: Configuration) -> String {
        let path = Feed.config(config)["path"].flatMap { $0.isNil ? nil : $0.rubyString } ?? "feed.xml"
        var attributes: [(String, String)] = [
            ("type", "application/atom+xml"), ("rel", "alternate"), ("href", SiteURL.absolute(path, config)),
        ]
        let title = config["title"].flatMap { $0.isTruthy ? $0 : nil } ?? config["name"]
        if let title, title.isTruthy { attributes.append(("title", title.rubyString)) }
        // A loop, not `joined(separator:)`: the first call of that generic makes the Swift runtime
        // scan every protocol conformance of the executable (see `RedirectFrom.layout`).
        var link = "<link"
        for (name, value) in attributes { link += " \(name)=\"\(XML.escape(value))\"" }
        return link + " />"
    }
}
