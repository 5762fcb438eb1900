import Testing
@testable import Liquid

@Suite struct JSONTests {
    /// Ruby's `JSON.generate` escapes: the two characters that end or escape a string, the C0
    /// controls (short forms where JSON has them), nothing else — not `/`, not non-ASCII.
    @Test(arguments: [
        ("plain", #""plain""#),
        ("", #""""#),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{01}\u{1F}x", #""\u0001\u001fx""#),
        ("Zürich – “quoted” / é", "\"Zürich – “quoted” / é\""),
        ("\"", #""\"""#),
        ("end\\", #""end\\""#),
    ])
    func strings(input: String, expected: String) {
        #expect(JSON.string(.string(input)) == expected)
    }

    @Test func nestedValuesKeepOrderAndTypes() throws {
        let text = #"{"b":[1,2.5,true,null],"a":"x\ny"}"#
        #expect(JSON.string(try JSON.parse(text)) == text)
    }
}
