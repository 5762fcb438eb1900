import Testing
import Liquid

@Suite struct RubyStripTests {
    /// Ruby's `" \t\u0000x y\n\r\u000B\u000C".strip` and friends, as `ruby -e` prints them.
    @Test(arguments: [
        (" \t\u{0}x y\n\r\u{B}\u{C}", "x y"), ("plain", "plain"), ("", ""), (" \n ", ""),
        ("\u{A0}nbsp\u{A0}", "\u{A0}nbsp\u{A0}"), (" e\u{301} ", "e\u{301}"), (" \u{301}x", "\u{301}x"),
        ("  a b  ", "a b"), ("\t\n\r\u{0B}\u{0C}\0x\0\r\n", "x"), ("\r\n", ""), ("é ", "é"), (" <p>a</p>\n", "<p>a</p>"),
    ])
    func stripsNULAndASCIIWhitespace(text: String, stripped: String) {
        #expect(text.rubyStripped == stripped)
        #expect(Array(text.rubyStripped.utf8) == Array(stripped.utf8))
    }
}
