import Liquid

/// `site`: Jekyll's `SiteDrop` — the lists of the site (posts newest first, pages, static files,
/// collections, tags, categories…), each collection by its label, and the configuration for
/// every other key.
final class SiteDrop: Drop {
    let site: SiteSnapshot
    private let cache = DropCache()
    /// The configuration's keys and values, held apart: reading them through
    /// `site.configuration` copied the whole configuration for every `site.title`.
    private let configuration: OrderedHash
    /// `related_posts` of every post outside the newest ten, which all have the same: made once,
    /// where a list of ten drops made and freed on every post page retained and released the
    /// same ten drops from both cores.
    private let commonRelatedPosts: (ids: [Int], value: Value)

    init(site: SiteSnapshot, documentDrops: [any Drop]) {
        self.site = site
        configuration = site.configuration.hash
        let common = site.relatedPosts(of: -1)
        commonRelatedPosts = (common, .array(common.map { .drop(documentDrops[$0]) }))
    }

    var typeName: String { "Jekyll::Drops::SiteDrop" }

    static let methodKeys = ["posts", "time", "html_pages", "config", "documents", "pages", "data", "categories",
                             "related_posts", "tags", "static_files", "collections"]

    /// The keys computed rather than read from the configuration.
    enum Method {
        case posts, time, htmlPages, config, documents, pages, data, categories, relatedPosts, tags, staticFiles,
             collections
    }

    /// The method a key names: its length and first byte pick the one candidate, and one
    /// comparison (of small strings: their bits) confirms it. A `switch` over the names compared
    /// most keys — `site.title`, `site.url`, read by every page's `{% seo %}` — with all twelve.
    static func method(_ key: String) -> Method? {
        let utf8 = key.utf8
        guard let first = utf8.first else { return nil }
        let (name, method): (String, Method)
        switch (utf8.count, first) {
        case (4, UInt8(ascii: "t")):
            guard utf8.last == UInt8(ascii: "s") else { (name, method) = ("time", .time); break }
            (name, method) = ("tags", .tags)
        case (4, UInt8(ascii: "d")): (name, method) = ("data", .data)
        case (5, UInt8(ascii: "p")):
            guard key.utf8.dropFirst().first == UInt8(ascii: "a") else { (name, method) = ("posts", .posts); break }
            (name, method) = ("pages", .pages)
        case (6, UInt8(ascii: "c")): (name, method) = ("config", .config)
        case (9, UInt8(ascii: "d")): (name, method) = ("documents", .documents)
        case (10, UInt8(ascii: "h")): (name, method) = ("html_pages", .htmlPages)
        case (10, UInt8(ascii: "c")): (name, method) = ("categories", .categories)
        case (11, UInt8(ascii: "c")): (name, method) = ("collections", .collections)
        case (12, UInt8(ascii: "s")): (name, method) = ("static_files", .staticFiles)
        case (13, UInt8(ascii: "r")): (name, method) = ("related_posts", .relatedPosts)
        default: return nil
        }
        return key == name ? method : nil
    }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        let scope = try context.requireJekyll()
        let build = scope.build
        build.dependencies.listRead(SiteLists.list(forSiteKey: key, site: site), by: scope.document)
        switch SiteDrop.method(key) {
        case .posts?: return cache.value(forKey: key) { .array(site.postsNewestFirst.map(build.drop)) }
        case .time?: return .time(site.time)
        case .htmlPages?: return cache.value(forKey: key) { .array(site.htmlPageIDs.map(build.drop)) }
        case .config?: return .nil
        case .pages?:
            let ids = site.pages(seenFrom: scope.viewer)
            return cache.value(forKey: "pages:\(ids.count)") { .array(ids.map(build.drop)) }
        case .documents?:
            return cache.value(forKey: key) {
                .array(site.collections.flatMap { c in
                    c.documentIDs.map(build.drop) + c.files.map { .drop(StaticFileDrop(file: $0)) }
                })
            }
        case .data?:
            if let data = configuration["data"], !data.isNil { return data }
            return site.data
        case .categories?, .tags?:
            return cache.value(forKey: key) {
                var h = OrderedHash()
                for group in site.postsBy(key) { h[group.name] = .array(group.ids.map(build.drop)) }
                return .hash(h)
            }
        case .relatedPosts?:
            guard let viewer = scope.viewer, viewer >= 0, !site.documents[viewer].isPage else { return .nil }
            // A post among the newest ten has the others and the eleventh instead.
            if !commonRelatedPosts.ids.contains(viewer) { return commonRelatedPosts.value }
            return .array(site.relatedPosts(of: viewer).map(build.drop))
        case .staticFiles?:
            return cache.value(forKey: key) { .array(site.staticFiles.map { .drop(StaticFileDrop(file: $0)) }) }
        case .collections?:
            return cache.value(forKey: key) {
                .array(site.collections.sorted { $0.info.label < $1.info.label }.map {
                    .drop(CollectionDrop(site: site, collection: $0))
                })
            }
        case nil:
            if let c = site.collectionIndex(key) {
                return cache.value(forKey: "collection:" + key) { .array(site.collections[c].documentIDs.map(build.drop)) }
            }
            return configuration[key]
        }
    }

    var keys: [String] {
        SiteDrop.methodKeys + site.configuration.hash.keys.map(\.rubyString).filter { !SiteDrop.methodKeys.contains($0) }
    }

    func items(in context: RenderContext) throws -> [Value]? { keys.map(Value.string) }
}

