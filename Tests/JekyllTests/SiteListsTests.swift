import Foundation
import Liquid
import Testing
@testable import Jekyll

/// Lists of posts the site computes: `site.tags` and `site.categories` — names in the order the
/// posts (oldest first) first give them, each with its posts newest first, by date, then by path
/// for posts of the same moment —, and `site.related_posts`.
@Suite struct SiteListsTests {
    @Test func groupsListNamesInOrderAndPostsNewestFirst() throws {
        let files: [String: String] = [
            "index.html": """
                ---
                ---
                {% for t in site.tags %}{{ t[0] }}:{% for p in t[1] %}{{ p.title }},{% endfor %};{% endfor %}\
                |{% for c in site.categories %}{{ c[0] }}:{{ c[1] | map: "title" | join: "," }};{% endfor %}
                """,
            "_posts/2024-01-01-a.md": "---\ntitle: A\ntags: [x, y]\ncategories: [one]\n---\n",
            "_posts/2024-03-01-c.md": "---\ntitle: C\ntags: [y, 2, x]\n---\n",
            "_posts/2024-02-01-b.md": "---\ntitle: B\ntags: [z, x, x]\ncategories: [two, one]\n---\n",
            // The same moment as B: after it by path ("b" < "bb"), so newer.
            "_posts/2024-02-01-bb.md": "---\ntitle: BB\ntags: [x]\ndate: 2024-02-01\n---\n",
        ]
        let out = try SiteRebuilderTests.Fixture.buildOnce(files)
        #expect(out["index.html"] == "x:C,BB,B,B,A,;y:C,A,;z:B,;2:C,;|one:B,A;two:B;")
    }

    /// Without LSI: the ten newest posts other than the page's own.
    @Test(arguments: [1, 5, 12, 13])
    func relatedPostsAreTheTenNewestOthers(current: Int) throws {
        var files = ["_layouts/p.html": "{% for p in site.related_posts %}{{ p.title }},{% endfor %}"]
        for n in 1...13 {
            files["_posts/2024-01-\(n < 10 ? "0" : "")\(n)-p\(n).md"] = "---\nlayout: p\ntitle: \(n)\n---\n"
        }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files)
        let expected = (1...13).reversed().filter { $0 != current }.prefix(10).map { "\($0)," }.joined()
        let day = "\(current < 10 ? "0" : "")\(current)"
        #expect(out["2024/01/\(day)/p\(current).html"] == expected)
    }
}
