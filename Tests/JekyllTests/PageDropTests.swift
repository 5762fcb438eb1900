import Foundation
import Liquid
import Testing
@testable import Jekyll

/// `page` for a page is Jekyll's hash — defaults, front matter, then the attributes, deep-merged.
/// A key read alone (`page.x`) must give what the whole hash (iterated, or as JSON) holds.
@Suite struct PageDropTests {
    static let site: [String: String] = [
        "_config.yml": """
            defaults:
              - scope: {path: ""}
                values: {layout: show, title: Default, only_default: d, nothing: kept, url: /nope/,
                         nested: {b: {d: 3}, e: 4}}
            """,
        "_layouts/show.html": """
            {% for pair in page %}{% assign k = pair[0] %}{% unless k == "content" %}\
            {{ k }}:{{ pair[1] | jsonify }}={{ page[k] | jsonify }};{% endunless %}{% endfor %}\
            |{{ page.nested | jsonify }}|{{ page.nothing }}|{{ page.path }}|{{ page.dir }}|{{ page.missing | jsonify }}
            """,
        "a/one.md": "---\ntitle: One\nnested: {a: 1, b: {c: 2}}\nnothing: null\ndir: /x/\nexcerpt: Hi\n---\nbody\n",
        "two.html": "---\npath: custom/two.html\nexcerpt: false\nname: own\n---\n",
    ]

    @Test func keysReadAloneMatchTheWholeHash() throws {
        let out = try SiteRebuilderTests.Fixture.buildOnce(Self.site)
        for (file, tail) in [("a/one.html", #"|{"b":{"d":3,"c":2},"e":4,"a":1}|kept|a/one.md|/a/|null"#),
                             ("two.html", #"|{"b":{"d":3},"e":4}|kept|custom/two.html|/|null"#)] {
            let text = try #require(out[file])
            let parts = text.split(separator: "|", maxSplits: 1)
            #expect(parts.count == 2)
            let pairs = parts[0].split(separator: ";")
            #expect(pairs.count >= 9)
            for pair in pairs {
                let sides = pair.drop(while: { $0 != ":" }).dropFirst().split(separator: "=", maxSplits: 1)
                #expect(sides.count == 2 && sides[0] == sides[1], "\(file): \(pair)")
            }
            #expect(text.hasSuffix(tail), "\(file): \(text)")
        }
    }
}
