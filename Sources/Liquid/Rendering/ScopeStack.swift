/// The variable scopes of a render: the template's own scope (where `assign` and `capture`
/// write; it may hold many names, so it is a hashed table) and the inner scopes of loops and
/// includes (a few names each), kept in one flat list, innermost last, so that entering and
/// leaving a scope allocates nothing once the list has grown.
struct ScopeStack {
    private struct Entry {
        let name: String
        let hash: Int
        var value: Value
    }

    /// The template's own scope.
    private(set) var outer = StringTable<Value>()
    /// The inner scopes' variables.
    private var entries: [Entry] = []
    /// Where each inner scope's entries start, innermost last.
    private var starts: [Int] = []

    /// Scopes in use, the template's own included.
    var depth: Int { starts.count + 1 }

    /// The innermost value of a name.
    @inline(__always)
    func value(for name: String, hash: Int) -> Value? {
        var i = entries.count - 1
        while i >= 0 {
            if entries[i].hash == hash && entries[i].name == name { return entries[i].value }
            i -= 1
        }
        return outer.value(for: name, hash: hash)
    }

    /// Whether an inner scope (a loop's, an include's) holds the name.
    func isSetInInnerScope(_ name: String, hash: Int) -> Bool {
        entries.contains { $0.hash == hash && $0.name == name }
    }

    mutating func push() {
        // Room for a few scopes at once, instead of growing one entry at a time.
        if starts.capacity == 0 {
            starts.reserveCapacity(8)
            entries.reserveCapacity(16)
        }
        starts.append(entries.count)
    }

    mutating func pop() {
        // One entry at a time: `removeSubrange` went through generic range replacement and
        // destroyed the entries through their type's metadata.
        let start = starts.removeLast()
        while entries.count > start { entries.removeLast() }
    }

    /// Empties every scope, keeping the room the lists have grown to.
    mutating func removeAll() {
        if !outer.isEmpty { outer.removeAll() }
        while !starts.isEmpty { pop() }
    }

    /// Sets a name in the template's own scope.
    @inline(__always)
    mutating func setOuter(_ name: String, hash: Int, _ value: Value) {
        outer.set(name, hash: hash, value)
    }

    /// Sets a name in the innermost scope.
    mutating func setInnermost(_ name: String, hash: Int, _ value: Value) {
        if starts.isEmpty {
            outer.set(name, hash: hash, value)
        } else {
            _ = setInner(name, hash: hash, value)
        }
    }

    /// Sets a name in the innermost inner scope (one must have been pushed) and returns the
    /// entry's index, for `setValue(at:)`.
    mutating func setInner(_ name: String, hash: Int, _ value: Value) -> Int {
        let start = starts[starts.count - 1]
        var i = entries.count - 1
        while i >= start {
            if entries[i].hash == hash && entries[i].name == name {
                entries[i].value = value
                return i
            }
            i -= 1
        }
        entries.append(Entry(name: name, hash: hash, value: value))
        return entries.count - 1
    }

    /// Replaces the value of an inner-scope entry (a loop variable, each iteration).
    @inline(__always)
    mutating func setValue(at index: Int, _ value: Value) {
        entries[index].value = value
    }

    /// Removes a name from the innermost scope.
    mutating func removeInnermost(_ name: String) {
        guard let start = starts.last else {
            outer[name] = nil
            return
        }
        let hash = keyHash(name)
        if let i = entries[start...].lastIndex(where: { $0.hash == hash && $0.name == name }) {
            entries.remove(at: i)
        }
    }
}
