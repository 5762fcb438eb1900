import Foundation
import Liquid
import Testing
@testable import Jekyll
import JekyllPlugins

/// `IncludeMemo`: includes that cannot depend on the page are rendered once per build and
/// replayed; everything else renders as it would without the memo.
@Suite struct IncludeMemoTests {
    /// A plugin replacing `upcase` (a filter the memo trusts) by one that counts its calls: how
    /// many times includes using it were really rendered.
    struct CountingUpcase: JekyllPlugin {
        let calls = Locked(0)
        var name: String { "counting-upcase" }
        func register(in environment: inout LiquidEnvironment, configuration: Configuration) {
            environment.register(filter: "upcase", arity: 0...0) { [calls] input, _, _ in
                calls.withLock { $0 += 1 }
                return .string(input.rubyString.uppercased())
            }
        }
    }

    static let layout = [
        "{% include site-title.html %}",
        "{% include page-title.html %}",
        "{% include set-x.html %}{{ x }}",
        "{% include show.html v=page.title %}",
        "{% include outer.html %}",
        "{% include echo-y.html %}{% for y in (1..2) %}{% include echo-y.html %}{% endfor %}",
        "{% include recent.html posts=site.posts limit=1 %}{{ limit }}",
        "{% include related.html %}",
        "{% include count.html %}{% include count.html %}",
        "{% include two.html %}{% for i in (1..5) offset: continue %}{{ i }}{% endfor %}",
        "{% assign r = site.related_posts | map: 'title' | join: ',' %}{{ r }}",
    ].joined(separator: "|")

    static let site: [String: String] = [
        "_config.yml": "title: Memo Site\n",
        "_layouts/default.html": layout,
        "_includes/site-title.html": "<s>{{ site.title | upcase }}</s>",
        "_includes/page-title.html": "<t>{{ page.title | upcase }}</t>",
        "_includes/set-x.html": "{% assign x = site.title | downcase %}",
        "_includes/show.html": "<v>{{ include.v }}</v>",
        "_includes/outer.html": "<o>{% include inner.html %}</o>",
        "_includes/inner.html": "{{ page.url }}",
        "_includes/echo-y.html": "{% assign y = site.title %}<{{ y }}>",
        "_includes/recent.html": "{% assign limit = include.limit | default: 9 %}{% for post in include.posts limit: limit %}{{ post.title }}{% endfor %}",
        "_includes/related.html": "{% for post in site.related_posts %}{{ post.title }},{% endfor %}",
        "_includes/count.html": "{% increment c %}",
        "_includes/two.html": "{% for i in (1..5) limit: 2 %}{{ i }}{% endfor %}",
        "p1.md": "---\nlayout: default\ntitle: P1\n---\n",
        "p2.md": "---\nlayout: default\ntitle: P2\n---\n",
        "_posts/2024-01-01-one.md": "---\nlayout: default\ntitle: One\n---\n",
        "_posts/2024-01-02-two.md": "---\nlayout: default\ntitle: Two\n---\n",
    ]

    /// Includes reading the page, given page-dependent arguments, including what reads the page,
    /// setting variables the page (or themselves, under a loop's variable) read, reaching the
    /// page through a drop, keeping counters or loop positions: each page as without a memo.
    @Test func pageDependentIncludesRenderPerPage() throws {
        let out = try SiteRebuilderTests.Fixture.buildOnce(Self.site)
        func expected(title: String, url: String, related: String) -> String {
            ["<s>MEMO SITE</s>", "<t>\(title.uppercased())</t>", "memo site", "<v>\(title)</v>", "<o>\(url)</o>",
             "<Memo Site><1><2>", "Two1", related, "01", "12345", String(related.dropLast())].joined(separator: "|")
        }
        #expect(out["p1.html"] == expected(title: "P1", url: "/p1.html", related: ""))
        #expect(out["p2.html"] == expected(title: "P2", url: "/p2.html", related: ""))
        #expect(out["2024/01/01/one.html"] == expected(title: "One", url: "/2024/01/01/one.html", related: "Two,"))
        #expect(out["2024/01/02/two.html"] == expected(title: "Two", url: "/2024/01/02/two.html", related: "One,"))
    }

