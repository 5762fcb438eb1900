/// An insertion-ordered hash, like Ruby's `Hash`: iteration, `first`, `inspect` and `jsonify` follow
/// the order keys were first inserted. Keys are values compared as Ruby's `eql?` (so `1` and `"1"`
/// differ); string keys, by far the most common, are found through a dictionary, others by a scan.
public struct OrderedHash: Sendable {
    public private(set) var keys: [Value]
    public private(set) var values: [Value]
    private var stringIndex: [String: Int]

    public init() {
        keys = []
        values = []
        stringIndex = [:]
    }

    public init(minimumCapacity: Int) {
        keys = []
        values = []
        stringIndex = [:]
        keys.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
        stringIndex.reserveCapacity(minimumCapacity)
    }

    /// Builds a hash from key-value pairs; a repeated key keeps its first position and last value.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Value) {
        self.init()
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public func index(of key: Value) -> Int? {
        if case .string(let s) = key { return stringIndex[s] }
        return keys.firstIndex(of: key)
    }

    public func index(of key: String) -> Int? { stringIndex[key] }

    public func contains(_ key: Value) -> Bool { index(of: key) != nil }
    public func contains(_ key: String) -> Bool { stringIndex[key] != nil }

    public subscript(key: String) -> Value? {
        get { stringIndex[key].map { values[$0] } }
        set { self[.string(key)] = newValue }
    }

    public subscript(key: Value) -> Value? {
        get { index(of: key).map { values[$0] } }
        set {
            if let i = index(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    remove(at: i)
                }
            } else if let newValue {
                if case .string(let s) = key { stringIndex[s] = keys.count }
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    private mutating func remove(at i: Int) {
        keys.remove(at: i)
        values.remove(at: i)
        stringIndex.removeAll(keepingCapacity: true)
        for (j, k) in keys.enumerated() {
            if case .string(let s) = k { stringIndex[s] = j }
        }
    }

    /// The pairs in order.
    public var pairs: Zip2Sequence<[Value], [Value]> { zip(keys, values) }

    /// The pairs as two-element arrays, which is what iterating a hash yields in Liquid.
    public var pairArrays: [Value] { zip(keys, values).map { .array([$0, $1]) } }
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
