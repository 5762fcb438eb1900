import Testing
@testable import Markdown

/// The converter's HTML becomes a string without the standard library's validation; the string
/// must hold the same bytes and read as the same text as `String(decoding:as:)` makes of them,
/// also when the buffer ends in another character (which takes the checked path).
struct ValidUTF8StringTests {
    static let long = String(repeating: "<p>plain text &amp; more</p>\n", count: 20)

    static let cases: [String] = [
        "", "\n", long, "é" + long, long + "東京\n", "<p>Zürich, “quoted” … 🎉</p>\n", long + "ñ", "東京",
    ]

    @Test(arguments: cases)
    func sameStringAsDecoding(text: String) {
        let bytes = Bytes(text.utf8)
        let made = bytes.withUnsafeBufferPointer { String(copyingValidUTF8: $0) }
        #expect(made == text)
        #expect(Bytes(made.utf8) == bytes)
        #expect(made.count == text.count)
        #expect(Array(made.unicodeScalars) == Array(text.unicodeScalars))
    }

    /// A converted document comes out through that path: its text reads as the HTML expected.
    @Test func convertedDocumentReadsAsText() {
        let html = KramdownConverter().convert("# Zürich\n\nTokyo is 東京, \"quoted\".\n").html
        #expect(html.contains(">Zürich</h1>\n"))
        #expect(html.hasSuffix("<p>Tokyo is 東京, “quoted”.</p>\n"))
        #expect(html.unicodeScalars.contains("東"))
    }
}
