/// Entries of a memo by the identity of an object the table holds, so that no other object takes
/// that identity while the memo lives (a look-up copies the entry only, not the objects).
struct IdentityTable<Object: AnyObject, Entry> {
    private var entries: [ObjectIdentifier: Entry] = [:]
    private var held: [Object] = []

    subscript(_ id: ObjectIdentifier) -> Entry? { entries[id] }

    /// Sets `entry` for `object`; an entry already there stays unless `replacing`.
    mutating func set(_ entry: Entry, for object: Object, replacing: Bool) {
        let id = ObjectIdentifier(object)
        guard let current = entries.index(forKey: id) else {
            entries[id] = entry
            return held.append(object)
        }
        if replacing { entries.values[current] = entry }
    }
}

extension IdentityTable: Sendable where Object: Sendable, Entry: Sendable {}
