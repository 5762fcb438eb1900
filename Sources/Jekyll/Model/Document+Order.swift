import Liquid

/// Jekyll's order of collection items (`jekyllOrder`) applied to many documents at once, each
/// document's date looked up once rather than at every comparison: a site's posts are sorted
/// several times per build (reading, `site.posts`, each tag and category, pagination), and in
/// `kyll serve` every rebuild sorts them again.
struct JekyllOrderKey {
    /// The date as seconds and nanoseconds, when the item has one.
    let date: (seconds: Int64, nanoseconds: Int)?
    let path: String

    init(_ doc: Document) {
        if case .time(let t)? = doc.data.value(PostKeys.date) { date = (t.seconds, t.nanoseconds) } else { date = nil }
        path = doc.path
    }

    /// `Document.jekyllOrder` on the keys.
    static func precedes(_ a: JekyllOrderKey, _ b: JekyllOrderKey) -> Bool {
        if let x = a.date, let y = b.date {
            if x.seconds != y.seconds { return x.seconds < y.seconds }
            if x.nanoseconds != y.nanoseconds { return x.nanoseconds < y.nanoseconds }
        }
        return String.utf8Precedes(a.path, b.path)
    }

    /// The positions `0..<keys.count` sorted as `sort(by:)` sorts the items themselves (the same
    /// comparisons in the same order, so the same result), oldest first or newest first.
    static func sortedPositions(_ keys: [JekyllOrderKey], newestFirst: Bool = false) -> [Int] {
        Array(keys.indices).sorted { p, q in
            newestFirst ? precedes(keys[q], keys[p]) : precedes(keys[p], keys[q])
        }
    }
}

extension Array where Element == Document {
    /// Sorted in Jekyll's order (as `sort(by: Document.jekyllOrder)`).
    public mutating func sortInJekyllOrder() {
        let order = JekyllOrderKey.sortedPositions(map(JekyllOrderKey.init))
        self = order.map { self[$0] }
    }

    /// Newest first (as `sorted { Document.jekyllOrder($1, $0) }`).
    public func sortedNewestFirst() -> [Document] {
        JekyllOrderKey.sortedPositions(map(JekyllOrderKey.init), newestFirst: true).map { self[$0] }
    }
}

extension SiteSnapshot {
    /// Documents `ids` sorted newest first (as `sorted { jekyllOrder(documents[$1], documents[$0]) }`).
    func newestFirst(_ ids: [Int]) -> [Int] {
        JekyllOrderKey.sortedPositions(ids.map { JekyllOrderKey(documents[$0]) }, newestFirst: true).map { ids[$0] }
    }
}
