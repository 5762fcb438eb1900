import Foundation
import Liquid
import Testing
@testable import Jekyll
import JekyllPlugins

/// `IncludeMemo` for includes reading the page only in `==`/`!=` tests (a navigation marking the
/// current page's item), recorded once for each way the tests come out, or only through paths of
/// keys (`page.author`), recorded once for each of their values; each page as without the memo.
@Suite struct IncludeMemoComparisonTests {
    static let navigation = "- title: Home\n  url: /\n- title: About\n  url: /about/\n- title: Blog\n  url: /blog/\n"

    /// `==`, `!=` and `unless` on `page.url`; 3 `upcase` calls a render, 4 off the home page.
    static let nav = "{% for item in site.data.nav %}<li{% if page.url == item.url %} class=\"active\"{% endif %}"
        + "{% unless page.url != item.url %} aria-current=\"page\"{% endunless %}>{{ item.title | upcase }}</li>{% endfor %}"
        + "{% if page.url != '/' %}<a href=\"/\">{{ 'home' | upcase }}</a>{% endif %}"

    /// The site's pages: the three the navigation names and `others` more.
    static func pages(others: Int, layout: String = "default") -> [String: String] {
        var files = [
            "index.html": "---\nlayout: \(layout)\ntitle: Home\n---\n",
            "about.md": "---\nlayout: \(layout)\ntitle: About\npermalink: /about/\n---\n",
            "blog.html": "---\nlayout: \(layout)\ntitle: Blog\npermalink: /blog/\n---\n",
        ]
        for n in 1...others { files["p\(n).md"] = "---\nlayout: \(layout)\ntitle: P\(n)\n---\n" }
        return files
    }

    /// Every page as a build without the memo (`profile` turns it off) makes it, with a
    /// navigation inside another include, `case`/`when`, a list comparing `page.url` with every
    /// page's (more ways than the memo keeps), and one showing `page.url` too (not memoized).
    @Test func pagesAreAsWithoutTheMemo() throws {
        var files = Self.pages(others: 24)
        files["_data/nav.yml"] = Self.navigation
        files["_includes/nav.html"] = Self.nav
        files["_includes/header.html"] = "<header>{% include nav.html %}</header>"
        files["_includes/section.html"] = "{% case page.url %}{% when '/about/', '/blog/' %}[named]{% else %}[other]{% endcase %}"
        files["_includes/all-pages.html"] = "{% for p in site.pages %}{% if p.url == page.url %}<b>{{ p.title }}</b>{% else %}{{ p.title }}{% endif %}{% endfor %}"
        files["_includes/shown.html"] = "{% for item in site.data.nav %}{% if page.url == item.url %}{{ page.url }}{% endif %}{% endfor %}"
        // Pinned to the title, which differs on each page: more values than the memo keeps.
        files["_includes/titled.html"] = "{% if page.title contains 'P1' %}one{% endif %}{{ page.title | downcase }}"
        files["_layouts/default.html"] = "{% include header.html %}|{% include section.html %}|{% include all-pages.html %}"
            + "|{% include titled.html %}|{% include shown.html %}"
        let memoized = try SiteRebuilderTests.Fixture.buildOnce(files.merging(["_config.yml": "title: Nav\n"]) { $1 })
        let plain = try SiteRebuilderTests.Fixture.buildOnce(files.merging(["_config.yml": "title: Nav\nprofile: true\n"]) { $1 })
        #expect(memoized.count == 27)
        #expect(memoized == plain)
        let about = try #require(memoized["about/index.html"])
        #expect(about.hasPrefix("<header><li>HOME</li><li class=\"active\" aria-current=\"page\">ABOUT</li><li>BLOG</li><a href=\"/\">HOME</a></header>|[named]|"))
        #expect(about.contains("<b>About</b>") && about.hasSuffix("|about|/about/"))
        let other = try #require(memoized["p7.html"])
        #expect(other.hasPrefix("<header><li>HOME</li><li>ABOUT</li><li>BLOG</li><a href=\"/\">HOME</a></header>|[other]|"))
        #expect(other.contains("<b>P7</b>") && other.hasSuffix("|p7|"))
        #expect(memoized["p12.html"]?.hasSuffix("|onep12|") == true)
        #expect(memoized["index.html"]?.hasPrefix("<header><li class=\"active\" aria-current=\"page\">HOME</li><li>ABOUT</li><li>BLOG</li></header>") == true)
    }

