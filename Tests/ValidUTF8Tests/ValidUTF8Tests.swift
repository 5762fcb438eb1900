import Testing
import ValidUTF8

@Suite struct ValidUTF8Tests {
    @Test(arguments: [
        "", "plain ASCII text\n", "é", "naïve café — “quoted” ✓\n", "𝄞 clef and emoji 🎉", "\u{FEFF}BOM first",
        String(repeating: "ab", count: 40) + "ü" + String(repeating: "c", count: 40),
    ])
    func sameStringAsTheCheckedCopy(text: String) {
        let bytes = Array(text.utf8)
        let made = bytes.withUnsafeBufferPointer { String(validUTF8: $0) }
        #expect(made == text)
        #expect(Array(made.utf8) == bytes)
    }

    @Test func knownASCIIBytesMakeTheSameString() {
        let bytes = Array("2024-01-02T03:04:05+00:00".utf8)
        let made = bytes.withUnsafeBufferPointer { String(validUTF8: $0, isASCII: true) }
        #expect(made == "2024-01-02T03:04:05+00:00")
        #expect(made.count == bytes.count)
    }

    /// Eight bytes at a time, then the rest one by one: a non-ASCII byte in either part, and
    /// strings stored inline and on the heap.
    @Test(arguments: [
        ("", true), ("abcdefgh", true), ("abcdefghijklmnopq", true), ("é", false), ("abcdefgé", false),
        ("abcdefghijklmnoé", false), ("abcdefghijklmnopé", false), (String(repeating: "a", count: 40), true),
        (String(repeating: "a", count: 40) + "\u{301}", false),
    ])
    func asciiScan(text: String, isASCII: Bool) {
        #expect(text.isAllASCII == isASCII)
        #expect(Array(text.utf8).withUnsafeBytes(\.isAllASCII) == isASCII)
    }
}
