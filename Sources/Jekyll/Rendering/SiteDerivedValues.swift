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
    /// The newest value's node (a retained `Node`'s address; 0 while there is none). Nodes are
    /// only ever added in front, and each holds the one before it: a render finds a value by
    /// walking them without a lock, a retain or a dictionary (a build keeps a handful of types;
    /// the lock and the dictionary cost ~450 instructions a page for jekyll-seo-tag's).
    private let newest = Atomic<UInt>(0)

    private final class Node: @unchecked Sendable {
        let key: ObjectIdentifier
        /// A value of the `Sendable` type `key` names.
        let value: AnyObject
        /// The node before this one, whose retain this node holds once it is published (0: none).
        var older: UInt

        init(key: ObjectIdentifier, value: AnyObject, older: UInt) {
            self.key = key
            self.value = value
            self.older = older
        }

        deinit { Node.release(older) }

        static func release(_ address: UInt) {
            if let pointer = UnsafeRawPointer(bitPattern: address) { Unmanaged<Node>.fromOpaque(pointer).release() }
        }

        /// The value under `key` in the nodes from `address` back to (not including) `stop`.
        static func find(_ key: ObjectIdentifier, from address: UInt, to stop: UInt) -> AnyObject? {
            var address = address
            while address != stop, let pointer = UnsafeRawPointer(bitPattern: address) {
                // Read without a retain: the values hold every node until they go.
                let (found, older) = Unmanaged<Node>.fromOpaque(pointer)._withUnsafeGuaranteedRef { node in
                    (node.key == key ? node.value : nil, node.older)
                }
                if let found { return found }
                address = older
            }
            return nil
        }
    }

    init() {}

    deinit { Node.release(newest.load(ordering: .acquiring)) }

    /// The build's value of type `T`, made by `make` the first time. Two workers may both make it;
    /// the first one published is kept, so every page sees the same.
    public func value<T: AnyObject & Sendable>(_ type: T.Type = T.self, make: () throws -> T) rethrows -> T {
        let key = ObjectIdentifier(type)
        var head = newest.load(ordering: .acquiring)
        if let known = Node.find(key, from: head, to: 0) { return unsafeDowncast(known, to: T.self) }
        let made = try make()
        let node = Node(key: key, value: made, older: 0)
        let address = UInt(bitPattern: Unmanaged.passRetained(node).toOpaque())
        while true {
            // Published, the node takes over the retain the head had from `newest`.
            node.older = head
            let (exchanged, current) = newest.compareExchange(expected: head, desired: address,
                                                              ordering: .acquiringAndReleasing)
            if exchanged { return made }
            // Another worker published first: perhaps this same type's value.
            if let known = Node.find(key, from: current, to: head) {
                node.older = 0
                Node.release(address)
                return unsafeDowncast(known, to: T.self)
            }
            head = current
        }
    }
}
