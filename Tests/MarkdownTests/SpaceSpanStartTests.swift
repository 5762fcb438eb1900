import Testing
@testable import Markdown

/// Spaces are not triggers of the span scan: a span that starts at a space (a break's two
/// spaces, ` <<` and ` >>`, a smart quote after a space) is found from the byte after it. The
/// expected HTML is what Jekyll 4.3.1 (kramdown 2.4) printed for each input.
struct SpaceSpanStartTests {
    static let cases: [(String, String)] = [
        ("a  \nb   \nc\t \nd\n",
         "<p>a<br />\nb <br />\nc\t \nd</p>\n"),
        ("x <<y>> z  << w >>\n",
         "<p>x \u{ab}y\u{bb} z  \u{ab}\u{a0}w\u{a0}\u{bb}</p>\n"),
        ("a 'b' \"c\" in  'q' at  \"r\"\n",
         "<p>a \u{2018}b\u{2019} \u{201c}c\u{201d} in  \u{2018}q\u{2019} at  \u{201c}r\u{201d}</p>\n"),
        ("*a  \nb* [l  \nk](u) and  <em>x</em> a  <b>\n",
         "<p><em>a<br />\nb</em> <a href=\"u\">l<br />\nk</a> and  <em>x</em> a  <b></b></p>\n"),
        ("he said  'no'  \n  <<done>>\n",
         "<p>he said  \u{2018}no\u{2019}<br />\n  \u{ab}done\u{bb}</p>\n"),
        ("x\\  \n'y' \\ <<\n",
         "<p>x\\<br />\n\u{2018}y\u{2019} \\ \u{ab}</p>\n"),
    ]

    @Test(arguments: cases) func spanAtASpace(_ input: String, _ expected: String) {
        #expect(convert(input) == expected)
    }
}
