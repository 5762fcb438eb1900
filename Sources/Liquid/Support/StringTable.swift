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
/// an open-addressing index beyond.
struct StringTable<V> {
    private(set) var keys: [String] = []
    private(set) var hashes: [Int] = []
    private(set) var values: [V] = []
    /// Entry index + 1 per slot (0 = empty); empty while the table is small.
    private var slots: [Int32] = []

    static var linearLimit: Int { 8 }

    init() {}

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    @inline(__always)
    func index(of key: String, hash: Int) -> Int? {
        if slots.isEmpty {
            for i in 0..<hashes.count where hashes[i] == hash && keys[i] == key { return i }
            return nil
        }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash && keys[entry - 1] == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    func value(for key: String, hash: Int) -> V? {
        index(of: key, hash: hash).map { values[$0] }
    }

    subscript(key: String) -> V? {
        get { value(for: key, hash: keyHash(key)) }
        set {
            if let newValue { set(key, hash: keyHash(key), newValue) } else { remove(key) }
        }
    }

    mutating func set(_ key: String, hash: Int, _ value: V) {
        if let i = index(of: key, hash: hash) {
            values[i] = value
            return
        }
        keys.append(key)
        hashes.append(hash)
        values.append(value)
        if !slots.isEmpty && keys.count * 2 <= slots.count {
            insertSlot(keys.count - 1)
        } else if keys.count > Self.linearLimit {
            rebuildSlots()
        }
    }

    mutating func setValue(at index: Int, _ value: V) {
        values[index] = value
    }

    mutating func remove(_ key: String) {
        guard let i = index(of: key, hash: keyHash(key)) else { return }
        keys.remove(at: i)
        hashes.remove(at: i)
        values.remove(at: i)
        if !slots.isEmpty { rebuildSlots() }
    }

    private mutating func rebuildSlots() {
        guard keys.count > Self.linearLimit else {
            slots = []
            return
        }
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
        for i in 0..<keys.count { insertSlot(i) }
    }

    private mutating func insertSlot(_ entry: Int) {
        let mask = slots.count - 1
        var slot = hashes[entry] & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    mutating func reserveCapacity(_ n: Int) {
        keys.reserveCapacity(n)
        hashes.reserveCapacity(n)
        values.reserveCapacity(n)
    }
}
