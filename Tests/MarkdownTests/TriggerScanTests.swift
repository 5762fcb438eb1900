import Testing
@testable import Markdown

/// The span scans go from trigger to trigger through a text's bitmap (`TriggerBitmap`); it must
/// stop at exactly the first byte `isTrigger` marks, wherever in a 64-bit word that byte and the
/// start of the scan fall.
struct TriggerScanTests {
    static func firstTriggers(_ bytes: [UInt8], from starts: Range<Int>) -> [Int] {
        let room = TriggerBitmap.Room()
        return bytes.withUnsafeBufferPointer { b in
            let triggers = room.mark(b)
            return starts.map { triggers.next(from: $0) }
        }
    }

    @Test func everyByteValueAlone() {
        let room = TriggerBitmap.Room()
        for c in 0...255 {
            let marked = [UInt8(c)].withUnsafeBufferPointer { room.mark($0).isTrigger(at: 0) }
            #expect(marked == SpanParser.isTrigger(UInt8(c)), "byte \(c)")
        }
    }

    @Test func stopsAtTheFirstTriggerAtEveryOffset() {
        let filler = Array("plain words ".utf8)
        for c in 0...255 where SpanParser.isTrigger(UInt8(c)) {
            for length in Array(1...19) + [63, 64, 65, 129] {
                var text = (0..<length).map { filler[$0 % filler.count] }
                #expect(Self.firstTriggers(text, from: 0..<length + 1) == Array(repeating: length, count: length + 1))
                for at in 0..<length {
                    text[at] = UInt8(c)
                    let expected = (0...length).map { $0 <= at ? at : length }
                    #expect(Self.firstTriggers(text, from: 0..<length + 1) == expected, "byte \(c) at \(at) of \(length)")
                    // a second trigger after the first does not move the answer
                    if at + 1 < length { text[at + 1] = Byte.star; #expect(Self.firstTriggers(text, from: 0..<1) == [at]) }
                    text = (0..<length).map { filler[$0 % filler.count] }
                }
            }
        }
    }

    @Test func nonTriggerBytesAreSkipped() {
        let plain = (0...255).map(UInt8.init).filter { !SpanParser.isTrigger($0) }
        #expect(Self.firstTriggers(plain, from: 0..<1) == [plain.count])
        #expect(Self.firstTriggers(plain + [Byte.backtick], from: 3..<4) == [plain.count])
    }

    /// `next(from:passing:)` goes on from a trigger passed over within its word and into the
    /// next words: stars among other triggers, some a word or more apart, from every start.
    @Test func passesOverTheTriggersItIsToldTo() {
        let stretch = String(repeating: "a. b\n-c ", count: 19) + "*"
        let text = Array((stretch + "*d*" + stretch + stretch + " e.").utf8)
        let room = TriggerBitmap.Room()
        text.withUnsafeBufferPointer { b in
            let triggers = room.mark(b)
            for from in 0...b.count {
                let expected = (from..<b.count).first { b[$0] == Byte.star } ?? b.count
                #expect(triggers.next(from: from, passing: { b[$0] != Byte.star }) == expected, "from \(from)")
            }
        }
    }

    /// The span parser marks each text's triggers once and scans from wherever its parse is
    /// (after a span, inside one): spans that start at a space or the character before a
    /// trigger (`SpaceSpanStartTests`), after plain words of every length, so that they meet
    /// every place in a word; all of them in one document, parsed one paragraph after another
    /// by one parser, each with its own marks.
    @Test func parsesFromEveryPlaceInAWord() {
        for pad in 0..<140 {
            let prefix = String(repeating: "a", count: pad + 1) + " "
            let markdown = SpaceSpanStartTests.cases.map { prefix + $0.0 }.joined(separator: "\n")
            let expected = SpaceSpanStartTests.cases.map { "<p>" + prefix + $0.1.dropFirst(3) }.joined(separator: "\n")
            #expect(convert(markdown) == expected, "after \(pad)")
        }
    }
}
