/// A key for state carried by a render: the host's (the current page, the site) or a tag's own
/// (cycle positions, loop offsets). The key type fixes the value type, so reads need no casts.
public protocol RegisterKey {
    associatedtype Value: Sendable
    static var defaultValue: Value { get }
}

/// Typed state by key type. Host values are set once before rendering and must be `Sendable`;
/// tags keep their per-render state here too.
///
/// Filters and drops read the host's register on every call, so a read is a short scan of a few
/// entries and a downcast the key type guarantees — no hashing, no dynamic cast of an `Any`.
public struct Registers: @unchecked Sendable {
    // Inlinable, so that a host's read is specialized to its key type in the host's module:
    // unspecialized, each read looked up the box's generic metadata at run time.
    @usableFromInline var entries: [(key: ObjectIdentifier, box: AnyObject)] = []

    public init() {}

    @inlinable
    public subscript<K: RegisterKey>(key: K.Type) -> K.Value {
        get {
            let id = ObjectIdentifier(key)
            for entry in entries where entry.key == id {
                // Entries for `K` are only ever stored by the setter below, as `RegisterBox<K.Value>`.
                return unsafeDowncast(entry.box, to: RegisterBox<K.Value>.self).value
            }
            return K.defaultValue
        }
        set {
            let id = ObjectIdentifier(key)
            guard let i = entries.firstIndex(where: { $0.key == id }) else {
                entries.append((id, RegisterBox(newValue)))
                return
            }
            // A box no other copy of these registers shares is changed in place (tags set their
            // state once per call); a shared one is replaced, so copies keep their own values.
            if isKnownUniquelyReferenced(&entries[i].box) {
                unsafeDowncast(entries[i].box, to: RegisterBox<K.Value>.self).value = newValue
            } else {
                entries[i].box = RegisterBox(newValue)
            }
        }
    }

    /// Whether any register is set.
    var hasEntries: Bool { !entries.isEmpty }

    @inlinable
    public func contains<K: RegisterKey>(_ key: K.Type) -> Bool {
        let id = ObjectIdentifier(key)
        return entries.contains { $0.key == id }
    }
}

/// One register's value, boxed so that reading it back is a plain downcast.
@usableFromInline
final class RegisterBox<Value>: @unchecked Sendable {
    // Not checked for exclusivity at run time: every filter and drop reads the host's register,
    // and a box is changed only by its one holder (see the setter above).
    @usableFromInline @exclusivity(unchecked) var value: Value
    @usableFromInline init(_ value: Value) { self.value = value }
}
