import ByteLaneCases
import Testing
@testable import Markdown
import MarkdownHighlight

/// Paragraphs whose spans are all simple keep their raw text and are printed from it
/// (`SimpleSpans`); everything else goes through the span parser. Both must print what kramdown
/// prints.
struct SimpleSpansTests {
    static let mask = SpanParser.Context(options: KramdownOptions(config: [:])).parsersMask

    static func simple(_ text: String) -> Bool {
        let bytes = Bytes(text.utf8)
        return bytes.withUnsafeBufferPointer { SimpleSpans.record($0, parsersMask: mask, into: SimpleSpans.Ops()) } != nil
    }

    @Test(arguments: [
        "plain words, a bang! a dot. a dash - a tilde ~ and a bracket ]",
        "*em* and **strong** and `code` and ``a ` b`` and [link](https://example.org/x?a=1&b=2) and ~~del~~",
        "*em\nacross lines* and [a\nlink](/x) and `code with * and _ and 'quotes'`",
        "[link](url(with)parens) and a ] bracket and **strong**x*em*",
    ])
    func readsSimpleSpans(_ text: String) {
        #expect(Self.simple(text))
    }

    /// Where the span grammar may read something else, the whole text goes to the parser.
    @Test(arguments: [
        "it's", "a \"quote\"", "snake_case", "a < b", "a > b", "a & b", "$$x$$", "{: .c}", "back\\slash",
        "dots...", "dash -- dash", "![img](x)", "[^1]", "two spaces  \nline", "* spaced*", "*open", "*a **b** c*",
        "*em**", "**strong*", "[ref][id]", "[ref] (x)", "[title](url \"t\")", "[angle](<url>)", "[a *b*](c)",
        "*[a](b)*", "~~*x*~~", "~~~x~~", "` lone ` tick", "``unclosed", "[unclosed", "[](empty)", "**** x",
    ])
    func leavesEverythingElseToTheParser(_ text: String) {
        #expect(!Self.simple(text))
    }

    /// The reading goes from trigger to trigger through a bitmap of 64-bit words: the same texts
    /// after plain words of every length, so that their bytes meet every place in a word. A
    /// simple text must also print what the span parser prints (an abbreviation definition sends
    /// every paragraph there): a trigger missing from the bitmap would be printed as plain text.
    @Test func readsTheSameAtEveryPlaceInAWord() {
        let converter = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter())
        let simple = ["*em* and **strong** and `code` and [link](https://example.org/x) and ~~del~~ and a ] bracket."]
        let notSimple = ["it's", "dots...", "*open", "[ref][id]", "two spaces  \nline", "~~~x~~"]
        for pad in 0..<140 {
            let prefix = String(repeating: "a", count: pad) + " "
            for text in simple {
                let paragraph = prefix + text + " " + text
                #expect(Self.simple(paragraph), "after \(pad)")
                #expect(Self.keptSimpleSpans(paragraph + "\n") == [true], "after \(pad)")
                let fromSimpleSpans = converter.convert(paragraph + "\n").html
                let fromTheParser = converter.convert(paragraph + "\n\n*[ZZZ]: z\n").html
                // (the definition leaves its blank line)
                #expect(fromTheParser == fromSimpleSpans + "\n", "after \(pad)")
            }
            for text in notSimple { #expect(!Self.simple(prefix + text), "\(text) after \(pad)") }
        }
    }

    /// The tree pass marks a text's triggers first (to see whether it holds any) and hands the
    /// first to `record`, which then reads as it does on its own.
    @Test func readsTheSameFromTriggersMarkedBefore() {
        let texts = ["plain", "*em* and `code`", "   [link](x) and **strong** after", "it's", "a.b-c\nd *e*"]
        for text in texts {
            let bytes = Bytes(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                let marked = SimpleSpans.Ops(), alone = SimpleSpans.Ops()
                let first = SimpleSpans.markTriggers(of: b, in: marked)
                #expect(first == (bytes.firstIndex(where: SpanParser.isTrigger) ?? bytes.count), "\(text)")
                let fromMarks = SimpleSpans.record(b, markedFirstTrigger: first, parsersMask: Self.mask, into: marked)
                let fromStart = SimpleSpans.record(b, parsersMask: Self.mask, into: alone)
                #expect(fromMarks == fromStart, "\(text)")
                if let range = fromMarks {
                    let opsMarked = (Int(range.lowerBound)..<Int(range.upperBound)).map { marked.base[$0] }
                    let opsAlone = (Int(range.lowerBound)..<Int(range.upperBound)).map { alone.base[$0] }
                    #expect(opsMarked == opsAlone, "\(text)")
                }
            }
        }
    }

