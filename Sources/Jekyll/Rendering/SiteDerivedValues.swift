import Liquid
import Synchronization

/// Values a plugin's tag works out from the site alone — the same on every page of a build — made
/// by the first render that asks and kept for the others (jekyll-seo-tag's cleaned site title,
/// its social metadata). One value per type; the type names what it holds.
///
/// A build has none (`BuildContext.siteDerived` is nil) when it records what each page reads
/// (incremental builds, `serve`: every page must record its own reads of the site), with strict
/// variables or filters or under `--profile` (as for `IncludeMemo`), and when kramdown's warnings
/// are shown: a value made through `markdownify` would then log them once instead of on every page.
public final class SiteDerivedValues: Sendable {
    /// Each value under its type's identity: the stored object is always of that type.
    private let values = Locked<[ObjectIdentifier: AnyObject]>([:])
    /// The first value stored, with its key, published for reads without the lock and the
    /// dictionary (~450 instructions a page for jekyll-seo-tag's): the address of a `Stored`,
    /// retained until these values go. The first one published stays.
    private let first = Atomic<UInt>(0)

    private final class Stored: @unchecked Sendable {
        let key: ObjectIdentifier
        /// A value of the `Sendable` type `key` names.
        let value: AnyObject

        init(key: ObjectIdentifier, value: AnyObject) {
            self.key = key
            self.value = value
        }
    }

    init() {}

    deinit {
        if let address = UnsafeRawPointer(bitPattern: first.load(ordering: .acquiring)) {
            Unmanaged<Stored>.fromOpaque(address).release()
        }
    }

    /// The build's value of type `T`, made by `make` the first time. Two workers may both make it;
    /// the first one stored is kept, so every page sees the same.
    public func value<T: AnyObject & Sendable>(_ type: T.Type = T.self, make: () throws -> T) rethrows -> T {
        let key = ObjectIdentifier(type)
        let bits = first.load(ordering: .acquiring)
        if let address = UnsafeRawPointer(bitPattern: bits) {
            // Read without a retain of the box: these values hold it until they go.
            let published = Unmanaged<Stored>.fromOpaque(address)._withUnsafeGuaranteedRef { $0.key == key ? $0.value : nil }
            if let published { return unsafeDowncast(published, to: T.self) }
        }
        let value = try kept(key, make: make)
        if bits == 0 { publish(Stored(key: key, value: value)) }
        return value
    }

    /// The value under `key`, stored by `make` if there is none yet. Stored under its own type's
    /// key: no dynamic cast needed to get it back.
    private func kept<T: AnyObject & Sendable>(_ key: ObjectIdentifier, make: () throws -> T) rethrows -> T {
        if let known = values.withLock({ $0[key] }) { return unsafeDowncast(known, to: T.self) }
        let made = try make()
        return values.withLock { values in
            if let known = values[key] { return unsafeDowncast(known, to: T.self) }
            values[key] = made
            return made
        }
    }

    private func publish(_ stored: Stored) {
        let address = Unmanaged.passRetained(stored).toOpaque()
        let (exchanged, _) = first.compareExchange(expected: 0, desired: UInt(bitPattern: address),
                                                   ordering: .acquiringAndReleasing)
        if !exchanged { Unmanaged<Stored>.fromOpaque(address).release() }
    }
}
