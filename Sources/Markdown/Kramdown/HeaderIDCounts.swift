/// How many headers of a document so far were given each id (kramdown's `generate_id` and
/// `generate_gfm_header_id` both number the repeats). Most documents have a few headers: their
/// ids are kept in a list, and an id is compared only with those of the same length and first
/// bytes (most differ there), instead of hashed; past `listLimit` ids they move to a dictionary.
struct HeaderIDCounts {
    private struct Seen {
        var id: String
        /// The id's length in UTF-8 bytes and its first eight bytes (zeros after its end).
        var length: Int
        var head: UInt64
        var count: Int
    }
    private var list: [Seen] = []
    private var table: [String: Int] = [:]
    static let listLimit = 32

    /// Counts one more header with `id`; returns how many headers had it before.
    mutating func count(_ id: String) -> Int {
        if table.isEmpty {
            var id = id
            let (length, head) = id.withUTF8 { b -> (Int, UInt64) in
                var head: UInt64 = 0
                for k in 0..<min(b.count, 8) { head |= UInt64(b[k]) << (8 * k) }
                return (b.count, head)
            }
            for i in list.indices where list[i].length == length && list[i].head == head && list[i].id == id {
                list[i].count += 1
                return list[i].count
            }
            if list.count < Self.listLimit {
                if list.isEmpty { list.reserveCapacity(16) }
                list.append(Seen(id: id, length: length, head: head, count: 0))
                return 0
            }
            table.reserveCapacity(2 * Self.listLimit)
            for seen in list { table[seen.id] = seen.count }
            list = []
        }
        var n = 0
        func count(_ seen: inout Int) {
            seen += 1
            n = seen
        }
        count(&table[id, default: -1])
        return n
    }
}
