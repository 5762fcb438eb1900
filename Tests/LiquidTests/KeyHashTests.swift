import Testing
@testable import Liquid

/// `keyHash`, which hashes and tables compare before names: the same text hashes the same
/// whatever holds it, keys that differ hash apart (lengths too: short keys are read as words that
/// can coincide), and the low bits, which pick a table's slot, are spread.
@Suite struct KeyHashTests {
    @Test func sameTextSameHash() {
        for text in ["", "a", "url", "date", "title", "excerpt", "relative_path", "author_profile",
                     "Zürich", String(repeating: "é", count: 9), String(repeating: "k", count: 33)] {
            var stored = String()
            stored.reserveCapacity(80)
            stored += text
            let cut = String(("xy" + text).dropFirst(2))
            #expect(keyHash(stored) == keyHash(text), "\(text)")
            #expect(keyHash(cut) == keyHash(text), "\(text)")
            #expect(Array(text.utf8).withUnsafeBufferPointer(keyHash(bytes:)) == keyHash(text))
        }
    }

    @Test func differentKeysHashApart() {
        var keys: Set<String> = []
        for i in 0..<5000 {
            keys.insert("k\(i)")
            keys.insert("key_\(i)_suffix")
            keys.insert("\(i)")
        }
        for n in 0...40 {
            keys.insert(String(repeating: "a", count: n))
            keys.insert(String(repeating: "a", count: n) + "b")
            keys.insert("b" + String(repeating: "a", count: n))
            keys.insert(String(repeating: "ü", count: n))
        }
        #expect(Set(keys.map(keyHash)).count == keys.count)
    }

    @Test func lowBitsAreSpread() {
        let slots = Set((0..<1024).map { keyHash("tag\($0)") & 1023 })
        // 1,024 random picks of 1,024 slots fill ~647.
        #expect(slots.count > 560)
    }
}
