import Testing
@testable import Liquid

/// The output buffer holds long strings by reference instead of copying them: whatever mix of
/// short texts, long strings, integers and other buffers is appended, the text, the bytes and the
/// count are those of the plain concatenation, and copies stay independent.
@Suite struct OutputBufferTests {
    static let long = String(repeating: "Zürich – ", count: OutputBuffer.heldStringBytes / 8)
    static let longASCII = String(repeating: "abcdefgh", count: OutputBuffer.heldStringBytes / 8)

    enum Piece: Sendable, CustomTestStringConvertible {
        case text(String), integer(Int), buffer([String])
        var testDescription: String {
            switch self {
            case .text(let s): return "text(\(s.utf8.count) bytes)"
            case .integer(let i): return "integer(\(i))"
            case .buffer(let parts): return "buffer(\(parts.map(\.utf8.count)))"
            }
        }
        var plain: String {
            switch self {
            case .text(let s): return s
            case .integer(let i): return String(i)
            case .buffer(let parts): return parts.joined()
            }
        }
    }

    @Test(arguments: [
        [Piece.text("<p>"), .text(long), .text("</p>")],
        [.text(long)],
        [.text(long), .text(longASCII), .integer(-42)],
        [.text("a"), .buffer(["b", long, "c"]), .text(longASCII), .buffer([long])],
        [.buffer([]), .text(""), .integer(7)],
        [.text(String(repeating: "x", count: OutputBuffer.heldStringBytes - 1)), .text("ü")],
    ])
    func concatenation(pieces: [Piece]) {
        var buffer = OutputBuffer(reservingCapacity: 8)
        for piece in pieces {
            switch piece {
            case .text(let s): buffer.append(s)
            case .integer(let i): buffer.append(value: .int(i))
            case .buffer(let parts):
                var inner = OutputBuffer()
                for part in parts { inner.append(part) }
                buffer.append(inner)
            }
        }
        let expected = pieces.map(\.plain).joined()
        #expect(buffer.string == expected)
        #expect(buffer.bytes == Array(expected.utf8))
        #expect(buffer.count == expected.utf8.count)
        #expect(buffer.withByteRuns { $0.flatMap { Array($0) } } == Array(expected.utf8))
    }

    /// Strings of every length about the small-string limit (15 bytes held in the value itself),
    /// small ones and ones in storage of their own (a reserved capacity keeps even a short string
    /// there), non-ASCII ones too, come out whole and in order.
    @Test func shortStringsOfEveryLength() {
        var buffer = OutputBuffer(reservingCapacity: 1)
        var expected = ""
        for length in 0...40 {
            let ascii = String(repeating: "a", count: length)
            var stored = String()
            stored.reserveCapacity(64)
            stored += String(repeating: "b", count: length)
            let accented = String(repeating: "é", count: length / 2) + String(repeating: "c", count: length % 2)
            for text in [ascii, stored, accented, String(ascii + "xyz").dropFirst(3).description] {
                buffer.append(text)
                expected += text
            }
        }
        #expect(buffer.string == expected)
        #expect(buffer.count == expected.utf8.count)
    }

    /// A held string is one run of its own, between the bytes written before and after it: a
    /// host writing the runs out copies nothing.
    @Test func heldStringsAreRunsOfTheirOwn() {
        var buffer = OutputBuffer()
        buffer.append(Self.long)
        buffer.append("<p>")
        buffer.append(Self.longASCII)
        buffer.append(Self.long)
        buffer.append("</p>")
        let runs = buffer.withByteRuns { $0.map { String(decoding: $0, as: UTF8.self) } }
        #expect(runs == [Self.long, "<p>", Self.longASCII, Self.long, "</p>"])
        #expect(OutputBuffer().withByteRuns { $0.count } == 0)
    }

    @Test func copiesAreIndependent() {
        var first = OutputBuffer()
        first.append("head ")
        first.append(Self.long)
        var second = first
        second.append(" tail")
        second.append(Self.longASCII)
        first.append("!")
        #expect(first.string == "head " + Self.long + "!")
        #expect(second.string == "head " + Self.long + " tail" + Self.longASCII)
    }

    @Test func appendingItself() {
        var buffer = OutputBuffer()
        buffer.append("x")
        buffer.append(Self.long)
        buffer.append(buffer)
        #expect(buffer.string == ("x" + Self.long) + ("x" + Self.long))
    }

    /// A layout's `content` printed inside it comes out whole, at its place.
    @Test func longContentInATemplate() throws {
        let template = try Template.parse("<main>{{ content }}</main>{{ content | size }}")
        let content = Self.long + "<b>end</b>"
        let output = try template.render(["content": .string(content)])
        #expect(output == "<main>" + content + "</main>" + String(content.unicodeScalars.count))
    }

    /// Text made of ASCII stretches of every length and non-ASCII characters of each width, alone
    /// and held beside a long string, comes out as it went in (the bytes are made text without a
    /// second validation; debug builds, which run this, assert that they are valid).
    @Test func mixedTextComesOutWhole() {
        let others = ["ü", "–", "語", "😀", "é\u{301}"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        for round in 0..<200 {
            var text = ""
            for _ in 0..<next(12) {
                text += String(repeating: "a", count: [0, 1, 7, 8, 9, 63, 64, 65, 300, 2000][next(10)])
                text += others[next(others.count)]
            }
            text += String(repeating: "z", count: next(20))
            var alone = OutputBuffer()
            alone.append(text)
            #expect(alone.string == text, "round \(round)")
            var held = OutputBuffer()
            held.append(text)
            held.append(Self.long)
            held.append(text)
            #expect(held.string == text + Self.long + text, "round \(round)")
        }
    }
}
