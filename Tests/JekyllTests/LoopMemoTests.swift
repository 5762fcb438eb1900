import Foundation
import Liquid
import Testing
@testable import Jekyll

/// `LoopMemo`: a loop whose body reads only its items and the site renders once per list that
/// pages share (`site.related_posts` of the posts outside the newest ten) and is replayed on the
/// others; a loop reading the page renders on each.
@Suite struct LoopMemoTests {
    /// Sixteen posts titled T01…T16, a day apart: the newest ten are T16…T07.
    static func site(layout: String) -> [String: String] {
        var files: [String: String] = [
            "_config.yml": "title: Loops\nplugins: [counting-upcase]\n",
            "_layouts/default.html": layout,
            "page.md": "---\nlayout: default\ntitle: Page\n---\n",
        ]
        for n in 1...16 {
            let t = String(format: "T%02d", n)
            files["_posts/2024-01-\(String(format: "%02d", n))-\(t.lowercased()).md"] = "---\nlayout: default\ntitle: \(t)\n---\n"
        }
        return files
    }

    /// Titles of a post's related posts (the ten newest others), newest first.
    static func related(of n: Int) -> [String] {
        (1...16).reversed().filter { $0 != n }.prefix(10).map { String(format: "T%02d", $0) }
    }

    static func url(of n: Int) -> String { String(format: "2024/01/%02d/t%02d.html", n, n) }

    @Test func sharedListsReplayWithTheirEffects() throws {
        let counter = IncludeMemoTests.CountingUpcase()
        let layout = "{% for post in site.related_posts limit: 3 %}{{ post.title | upcase }}{{ forloop.index }},{% endfor %}"
            + "|{% for post in site.related_posts limit: 2 %}{% assign last = post.title %}{% endfor %}{{ last }}"
            + "|{% for post in site.related_posts %}{% if forloop.index == 2 %}{% break %}{% endif %}{{ post.title }}{% endfor %}"
            + "|{% for post in site.related_posts limit: 1 %}{{ page.title }}{% endfor %}"
        let out = try SiteRebuilderTests.Fixture.buildOnce(Self.site(layout: layout), plugins: [counter])
        for n in 1...16 {
            let r = Self.related(of: n)
            let first = r.prefix(3).enumerated().map { "\($1.uppercased())\($0 + 1)," }.joined()
            #expect(out[Self.url(of: n)] == "\(first)|\(r[1])|\(r[0])|" + String(format: "T%02d", n))
        }
        #expect(out["page.html"] == "|||")
        // Without the memo, 3 calls on each of the 16 post pages; the six oldest share one list,
        // rendered at most once per worker before it is recorded, then replayed.
        let calls: Int = counter.calls.withLock { $0 }
        let workers = max(1, ProcessorCount.active)
        #expect(calls < 3 * 16)
        #expect(calls <= 3 * (10 + min(2 * workers, 6)))
    }

    /// One shared list walked in different parts (a limit, an offset, reversed, set by each page)
    /// replays only the same part: each page shows its own.
    @Test func aSharedListReplaysOnlyTheSamePart() throws {
        var files = Self.site(layout: "{% for post in site.related_posts limit: page.n offset: page.k %}{{ post.title }},{% endfor %}"
                                      + "|{% for post in site.related_posts reversed limit: 2 %}{{ post.title }},{% endfor %}")
        for n in 1...6 {
            let t = String(format: "T%02d", n)
            files["_posts/2024-01-\(String(format: "%02d", n))-\(t.lowercased()).md"] =
                "---\nlayout: default\ntitle: \(t)\nn: \(1 + n % 2)\nk: \(n % 3)\n---\n"
        }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files)
        for n in 1...6 {
            let r = Self.related(of: n)
            let part = r.dropFirst(n % 3).prefix(1 + n % 2).map { "\($0)," }.joined()
            #expect(out[Self.url(of: n)] == part + "|" + r.prefix(2).reversed().map { "\($0)," }.joined())
        }
    }

    /// A body reading another document's rendered output depends on the page (which documents
    /// count as rendered): its recording is thrown away and it renders on every page.
    @Test func pageDependentReadsAreNotReplayed() throws {
        let counter = IncludeMemoTests.CountingUpcase()
        let layout = "{% for post in site.related_posts limit: 1 %}[{{ post.title | upcase }}{{ post.output.size }}]{% endfor %}"
        let out = try SiteRebuilderTests.Fixture.buildOnce(Self.site(layout: layout), plugins: [counter])
        for n in 1...6 { #expect(out[Self.url(of: n)]?.hasPrefix("[T16") == true) }
        #expect(counter.calls.withLock { $0 } == 16)
    }
}
