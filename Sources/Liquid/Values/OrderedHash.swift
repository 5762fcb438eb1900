/// An insertion-ordered hash, like Ruby's `Hash`: iteration, `first`, `inspect` and `jsonify`
/// follow the order keys were first inserted. Keys are values compared as Ruby's `eql?` (so `1`
/// and `"1"` differ). Each key's hash is computed once on insertion; small hashes are scanned,
/// larger ones indexed.
public struct OrderedHash: Sendable {
    /// One reference, so that copying a hash value (which templates do constantly) is one
    /// retain; copied on write.
    private var storage: Storage

    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var keys: [Value] = []
        @exclusivity(unchecked) var values: [Value] = []
        @exclusivity(unchecked) var hashes: [Int] = []
        /// Entry index + 1 per slot (0 = empty); empty while the hash is small.
        @exclusivity(unchecked) var slots: [Int32] = []

        init() {}

        init(copying other: Storage) {
            keys = other.keys
            values = other.values
            hashes = other.hashes
            slots = other.slots
        }
    }

    private static var linearLimit: Int { 8 }
    private static var initialCapacity: Int { 4 }

    /// Shared by all empty hashes (copied before the first insertion), so `OrderedHash()` does
    /// not allocate.
    private static let emptyStorage = Storage()

    public init() {
        storage = Self.emptyStorage
    }

    public init(minimumCapacity: Int) {
        storage = Storage()
        storage.keys.reserveCapacity(minimumCapacity)
        storage.values.reserveCapacity(minimumCapacity)
        storage.hashes.reserveCapacity(minimumCapacity)
    }

    /// Builds a hash from key-value pairs; a repeated key keeps its first position and last value.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Value) {
        self.init()
        for (k, v) in pairs { self[k] = v }
    }

    /// The same from an array: callers in other modules would otherwise reach the generic form
    /// unspecialized (a few thousand instructions for a one-pair hash).
    public init(_ pairs: [(String, Value)]) {
        self.init()
        for (k, v) in pairs { self[k] = v }
    }

    public var keys: [Value] { storage.keys }
    public var values: [Value] { storage.values }
    public var count: Int { storage.keys.count }

    /// Whether both are copies of one hash, unchanged since (a quick check before comparing).
    public func isIdentical(to other: OrderedHash) -> Bool { storage === other.storage }
    public var isEmpty: Bool { storage.keys.isEmpty }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
    }

    private static func hash(of key: Value) -> Int {
        if case .string(let s) = key { return keyHash(s) }
        return key.hashValue
    }

    @inline(__always)
    func index(of key: String, hash: Int) -> Int? {
        let st = storage
        if st.slots.isEmpty {
            for i in 0..<st.hashes.count where st.hashes[i] == hash {
                if case .string(let k) = st.keys[i], k == key { return i }
            }
            return nil
        }
        let mask = st.slots.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(st.slots[slot])
            if entry == 0 { return nil }
            if st.hashes[entry - 1] == hash, case .string(let k) = st.keys[entry - 1], k == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    public func index(of key: String) -> Int? { index(of: key, hash: keyHash(key)) }

    public func index(of key: Value) -> Int? { index(of: key, hash: Self.hash(of: key)) }

    /// The position of a key whose hash (`hash(of:)`) is already known.
    private func index(of key: Value, hash: Int) -> Int? {
        if case .string(let s) = key { return index(of: s, hash: hash) }
        for i in 0..<storage.keys.count where storage.hashes[i] == hash && storage.keys[i] == key { return i }
        return nil
    }

    public func contains(_ key: Value) -> Bool { index(of: key) != nil }
    public func contains(_ key: String) -> Bool { index(of: key) != nil }

    /// The hash a string key is stored and found with (what `value(forKey:hash:)` and a drop's
    /// `value(forKey:hash:in:)` take).
    public static func storedHash(of key: String) -> Int { keyHash(key) }

    /// The value for a string key whose hash (`keyHash`) is already known.
    @inline(__always)
    public func value(forKey key: String, hash: Int) -> Value? {
        index(of: key, hash: hash).map { storage.values[$0] }
    }

    public subscript(key: String) -> Value? {
        get { index(of: key).map { storage.values[$0] } }
        // Found by the string itself: made a value first, the key was retained, hashed and
        // matched through the general path, and released (most keys set are strings).
        set { set(key, hash: keyHash(key), newValue) }
    }

    /// Sets a string key whose hash (`storedHash(of:)`) is already known: not hashed again.
    public mutating func setValue(_ value: consuming Value?, forKey key: String, hash: Int) {
        set(key, hash: hash, value)
    }

    /// Adds a string key that is not in the hash (the caller has just looked it up), with its
    /// known hash: neither hashed nor searched for again.
    public mutating func add(_ value: consuming Value, forNewKey key: String, hash: Int) {
        makeUnique()
        assert(index(of: key, hash: hash) == nil, "\(key) is in the hash already")
        append(.string(key), hash, value)
    }

    /// The value is taken, not copied: the setter's own is moved into the storage.
    private mutating func set(_ key: String, hash: Int, _ newValue: consuming Value?) {
        makeUnique()
        let found = index(of: key, hash: hash)
        switch consume newValue {
        case .some(let value):
            if let found { storage.values[found] = value } else { append(.string(key), hash, value) }
        case .none:
            if let found { remove(at: found) }
        }
    }

    public subscript(key: Value) -> Value? {
        get { index(of: key).map { storage.values[$0] } }
        set {
            makeUnique()
            let hash = Self.hash(of: key)
            if let i = index(of: key, hash: hash) {
                if let newValue { storage.values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                append(key, hash, newValue)
            }
        }
    }

    /// Ruby's `merge!` with a block: each pair of `other` in its order is added when its key is
    /// new, else `combine(old, new)` replaces the value (nil keeps the old one). Keys are hashed
    /// once, when `other` stored them.
    public mutating func merge(_ other: OrderedHash, combining combine: (_ old: Value, _ new: Value) -> Value?) {
        guard !other.isEmpty else { return }
        makeUnique()
        let source = other.storage
        for i in 0..<source.keys.count {
            let key = source.keys[i]
            let hash = source.hashes[i]
            if let at = index(of: key, hash: hash) {
                if let merged = combine(storage.values[at], source.values[i]) { storage.values[at] = merged }
            } else {
                append(key, hash, source.values[i])
            }
        }
    }

    private func append(_ key: consuming Value, _ hash: Int, _ value: consuming Value) {
        if storage.keys.capacity == 0 {
            // Room for a small hash at once, instead of growing each array 1, 2, 4, 8.
            storage.keys.reserveCapacity(Self.initialCapacity)
            storage.values.reserveCapacity(Self.initialCapacity)
            storage.hashes.reserveCapacity(Self.initialCapacity)
        }
        storage.keys.append(key)
        storage.values.append(value)
        storage.hashes.append(hash)
        if !storage.slots.isEmpty && storage.keys.count * 2 <= storage.slots.count {
            insertSlot(storage.keys.count - 1)
        } else if storage.keys.count > Self.linearLimit {
            rebuildSlots()
        }
    }

    private func remove(at i: Int) {
        storage.keys.remove(at: i)
        storage.values.remove(at: i)
        storage.hashes.remove(at: i)
        rebuildSlots()
    }

    private func rebuildSlots() {
        guard storage.keys.count > Self.linearLimit else {
            storage.slots = []
            return
        }
        var capacity = 16
        while capacity < storage.keys.count * 2 { capacity *= 2 }
        // Filled in place: through `insertSlot`, each entry's write checked the storage's array
        // for sharing and its bounds (~140 of the ~1,000 instructions a post's ninth key cost).
        let hashes = storage.hashes
        storage.slots = [Int32](unsafeUninitializedCapacity: capacity) { slots, initialized in
            slots.initialize(repeating: 0)
            for entry in hashes.indices { Self.place(entry, hash: hashes[entry], in: slots) }
            initialized = capacity
        }
    }

    private func insertSlot(_ entry: Int) {
        let hash = storage.hashes[entry]
        storage.slots.withUnsafeMutableBufferPointer { Self.place(entry, hash: hash, in: $0) }
    }

    /// Puts `entry` in the first free slot from its hash on (`slots` has a power-of-two count
    /// and a free slot).
    @inline(__always)
    private static func place(_ entry: Int, hash: Int, in slots: UnsafeMutableBufferPointer<Int32>) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    /// The pairs in order.
    public var pairs: Zip2Sequence<[Value], [Value]> { zip(storage.keys, storage.values) }

    /// The pairs as two-element arrays, which is what iterating a hash yields in Liquid.
    public var pairArrays: [Value] { zip(storage.keys, storage.values).map { .array([$0, $1]) } }
}

extension OrderedHash: Equatable {
    /// Ruby's `Hash#==`: the same keys with equal values, order ignored.
    public static func == (lhs: OrderedHash, rhs: OrderedHash) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (k, v) in lhs.pairs {
            guard let other = rhs[k], other.liquidEquals(v) else { return false }
        }
        return true
    }
}
