import Liquid

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

    init() {}

    /// The build's value of type `T`, made by `make` the first time. Two workers may both make it;
    /// the first one stored is kept, so every page sees the same.
    public func value<T: AnyObject & Sendable>(_ type: T.Type = T.self, make: () throws -> T) rethrows -> T {
        let key = ObjectIdentifier(type)
        // Stored under its own type's key: no dynamic cast needed to get it back.
        if let known = values.withLock({ $0[key] }) { return unsafeDowncast(known, to: T.self) }
        let made = try make()
        return values.withLock { values in
            if let known = values[key] { return unsafeDowncast(known, to: T.self) }
            values[key] = made
            return made
        }
    }
}
