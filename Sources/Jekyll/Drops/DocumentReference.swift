import Liquid
import Synchronization

/// A collection item named by its collection and relative path, for values a generator makes before
/// rendering (jekyll-paginate's `paginator.posts`): in templates it is the item's own drop.
public final class DocumentReference: Drop {
    public let collection: String
    public let relativePath: String
    /// The reference before this one in its list (a pager's posts), whose item usually stands
    /// next to this one's among the site's documents.
    private let previous: DocumentReference?
    /// The position this reference last found its item at: a hint for the next reference of the
    /// list, checked before it is used.
    private let foundID = Atomic<Int>(-1)

    public init(_ document: Document, after previous: DocumentReference? = nil) {
        collection = document.collectionLabel ?? ""
        relativePath = document.relativePath
        self.previous = previous
    }

    public var typeName: String { "Jekyll::Drops::DocumentDrop" }

    /// The drop last found: a listing reads several keys of each post, and finding it (two
    /// dictionary lookups by label and path) cost more than reading a key. It belongs to the
    /// build reading it when it records that build's reads (`dependencies`: one log per build,
    /// which the drop holds, so no later build can be given the same object). Behind a `Mutex`,
    /// with no weak reference: a lock, a weak load and their retains cost ~850 instructions a key.
    private let found = Mutex<DocumentDrop?>(nil)

    func target(_ context: RenderContext) -> (any Drop)? {
        context.withJekyll { target(scope: $0) } ?? nil
    }

    private func target(scope: RenderScope) -> (any Drop)? {
        // The build read through the scope, which is held meanwhile: taken out of it, the build
        // (which both cores' renders share) was retained and released at every key.
        if let known = found.withLock({ $0 }), known.dependencies === scope.build.dependencies { return known }
        let build = scope.build
        guard let id = idBesidePrevious(in: build.site)
            ?? build.site.documentID(collection: collection, relativePath: relativePath) else { return nil }
        foundID.store(id, ordering: .relaxed)
        let drop = build.documentDrops[id]
        if let document = drop as? DocumentDrop { found.withLock { $0 = document } }
        return drop
    }

    /// This item's position when it stands next to the previous reference's item (a list of
    /// posts in date order, as the site holds them): two comparisons instead of looking up the
    /// label and the path (~1,300 instructions a post of a paginated list). Not where items
    /// share a path: the look-up finds the first of them.
    private func idBesidePrevious(in site: SiteSnapshot) -> Int? {
        guard let previous else { return nil }
        let near = previous.foundID.load(ordering: .relaxed)
        guard near >= 0, !site.itemPathsShared else { return nil }
        func holdsThisItem(_ id: Int) -> Bool {
            guard site.documents.indices.contains(id) else { return false }
            let document = site.documents[id]
            return document.relativePath == relativePath && document.collectionLabel == collection
        }
        // The one before first: a pager lists posts newest first, the site holds them oldest first.
        if holdsThisItem(near - 1) { return near - 1 }
        if holdsThisItem(near + 1) { return near + 1 }
        return nil
    }

    public func value(forKey key: String, in context: RenderContext) throws -> Value? {
        try target(context)?.value(forKey: key, in: context)
    }

    public func value(forKey key: String, hash: Int, in context: RenderContext) throws -> Value? {
        try target(context)?.value(forKey: key, hash: hash, in: context)
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
