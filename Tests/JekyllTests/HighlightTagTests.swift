import Testing
@testable import Jekyll

/// The `highlight` tag's markup grammar, with the answers Jekyll 4.3.1's pattern gives (checked
/// with Ruby): the language and option names, or nil where Jekyll raises a syntax error.
@Suite struct HighlightTagTests {
    @Test(arguments: [
        ("ruby", "ruby", []), ("c++ linenos", "c++", ["linenos"]), (#"js hl_lines="1 2""#, "js", ["hl_lines"]),
        ("ruby linenos=table", "ruby", ["linenos"]), ("ruby  linenos   foo", "ruby", ["linenos", "foo"]),
        ("objective-c", "objective-c", []), ("c# linenos=1", "c#", ["linenos"]), ("ruby\tlinenos", "ruby", ["linenos"]),
    ] as [(String, String, [String])])
    func accepted(markup: String, language: String, options: [String]) throws {
        let parsed = try #require(HighlightTag.parseMarkup(Array(markup.utf8)))
        #expect(parsed.0 == language)
        #expect(parsed.1 == options)
    }

    @Test(arguments: [#"js hl_lines="1  2""#, "ruby linenos=ta-ble", "ruby,", "ruby linenos,", #"rb x="""#, #"rb x="a""#, ""])
    func rejected(markup: String) {
        #expect(HighlightTag.parseMarkup(Array(markup.utf8)) == nil)
    }

    @Test func escapesLikeCGI() {
        #expect(HighlightTag.escapeHTML(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }
}
