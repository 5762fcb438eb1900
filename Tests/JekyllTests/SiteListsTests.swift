import Foundation
import Liquid
import Testing
@testable import Jekyll

/// `site.tags` and `site.categories`: names in the order the posts (oldest first) first give
/// them, each with its posts newest first — by date, then by path for posts of the same moment.
@Suite struct SiteTagsTests {
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
}
