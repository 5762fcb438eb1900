import Testing
@testable import Markdown

/// The trigger scan looks bytes up two at a time (`SpanParser.TriggerTable`); it must stop at
/// exactly the first byte `isTrigger` marks, wherever in an eight-byte round that byte falls.
struct TriggerScanTests {
    static func firstTrigger(_ bytes: [UInt8], from: Int) -> Int {
        bytes.withUnsafeBufferPointer { SpanParser.firstTrigger(in: $0, from: from, table: SpanParser.sharedTriggerTable) }
    }

    @Test func everyByteValueAlone() {
        let table = SpanParser.sharedTriggerTable
        for c in 0...255 {
            #expect(table[UInt8(c)] == SpanParser.isTrigger(UInt8(c)), "byte \(c)")
        }
    }

    @Test func stopsAtTheFirstTriggerAtEveryOffset() {
        let filler = Array("plain words ".utf8)
        for c in 0...255 where SpanParser.isTrigger(UInt8(c)) {
            for length in 1...19 {
                var text = (0..<length).map { filler[$0 % filler.count] }
                #expect(Self.firstTrigger(text, from: 0) == length)
                for at in 0..<length {
                    text[at] = UInt8(c)
                    for from in 0...at {
                        #expect(Self.firstTrigger(text, from: from) == at, "byte \(c) at \(at) of \(length) from \(from)")
                    }
                    // a second trigger after the first does not move the answer
                    if at + 1 < length { text[at + 1] = Byte.star; #expect(Self.firstTrigger(text, from: 0) == at) }
                    text = (0..<length).map { filler[$0 % filler.count] }
                }
            }
        }
    }

    @Test func nonTriggerBytesAreSkipped() {
        let plain = (0...255).map(UInt8.init).filter { !SpanParser.isTrigger($0) }
        #expect(Self.firstTrigger(plain, from: 0) == plain.count)
        #expect(Self.firstTrigger(plain + [Byte.backtick], from: 3) == plain.count)
    }
}
