import Liquid
import Synchronization

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

    /// The drop first found: a listing reads several keys of each post, and finding it (two
    /// dictionary lookups by label and path) cost more than reading a key. It belongs to the
    /// build reading it when it records that build's reads (`dependencies`: one log per build,
    /// which the drop holds, so no later build can be given the same object); another build
    /// finds its own each time. Its address, retained until the reference goes, read without a
    /// lock or a retain (a `Mutex` and a retain cost ~150 instructions a key).
    private let found = Atomic<UInt>(0)

    deinit {
        if let address = UnsafeRawPointer(bitPattern: found.load(ordering: .acquiring)) {
            Unmanaged<DocumentDrop>.fromOpaque(address).release()
        }
    }

    func target(_ context: RenderContext) -> (any Drop)? {
        // The build read through the scope, which is held meanwhile: taken out of it, the build
        // (which both cores' renders share) was retained and released at every key.
        guard let scope = context.jekyll else { return nil }
        let bits = found.load(ordering: .acquiring)
        if let address = UnsafeRawPointer(bitPattern: bits) {
            let known = Unmanaged<DocumentDrop>.fromOpaque(address)._withUnsafeGuaranteedRef { known -> DocumentDrop? in
                known.dependencies === scope.build.dependencies ? known : nil
            }
            if let known { return known }
        }
        let build = scope.build
        guard let id = build.site.documentID(collection: collection, relativePath: relativePath) else { return nil }
        let drop = build.documentDrops[id]
        if bits == 0, let document = drop as? DocumentDrop { publish(document) }
        return drop
    }

    /// Keeps the drop for later reads; the first one published stays.
    private func publish(_ document: DocumentDrop) {
        let address = Unmanaged.passRetained(document).toOpaque()
        let (exchanged, _) = found.compareExchange(expected: 0, desired: UInt(bitPattern: address),
                                                   ordering: .acquiringAndReleasing)
        if !exchanged { Unmanaged<DocumentDrop>.fromOpaque(address).release() }
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
