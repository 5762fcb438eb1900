/// A fast hash of a string's bytes (FNV-1a, 64-bit). Names in templates are hashed once when
/// parsed, keys of data hashes once when inserted; lookups then compare integers first.
@inline(__always)
func keyHash(_ s: String) -> Int {
    var s = s
    return s.withUTF8 { b in
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h)
    }
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

    mutating func reserveCapacity(_ n: Int) {
        entries.reserveCapacity(n)
    }
}
