import Liquid

/// `page` (and `site.posts[i]`, `page.next`, …) for a collection item: Jekyll's `DocumentDrop`, with
/// its keys in Jekyll's order, then the front matter.
final class DocumentDrop: Drop {
    let site: SiteSnapshot
    let id: Int
    /// The build's record of reads: when it records nothing, most keys are read without looking
    /// the render's scope up.
    let dependencies: DependencyLog
    /// Whether `dependencies` records, read once: asking the log on every key retained and
    /// released it, one object every page's reads share from both cores.
    private let recordsReads: Bool

    /// The document's front matter, held here (it does not change under a snapshot): read from
    /// the document, it was retained and released at every key, from both cores, since every
    /// page's drop of the same post is this one object.
    private let data: OrderedHash

    init(site: SiteSnapshot, id: Int, dependencies: DependencyLog) {
        self.site = site
        self.id = id
        self.dependencies = dependencies
        recordsReads = dependencies.records
        data = site.documents[id].data
    }

    static let methodKeys = ["name", "id", "relative_path", "excerpt", "title", "categories", "collection", "next",
                             "tags", "previous", "content", "output", "path", "url", "date"]
    static let methodKeySet = Set(methodKeys)

    var typeName: String { "Jekyll::Drops::DocumentDrop" }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        try value(forKey: key, hash: OrderedHash.storedHash(of: key), in: context)
    }

    /// A key as templates read it: hashed when they were parsed, which picks its method and finds
    /// it in the front matter without hashing it again.
    func value(forKey key: String, hash: Int, in context: RenderContext) throws -> Value? {
        let method = methods.method(key, hash: hash)
        // A post's url, title or date needs nothing of the render: no scope looked up (~280
        // instructions, a fifth of a key's read) unless the read is recorded.
        let plain = plainValue(key, hash: hash, method)
        if !recordsReads, let plain { return plain }
        return try context.withRequiredJekyll { scope -> Value? in
            // The method tells a rendered key (content, output, excerpt) without hashing the key: a
            // list page reads several keys of every post.
            scope.build.dependencies.documentRead(id, rendered: method?.readsRendered ?? false, by: scope.document)
            if let plain { return plain }
            return try value(key, hash: hash, method: method, scope: scope, context: context)
        }
    }

    /// The keys computed rather than read from the front matter.
    enum Method {
        case name, id, path, excerpt, collection, next, previous, content, output, url, date, frontMatter

        /// The keys whose value changes when the document renders again (`DependencyLog`).
        var readsRendered: Bool { self == .content || self == .output || self == .excerpt }
    }

    /// The method a key names, nil for the front matter's other keys.
    static func method(_ key: String) -> Method? {
        MethodTable.shared.method(key, hash: OrderedHash.storedHash(of: key))
    }

    /// The methods' table, held by each drop: a static's accessor on every read cost more.
    private let methods = MethodTable.shared

    func value(_ key: String, scope: RenderScope, context: RenderContext) throws -> Value? {
        let hash = OrderedHash.storedHash(of: key)
        return try value(key, hash: hash, method: methods.method(key, hash: hash), scope: scope, context: context)
    }

    /// The value of a key that depends on nothing but the document (`.some(nil)` for a key it
    /// lacks); nil for the keys that depend on the render (rendered text, neighbours).
    private func plainValue(_ key: String, hash: Int, _ method: Method?) -> Value?? {
        // Fields are read through `documents[id]` rather than a local copy: copying the whole
        // `Document` (retaining each of its fields) for every key was a hot spot.
        switch method {
        case .name?: return data["name"].flatMap { $0.isTruthy ? $0 : nil } ?? .string(site.documents[id].name)
        case .id?: return .string(site.documents[id].id)
        case .path?: return .string(site.documents[id].relativePath)
        case .collection?: return site.documents[id].collectionLabel.map(Value.string) ?? .nil
        case .url?: return .string(site.documents[id].url)
        case .date?: return site.documents[id].date.map(Value.time) ?? .nil
        case .frontMatter?: return data.value(forKey: key, hash: hash) ?? .nil
        case nil: return .some(data.value(forKey: key, hash: hash))
        case .excerpt?, .next?, .previous?, .content?, .output?: return nil
        }
    }

    private func value(_ key: String, hash: Int, method: Method?, scope: RenderScope,
                       context: RenderContext) throws -> Value? {
        if let plain = plainValue(key, hash: hash, method) { return plain }
        switch method {
        case .excerpt?: return .string(try scope.build.excerpts.text(of: id, scope: scope))
        case .next?, .previous?:
            scope.build.dependencies.listRead(SiteLists.neighbours(of: site.documents[id]), by: scope.document)
            guard let other = site.neighbour(of: id, by: method == .next ? 1 : -1) else { return .nil }
            return scope.build.drop(other)
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

    /// The front matter, when reading a key there is what reading it through the drop does: the
    /// key is none of the drop's methods and reads are not recorded.
    fileprivate var frontMatterIfUnrecorded: OrderedHash? { recordsReads ? nil : data }
}

extension Value {
    /// The front matter of the document this value is the drop of, when the drop's reads are not
    /// recorded; nil for any other value. A key of the front matter that is not one of the drop's
    /// methods (`url`, `date`, `excerpt`, … see `DocumentDrop.methodKeys`; `title`, `tags` and
    /// `categories` are read from the front matter) has the value the drop gives it: `{% seo %}`
    /// reads a dozen such keys a page, most of them missing, and a read through the drop cost
    /// ~250 instructions (the method table, the existential call, the optional's wrapping).
    public var unrecordedDocumentFrontMatter: OrderedHash? {
        guard case .drop(let drop) = self, let document = drop as? DocumentDrop else { return nil }
        return document.frontMatterIfUnrecorded
    }
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
