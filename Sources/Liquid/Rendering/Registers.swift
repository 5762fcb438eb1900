/// A key for state carried by a render: the host's (the current page, the site) or a tag's own
/// (cycle positions, loop offsets). The key type fixes the value type, so reads need no casts.
public protocol RegisterKey {
    associatedtype Value: Sendable
    static var defaultValue: Value { get }
}

/// Typed state by key type. Host values are set once before rendering and must be `Sendable`;
/// tags keep their per-render state here too.
public struct Registers: @unchecked Sendable {
    // Values are only ever stored and read back through their own key type (see the subscript).
    private var storage: [ObjectIdentifier: Any] = [:]

    public init() {}

    public subscript<K: RegisterKey>(key: K.Type) -> K.Value {
        get { storage[ObjectIdentifier(key)].flatMap { $0 as? K.Value } ?? K.defaultValue }
        set { storage[ObjectIdentifier(key)] = newValue }
    }

    public func contains<K: RegisterKey>(_ key: K.Type) -> Bool {
        storage[ObjectIdentifier(key)] != nil
    }
}
