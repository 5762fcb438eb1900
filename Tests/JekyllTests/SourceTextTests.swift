import Foundation
import Testing
@testable import Jekyll

/// Reading a source file straight into a string must give the file's exact text, and hand every
/// file it cannot vouch for (invalid UTF-8, a byte order mark, U+FFFD of its own) to the byte path.
@Suite struct SourceTextTests {
    static func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-source-\(UUID())").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// nil: the fast path declines (and the byte path decides).
    @Test(arguments: [
        (Array("plain ascii\n".utf8), "plain ascii\n" as String?),
        (Array("Zürich — “quotes” 😀\r\n".utf8), "Zürich — “quotes” 😀\r\n"),
        ([], ""),
        (Array(repeating: UInt8(ascii: "x"), count: 70_000), String(repeating: "x", count: 70_000)),
        ([0x61, 0xFF, 0x62], nil),
        // A truncated 4-byte sequence is repaired to one U+FFFD: the same length as the input.
        ([0x61, 0x0A, 0xF0, 0x9F, 0x98], nil),
        ([0xE2, 0x82, 0x41], nil),
        ([0x61, 0xEF, 0xBF, 0xBD, 0x62], nil),
        ([0xEF, 0xBB, 0xBF, 0x61], "\u{FEFF}a"),
        ([0x61, 0xEF, 0xBF], nil),
    ])
    func readsValidUTF8Straight(bytes: [UInt8], expected: String?) throws {
        let text = try Self.withFile(bytes) { try FileSystem.readUTF8String($0) }
        #expect(text == expected)
        if let text { #expect(Array(text.utf8) == bytes) }
    }

    @Test(arguments: [
        (Array("---\ntitle: x\n---\nbody\n".utf8), "---\ntitle: x\n---\nbody\n"),
        ([0xEF, 0xBB, 0xBF] + Array("a\nb".utf8), "a\nb"),
        ([0x61, 0xEF, 0xBF, 0xBD, 0x62], "a\u{FFFD}b"),
        ([], ""),
    ])
    func readsText(bytes: [UInt8], expected: String) throws {
        let text = try Self.withFile(bytes) { try SourceText.read($0, displayPath: "x.md") }
        #expect(text == expected)
    }

    /// Invalid bytes are an error at the first bad sequence's line and column, whichever path read them.
    @Test(arguments: [
        ([0x61, 0xFF, 0x62], 1, 2),
        (Array("ok\nab".utf8) + [0xF0, 0x9F, 0x98], 2, 3),
        ([0xEF, 0xBB, 0xBF] + Array("a\n\nxy".utf8) + [0xE2, 0x82, 0x41], 3, 3),
    ])
    func locatesInvalidUTF8(bytes: [UInt8], line: Int, column: Int) throws {
        try Self.withFile(bytes) { path in
            do throws(BuildError) {
                _ = try SourceText.read(path, displayPath: "_posts/x.md")
                Issue.record("read invalid UTF-8 without an error")
            } catch {
                #expect(error.message == "the file is not valid UTF-8")
                #expect(error.location == FileLocation(path: "_posts/x.md", line: line, column: column))
            }
        }
    }
}
