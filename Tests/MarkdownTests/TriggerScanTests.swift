import Testing
@testable import Markdown

/// `SpanParser.firstTrigger` tests eight bytes at once for bytes that are never triggers; it must
/// find the same byte as a lookup of every byte in the trigger table.
struct TriggerScanTests {
    static func firstByLookup(_ b: [UInt8], from: Int) -> Int {
        var p = from
        while p < b.count && !SpanParser.isTrigger(b[p]) { p += 1 }
        return p
    }

    @Test func neverTriggersMarksNoTrigger() {
        for v in 0..<256 {
            let w = UInt64(v) &* 0x0101_0101_0101_0101
            let marked = SpanParser.neverTriggers(w) & 0x8080_8080_8080_8080 != 0
            let expected = (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x20 || v == 0x2C || v >= 0x80
            #expect(marked == expected, "byte \(v)")
            if marked { #expect(!SpanParser.isTrigger(UInt8(v)), "byte \(v)") }
        }
    }

    @Test func sameAsLookupOfEveryByte() {
        // every byte value at every position of a word, among letters, and random texts
        var texts: [[UInt8]] = []
        for v in 0..<256 {
            for at in 0..<17 {
                var t = Array("abcdefgh ijklmnop,".utf8)
                t[at] = UInt8(v)
                texts.append(t)
            }
        }
        var rng = SystemRandomNumberGenerator()
        let pool = Array("aZ ,.-*_`<>[]!\"'$&{}\\~\n0(:é".utf8)
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 0..<40, using: &rng)).map { _ in pool.randomElement(using: &rng)! })
        }
        for t in texts {
            t.withUnsafeBufferPointer { b in
                for from in 0...t.count {
                    #expect(SpanParser.firstTrigger(in: b, from: from, table: SpanParser.sharedTriggerTable)
                            == Self.firstByLookup(t, from: from))
                }
            }
        }
    }
}
