/// A host object seen from templates: `{{ page.title }}` asks the drop for "title" only when the
/// template reads it. Drops are shared by renders running in parallel, so reads must be
/// thread-safe (immutable state, or memoization behind a lock such as `DropCache`).
public protocol Drop: AnyObject, Sendable {
    /// The value for a key, or nil when the drop has no such key (then the lookup yields `nil`, or
    /// an "undefined method" error with `strict_variables`).
    func value(forKey key: String, in context: RenderContext) throws -> Value?

    /// The same for a key whose `OrderedHash.storedHash(of:)` is known: a template's names are hashed
    /// once, when it is parsed, so a drop with many keys may find one without hashing it again.
    /// By default, `value(forKey:in:)`.
    func value(forKey key: String, hash: Int, in context: RenderContext) throws -> Value?

    /// The value for a non-string key (`drop[0]`); by default there is none.
    func value(forKey key: Value, in context: RenderContext) throws -> Value?

    /// The keys, in order, for `jsonify`, `inspect`, iteration and conversion to a hash.
    var keys: [String] { get }

    /// What `{{ drop }}` prints and filters see as the string (Ruby's `to_s`).
    var liquidString: String { get }

    /// A primitive value this drop stands for in comparisons and truthiness (ruby-liquid's
    /// `to_liquid_value`), if any.
    var liquidValue: Value? { get }

    /// The items when the drop is a collection: `for` loops, `size`, `first`, `last` and array
    /// filters use them. Nil when the drop is not enumerable.
    func items(in context: RenderContext) throws -> [Value]?

    /// The Ruby class name shown in messages (`inspect` of a plain drop prints it).
    var typeName: String { get }
}

extension Drop {
    public func value(forKey key: String, hash: Int, in context: RenderContext) throws -> Value? {
        try value(forKey: key, in: context)
    }

    public func value(forKey key: Value, in context: RenderContext) throws -> Value? {
        if case .string(let s) = key { return try value(forKey: s, in: context) }
        return nil
    }

    public var keys: [String] { [] }
    public var liquidString: String { typeName }
    public var liquidValue: Value? { nil }
    public func items(in context: RenderContext) throws -> [Value]? { nil }
    public var typeName: String { String(describing: type(of: self)) }

    /// The drop as a plain hash of all its keys (reading each one).
    public func toHash(in context: RenderContext) throws -> OrderedHash {
        var h = OrderedHash(minimumCapacity: keys.count)
        for k in keys {
            h[k] = try value(forKey: k, in: context) ?? .nil
        }
        return h
    }
}

/// A memo table for lazily computed drop values, safe to share between threads: the first reader
/// of a key computes it (outside the lock), later readers get the stored value.
public final class DropCache: @unchecked Sendable {
    private let lock = PlatformLock()
    private var storage: [String: Value] = [:]

    public init() {}

    public func value(forKey key: String, compute: () throws -> Value) rethrows -> Value {
        if let v = lock.withLock({ storage[key] }) { return v }
        let v = try compute()
        lock.withLock { storage[key] = v }
        return v
    }
}
