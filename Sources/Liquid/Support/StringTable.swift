/// A fast hash of a string's bytes. Names in templates are hashed once when parsed, keys of data
/// hashes once when inserted; lookups then compare integers first. Eight bytes at a time, the
/// ends of a short key read as two overlapping words (a byte at a time took ~5 instructions a
/// byte), and read in place: copying the string to reach its bytes retained and released it.
/// Only ever compared within one process (not stored), so the byte order does not matter.
@inline(__always)
func keyHash(_ s: String) -> Int {
    s.utf8.withContiguousStorageIfAvailable(keyHash(bytes:)) ?? Array(s.utf8).withUnsafeBufferPointer(keyHash(bytes:))
}

/// `keyHash` of bytes: each word folded in with a multiply, then the high bits mixed into the
/// low ones (tables pick a slot by the low bits).
@inline(__always)
func keyHash(bytes b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = b.count
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    // The length mixed in first: keys of different lengths can have the same words.
    var h: UInt64 = (0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: n)) &* multiplier
    if let base = b.baseAddress, n > 0 {
        let raw = UnsafeRawPointer(base)
        func word(_ at: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
        func half(_ at: Int) -> UInt64 { UInt64(raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                h = (h ^ word(i)) &* multiplier
                h ^= h >> 29
                i += 8
            }
            // The last eight bytes (overlapping the word before when the length is not a multiple of 8).
            h = (h ^ word(n - 8)) &* multiplier
        } else if n >= 4 {
            // Both ends cover every byte of 4 to 8.
            h = (h ^ (half(0) << 32 | half(n - 4))) &* multiplier
        } else {
            // First, middle and last cover every byte of 1 to 3.
            h = (h ^ (UInt64(base[0]) << 16 | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1]))) &* multiplier
        }
    }
    h ^= h >> 32
    h &*= 0xD6E8_FEB8_6659_FD93
    h ^= h >> 32
    return Int(truncatingIfNeeded: h)
}

/// String keys to values, in insertion order: a linear scan over cached hashes while small,
/// an open-addressing index beyond. Entries are kept in one array (one allocation, one
/// uniqueness check per change).
struct StringTable<V> {
    private struct Entry {
        let key: String
        let hash: Int
        var value: V
    }

    private var entries: [Entry] = []
    /// Entry index + 1 per slot (0 = empty); empty while the table is small.
    private var slots: [Int32] = []

    static var linearLimit: Int { 8 }

    init() {}

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }
    var keys: [String] { entries.map(\.key) }
    var values: [V] { entries.map(\.value) }

    @inline(__always)
    func index(of key: String, hash: Int) -> Int? {
        if slots.isEmpty {
            for i in 0..<entries.count where entries[i].hash == hash && entries[i].key == key { return i }
            return nil
        }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if entries[entry - 1].hash == hash && entries[entry - 1].key == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    func value(for key: String, hash: Int) -> V? {
        index(of: key, hash: hash).map { entries[$0].value }
    }

    subscript(key: String) -> V? {
        get { value(for: key, hash: keyHash(key)) }
        set {
            if let newValue { set(key, hash: keyHash(key), newValue) } else { remove(key) }
        }
    }

    mutating func set(_ key: String, hash: Int, _ value: V) {
        if let i = index(of: key, hash: hash) {
            entries[i].value = value
            return
        }
        if entries.capacity == 0 { entries.reserveCapacity(8) }
        entries.append(Entry(key: key, hash: hash, value: value))
        if !slots.isEmpty && entries.count * 2 <= slots.count {
            insertSlot(entries.count - 1)
        } else if entries.count > Self.linearLimit {
            rebuildSlots()
        }
    }

    mutating func setValue(at index: Int, _ value: V) {
        entries[index].value = value
    }

    mutating func remove(_ key: String) {
        guard let i = index(of: key, hash: keyHash(key)) else { return }
        entries.remove(at: i)
        if !slots.isEmpty { rebuildSlots() }
    }

    private mutating func rebuildSlots() {
        guard entries.count > Self.linearLimit else {
            slots = []
            return
        }
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
        for i in 0..<entries.count { insertSlot(i) }
    }

    private mutating func insertSlot(_ entry: Int) {
        let mask = slots.count - 1
        var slot = entries[entry].hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    /// Empties the table, keeping the entries' room (the index is made again past the linear limit).
    mutating func removeAll() {
        // One entry at a time: `removeAll(keepingCapacity:)` went through generic range replacement.
        while !entries.isEmpty { entries.removeLast() }
        slots = []
    }

    mutating func reserveCapacity(_ n: Int) {
        entries.reserveCapacity(n)
    }
}
