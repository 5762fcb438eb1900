import Testing
@testable import YAML

/// Printable ASCII is handed to libyaml's reader already in its buffer (`EventParser`): what
/// loads and what fails must be as when the reader reads it itself.
@Suite struct ReaderPreloadTests {
    /// What libyaml's reader takes of an ASCII byte as it is.
    private static func takes(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0D || (0x20...0x7E).contains(byte)
    }

    @Test func printableASCIIIsWhatTheReaderTakes() {
        // Every byte value at every position of a word and of the bytes after the last word.
        for length in [1, 7, 8, 9, 15, 16, 17, 24] {
            for position in 0..<length {
                for byte in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = byte
                    let printable = bytes.withUnsafeBufferPointer { EventParser.isPrintableASCII($0) }
                    #expect(printable == Self.takes(byte), "byte \(byte) at \(position) of \(length)")
                }
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { EventParser.isPrintableASCII($0) })
    }

    /// Each byte of a word is tested on its own: a line's end or a tab beside a refused byte (or
    /// beside another of them) leaves the word refused (or taken).
    @Test func bytesBesideOneAnotherAreEachTested() {
        for first: UInt8 in [0x09, 0x0A, 0x0D, 0x20, 0x7E, 0x1F, 0x7F, 0x80] {
            for second in UInt8.min...UInt8.max {
                for (p, q) in [(0, 1), (1, 0), (3, 4), (6, 7), (7, 6), (0, 7)] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                    bytes[p] = first
                    bytes[q] = second
                    let printable = bytes.withUnsafeBufferPointer { EventParser.isPrintableASCII($0) }
                    #expect(printable == (Self.takes(first) && Self.takes(second)), "\(first), \(second) at \(p), \(q)")
                }
            }
        }
    }

    @Test(arguments: [UInt8(0x01), 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F])
    func controlCharactersStillFail(byte: UInt8) {
        let bytes = Array("a: 1\nbb: x".utf8) + [byte] + Array("y\n".utf8)
        let error = #expect(throws: YAMLError.self) { try YAML.load(bytes: bytes) }
        #expect(error?.message.hasPrefix("control characters are not allowed") == true)
        #expect((error?.line, error?.column) == (2, 6))
    }

    @Test func tabsAndCarriageReturnsLoad() throws {
        let value = try YAML.load(bytes: Array("a: 1\r\nb:\tx y\r\nc: [p,\tq]\r\n".utf8))
        #expect(value == .mapping(YAMLMapping([("a", 1), ("b", "x y"), ("c", ["p", "q"])])))
    }

    @Test func emptyAndLongDocumentsLoad() throws {
        #expect(try YAML.load(bytes: []) == .null)
        #expect(try YAML.load(bytes: Array("# only a comment".utf8)) == .null)
        // Longer than libyaml's buffer: the reader reads it itself.
        let keys = (0..<6_000).map { "key\($0): value \($0)" }.joined(separator: "\n")
        guard case .mapping(let map) = try YAML.load(bytes: Array(keys.utf8)) else {
            Issue.record("not a mapping")
            return
        }
        #expect(map.count == 6_000)
        #expect(map["key5999"] == "value 5999")
    }

    /// `body` after a comment line that brings it to `size` bytes, lines ended by `lineEnd`.
    private static func padded(_ body: String, to size: Int, lineEnd: String = "\n") -> [UInt8] {
        let comment = "#" + String(repeating: "x", count: size - body.utf8.count - 1 - lineEnd.utf8.count) + lineEnd
        let bytes = Array((comment + body).utf8)
        precondition(bytes.count == size)
        return bytes
    }

    /// libyaml's buffer holds 49,152 bytes, the NUL after the text included: 49,151 bytes are the
    /// longest text preloaded, 49,152 the shortest the reader reads itself.
    static let eitherSideOfTheBuffer = [49_151, 49_152]

    @Test(arguments: ["\n", "\r", "\r\n"])
    func documentsEitherSideOfTheBufferLoadAlike(lineEnd: String) throws {
        let body = ["a: 1", "b: x y", "c: [p, q]", "d: {e: f}", "g: |", "  text", "  more", "h: end"]
            .joined(separator: lineEnd) + lineEnd
        let values = try Self.eitherSideOfTheBuffer.map { try YAML.load(bytes: Self.padded(body, to: $0, lineEnd: lineEnd)) }
        #expect(values[0] == values[1])
        #expect(try values[0] == YAML.load(bytes: Array(body.utf8)))
        guard case .mapping(let map) = values[0] else {
            Issue.record("not a mapping")
            return
        }
        #expect(map["g"] == "text\nmore\n")
        #expect(map["h"] == "end")
    }

    /// An error on the last line (the second after the comment; the unclosed list's is found at
    /// the end of the text).
    @Test(arguments: ["\n", "\r"], [["a: 1", "b: c: d"], ["a: 1", "b: [x, y"]])
    func errorsEitherSideOfTheBufferReportTheSamePlace(lineEnd: String, lines: [String]) {
        let body = lines.joined(separator: lineEnd)
        let errors = Self.eitherSideOfTheBuffer.map { size in
            #expect(throws: YAMLError.self) { try YAML.load(bytes: Self.padded(body, to: size, lineEnd: lineEnd)) }
        }
        // (on the document's lines, after the comment's)
        #expect(errors[0] != nil && errors[0]!.line >= 3)
        #expect((errors[0]?.line, errors[0]?.column) == (errors[1]?.line, errors[1]?.column))
        #expect(errors[0]?.message == errors[1]?.message)
    }
}
