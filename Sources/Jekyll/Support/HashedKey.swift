import Liquid

/// A key with its hash worked out once (`OrderedHash.storedHash`): hashes and drops read on every
/// post or page find it without hashing its name again (~110 instructions a read).
public struct HashedKey: Sendable, ExpressibleByStringLiteral {
    public let name: String
    public let hash: Int

    public init(_ name: String) {
        self.name = name
        hash = OrderedHash.storedHash(of: name)
    }

    public init(stringLiteral name: String) {
        self.init(name)
    }
}

extension OrderedHash {
    /// The value under a string key hashed before.
    public func value(_ key: HashedKey) -> Value? { value(forKey: key.name, hash: key.hash) }

    /// Sets a string key hashed before (nil removes it).
    public mutating func set(_ key: HashedKey, to value: Value?) { setValue(value, forKey: key.name, hash: key.hash) }
}

/// The keys reading looks up in every post's data.
enum PostKeys {
    static let date: HashedKey = "date"
    static let title: HashedKey = "title"
    static let slug: HashedKey = "slug"
    static let ext: HashedKey = "ext"
    static let category: HashedKey = "category"
    static let categories: HashedKey = "categories"
    static let tag: HashedKey = "tag"
    static let tags: HashedKey = "tags"
    static let excerpt: HashedKey = "excerpt"
    static let excerptSeparator: HashedKey = "excerpt_separator"
}

/// The keys the build reads of every document, in its data or else its defaults (`Document.value`).
enum DocumentKeys {
    static let layout: HashedKey = "layout"
    static let permalink: HashedKey = "permalink"
    static let published: HashedKey = "published"
    static let renderWithLiquid: HashedKey = "render_with_liquid"
}

/// The keys the build sets in every document's payload, once for each layout too.
enum PayloadKeys {
    static let page: HashedKey = "page"
    static let content: HashedKey = "content"
    static let layout: HashedKey = "layout"
}
