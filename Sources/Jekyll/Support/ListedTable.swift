/// A key a `ListedTable` can find by comparing: a cheap test first (a length, a hash worked out
/// at parse time), then equality.
protocol ListedKey: Hashable {
    func matches(_ other: Self) -> Bool
}

extension String: ListedKey {
    @inline(__always) func matches(_ other: String) -> Bool { utf8.count == other.utf8.count && self == other }
}

/// Values by key, the first few keys in a list that a look-up walks comparing them, the rest
/// hashed. For what a site has a few of (layout chains, include names, include calls) and every
/// page looks up: hashing the key cost more than comparing it with each of a few.
struct ListedTable<Key: ListedKey, Value> {
    static var listedCount: Int { 16 }
    private var keys: [Key] = []
    private var values: [Value] = []
    private var hashed: [Key: Value] = [:]

    subscript(key: Key) -> Value? {
        get {
            if let i = index(of: key) { return values[i] }
            return hashed.isEmpty ? nil : hashed[key]
        }
        set {
            if let i = index(of: key) {
                if let newValue { values[i] = newValue } else { keys.remove(at: i); values.remove(at: i) }
            } else if let newValue, keys.count < Self.listedCount, hashed[key] == nil {
                keys.append(key)
                values.append(newValue)
            } else {
                hashed[key] = newValue
            }
        }
    }

    /// `read` of the value for `key` where it is stored (no copy of the whole value when only a
    /// part is wanted); nil when there is none.
    func withValue<R>(for key: Key, _ read: (borrowing Value) -> R) -> R? {
        if let i = index(of: key) { return values.withUnsafeBufferPointer { read($0[i]) } }
        guard !hashed.isEmpty, let value = hashed[key] else { return nil }
        return read(value)
    }

    private func index(of key: Key) -> Int? {
        keys.withUnsafeBufferPointer { listed in listed.firstIndex { $0.matches(key) } }
    }
}