    /// Expected HTML from Jekyll 4.3.1 (kramdown 2.4, GFM input); the paragraphs that bail out
    /// (`Dots...`, `em***`) are there to show both paths side by side.
    @Test func convertsAsKramdownDoes() {
        let markdown = """
            Plain *em* and **strong** with `code_span` and ``two ` ticks`` and [a link](https://example.org/a?b=1&c=2) and ~~gone~~.

            - item with *em*
            - [link](/x) item. Dots... and -- dashes

            Brackets ] alone, a bang! and a lone ~ tilde and *em*** and **strong***.

            > quoted *para*

            """
        let html = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown).html
        #expect(html == "<p>Plain <em>em</em> and <strong>strong</strong> with <code class=\"language-plaintext highlighter-rouge\">code_span</code> and <code class=\"language-plaintext highlighter-rouge\">two ` ticks</code> and <a href=\"https://example.org/a?b=1&amp;c=2\">a link</a> and <del>gone</del>.</p>\n\n<ul>\n  <li>item with <em>em</em></li>\n  <li><a href=\"/x\">link</a> item. Dots… and – dashes</li>\n</ul>\n\n<p>Brackets ] alone, a bang! and a lone ~ tilde and <em>em</em>** and <strong>strong</strong>*.</p>\n\n<blockquote>\n  <p>quoted <em>para</em></p>\n</blockquote>\n")
    }

    /// The paragraphs and table cells of a tree after the tree pass, in order: whether each
    /// kept its simple spans.
    static func keptSimpleSpans(_ markdown: String) -> [Bool] {
        blocksAfterTreePass(markdown).map(\.spansSimple)
    }

    /// The paragraphs and table cells of a tree after the tree pass, in order.
    static func blocksAfterTreePass(_ markdown: String) -> [Element] {
        let context = SpanParser.Context(options: KramdownOptions(config: [:]))
        let root = Element(.root)
        root.block = true
        let source = KramdownConverter.sourceBytes(markdown)
        context.sourceHasBackslashBreak = KramdownConverter.hasBackslashBreak(source)
        CmarkBlockBuilder(context: context, root: root).build(root, source: source)
        TreeUpdate(ctx: context).run(root)
        var blocks: [Element] = []
        func walk(_ el: Element) {
            for child in el.children {
                // (not into them: reading their children would make a pending text an element)
                if child.kind == .p || child.kind == .td { blocks.append(child) } else { walk(child) }
            }
        }
        walk(root)
        return blocks
    }

    /// Texts the block grammar made or extended (a list item's first paragraph before a nested
    /// list gets a line end; table cells) are kept too.
    @Test func keptForGrammarTexts() {
        #expect(Self.keptSimpleSpans("- item *a*\n  - nested `b`\n- c's\n") == [true, true, false])
        #expect(Self.keptSimpleSpans("| *a* | b's |\n|---|---|\n| [c](d) | e |\n") == [true, false, true, false])
        // a cell without a span trigger keeps its text as its one pending text, as a paragraph
        #expect(Self.blocksAfterTreePass("| *a* | b's |\n|---|---|\n| [c](d) | e |\n").map(\.hasPendingText) == [false, false, false, true])
        let html = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter())
            .convert("- item *a*\n  - nested `b`\n\n| *a* | b |\n|---|---|\n| [c](d) |   |\n").html
        #expect(html == "<ul>\n  <li>item <em>a</em>\n    <ul>\n      <li>nested <code class=\"language-plaintext highlighter-rouge\">b</code></li>\n    </ul>\n  </li>\n</ul>\n\n<table>\n  <thead>\n    <tr>\n      <th><em>a</em></th>\n      <th>b</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td><a href=\"d\">c</a></td>\n      <td>\u{a0}</td>\n    </tr>\n  </tbody>\n</table>\n")
    }

    @Test func keptOnlyWhereNoLaterPassReadsTheTexts() {
        #expect(Self.keptSimpleSpans("A *b*.\n\nC's *d*.\n") == [true, false])
        // abbreviations, footnotes and GFM breaks read or change a paragraph's texts
        #expect(Self.keptSimpleSpans("A *b* HTML.\n\n*[HTML]: markup\n") == [false])
        // footnote contents get backlinks: they are parsed (they are not in the root's tree)
        #expect(Self.keptSimpleSpans("A *b*.\n\nNote[^1]\n\n[^1]: text\n") == [true, false])
        #expect(Self.keptSimpleSpans("A *b*.\n\nC\\\nd\n") == [false, false])
        // a span `{::options}` may change them too: the kept texts are parsed after all
        #expect(Self.keptSimpleSpans("A *b*.\n\nC {::options hard_wrap=\"true\" /} d\n\nE *f*.\n") == [false, false, false])
    }
}

