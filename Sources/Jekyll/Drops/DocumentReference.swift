import Liquid

/// A collection item named by its collection and relative path, for values a generator makes before
/// rendering (jekyll-paginate's `paginator.posts`): in templates it is the item's own drop.
public final class DocumentReference: Drop {
    public let collection: String
    public let relativePath: String

    public init(_ document: Document) {
        collection = document.collectionLabel ?? ""
        relativePath = document.relativePath
    }

    public var typeName: String { "Jekyll::Drops::DocumentDrop" }

    /// The drop last found, with the build it belongs to: a listing reads several keys of each
    /// post, and finding it (two dictionary lookups by label and path) cost more than reading a key.
    private struct Found {
        weak var build: BuildContext?
        var drop: (any Drop)?
    }
    private let found = Locked(Found())

    func target(_ context: RenderContext) -> (any Drop)? {
        guard let build = context.jekyll?.build else { return nil }
        if let known = found.withLock({ $0.build === build ? $0.drop : nil }) { return known }
        guard let id = build.site.documentID(collection: collection, relativePath: relativePath) else { return nil }
        let drop = build.documentDrops[id]
        found.withLock { $0 = Found(build: build, drop: drop) }
        return drop
    }

    public func value(forKey key: String, in context: RenderContext) throws -> Value? {
        try target(context)?.value(forKey: key, in: context)
    }

    public func items(in context: RenderContext) throws -> [Value]? { try target(context)?.items(in: context) }
    public var liquidString: String { "" }
}

extension DocumentReference: JSONConvertible {
    func jsonValue(depth: Int, context: RenderContext) throws -> Value {
        guard let drop = target(context) else { return .nil }
        if let convertible = drop as? JSONConvertible { return try convertible.jsonValue(depth: depth, context: context) }
        return .hash(try drop.toHash(in: context))
    }
}

extension SiteSnapshot {
    /// The position of a collection item in `documents`.
    public func documentID(collection label: String, relativePath: String) -> Int? {
        itemIDs[label]?[relativePath]
    }
}
