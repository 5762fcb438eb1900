/// How many headers of a document so far were given each id (kramdown's `generate_id` and
/// `generate_gfm_header_id` both number the repeats). Most documents have a few headers: their
/// ids' bytes are kept one after another in one array, and an id is compared only with those of
/// the same length and first bytes (most differ there), instead of hashed; past `listLimit` ids
/// they move to a dictionary. An id given as bytes is never made a string while it is listed.
struct HeaderIDCounts {
    private struct Seen {
        /// Where the id's bytes start in `listedBytes`.
        var start: Int
        /// The id's length in UTF-8 bytes and its first eight bytes (zeros after its end).
        var length: Int
        var head: UInt64
        var count: Int
    }
    private var list: [Seen] = []
    private var listedBytes: Bytes = []
    private var table: [String: Int] = [:]
    static let listLimit = 32

    /// Forgets every id, keeping the list's room (a reused context's or converter's).
    mutating func removeAll() {
        if !list.isEmpty {
            list.removeAll(keepingCapacity: true)
            listedBytes.removeAll(keepingCapacity: true)
        }
        if !table.isEmpty { table = [:] }
    }

    /// Counts one more header with `id`; returns how many headers had it before.
    mutating func count(_ id: String) -> Int {
        var id = id
        return id.withUTF8 { count(bytes: $0) }
    }

    /// `count` of the id whose UTF-8 bytes are `b`.
    mutating func count(bytes b: UnsafeBufferPointer<UInt8>) -> Int {
        if table.isEmpty {
            var head: UInt64 = 0
            for k in 0..<min(b.count, 8) { head |= UInt64(b[k]) << (8 * k) }
            for i in list.indices where list[i].length == b.count && list[i].head == head && listedBytesEqual(list[i], b) {
                list[i].count += 1
                return list[i].count
            }
            if list.count < Self.listLimit {
                if list.isEmpty {
                    list.reserveCapacity(16)
                    listedBytes.reserveCapacity(512)
                }
                list.append(Seen(start: listedBytes.count, length: b.count, head: head, count: 0))
                listedBytes.append(contentsOf: b)
                return 0
            }
            table.reserveCapacity(2 * Self.listLimit)
            for seen in list { table[String(decoding: listedBytes[seen.start..<seen.start + seen.length], as: UTF8.self)] = seen.count }
            list = []
            listedBytes = []
        }
        var n = 0
        func count(_ seen: inout Int) {
            seen += 1
            n = seen
        }
        count(&table[String(decoding: b, as: UTF8.self), default: -1])
        return n
    }

    /// Whether the listed id `seen` (of `b`'s length and first bytes) is `b`: its bytes after
    /// the first eight compared.
    private func listedBytesEqual(_ seen: Seen, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count > 8 else { return true }
        return listedBytes.withUnsafeBufferPointer { listed in
            var k = 8
            while k < b.count {
                if listed[seen.start &+ k] != b[k] { return false }
                k &+= 1
            }
            return true
        }
    }
}

/// The ids `GFMPass.countTextID` worked out from headers' texts, one after another, so that the
/// converter writes each from here (`Element.textIDBytes`) instead of working it out again from
/// the text. A context's own, emptied for each conversion (its room kept).
final class TextIDBytes {
    @exclusivity(unchecked) private(set) var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 0)
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity = 0

    deinit { base.deallocate() }

    /// Where the next `n` bytes go, room made for them (written there, then counted by `advance`).
    func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity {
            let c = max(2 * capacity, count + n, 256)
            let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
            b.initialize(from: base, count: count)
            base.deallocate()
            base = b
            capacity = c
        }
        return base + count
    }

    func advance(by n: Int) { count += n }

    func removeAll() { count = 0 }

    /// The bytes `range` of the ids.
    func bytes(_ range: Range<Int32>) -> UnsafeBufferPointer<UInt8> {
        precondition(range.lowerBound >= 0 && Int(range.upperBound) <= count, "header id bytes out of range")
        // (the count as a difference: `Range<Int32>.count` was a generic call)
        return UnsafeBufferPointer(start: base + Int(range.lowerBound), count: Int(range.upperBound &- range.lowerBound))
    }
}
