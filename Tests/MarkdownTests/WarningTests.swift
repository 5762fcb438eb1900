import Markdown
import Testing

/// kramdown's warnings: the text kramdown gives (as Jekyll 4.3.1 logs it after `Kramdown warning:`
/// with `kramdown: show_warnings: true`, recorded from it), in kramdown's order (block grammar,
/// then spans, then unreferenced footnotes), each with the line of the Markdown it concerns — also
/// inside lists, blockquotes, footnotes and HTML, whose texts are parsed on their own.
/// Where kramdown names a wrong line (the line after a duplicate link definition, one more when
/// it is blank; line 1 for anything in a table cell; the definition's line for a term), `line`
/// is still the right one; the cells and terms are the two cases whose text differs from kramdown's.
@Suite struct WarningTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let markdown: String
        let expected: [(line: Int, kramdown: String)]
        init(_ name: String, _ markdown: String, _ expected: [(Int, String)]) {
            self.name = name
            self.markdown = markdown
            self.expected = expected.map { (line: $0.0, kramdown: $0.1) }
        }
        var description: String { name }
    }

    static let cases: [Case] = [
        Case("footnotes", "Text[^1] and [^zz].\n\n[^1]: One.\n[^1]: Two.\n\n[^2]: Unused,\n    second line[^nope].\n",
            [(4, "Duplicate footnote name '1' on line 4 - overwriting"),
            (1, "Footnote definition for 'zz' not found on line 1"),
            (7, "Footnote definition for 'nope' not found on line 7"),
            (6, "Footnote definition for '2' on line 6 is unreferenced - ignoring")]),
        Case("links", "See [missing][nope] and [gone].\n\n[a]: /a\n[a]: /b\n\n[b]: /c\n[b]: /d\ntext\n",
            [(4, "Duplicate link ID 'a' on line 6 - overwriting"),
            (7, "Duplicate link ID 'b' on line 8 - overwriting"),
            (1, "No link definition for link ID 'nope' found on line 1"),
            (1, "No link definition for link ID 'gone' found on line 1")]),
        Case("abbreviations", "HTML here.\n\n*[HTML]: one\n*[HTML]: two\n",
            [(4, "Duplicate abbreviation ID 'HTML' on line 4 - overwriting")]),
        Case("html-block", "Intro\n\n<div>\nunclosed\n\n<span class=\"a\" class=\"b\">x</span> </em>\n",
            [(6, "Duplicate HTML attribute 'class' on line 6 - overwriting previous one"),
            (6, "Found invalidly used HTML closing tag for 'em' on line 6 - ignoring it"),
            (3, "Found no end tag for 'div' on line 3 - auto-closing it")]),
        Case("html-markdown", "<div markdown=\"1\">\n# Head\n\ntext\n",
            [(1, "Found no end tag for 'div' (line 1) - auto-closing it")]),
        Case("html-span-model", "<p markdown=\"span\">text\nmore\n",
            [(1, "Found no end tag for 'p' (line 1) - auto-closing it")]),
        Case("span-html", "para <span class=\"a\" class=\"b\">x</span> and <em>open\nnext </b> line <div>x</div>\n\nq <i markdown=\"block\">y</i>\n",
            [(1, "Duplicate HTML attribute 'class' on line 1 - overwriting previous one"),
            (2, "Found invalidly used HTML closing tag for 'b' on line 2"),
            (2, "Found block HTML tag 'div' in span-level text on line 2"),
            (2, "Found invalidly used HTML closing tag for 'div' on line 2"),
            (1, "Found no end tag for 'em' (line 1) - auto-closing it"),
            (4, "Cannot use block-level parsing in span-level HTML tag (line 4) - using default mode")]),
        Case("extensions", "{::nope}\n\npara {::bad} and {:/} {:/x}\n\n{:/}\n\n{::nomarkdown}\n\n{::options unknown_opt=\"1\" auto_ids=\"false\" /}\n\n{::foo /}\n",
            [(1, "Invalid extension with name 'nope' specified on line 1 - ignoring it"),
            (5, "No stop tag for extension '' found on line 5 - ignoring it"),
            (7, "No stop tag for extension 'nomarkdown' found on line 7 - ignoring it"),
            (9, "Unknown kramdown option 'unknown_opt'"),
            (11, "Invalid extension with name 'foo' specified on line 11 - ignoring it"),
            (1, "No stop tag for extension 'nope' found on line 1 - ignoring it"),
            (3, "Invalid extension with name 'bad' specified on line 3 - ignoring it"),
            (3, "Invalid extension stop tag  found on line 3 - ignoring it"),
            (3, "Invalid extension stop tag for 'x'  found on line 3 - ignoring it"),
            (5, "Invalid extension stop tag  found on line 5 - ignoring it"),
            (7, "No stop tag for extension 'nomarkdown' found on line 7 - ignoring it"),
            (11, "Invalid extension with name 'foo' specified on line 11 - ignoring it")]),
        Case("span-ial", "para *text*{: .c} then text{: .d}\n",
            [(1, "Found span IAL after text - ignoring it")]),
        Case("list-nested", "* item\n\n  [^2]: Unused.\n\n  * deeper [x][]\n\n    > quoted </span>\n",
            [(5, "No link definition for link ID 'x' found on line 5"),
            (5, "No link definition for link ID '' found on line 5"),
            (7, "Found invalidly used HTML closing tag for 'span' on line 7"),
            (3, "Footnote definition for '2' on line 3 is unreferenced - ignoring")]),
        Case("table", "| a | b |\n|---|---|\n\n| c | [q] |\n| d | e |\n",
            [(1, "Found table without body on line 1 - ignoring it"),
            (4, "No link definition for link ID 'q' found on line 4")]),  // kramdown names line 1 for table cells and the definition's line for terms
        Case("deflist", "Term [t]\n: Def [u]\n\n  [^f]: note\n",
            [(1, "No link definition for link ID 't' found on line 1"),
            (2, "No link definition for link ID 'u' found on line 2"),
            (4, "Footnote definition for 'f' on line 4 is unreferenced - ignoring")]),  // kramdown names line 1 for table cells and the definition's line for terms
        Case("script", "<script>\nvar x = 1;\n",
            [(1, "Found no end tag for 'script' - auto-closing it")]),
        Case("raw-nested", "<div>\n<p>\n<b x='1' x='2'>y</b>\n</p>\n</div>\n\nend </div> x\n",
            [(3, "Duplicate HTML attribute 'x' on line 3 - overwriting previous one"),
            (7, "Found invalidly used HTML closing tag for 'div' on line 7")]),
        Case("stop-alone", "{:/}\n\ntext\n\n{:/}\n",
            [(1, "Invalid extension with name '' specified on line 1 - ignoring it"),
            (5, "No stop tag for extension '' found on line 5 - ignoring it"),
            (1, "Invalid extension stop tag  found on line 1 - ignoring it"),
            (5, "Invalid extension stop tag  found on line 5 - ignoring it")]),
        Case("stop-named", "{:/x}\n",
            [(1, "Invalid extension stop tag for 'x'  found on line 1 - ignoring it"),
            (1, "Invalid extension stop tag for 'x'  found on line 1 - ignoring it")]),
        Case("ial-nothing-valid", "para\n{: =x }\n\n{:ref: ?? }\n\nt *e*{: !!} x\n\n* {: ~~} item\n\n{::comment ++}\nc\n{:/comment}\n",
            [(2, "No or invalid attributes found in IAL/ALD content:  =x "),
            (4, "No or invalid attributes found in IAL/ALD content:  ?? "),
            (8, "No or invalid attributes found in IAL/ALD content:  ~~"),
            (10, "No or invalid attributes found in IAL/ALD content: ++"),
            (6, "No or invalid attributes found in IAL/ALD content:  !!")]),
    ]

    @Test(arguments: cases)
    func warnings(_ c: Case) {
        let warnings = KramdownConverter().convert(c.markdown).warnings
        #expect(warnings.map(\.kramdownMessage) == c.expected.map(\.kramdown))
        #expect(warnings.map(\.line) == c.expected.map(\.line))
    }

    @Test func messageLeavesTheLineOut() {
        let warnings = KramdownConverter().convert("[a]: /x\n[a]: /y\n\n{:/x}\n").warnings
        // the stray stop tag twice: the block grammar declines the line, then the paragraph's spans
        #expect(warnings.map(\.message) == ["Duplicate link ID 'a' - overwriting",
                                            "Invalid extension stop tag for 'x' found - ignoring it",
                                            "Invalid extension stop tag for 'x' found - ignoring it"])
    }

    @Test func cleanMarkdownHasNone() {
        #expect(KramdownConverter().convert("# Head\n\n* a\n* b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n").warnings.isEmpty)
    }
}
