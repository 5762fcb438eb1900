import Liquid

/// `page` (and `site.posts[i]`, `page.next`, …) for a collection item: Jekyll's `DocumentDrop`, with
/// its keys in Jekyll's order, then the front matter.
final class DocumentDrop: Drop {
    let site: SiteSnapshot
    let id: Int
    /// The build's record of reads: when it records nothing, most keys are read without looking
    /// the render's scope up.
    let dependencies: DependencyLog

    init(site: SiteSnapshot, id: Int, dependencies: DependencyLog) {
        self.site = site
        self.id = id
        self.dependencies = dependencies
    }

    static let methodKeys = ["name", "id", "relative_path", "excerpt", "title", "categories", "collection", "next",
                             "tags", "previous", "content", "output", "path", "url", "date"]
    static let methodKeySet = Set(methodKeys)

    var typeName: String { "Jekyll::Drops::DocumentDrop" }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        let method = DocumentDrop.method(key)
        // A post's url, title or date needs nothing of the render: no scope looked up (~280
        // instructions, a fifth of a key's read) unless the read is recorded.
        let plain = plainValue(key, method)
        if !dependencies.records, let plain { return plain }
        let scope = try context.requireJekyll()
        // The method tells a rendered key (content, output, excerpt) without hashing the key: a
        // list page reads several keys of every post.
        scope.build.dependencies.documentRead(id, rendered: method?.readsRendered ?? false, by: scope.document)
        if let plain { return plain }
        return try value(key, method: method, scope: scope, context: context)
    }

    /// The keys computed rather than read from the front matter.
    enum Method {
        case name, id, path, excerpt, collection, next, previous, content, output, url, date, frontMatter

        /// The keys whose value changes when the document renders again (`DependencyLog`).
        var readsRendered: Bool { self == .content || self == .output || self == .excerpt }
    }

    /// The method a key names: its length and first byte pick the one candidate, and one
    /// comparison (of small strings: their bits) confirms it. A template reads `post.url` and
    /// `post.title` for every post it lists; a `switch` over the names compared the key with each
    /// in turn, and one over codes made of each name at run time cost ~190 instructions a key.
    static func method(_ key: String) -> Method? {
        let utf8 = key.utf8
        guard let first = utf8.first else { return nil }
        let (name, method): (String, Method)
        switch (utf8.count, first) {
        case (2, UInt8(ascii: "i")): (name, method) = ("id", .id)
        case (3, UInt8(ascii: "u")): (name, method) = ("url", .url)
        case (4, UInt8(ascii: "n")):
            guard utf8.last == UInt8(ascii: "e") else { (name, method) = ("next", .next); break }
            (name, method) = ("name", .name)
        case (4, UInt8(ascii: "p")): (name, method) = ("path", .path)
        case (4, UInt8(ascii: "d")): (name, method) = ("date", .date)
        case (4, UInt8(ascii: "t")): (name, method) = ("tags", .frontMatter)
        case (5, UInt8(ascii: "t")): (name, method) = ("title", .frontMatter)
        case (6, UInt8(ascii: "o")): (name, method) = ("output", .output)
        case (7, UInt8(ascii: "e")): (name, method) = ("excerpt", .excerpt)
        case (7, UInt8(ascii: "c")): (name, method) = ("content", .content)
        case (8, UInt8(ascii: "p")): (name, method) = ("previous", .previous)
        case (10, UInt8(ascii: "c")):
            guard utf8.last == UInt8(ascii: "s") else { (name, method) = ("collection", .collection); break }
            (name, method) = ("categories", .frontMatter)
        case (13, UInt8(ascii: "r")): (name, method) = ("relative_path", .path)
        default: return nil
        }
        return key == name ? method : nil
    }

    func value(_ key: String, scope: RenderScope, context: RenderContext) throws -> Value? {
        try value(key, method: DocumentDrop.method(key), scope: scope, context: context)
    }

    /// The value of a key that depends on nothing but the document (`.some(nil)` for a key it
    /// lacks); nil for the keys that depend on the render (rendered text, neighbours).
    private func plainValue(_ key: String, _ method: Method?) -> Value?? {
        // Fields are read through `documents[id]` rather than a local copy: copying the whole
        // `Document` (retaining each of its fields) for every key was a hot spot.
        switch method {
        case .name?: return site.documents[id].data["name"].flatMap { $0.isTruthy ? $0 : nil } ?? .string(site.documents[id].name)
        case .id?: return .string(site.documents[id].id)
        case .path?: return .string(site.documents[id].relativePath)
        case .collection?: return site.documents[id].collectionLabel.map(Value.string) ?? .nil
        case .url?: return .string(site.documents[id].url)
        case .date?: return site.documents[id].date.map(Value.time) ?? .nil
        case .frontMatter?: return site.documents[id].data[key] ?? .nil
        case nil: return .some(site.documents[id].data[key])
        case .excerpt?, .next?, .previous?, .content?, .output?: return nil
        }
    }

    private func value(_ key: String, method: Method?, scope: RenderScope, context: RenderContext) throws -> Value? {
        if let plain = plainValue(key, method) { return plain }
        switch method {
        case .excerpt?: return .string(try scope.build.excerpts.text(of: id, scope: scope))
        case .next?, .previous?:
            scope.build.dependencies.listRead(SiteLists.neighbours(of: site.documents[id]), by: scope.document)
            guard let (collection, index) = site.position(of: id) else { return .nil }
            let other = index + (method == .next ? 1 : -1)
            guard other >= 0, other < collection.documentIDs.count else { return .nil }
            return scope.build.drop(collection.documentIDs[other])
        case .content?:
            if let r = scope.build.result(of: id, seenFrom: scope.viewer) { return .string(r.converted) }
            return .string(site.documents[id].content)
        case .output?:
            return scope.build.output(of: id, seenFrom: scope.viewer).map(Value.string) ?? .nil
        default: return nil
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