    /// The navigation renders once for each of its items' pages and once for all others (on
    /// each worker, at most); one that also shows `page.url` renders on every page.
    @Test func navigationRendersOncePerOutcome() throws {
        let pages = 40
        let workers = max(1, ProcessorCount.active)
        for (include, memoized) in [(Self.nav, true), (Self.nav + "{{ page.url }}", false)] {
            let counter = IncludeMemoTests.CountingUpcase()
            var files = Self.pages(others: pages - 3)
            files["_config.yml"] = "title: Nav\nplugins: [counting-upcase]\n"
            files["_data/nav.yml"] = Self.navigation
            files["_includes/nav.html"] = include
            files["_layouts/default.html"] = "<header>{% include nav.html %}</header>"
            _ = try SiteRebuilderTests.Fixture.buildOnce(files, plugins: [counter])
            let calls: Int = counter.calls.withLock { $0 }
            // Without the memo: 3 calls on the home page, 4 on each other.
            if memoized {
                #expect(calls >= 3 + 3 * 4)
                #expect(calls <= (3 + 3 * 4) * min(workers, pages))
            } else {
                // Rendered on every page: 3 calls for the items; the constant `'home' | upcase`
                // on its first 16 pages (then from `AssignMemo`, once more per worker at most).
                #expect(calls >= 3 * pages + 17)
                #expect(calls <= 3 * pages + 17 * workers)
            }
        }
    }

    /// An include reading `page.author` (in a condition and as a key) renders once for each
    /// author (on each worker, at most), `markdownify` included where it prints no warnings.
    @Test func includeReadingPageFieldsRendersOncePerValue() throws {
        let counter = IncludeMemoTests.CountingUpcase()
        let pages = 30
        var files = [
            "_config.yml": "title: Pins\nauthor:\n  name: Site Author\nplugins: [counting-upcase]\n",
            "_data/authors.yml": "ada:\n  name: Ada\n  bio: \"*Writes* code\"\nbob:\n  name: Bob\n  bio: Bakes\n",
            "_includes/author.html": "{% assign a = site.author %}{% if page.author and site.data.authors[page.author] %}"
                + "{% assign a = site.data.authors[page.author] %}{% endif %}<{{ a.name | upcase }}>{{ a.bio | markdownify }}",
            "_layouts/default.html": "{% include author.html %}",
        ]
        let authors = ["ada", "bob", nil]
        for n in 0..<pages {
            files["p\(n).md"] = "---\nlayout: default\n" + (authors[n % 3].map { "author: \($0)\n" } ?? "") + "---\n"
        }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files, plugins: [counter])
        for n in 0..<pages {
            let expected = ["<ADA><p><em>Writes</em> code</p>\n", "<BOB><p>Bakes</p>\n", "<SITE AUTHOR>\n"][n % 3]
            #expect(out["p\(n).html"] == expected, "p\(n)")
        }
        let calls: Int = counter.calls.withLock { $0 }
        let workers = max(1, ProcessorCount.active)
        #expect(calls >= 3)
        #expect(calls <= 3 * min(workers, pages))
    }

    /// The values of pinned paths must be the same, not just equal: `1 == 1.0`, but they print
    /// differently.
    @Test func pinnedValuesAreTheSameValues() throws {
        var files = ["_config.yml": "title: Pins\n", "_includes/n.html": "[{{ page.n }}]", "_layouts/default.html": "{% include n.html %}"]
        let values = ["1", "1.0", "'1'", "1", "1.0", "true", "~", "-0.0", "0.0"]
        for (i, v) in values.enumerated() { files["p\(i).md"] = "---\nlayout: default\nn: \(v)\n---\n" }
        let out = try SiteRebuilderTests.Fixture.buildOnce(files)
        let expected = ["[1]", "[1.0]", "[1]", "[1]", "[1.0]", "[true]", "[]", "[-0.0]", "[0.0]"]
        for i in values.indices { #expect(out["p\(i).html"] == expected[i], "\(values[i])") }
    }
}
