import Testing
@testable import Jekyll

/// What Jekyll 4.3.1 logs after "Liquid Exception:" when a filter fails with an exception that is
/// not one of Liquid's (recorded from `jekyll build`): Liquid's strict render lets it through, so
/// the line holds the bare message, without "Liquid error (line N):" or "included". Liquid's own
/// errors keep their prefix.
@Suite struct RubyExceptionMessageTests {
    @Test(arguments: [
        ("p.md", "---\nmod: notadate\n---\n{{ page.mod | date_to_string }}\n",
         "Invalid Date: '\"notadate\"' is not a valid datetime. in p.md"),
        ("p.md", "---\nmod: 5\n---\n{{ page.mod | slugify }}\n",
         "undefined method `gsub' for 5:Integer in p.md"),
        ("p.md", "---\nmod: 5\n---\n{{ page.mod | slugify: 'none' }}\n",
         "undefined method `downcase' for 5:Integer in p.md"),
        ("p.md", "---\n---\n{{ page.nothing | number_of_words }}\n",
         "undefined method `split' for nil:NilClass in p.md"),
        // In an include, named after the page that includes it.
        ("q.md", "---\nmod: notadate\n---\n{% include d.html %}\n",
         "Invalid Date: '\"notadate\"' is not a valid datetime. in q.md"),
        ("r.md", "---\n---\n{{ 1 | divided_by: 0 }}\n",
         "Liquid error (line 1): divided by 0 in r.md"),
    ] as [(String, String, String)])
    func jekyllLine(page: String, text: String, expected: String) throws {
        let scratch = try StagedOutputsTests.Scratch([
            "_config.yml": "title: T\n",
            "_includes/d.html": "x\n{{ page.mod | date_to_xmlschema }}\n",
            page: text,
        ])
        do {
            try scratch.build()
            Issue.record("built \(page) without an error")
        } catch let error as BuildError {
            #expect(error.jekyllLine?.message == expected)
        }
    }
}
