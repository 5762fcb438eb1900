/// An insertion-ordered mapping with Ruby `Hash` semantics: assigning to a key that is
/// already present replaces its value and keeps its position.
///
/// Small mappings (the usual front matter and data entry) are searched linearly; a hash
/// index is built once a mapping grows past `indexThreshold` entries.
public struct YAMLMapping: Sendable {
    public struct Entry: Sendable, Hashable {
        public var key: YAMLValue
        public var value: YAMLValue

        public init(key: YAMLValue, value: YAMLValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var entries: [Entry]
    private var index: [YAMLValue: Int]?

    private static let indexThreshold = 12

    public init() {
        entries = []
        index = nil
    }

    /// Builds a mapping from pairs; a repeated key keeps its first position and its last value.
    public init(_ pairs: [(YAMLValue, YAMLValue)]) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [YAMLValue] { entries.map(\.key) }
    public var values: [YAMLValue] { entries.map(\.value) }

    public func position(of key: YAMLValue) -> Int? {
        if let index { return index[key] }
        if case .string(let wanted) = key {
            // The usual key: compared string to string, without copying each entry's key out.
            for position in entries.indices {
                if case .string(let candidate) = entries[position].key, sameBytes(candidate, wanted) { return position }
            }
            return nil
        }
        return entries.firstIndex { $0.key == key }
    }

    /// Room for `count` entries before the next allocation.
    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    public subscript(key: YAMLValue) -> YAMLValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let newValue {
                set(newValue, for: key)
            } else if let position = position(of: key) {
                entries.remove(at: position)
                rebuildIndex()
            }
        }
    }

    public subscript(key: String) -> YAMLValue? {
        self[.string(key)]
    }

    /// Ruby's `hash[key] = value`.
    public mutating func set(_ value: YAMLValue, for key: YAMLValue) {
        if let position = position(of: key) {
            entries[position].value = value
            return
        }
        entries.append(Entry(key: key, value: value))
        if index != nil {
            index![key] = entries.count - 1
        } else if entries.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// Ruby's `hash.merge!(other)`: every entry of `other`, in its order, assigned here.
    public mutating func merge(_ other: YAMLMapping) {
        for entry in other.entries { set(entry.value, for: entry.key) }
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built = [YAMLValue: Int](minimumCapacity: entries.count)
        for (position, entry) in entries.enumerated() where built[entry.key] == nil {
            built[entry.key] = position
        }
        index = built
    }
}

extension YAMLMapping: RandomAccessCollection {
    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Entry { entries[position] }
}

extension YAMLMapping: Hashable {
    /// Ruby compares hashes as sets of pairs: order does not matter.
    public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for entry in lhs.entries {
            guard let other = rhs[entry.key], other == entry.value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for entry in entries { combined ^= entry.hashValue }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

extension YAMLMapping: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (YAMLValue, YAMLValue)...) {
        self.init(elements)
    }
}
