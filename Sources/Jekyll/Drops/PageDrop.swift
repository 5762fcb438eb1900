import Liquid

/// `page` for a page. Jekyll hands templates a plain hash — the defaults, the front matter, then
/// `content`, `dir`, `excerpt`, `name`, `path`, `url` — so this drop behaves as that hash does:
/// same keys in the same order, iteration in `[key, value]` pairs, JSON as an object.
final class PageDrop: Drop {
    let site: SiteSnapshot
    let id: Int
    /// The content this drop shows no matter how far rendering has got: Jekyll builds the current
    /// page's hash before rendering, so its `page.content` stays the source even in layouts.
    let frozenContent: String?
    /// `page` while the page's own excerpt renders (Jekyll's `PageExcerpt`): there `excerpt` is
    /// the page's hash itself, not text.
    let inExcerpt: Bool
    private let cache = DropCache()

    init(site: SiteSnapshot, id: Int, frozenContent: String?, inExcerpt: Bool = false) {
        self.site = site
        self.id = id
        self.frozenContent = frozenContent
        self.inExcerpt = inExcerpt
    }

    var typeName: String { "Hash" }

    /// The hash without `content`, computed once.
    var staticHash: OrderedHash {
        guard case .hash(let h) = cache.value(forKey: "", compute: { .hash(PageDrop.hash(site.documents[id])) }) else {
            return OrderedHash()
        }
        return h
    }

    static func hash(_ doc: Document) -> OrderedHash {
        var attributes = OrderedHash()
        for key in attributeKeys { attributes[key] = attribute(key, of: doc, own: doc.data[key]) }
        return doc.defaults.deepMerged(with: doc.data.deepMerged(with: attributes))
    }

    /// The keys Jekyll's page hash sets after the front matter, in its order.
    private static let attributeKeys = ["content", "dir", "excerpt", "name", "path", "url"]

    /// What Jekyll's page hash sets `key` to after the front matter, whose own value for it is
    /// `own`; nil for a key it does not set.
    private static func attribute(_ key: String, of doc: Document, own: Value?) -> Value? {
        switch key {
        case "content": .string(doc.content)
        case "dir": .string(doc.urlDirectory)
        case "excerpt": own.flatMap { $0.isTruthy ? .string($0.rubyString) : nil } ?? .nil
        case "name": .string(doc.name)
        case "path": own ?? .string(doc.relativePath)
        case "url": .string(doc.url)
        default: nil
        }
    }

    /// `hash(doc)[key]` without building the hash (a page reads a few keys; merging its whole
    /// front matter with its defaults cost ~23,000 instructions a page): the key's value in the
    /// defaults, the front matter and the attributes, merged as `deepMerged` merges them.
    static func value(forKey key: String, of doc: Document) -> Value? {
        let own = doc.data[key]
        return merged(doc.defaults[key], merged(own, attribute(key, of: doc, own: own)))
    }

    /// One key of `old.deepMerged(with: new)`, where either hash may lack it.
    private static func merged(_ old: Value?, _ new: Value?) -> Value? {
        guard let new else { return old }
        guard let old, !new.isNil else { return old ?? new }
        if case .hash = old, case .hash = new { return old.deepMerged(with: new) }
        return new
    }

    func content(_ context: RenderContext) -> String {
        if let frozenContent { return frozenContent }
        guard let scope = context.jekyll else { return site.documents[id].content }
        if let r = scope.build.result(of: id, seenFrom: scope.viewer) { return r.converted }
        return site.documents[id].content
    }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        if let scope = context.jekyll {
            scope.build.dependencies.keyRead(key, of: id, by: scope.document)
        }
        if key == "content" { return .string(content(context)) }
        if key == "excerpt", let excerpt = try excerpt(context) { return excerpt }
        if let v = Self.value(forKey: key, of: site.documents[id]) { return v }
        // A hash's missing key is an undefined variable, not a drop's undefined method.
        if context.strictVariables { throw LiquidError(.undefinedVariable, "undefined variable \(key)") }
        return nil
    }

    /// A generated page excerpt (`page_excerpts`), rendered when first asked for.
    func excerpt(_ context: RenderContext) throws -> Value? {
        guard site.documents[id].excerptSource != nil else { return nil }
        if inExcerpt {
            var h = staticHash
            h["content"] = .string(content(context))
            return .hash(h)
        }
        guard let scope = context.jekyll else { return nil }
        return .string(try scope.excerpt(of: id))
    }

    var keys: [String] { staticHash.keys.map(\.rubyString) }

    /// Iterating a hash yields `[key, value]` pairs.
    func items(in context: RenderContext) throws -> [Value]? {
        try asHash(context).pairArrays
    }

    func asHash(_ context: RenderContext) throws -> OrderedHash {
        // The whole hash, content included (iterated, or as JSON).
        if let scope = context.jekyll { scope.build.dependencies.documentRead(id, rendered: true, by: scope.document) }
        var h = staticHash
        if h.contains("content") { h["content"] = .string(content(context)) }
        if let excerpt = try excerpt(context) { h["excerpt"] = excerpt }
        return h
    }

    /// Ruby's `Hash#to_s`: the hash's `inspect`.
    var liquidString: String {
        var h = staticHash
        if h.contains("content") { h["content"] = .string(frozenContent ?? site.documents[id].content) }
        return Value.hash(h).inspect
    }
}

extension PageDrop: JSONConvertible {
    func jsonValue(depth: Int, context: RenderContext) throws -> Value { .hash(try asHash(context)) }
}