extension SimpleSpansTests {
    /// Code and URLs of simple spans are written straight from the text when nothing in them
    /// needs escaping, and escaped as the span parser's elements are otherwise.
    @Test func escapesCodeAndURLsOnlyWhereNeeded() {
        let markdown = "`x < y` and `plain` and [l](/a?b=1>2) and [m](/plain/url/longer/than/eight)\n"
        #expect(Self.keptSimpleSpans(markdown) == [true])
        let html = KramdownConverter(options: KramdownOptions(config: [:]), highlighter: RougeHighlighter()).convert(markdown).html
        #expect(html == "<p><code class=\"language-plaintext highlighter-rouge\">x &lt; y</code> and <code class=\"language-plaintext highlighter-rouge\">plain</code> and <a href=\"/a?b=1&gt;2\">l</a> and <a href=\"/plain/url/longer/than/eight\">m</a></p>\n")
    }
}

extension SimpleSpansTests {
    /// A code span's opening tag names the default language, which may be longer than the room
    /// a span's tags get: room is made for it on its own. Many short code spans in a row, with
    /// a long language name (without a highlighter every Rouge lexer prints plain text), print
    /// as the span parser prints them (an abbreviation definition sends every paragraph there).
    @Test func longCodeSpanOpenings() {
        let options = KramdownOptions(config: ["syntax_highlighter_opts": .map(["default_lang": .string("opentype_feature_file")])])
        let spans = (0..<40).map { "`\($0)`" }.joined(separator: " ")
        #expect(Self.keptSimpleSpans(spans + "\n") == [true])
        let converter = KramdownConverter(options: options, highlighter: nil)
        let html = converter.convert(spans + "\n").html
        let open = "<code class=\"language-opentype_feature_file highlighter-rouge\">"
        #expect(html == "<p>" + (0..<40).map { open + "\($0)</code>" }.joined(separator: " ") + "</p>\n")
        // (the definition leaves its blank line)
        #expect(converter.convert(spans + "\n\n*[ZZZ]: z\n").html == html + "\n")
    }

    /// The link URL's sixteen-byte test marks exactly the bytes up to `)`: every byte value at
    /// every lane, over backgrounds just above and below the bound.
    @Test func atMostParenMarksExactlyTheBytesUpToParen() {
        ByteLaneCases.forEachValueAtEachLane(over: [0x61, 0x2A, 0x29, 0xAA]) { bytes in
            let (low, high) = bytes.withUnsafeBytes { SimpleSpans.atMostParenMarks(ofSixteenAt: $0.baseAddress!) }
            for lane in 0..<16 {
                #expect(ByteLaneCases.isMarked(lane, low: low, high: high) == (bytes[lane] <= 0x29))
            }
            #expect((low | high) & ~0x8080_8080_8080_8080 == 0)
        }
    }
}