    /// An include (or an `assign`) reading only the site renders once per build — or once on each
    /// worker that reaches it before the first render is recorded — however many pages use it; one
    /// reading the page renders on each of them.
    @Test func siteOnlyIncludesRenderOnce() throws {
        let counter = CountingUpcase()
        let pages = 12
        var files: [String: String] = [
            "_config.yml": "title: Memo Site\nplugins: [counting-upcase]\n",
            "_layouts/default.html": "{% include site-title.html %}{% include page-title.html %}"
                + "{% assign a = site.title | upcase %}{% assign b = page.title | upcase %}{{ a }}{{ b }}"
                + "{% include groups.html %}{% include same-page.html %}",
            // An expression filter reading its item only, and one reading the page.
            "_includes/groups.html": "{% assign g = site.data.list | group_by_exp: 'x', 'x.k | upcase' %}[{{ g.size }}{{ site.title | upcase }}]",
            "_data/list.yml": "- k: a\n- k: b\n- k: a\n",
            "_includes/same-page.html": "{% assign m = site.pages | where_exp: 'p', 'p.url == page.url' %}[{{ m.first.title | upcase }}]",
            "_includes/site-title.html": "<s>{{ site.title | upcase }}</s>",
            "_includes/page-title.html": "<t>{{ page.title | upcase }}</t>",
        ]
        for n in 1...pages { files["p\(n).md"] = "---\nlayout: default\ntitle: P\(n)\n---\n" }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files, plugins: [counter])
        for n in 1...pages { #expect(out["p\(n).html"] == "<s>MEMO SITE</s><t>P\(n)</t>MEMO SITEP\(n)[2MEMO SITE][P\(n)]") }
        // Three upcase calls per page for what reads the page; six per render of what reads only
        // the site (the title include, the assign, and the group include: 3 items and the title),
        // rendered at least once and at most once per worker (without the memo: once per page).
        let calls: Int = counter.calls.withLock { $0 }
        let workers = max(1, ProcessorCount.active)
        #expect(calls >= 3 * pages + 6)
        #expect(calls <= 3 * pages + 6 * min(workers, pages))
    }

    /// A filtered output reading only the site and literals (`{{ site.title | upcase }}`) is
    /// evaluated on its first 16 pages (Liquid asks the memo from the 17th), then once more per
    /// worker at most; one reading the page on every page.
    @Test func siteOnlyOutputsEvaluateOnce() throws {
        let counter = CountingUpcase()
        let pages = 40
        var files: [String: String] = [
            "_config.yml": "title: Memo Site\nplugins: [counting-upcase]\n",
            "_layouts/default.html": "{{ site.title | upcase }}|{{ 'x' | upcase }}|{{ page.title | upcase }}",
        ]
        for n in 1...pages { files["p\(n).md"] = "---\nlayout: default\ntitle: P\(n)\n---\n" }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files, plugins: [counter])
        for n in 1...pages { #expect(out["p\(n).html"] == "MEMO SITE|X|P\(n)") }
        let calls: Int = counter.calls.withLock { $0 }
        let workers = max(1, ProcessorCount.active)
        // The count of outputs before the memo is asked may race on each worker.
        #expect(calls >= pages + 2 * 17)
        #expect(calls <= pages + 2 * (16 + 1) * workers)
        #expect(calls < 3 * pages)
    }

    /// Includes are told apart by their text (file and parameters as written), whose hash is
    /// worked out once: equal texts are one entry, texts of equal hash but other bytes are not.
    @Test func keysCompareTheirText() {
        var entries: [IncludeKey: Int] = [:]
        entries[IncludeKey("nav.html")] = 1
        entries[IncludeKey("nav.html")] = 2
        entries[IncludeKey("post-list.html posts=site.posts limit=5")] = 3
        #expect(entries.count == 2)
        #expect(entries[IncludeKey("nav.html")] == 2)
        let forged = IncludeKey(text: "footer.html", textHash: IncludeKey("nav.html").textHash)
        #expect(forged != IncludeKey("nav.html"))
        #expect(entries[forged] == nil)
    }
}