extension SiteSnapshot {
    /// Jekyll's related posts without LSI: the ten most recent posts other than this one.
    func relatedPosts(of id: Int) -> [Int] {
        guard let posts = collectionIndex("posts"), collections[posts].documentIDs.count > 1 else { return [] }
        // A loop over the last eleven (the lazy `suffix`/`reversed`/`filter` chain cost ~2,800
        // instructions a post page).
        let ids = collections[posts].documentIDs
        var recent: [Int] = []
        recent.reserveCapacity(10)
        var i = ids.count - 1
        while i >= max(0, ids.count - 11), recent.count < 10 {
            if ids[i] != id { recent.append(ids[i]) }
            i -= 1
        }
        return recent
    }
}

/// An item of `site.collections`.
final class CollectionDrop: Drop {
    let site: SiteSnapshot
    let collection: SiteSnapshot.CollectionEntry

    init(site: SiteSnapshot, collection: SiteSnapshot.CollectionEntry) {
        self.site = site
        self.collection = collection
    }

    var typeName: String { "Jekyll::Drops::CollectionDrop" }
    static let methodKeys = ["label", "files", "docs", "output", "relative_directory", "directory"]

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        let info = collection.info
        switch key {
        case "label": return .string(info.label)
        case "files": return .array(collection.files.map { .drop(StaticFileDrop(file: $0)) })
        case "docs":
            let build = try context.requireJekyll().build
            return .array(collection.documentIDs.map(build.drop))
        case "output": return .bool(info.writesOutput)
        case "relative_directory": return .string(info.relativeDirectory)
        case "directory": return .string(Path.join(site.configuration.collectionsPath, info.relativeDirectory))
        default: return info.metadata[key]
        }
    }

    var keys: [String] {
        CollectionDrop.methodKeys + collection.info.metadata.keys.map(\.rubyString).filter {
            !CollectionDrop.methodKeys.contains($0)
        }
    }

    func items(in context: RenderContext) throws -> [Value]? { keys.map(Value.string) }
}

extension CollectionDrop: JSONConvertible {
    /// Jekyll's JSON of a collection lists its documents as their text (output, else content).
    func jsonValue(depth: Int, context: RenderContext) throws -> Value {
        var hash = OrderedHash()
        for key in keys {
            if key == "docs", let scope = context.jekyll {
                hash[key] = .array(collection.documentIDs.map { id in
                    .string(scope.output(of: id) ?? scope.content(of: id))
                })
            } else {
                hash[key] = try value(forKey: key, in: context) ?? .nil
            }
        }
        return .hash(hash)
    }
}

/// An item of `site.static_files`.
final class StaticFileDrop: Drop {
    let file: StaticFile

    init(file: StaticFile) { self.file = file }

    var typeName: String { "Jekyll::Drops::StaticFileDrop" }
    static let methodKeys = ["name", "basename", "extname", "path", "collection", "modified_time"]

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        switch key {
        case "name": return .string(file.name)
        case "basename": return .string(file.basename)
        case "extname": return .string(file.extname)
        case "path": return .string(file.relativePath)
        case "collection": return file.collection.map(Value.string) ?? .nil
        case "modified_time": return .time(file.modificationTime)
        default: return file.data[key]
        }
    }

    var keys: [String] {
        StaticFileDrop.methodKeys + file.data.keys.map(\.rubyString).filter { !StaticFileDrop.methodKeys.contains($0) }
    }

    func items(in context: RenderContext) throws -> [Value]? { keys.map(Value.string) }
}

/// `jekyll`: the version kyll stands in for and the environment (`JEKYLL_ENV`).
final class JekyllDrop: Drop {
    static let version = "4.3.1"
    let environment: String

    init(environment: String) { self.environment = environment }

    var typeName: String { "Jekyll::Drops::JekyllDrop" }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        switch key {
        case "version": return .string(JekyllDrop.version)
        case "environment": return .string(environment)
        default: return nil
        }
    }

    var keys: [String] { ["version", "environment"] }
    func items(in context: RenderContext) throws -> [Value]? { nil }
}

/// `theme`, when the site uses a gem theme.
final class ThemeDrop: Drop {
    let theme: Theme

    init(theme: Theme) { self.theme = theme }

    var typeName: String { "Jekyll::Drops::ThemeDrop" }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        switch key {
        case "root": return .string(theme.root)
        case "authors": return .string(theme.authors.joined(separator: ", "))
        case "version": return .string(theme.version)
        case "description": return .string(theme.description ?? theme.summary)
        case "metadata": return .hash(theme.metadata)
        case "dependencies": return .array(theme.dependencies.map(Value.string))
        default: return nil
        }
    }

    var keys: [String] { ["root", "authors", "version", "description", "metadata", "dependencies"] }
    func items(in context: RenderContext) throws -> [Value]? { keys.map(Value.string) }
}
