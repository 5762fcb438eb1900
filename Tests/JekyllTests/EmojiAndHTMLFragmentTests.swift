import Testing
@testable import JekyllPlugins

/// jemoji has no Debian package to compare with: its image markup is checked here against what
/// the gem documents, and the HTML writer shared with jekyll-mentions against libxml2's habits
/// (the mentions fixture compares the whole of it with the real plugin).
@Suite struct EmojiAndHTMLFragmentTests {
    static let root = "https://github.githubassets.com/images/icons/"

    static func image(_ alias: String, _ file: String) -> String {
        "<img class=\"emoji\" title=\":\(alias):\" alt=\":\(alias):\" src=\"\(root)emoji/unicode/\(file).png\" height=\"20\" width=\"20\">"
    }

    @Test(arguments: [
        ("Hi :+1:!", "Hi " + image("+1", "1f44d") + "!"),
        (":thumbsup::smile:", image("thumbsup", "1f44d") + image("smile", "1f604")),
        ("I :heart: it", "I " + image("heart", "2764") + " it"),
        (":woman_technologist: & co", image("woman_technologist", "1f469-1f4bb") + " &amp; co"),
        ("::smile::", ":" + image("smile", "1f604") + ":"),
    ])
    func emojiImages(text: String, expected: String) {
        #expect(Emoji.replace(text, root: Self.root) == expected)
    }

    @Test func unknownNamesStay() {
        #expect(Emoji.replace("a :not_an_emoji: b", root: Self.root) == nil)
    }

    @Test func codeAndPreAreLeftAlone() {
        let html = "<p>:smile:</p><pre>:smile:</pre><code>:smile:</code>"
        let out = HTMLFragment.rewrite(html) { text, ancestors in
            ancestors.contains(where: Emoji.ignoredParents.contains) ? nil : Emoji.replace(text, root: Self.root)
        }
        #expect(out == "<p>" + Self.image("smile", "1f604") + "</p><pre>:smile:</pre><code>:smile:</code>")
    }

    @Test(arguments: [
        ("<br/><hr /><img src=x alt='y'>", "<br><hr><img src=\"x\" alt=\"y\">"),
        ("<p>&nbsp;&copy; &#8617; &lt;b&gt; &unknown; a & b</p>", "<p>\u{A0}© ↩ &lt;b&gt; &amp;unknown; a &amp; b</p>"),
        ("<img alt=\"An &quot;image&quot;\">", "<img alt='An \"image\"'>"),
        ("<input type=checkbox checked=checked disabled>", "<input type=\"checkbox\" checked disabled>"),
        ("<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg>", "<svg viewbox=\"0 0 1 1\"><path d=\"M0\"></path></svg>"),
        ("<a href=\"/a b?x=1&amp;y=é\">x</a>", "<a href=\"/a%20b?x=1&amp;y=%C3%A9\">x</a>"),
        ("<script>if (a < b && c) {}</script><!-- c -->", "<script>if (a < b && c) {}</script><!-- c -->"),
        ("<div><p>open</div></span>", "<div><p>open</p></div>"),
    ])
    func writtenAsLibxml2Writes(html: String, expected: String) {
        #expect(HTMLFragment.rewrite(html) { _, _ in nil } == expected)
    }
}
