import Testing
@testable import Markdown

/// The two ways of writing into an `HTMLBuffer` without `append`: a cursor with room made
/// (the simple spans' loop) and a body told where to write (the highlighter's markup).
struct HTMLBufferInPlaceTests {
    @Test func cursorWritesAreCountedByAdvance() {
        var out = HTMLBuffer(capacity: 4)
        out.append("<p>")
        let text = Array(String(repeating: "abcdefgh", count: 40).utf8)
        var to = out.cursor(room: text.count)   // grows the buffer past its first capacity
        text.withUnsafeBufferPointer { to.update(from: $0.baseAddress!, count: $0.count) }
        to += text.count
        out.advance(to: to)
        out.append("</p>")
        #expect(out.string == "<p>" + String(repeating: "abcdefgh", count: 40) + "</p>")
    }

    /// `copy` takes a different path for up to 3, 7, 16, 32 and more bytes: every length from
    /// 1 to 70, at every offset of an eight-byte word, lands whole and touches no byte around it.
    @Test func copiesOfEveryLength() {
        let source = (0..<80).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for n in 1...70 {
            for offset in 0..<8 {
                var out = [UInt8](repeating: 0xEE, count: 96)
                source.withUnsafeBufferPointer { src in
                    out.withUnsafeMutableBufferPointer { dst in
                        HTMLBuffer.copy(src.baseAddress! + offset, n, to: dst.baseAddress! + 8)
                    }
                }
                #expect(Array(out[8..<(8 + n)]) == Array(source[offset..<(offset + n)]), "\(n) bytes from \(offset)")
                #expect(out[..<8].allSatisfy { $0 == 0xEE } && out[(8 + n)...].allSatisfy { $0 == 0xEE })
            }
        }
    }

    @Test func appendInPlaceCountsWhatTheBodyWrote() {
        var out = HTMLBuffer(capacity: 4)
        out.append("[")
        var asked: [Int] = []
        let wrote = out.appendInPlace { room in
            asked.append(100)
            let p = room(100)
            for k in 0..<100 { p[k] = UInt8(ascii: "x") }
            return 60   // more room asked for than used
        }
        out.append("]")
        #expect(wrote)
        #expect(asked == [100])
        #expect(out.string == "[" + String(repeating: "x", count: 60) + "]")
    }

    @Test func appendInPlaceDeclinedWritesNothing() {
        var out = HTMLBuffer()
        out.append("a")
        #expect(!out.appendInPlace { _ in nil })
        out.append("b")
        #expect(out.string == "ab")
    }
}

/// The simple spans' printing writes texts and tags through a cursor and code spans and links
/// through the buffer: a long paragraph mixing them, past the buffer's first capacity, prints
/// every piece in order.
struct SimpleSpansCursorTests {
    @Test func longParagraphMixingEveryOperation() {
        let piece = "word *em* **strong** `a<b` [link](/u?a=1&b=2) ~~del~~ and more text here, "
        let markdown = String(repeating: piece, count: 400) + "end\n"
        let html = KramdownConverter(options: KramdownOptions(config: [:])).convert(markdown).html
        let printed = "word <em>em</em> <strong>strong</strong> <code class=\"language-plaintext highlighter-rouge\">a&lt;b</code> "
            + "<a href=\"/u?a=1&amp;b=2\">link</a> <del>del</del> and more text here, "
        #expect(html == "<p>" + String(repeating: printed, count: 400) + "end</p>\n")
    }
}
