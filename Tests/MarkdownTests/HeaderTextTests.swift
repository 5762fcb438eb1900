import Testing
@testable import Markdown

/// GFM headers whose text is one plain text keep no copy of it as their `rawText`: their ids are
/// made from the text's bytes, or from the spans once a later pass (abbreviations, breaks) may
/// have changed them, and headers the GFM pass does not reach (inside HTML) are named by the
/// converter from their spans. The expected HTML is kramdown 2.4's (GFM parser, Jekyll's options).
struct HeaderTextTests {
    private func convert(_ source: String) -> String {
        var options = KramdownOptions()
        options.input = .gfm
        return KramdownConverter(options: options).convert(source).html
    }

    @Test func repeatedAndNonASCIIHeadersAndHeadersInHTML() {
        let html = convert("""
            # Same title

            # Same title

            ## Other Title 2

            ### Ünïcode Tïtle

            <div markdown="1">
            # Inside a div

            # Same title
            </div>

            # Same title

            """)
        #expect(html == """
            <h1 id="same-title">Same title</h1>

            <h1 id="same-title-1">Same title</h1>

            <h2 id="other-title-2">Other Title 2</h2>

            <h3 id="ünïcode-tïtle">Ünïcode Tïtle</h3>

            <div>
              <h1 id="inside-a-div">Inside a div</h1>

              <h1 id="same-title">Same title</h1>
            </div>

            <h1 id="same-title-2">Same title</h1>

            """)
    }

    @Test func headersWithAbbreviationsKeepTheirWholeText() {
        let html = convert("""
            *[HTML]: Hyper Text Markup Language

            # About HTML here

            # About HTML here

            <div markdown="1">
            ## HTML in a div
            </div>

            """)
        #expect(html == """

            <h1 id="about-html-here">About <abbr title="Hyper Text Markup Language">HTML</abbr> here</h1>

            <h1 id="about-html-here-1">About <abbr title="Hyper Text Markup Language">HTML</abbr> here</h1>

            <div>
              <h2 id="html-in-a-div"><abbr title="Hyper Text Markup Language">HTML</abbr> in a div</h2>
            </div>

            """)
    }

    @Test func headersInADocumentWithBreaks() {
        let html = convert("""
            # A title

            Text with a break\\
            and more.

            # A title

            """)
        #expect(html == """
            <h1 id="a-title">A title</h1>

            <p>Text with a break<br />
            and more.</p>

            <h1 id="a-title-1">A title</h1>

            """)
    }
}

extension HeaderTextTests {
    /// A header whose first other character comes after ASCII bytes already written into the
    /// id (in the middle, or as its last character): the whole text goes through the general
    /// rules, and its id is counted as that text's.
    @Test func nonASCIIAfterASCIIInAHeaderID() {
        #expect(convert("## Cafe au lait-ish_x 2\n\n## Café au lait\n") == "<h2 id=\"cafe-au-lait-ish_x-2\">Cafe au lait-ish_x 2</h2>\n\n<h2 id=\"café-au-lait\">Café au lait</h2>\n")
        #expect(convert("## Fin a\n\n## Fin à\n\n## Fin à\n") == "<h2 id=\"fin-a\">Fin a</h2>\n\n<h2 id=\"fin-à\">Fin à</h2>\n\n<h2 id=\"fin-à-1\">Fin à</h2>\n")
    }
}

extension HeaderTextTests {
    /// Headers whose ids the converter writes from their text's bytes (`Element.textIDRepeats`):
    /// the id after the header's own attributes, an empty id left out but still counted, and a
    /// header with an id of its own not counted. The expected HTML is Jekyll 4.3's.
    @Test func idsWrittenFromTheHeaderText() {
        let html = convert("""
            ## Plain title
            {: .intro}

            ## ???

            ## ???

            ## Plain title

            # Plain title
            {: #own}

            # Plain title

            """)
        #expect(html == """
            <h2 class="intro" id="plain-title">Plain title</h2>

            <h2>???</h2>

            <h2 id="-1">???</h2>

            <h2 id="plain-title-1">Plain title</h2>

            <h1 id="own">Plain title</h1>

            <h1 id="plain-title-2">Plain title</h1>

            """)
    }
}
