import ByteLaneCases
import Testing
@testable import Markdown

/// `HTMLBuffer.escape` skips eight bytes at a time when none of them may need escaping; the
/// word test must see every `"`, `&`, `<` and `>` at every position, and the escaped output must
/// be what a byte-by-byte escape gives.
struct EscapeWordTests {
    @Test func wordTestFindsEveryCandidateAtEveryPosition() {
        for b in 0...255 {
            let candidate = b == 0x22 || b == 0x26 || b == 0x3C || b == 0x3E
            #expect(HTMLBuffer.isCandidate(UInt8(b)) == candidate, "byte \(b)")
            for pos in 0..<8 {
                for fill: UInt8 in [0x00, 0x20, 0x61, 0xC3, 0xFF] {
                    var bytes = [UInt8](repeating: fill, count: 8)
                    bytes[pos] = UInt8(b)
                    let marks = HTMLBuffer.candidateMarks(bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
                    #expect((marks != 0) == candidate, "byte \(b) at \(pos) among \(fill)")
                    if candidate { #expect(marks.trailingZeroBitCount / 8 == pos, "byte \(b) at \(pos) among \(fill)") }
                }
            }
        }
    }

    /// The lowest marked byte is a candidate even when a borrow marks bytes above it.
    /// The sixteen-byte test and `firstCandidate` against `isCandidate`: every byte value at
    /// every lane of sixteen, then texts of 0 to 40 bytes with one candidate anywhere (the
    /// overlapping last sixteen, the two eight-byte tests, the byte loop).
    @Test func sixteenByteTestAndFirstCandidateFindTheFirstCandidate() {
        ByteLaneCases.forEachValueAtEachLane(over: [0x61, 0x3D, 0x26]) { bytes in
            let found = bytes.withUnsafeBytes { HTMLBuffer.candidateIndex(inSixteenAt: $0.baseAddress!) }
            #expect(found == bytes.firstIndex(where: HTMLBuffer.isCandidate))
        }
        for value: UInt8 in [0x22, 0x3E] {
            ByteLaneCases.forEachText(upTo: 40, of: 0x3D, placing: value) { bytes, candidate in
                #expect(bytes.withUnsafeBufferPointer { HTMLBuffer.firstCandidate(in: $0) } == candidate ?? bytes.count)
            }
        }
    }

    @Test func lowestMarkIsACandidate() {
        let sets: [UInt8] = [0x22, 0x26, 0x3C, 0x3E, 0x21, 0x23, 0x3D, 0x3F, 0x20, 0x61, 0x01]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let bytes = (0..<8).map { _ in sets.randomElement(using: &rng)! }
            let marks = HTMLBuffer.candidateMarks(bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
            let first = bytes.firstIndex { HTMLBuffer.isCandidate($0) }
            #expect(marks == 0 ? first == nil : first == marks.trailingZeroBitCount / 8, "\(bytes)")
        }
    }

    /// The escape, one byte at a time, as kramdown's `escape_html` does it.
    static func reference(_ bytes: Bytes, _ mode: HTMLBuffer.EscapeMode) -> Bytes {
        var out = Bytes()
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == Byte.amp, mode == .text || mode == .attribute, let end = Escape.referenceEnd(bytes, i) {
                out += bytes[i..<end]
                i = end
                continue
            }
            switch c {
            case Byte.amp: out += Bytes("&amp;".utf8)
            case Byte.lt: out += Bytes("&lt;".utf8)
            case Byte.gt: out += Bytes("&gt;".utf8)
            case Byte.quote where mode == .attribute || mode == .cmark: out += Bytes("&quot;".utf8)
            default: out.append(c)
            }
            i += 1
        }
        return out
    }

    @Test(arguments: [HTMLBuffer.EscapeMode.all, .text, .attribute, .cmark])
    func escapesAsByteByByte(mode: HTMLBuffer.EscapeMode) {
        let pieces = ["a", "é", " ", "&", "&amp;", "&#60;", "&#x1F;", "<", ">", "\"", "plain words", "東京", "&nbsp", ";"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...24, using: &rng) { s += pieces.randomElement(using: &rng)! }
            var buffer = HTMLBuffer()
            buffer.escape(s, mode: mode)
            #expect(buffer.bytes == Self.reference(Bytes(s.utf8), mode), "\(s)")
        }
    }
}

/// `HTMLBuffer` has no copy on write: a copy shares the bytes, so setting a buffer aside and
/// putting it back (the TOC and footnote markers, GitHub Pages header ids) keeps what was written
/// before, and what is written through either copy is seen by both.
struct HTMLBufferSharingTests {
    @Test func setAsideAndPutBack() {
        var out = HTMLBuffer()
        out.append("<p>before</p>")
        let saved = out
        out = HTMLBuffer()
        out.append("aside")
        let aside = out.bytes
        out = saved
        out.append("|")
        out.append(contentsOf: aside)
        #expect(out.string == "<p>before</p>|aside")
    }

    @Test func copiesShareTheirBytes() {
        var a = HTMLBuffer()
        a.append("x")
        var b = a
        b.append("y")
        #expect(a.string == "xy")
        a.truncate(to: 1)
        #expect(b.string == "x")
    }
}
