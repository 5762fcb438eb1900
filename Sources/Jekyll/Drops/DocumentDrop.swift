import Liquid

/// `page` (and `site.posts[i]`, `page.next`, …) for a collection item: Jekyll's `DocumentDrop`, with
/// its keys in Jekyll's order, then the front matter.
final class DocumentDrop: Drop {
    let site: SiteSnapshot
    let id: Int

    init(site: SiteSnapshot, id: Int) {
        self.site = site
        self.id = id
    }

    static let methodKeys = ["name", "id", "relative_path", "excerpt", "title", "categories", "collection", "next",
                             "tags", "previous", "content", "output", "path", "url", "date"]
    static let methodKeySet = Set(methodKeys)

    var typeName: String { "Jekyll::Drops::DocumentDrop" }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        let scope = try context.requireJekyll()
        scope.build.dependencies.keyRead(key, of: id, by: scope.document)
        return try value(key, scope: scope, context: context)
    }

    /// The keys computed rather than read from the front matter.
    enum Method {
        case name, id, path, excerpt, collection, next, previous, content, output, url, date, frontMatter
    }

    /// The method a key names: its length and first and last bytes pick the one candidate, and
    /// one comparison confirms it (a `switch` over the names compared the key with each in turn;
    /// a template reads `post.url` and `post.title` for every post it lists).
    static func method(_ key: String) -> Method? {
        let utf8 = key.utf8
        guard let first = utf8.first, let last = utf8.last, utf8.count < 256 else { return nil }
        let (name, method): (String, Method)
        switch (UInt32(utf8.count) << 16) | (UInt32(first) << 8) | UInt32(last) {
        case code("name"): (name, method) = ("name", .name)
        case code("id"): (name, method) = ("id", .id)
        case code("relative_path"): (name, method) = ("relative_path", .path)
        case code("path"): (name, method) = ("path", .path)
        case code("excerpt"): (name, method) = ("excerpt", .excerpt)
        case code("collection"): (name, method) = ("collection", .collection)
        case code("next"): (name, method) = ("next", .next)
        case code("previous"): (name, method) = ("previous", .previous)
        case code("content"): (name, method) = ("content", .content)
        case code("output"): (name, method) = ("output", .output)
        case code("url"): (name, method) = ("url", .url)
        case code("date"): (name, method) = ("date", .date)
        case code("title"): (name, method) = ("title", .frontMatter)
        case code("categories"): (name, method) = ("categories", .frontMatter)
        case code("tags"): (name, method) = ("tags", .frontMatter)
        default: return nil
        }
        return key == name ? method : nil
    }

    @inline(__always)
    private static func code(_ name: StaticString) -> UInt32 {
        let p = name.utf8Start
        return (UInt32(name.utf8CodeUnitCount) << 16) | (UInt32(p[0]) << 8) | UInt32(p[name.utf8CodeUnitCount - 1])
    }

    func value(_ key: String, scope: RenderScope, context: RenderContext) throws -> Value? {
        // Fields are read through `documents[id]` rather than a local copy: copying the whole
        // `Document` (retaining each of its fields) for every key was a hot spot.
        switch DocumentDrop.method(key) {
        case .name?: return site.documents[id].data["name"].flatMap { $0.isTruthy ? $0 : nil } ?? .string(site.documents[id].name)
        case .id?: return .string(site.documents[id].id)
        case .path?: return .string(site.documents[id].relativePath)
        case .excerpt?: return .string(try scope.build.excerpts.text(of: id, scope: scope))
        case .collection?: return site.documents[id].collectionLabel.map(Value.string) ?? .nil
        case .next?, .previous?:
            scope.build.dependencies.listRead(SiteLists.neighbours(of: site.documents[id]), by: scope.document)
            guard let (collection, index) = site.position(of: id) else { return .nil }
            let other = index + (key == "next" ? 1 : -1)
            guard other >= 0, other < collection.documentIDs.count else { return .nil }
            return scope.build.drop(collection.documentIDs[other])
        case .content?:
            if let r = scope.build.result(of: id, seenFrom: scope.viewer) { return .string(r.converted) }
            return .string(site.documents[id].content)
        case .output?:
            return scope.build.output(of: id, seenFrom: scope.viewer).map(Value.string) ?? .nil
        case .url?: return .string(site.documents[id].url)
        case .date?: return site.documents[id].date.map(Value.time) ?? .nil
        case .frontMatter?: return site.documents[id].data[key] ?? .nil
        case nil: return site.documents[id].data[key]
        }
    }

    /// The method keys, then the front matter's other keys.
    var keys: [String] {
        DocumentDrop.methodKeys + site.documents[id].data.keys.compactMap {
            guard case .string(let k) = $0, !DocumentDrop.methodKeySet.contains(k) else { return nil }
            return k
        }
    }

    /// Iterating a drop yields its keys, as iterating a Jekyll drop does.
    func items(in context: RenderContext) throws -> [Value]? { keys.map(Value.string) }

    var liquidString: String { "" }
}

extension DocumentDrop: JSONConvertible {
    /// Jekyll's JSON of a document: every key; from the second nesting level on, `next` and
    /// `previous` shown without their content, output, excerpt and neighbours.
    func jsonValue(depth: Int, context: RenderContext) throws -> Value {
        let scope = try context.requireJekyll()
        // Everything, neighbours included: not worth telling apart.
        scope.build.dependencies.siteUsed(by: scope.document)
        var hash = OrderedHash()
        for key in keys {
            var v = try value(key, scope: scope, context: context) ?? .nil
            if depth >= 2, key == "next" || key == "previous", case .drop(let d) = v, let neighbour = d as? DocumentDrop {
                v = .hash(try neighbour.collapsed(scope: scope, context: context))
            }
            hash[key] = v
        }
        return .hash(hash)
    }

    func collapsed(scope: RenderScope, context: RenderContext) throws -> OrderedHash {
        var hash = OrderedHash()
        for key in keys where !["content", "output", "excerpt", "next", "previous"].contains(key) {
            hash[key] = try value(key, scope: scope, context: context) ?? .nil
        }
        return hash
    }
}

/// Drops whose `jsonify` output is not simply their keys and values.
protocol JSONConvertible {
    /// The value to print as JSON at nesting `depth` (0 for the top level).
    func jsonValue(depth: Int, context: RenderContext) throws -> Value
}
