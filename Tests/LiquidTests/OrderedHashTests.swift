import Testing
@testable import Liquid

/// Setting a string key, which takes its own path (not through a key value): it agrees with
/// keys set and read as values, keeps a key's first position, removes on nil, and works the
/// same in a small (scanned) hash and a large (indexed) one.
@Suite struct OrderedHashTests {
    @Test(arguments: [3, 20])
    func stringKeysAgreeWithValueKeys(size: Int) {
        var h = OrderedHash()
        for i in 0..<size { h["k\(i)"] = .int(i) }
        h["k1"] = "changed"
        #expect(h.count == size)
        #expect(h.keys[1] == .string("k1"))
        #expect(h[Value.string("k1")] == .string("changed"))
        h[Value.string("k1")] = "by value"
        #expect(h["k1"] == .string("by value"))
        #expect(h.count == size)

        h["k0"] = nil
        #expect(h.count == size - 1)
        #expect(h["k0"] == nil)
        #expect(!h.contains(Value.string("k0")))
        #expect(h.keys.first == .string("k1"))
        #expect(h["k\(size - 1)"] == .int(size - 1))
    }

    /// Keys set with their hash known (`setValue(_:forKey:hash:)`, `add(_:forNewKey:hash:)`) make
    /// the same hash as the subscript, scanned or indexed (past 8, 16 and 32 keys the index is
    /// rebuilt larger).
    @Test(arguments: [3, 9, 17, 40])
    func knownHashSetsAgreeWithTheSubscript(size: Int) {
        var bySubscript = OrderedHash(), byHash = OrderedHash()
        for i in 0..<size {
            bySubscript["k\(i)"] = .int(i)
            byHash.add(.int(i), forNewKey: "k\(i)", hash: OrderedHash.storedHash(of: "k\(i)"))
        }
        bySubscript["k1"] = "changed"
        byHash.setValue("changed", forKey: "k1", hash: OrderedHash.storedHash(of: "k1"))
        bySubscript["new"] = "added"
        byHash.setValue("added", forKey: "new", hash: OrderedHash.storedHash(of: "new"))
        #expect(byHash.keys == bySubscript.keys)
        #expect(byHash.values == bySubscript.values)
        for i in 0..<size { #expect(byHash[Value.string("k\(i)")] == bySubscript["k\(i)"]) }
        #expect(byHash["absent"] == nil)

        byHash.setValue(nil, forKey: "k0", hash: OrderedHash.storedHash(of: "k0"))
        #expect(byHash.count == size)
        #expect(byHash["k0"] == nil)
        #expect(byHash["k\(size - 1)"] == .int(size - 1))
    }

    @Test func stringAndIntegerKeysDiffer() {
        var h = OrderedHash()
        h[Value.int(1)] = "integer"
        h["1"] = "string"
        #expect(h.count == 2)
        #expect(h[Value.int(1)] == .string("integer"))
        #expect(h["1"] == .string("string"))
        h["1"] = nil
        #expect(h.keys == [.int(1)])
    }

    @Test func settingACopyLeavesTheOriginal() {
        var original = OrderedHash()
        original["a"] = 1
        var copy = original
        copy["a"] = 2
        copy["b"] = 3
        #expect(original["a"] == .int(1))
        #expect(original.count == 1)
        #expect(copy["a"] == .int(2))
        #expect(copy.count == 2)
    }
}
