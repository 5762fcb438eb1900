import Testing
@testable import Jekyll

/// A document's own Liquid sees as `content` what the outermost layout of the last document
/// before it (placed in a layout) got, as Jekyll's shared payload leaks it. A one-shot build keeps
/// that text only for documents that a later one with Liquid can read it from.
@Suite struct LayoutContentLeakTests {
    static let site: [String: String] = [
        "_config.yml": "title: Leak\n",
        "_layouts/default.html": "<main>{{ content }}</main>\n",
        "_layouts/inner.html": "---\nlayout: default\n---\n<i>{{ content }}</i>",
        "a.html": "---\nlayout: inner\n---\nfrom a\n",
        // No Liquid: reads nothing, but the reader after it still reads `a`'s layout input.
        "b.html": "---\nlayout: none\n---\nplain b\n",
        "c.html": "---\nlayout: none\n---\nc sees [{{ content }}]\n",
        // Read by no document with Liquid (`e` has none).
        "d.html": "---\nlayout: default\n---\nfrom d\n",
        // Read by `g`, past `f`.
        "e.html": "---\nlayout: default\n---\nfrom e\u{301}\n",
        "f.html": "---\nlayout: none\n---\nplain f\n",
        "g.html": "---\nlayout: default\n---\ng sees [{{ content }}] [{{ content | size }}] [{{ content.size }}]\n",
    ]

    @Test func laterDocumentsSeeTheLastLayoutInput() throws {
        let out = try SiteRebuilderTests.Fixture.buildOnce(Self.site)
        #expect(out["a.html"] == "<main><i>from a\n</i></main>\n")
        #expect(out["b.html"] == "plain b\n")
        #expect(out["c.html"] == "c sees [<i>from a\n</i>]\n")
        #expect(out["e.html"] == "<main>from e\u{301}\n</main>\n")
        // Ruby's String#size: code points (the accent is one of its own).
        #expect(out["g.html"] == "<main>g sees [from e\u{301}\n] [8] [8]\n</main>\n")
    }
}
