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

    /// Long strings are scanned eight bytes at a time: each escaped byte at each place in a word,
    /// next to non-ASCII text, gives what escaping byte by byte gives.
    @Test func longStringsEscapeEveryByteThatNeedsIt() {
        let escapes: [(Character, String)] = [("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{01}", #"\u0001"#),
                                              ("\u{1F}", #"\u001f"#), ("\t", #"\t"#)]
        for (raw, escaped) in escapes {
            for position in 0..<20 {
                var input = Array("abcdefghé ijklmnopqrstuv")
                input[position] = raw
                let expected = "\"" + String(input).map { $0 == raw ? escaped : String($0) }.joined() + "\""
                #expect(JSON.string(.string(String(input))) == expected, "\(escaped) at \(position)")
            }
        }
        let plain = String(repeating: "Zürich – “quoted” / é, ~ ! # $ ^ ` { } [ ] 0123456789 ", count: 3)
        #expect(JSON.string(.string(plain)) == "\"" + plain + "\"")
    }

    @Test func nestedValuesKeepOrderAndTypes() throws {
        let text = #"{"b":[1,2.5,true,null],"a":"x\ny"}"#
        #expect(JSON.string(try JSON.parse(text)) == text)
    }
}
