import Testing
@testable import Highlight

/// `Lexer.highlight(_:into:)` writes the markup `highlight(_:)` returns into memory the caller
/// provides, asking for room once.
@Suite struct InPlaceHighlightTests {
    /// The bytes `highlight(code, into:)` writes into a buffer of exactly the room it asked for
    /// (and how many times it asked).
    static func written(_ lexer: Lexer, _ code: String) -> (bytes: [UInt8]?, requests: Int) {
        var storage: UnsafeMutablePointer<UInt8>? = nil
        var requests = 0
        defer { storage?.deallocate() }
        let count = lexer.highlight(code) { n in
            requests += 1
            storage?.deallocate()
            storage = .allocate(capacity: n)
            return storage!
        }
        guard let count else { return (nil, requests) }
        guard let storage else { return ([], requests) }
        return (Array(UnsafeBufferPointer(start: storage, count: count)), requests)
    }

    @Test(arguments: [
        ("js", "const a = b < c && d > e; // <&>\nlet s = `x${y}`;\n"),
        ("ruby", "class A\n  def b(x) = x <=> @y # é\nend\n"),
        ("python", "def f(x):\n    return x & 1 if x > 0 else \"<\"\n"),
        ("shell", "echo \"$HOME\" > /dev/null && ls -l | grep 'ü'\n"),
        ("plaintext", "a < b & c\n"),
    ])
    func writesWhatHighlightReturns(language: String, code: String) throws {
        let lexer = try #require(Highlighter.lexer(for: language))
        let (bytes, requests) = Self.written(lexer, code)
        #expect(bytes.map { String(decoding: $0, as: UTF8.self) } == lexer.highlight(code))
        #expect(requests == 1)
    }

    @Test func emptyCodeWritesNothing() throws {
        let lexer = try #require(Highlighter.lexer(for: "ruby"))
        let (bytes, requests) = Self.written(lexer, "")
        #expect(bytes == [])
        #expect(requests == 0)
    }

    /// Runs split inside a character would not be valid UTF-8: the formatter declines them (the
    /// string `highlight` makes repairs such bytes) without asking for room.
    @Test func runsSplittingACharacterAreDeclined() {
        let text = Array("é!".utf8)   // 0xC3 0xA9 0x21
        let split = [TokenRun(token: .keyword, start: 0, end: 1), TokenRun(token: .text, start: 1, end: 3)]
        let whole = [TokenRun(token: .keyword, start: 0, end: 2), TokenRun(token: .text, start: 2, end: 3)]
        var asked = 0
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        defer { buffer.deallocate() }
        text.withUnsafeBufferPointer { bytes in
            split.withUnsafeBufferPointer { runs in
                #expect(HTMLFormatter.write(runs, bytes, into: { _ in asked += 1; return buffer }) == nil)
                // runs known to be in order over non-ASCII text are still checked
                #expect(HTMLFormatter.write(runs, bytes, inOrder: true, into: { _ in asked += 1; return buffer }) == nil)
            }
            #expect(asked == 0)
            whole.withUnsafeBufferPointer { runs in
                let n = HTMLFormatter.write(runs, bytes, into: { _ in asked += 1; return buffer })
                #expect(n.map { String(decoding: UnsafeBufferPointer(start: buffer, count: $0), as: UTF8.self) }
                    == "<span class=\"k\">é</span>!")
            }
            #expect(asked == 1)
        }
    }

    /// The formatter skips its pass over the runs when they are known to be in order: a
    /// delegated window that starts before the position, or whose runs end past its end, says
    /// they may not be.
    @Test func windowsOutOfOrderClearInOrder() {
        let text = Array("abcdef".utf8)
        text.withUnsafeBufferPointer { bytes in
            var scan = Scan(bytes.baseAddress!, count: bytes.count)
            scan.emit(.keyword, to: 2)
            scan.within(2, 4) { $0.emit(.name, to: 4) }
            #expect(scan.runs.inOrder)
            scan.within(1, 5) { $0.emit(.name, to: 3) }
            #expect(!scan.runs.inOrder)

            var past = Scan(bytes.baseAddress!, count: bytes.count)
            past.within(0, 3) { $0.emit(.name, to: 5) }
            #expect(!past.runs.inOrder)
        }
    }

    /// `</span>` is written as one word whose eighth byte falls after the markup: the count
    /// stops before it, also when a span closes the HTML.
    @Test func closeTagWordIsTheCloseTag() {
        let bytes = withUnsafeBytes(of: HTMLFormatter.closeTagWord.littleEndian) { Array($0) }
        #expect(Array(bytes.prefix(7)) == HTMLFormatter.closeTag)
        let text = Array("a<b".utf8)
        let runs = [TokenRun(token: .name, start: 0, end: 1), TokenRun(token: .operator, start: 1, end: 2),
                    TokenRun(token: .keyword, start: 2, end: 3)]
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 0x7E, count: 256)
        text.withUnsafeBufferPointer { bytes in
            runs.withUnsafeBufferPointer { runs in
                let n = HTMLFormatter.write(runs, bytes, into: { _ in buffer })
                #expect(n.map { String(decoding: UnsafeBufferPointer(start: buffer, count: $0), as: UTF8.self) }
                    == "<span class=\"n\">a</span><span class=\"o\">&lt;</span><span class=\"k\">b</span>")
            }
        }
    }
}
