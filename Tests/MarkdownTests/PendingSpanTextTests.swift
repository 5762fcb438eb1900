import Testing
@testable import Markdown

/// An emphasis, link or image keeps its first text on itself until something other than the
/// converter reads its children (`Element.children`); every reader must see the text element.
struct PendingSpanTextTests {
    static let source = Bytes("one two".utf8)

    @Test func readingTheChildrenMakesTheTextElement() {
        let em = Element(.em)
        em.setPendingText(Self.source, Element.base(of: Self.source), 0..<3)
        #expect(em.hasPendingText && em.hasChildren)
        #expect(em.extendPendingText(Element.base(of: Self.source), 3..<7))
        #expect(em.value == "", "the text is not the emphasis's own")
        let children = em.children
        #expect(!em.hasPendingText)
        #expect(children.count == 1 && children[0].kind == .text && children[0].value == "one two")
        #expect(em.children.first === children.first, "made once")
    }

    @Test func settingTheChildrenDropsThePendingText() {
        let a = Element(.a)
        a.setPendingText(Self.source, Element.base(of: Self.source), 0..<3)
        a.children = []
        #expect(!a.hasChildren && a.children.isEmpty)
        let img = Element(.img)
        img.setPendingText(Self.source, Element.base(of: Self.source), 4..<7)
        img.children.append(Element(.br))
        #expect(img.children.map(\.kind) == [.text, .br] && img.children[0].value == "two")
    }

    /// Spans whose children header ids, breaks, abbreviations, footnotes and the TOC read: the
    /// HTML kramdown 2.4 (GFM parser, Jekyll's options) makes of them.
    @Test func spansReadByTheTreePassesConvertAsKramdownDoes() {
        var options = KramdownOptions()
        options.input = .gfm
        let html = KramdownConverter(options: options).convert("""
            # Intro *with emphasis* and **strong**

            A [plain link](https://example.org/a) and *emphasis with a\\
            break* and ![alt *text*](/img.png) and [![inner](/i.png)](/outer).

            *Abbr HTML here* and **HTML**.

            *[HTML]: Hyper Text Markup Language

            Note[^1] with *quoted "words" inside* and **don't**.

            [^1]: A *footnote* with [a link](/x).

            * TOC
            {:toc}
            """).html
        #expect(html == """
            <h1 id="intro-with-emphasis-and-strong">Intro <em>with emphasis</em> and <strong>strong</strong></h1>

            <p>A <a href="https://example.org/a">plain link</a> and <em>emphasis with a<br />
            break</em> and <img src="/img.png" alt="alt *text*" /> and <a href="/outer"><img src="/i.png" alt="inner" /></a>.</p>

            <p><em>Abbr <abbr title="Hyper Text Markup Language">HTML</abbr> here</em> and <strong><abbr title="Hyper Text Markup Language">HTML</abbr></strong>.</p>

            <p>Note<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup> with <em>quoted “words” inside</em> and <strong>don’t</strong>.</p>

            <ul id="markdown-toc">
              <li><a href="#intro-with-emphasis-and-strong" id="markdown-toc-intro-with-emphasis-and-strong">Intro <em>with emphasis</em> and <strong>strong</strong></a></li>
            </ul>
            <div class="footnotes" role="doc-endnotes">
              <ol>
                <li id="fn:1" role="doc-endnote">
                  <p>A <em>footnote</em> with <a href="/x">a link</a>. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
                </li>
              </ol>
            </div>
            
            """)
    }

    /// A paragraph or header whose text holds no span start keeps it without a span parse; the
    /// passes that read such blocks (header ids, the TOC, abbreviations, footnote backlinks) see
    /// the text. The HTML kramdown 2.4 makes of it.
    @Test func plainBlocksConvertAsKramdownDoes() {
        var options = KramdownOptions()
        options.input = .gfm
        let html = KramdownConverter(options: options).convert("""
            ## Plain header

            Plain words about HTML here

            - plain item
            - another plain item

            Note[^n] here

            [^n]: Plain footnote text

            * TOC
            {:toc}

            ## Plain header

            *[HTML]: Hyper Text Markup Language
            """).html
        #expect(html == """
            <h2 id="plain-header">Plain header</h2>

            <p>Plain words about <abbr title="Hyper Text Markup Language">HTML</abbr> here</p>

            <ul>
              <li>plain item</li>
              <li>another plain item</li>
            </ul>

            <p>Note<sup id="fnref:n" role="doc-noteref"><a href="#fn:n" class="footnote" rel="footnote">1</a></sup> here</p>

            <ul id="markdown-toc">
              <li><a href="#plain-header" id="markdown-toc-plain-header">Plain header</a></li>
              <li><a href="#plain-header-1" id="markdown-toc-plain-header-1">Plain header</a></li>
            </ul>

            <h2 id="plain-header-1">Plain header</h2>

            <div class="footnotes" role="doc-endnotes">
              <ol>
                <li id="fn:n" role="doc-endnote">
                  <p>Plain footnote text <a href="#fnref:n" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
                </li>
              </ol>
            </div>
            
            """)
    }

    @Test func onlyBlocksWithoutSpanStartsKeepTheirText() {
        let source = Bytes("plain text\nnot *plain*".utf8)
        let parser = SpanParser("", context: SpanParser.Context(options: KramdownOptions()), tree: Element(.rawText))
        for (range, plain) in [(0..<10, true), (0..<11, false), (11..<14, true), (11..<16, false)] {
            let p = Element(.p)
            p.setPendingSpans(source, range)
            #expect(p.keepRawTextAsChildText(if: parser.holdsNoTrigger) == plain)
            #expect(p.spansPending == !plain && p.hasPendingText == plain)
        }
    }
}

extension PendingSpanTextTests {
    /// A pending text is copied as it is when nothing in it needs an escape, and escaped
    /// otherwise (an emphasis's text may hold `<`, `>` or `&`).
    @Test func pendingTextsEscapedOnlyWhereNeeded() {
        var options = KramdownOptions()
        options.input = .gfm
        let html = KramdownConverter(options: options).convert("# Plain title\n\n*a > b* and **c & d** and *plain*\n").html
        #expect(html == "<h1 id=\"plain-title\">Plain title</h1>\n\n<p><em>a &gt; b</em> and <strong>c &amp; d</strong> and <em>plain</em></p>\n")
    }
}
