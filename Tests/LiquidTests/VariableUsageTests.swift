import Foundation
import Liquid
import Testing

/// `VariableUsage`: what a template reads before setting it, what it sets, and when that cannot
/// be known; and `RenderEffects`, replaying a recorded render of part of a template.
@Suite struct VariableUsageTests {
    static func usage(_ source: String, partials: [String: String] = [:]) throws -> VariableUsage {
        let template = try Template.parse(source)
        func partialUsage(_ name: String) -> VariableUsage? {
            guard let text = partials[name], let t = try? Template.parse(text) else { return nil }
            return t.usage(partialUsage: partialUsage)
        }
        return template.usage(partialUsage: partialUsage)
    }

    @Test(arguments: [
        ("{{ site.title | upcase }}", ["site"], [String]()),
        ("{% assign a = site.x | upcase %}{{ a }}{{ b.c }}", ["site", "b"], ["a"]),
        // Set on one path only: the later read may see the page's own `a`.
        ("{% if x %}{% assign a = 1 %}{% endif %}{{ a }}", ["x", "a"], ["a"]),
        ("{% if x %}{% assign a = 1 %}{% else %}{% assign a = 2 %}{% endif %}{{ a }}", ["x"], ["a"]),
        ("{% unless x %}{% assign a = 1 %}{% elsif y %}{% assign a = 2 %}{% endunless %}{{ a }}", ["x", "y", "a"], ["a"]),
        ("{% case k %}{% when 1 %}{% assign a = 1 %}{% else %}{% assign a = 2 %}{% endcase %}{{ a }}", ["k", "a"], ["a"]),
        // A loop body may not run: what it sets is not set after it; its variable is its own.
        ("{% for i in list limit: n %}{{ i }}{{ forloop.index }}{% assign last = i %}{% endfor %}{{ i }}{{ last }}",
         ["list", "n", "i", "last"], ["last"]),
        ("{% capture c %}{{ page.title }}{% endcapture %}{{ c }}", ["page"], ["c"]),
        // Read before set: free.
        ("{{ a }}{% assign a = 1 %}", ["a"], ["a"]),
        ("{{ list[page.i] }}{{ (1..n) }}", ["list", "page", "n"], []),
        ("{% echo x | default: y %}{% comment %}{{ z }}{% endcomment %}{% raw %}{{ w }}{% endraw %}", ["x", "y"], []),
    ])
    func freeAndAssignedVariables(source: String, free: [String], assigned: [String]) throws {
        let u = try Self.usage(source)
        #expect(u.isKnown, "\(u.unknowns)")
        #expect(u.freeVariables == Set(free))
        #expect(u.assignedVariables == Set(assigned))
    }

    @Test func filtersAreListed() throws {
        let u = try Self.usage("{{ a | where: 'x', b | sort: 'w' }}{% assign c = d | size %}")
        #expect(u.filters == ["where", "sort", "size"])
        #expect(u.freeVariables == ["a", "b", "d"])
    }

    /// What depends on the render beyond the variables it reads: state kept between tags, loops
    /// and names of whoever renders the template.
    @Test(arguments: [
        "{% cycle 'a', 'b' %}",
        "{% increment c %}",
        "{% decrement c %}",
        "{% ifchanged %}{{ x }}{% endifchanged %}",
        "{% for i in list offset: continue %}{% endfor %}",
        "{% break %}",
        "{% if x %}{% continue %}{% endif %}",
        "{% for i in list %}{{ forloop.parentloop.index }}{% endfor %}",
        "{% for i in list %}{% assign f = forloop %}{% endfor %}",
        "{{ [name] }}",
        "{% include 'other' %}",
        "{% tablerow i in list %}{{ i }}{% endtablerow %}",
    ])
    func unknownUsage(source: String) throws {
        #expect(!(try Self.usage(source)).isKnown)
    }

    /// A filter evaluating an expression given as text says what it reads.
    @Test func filterAnalysis() throws {
        var env = LiquidEnvironment.standard
        env.register(filter: "select_exp", arity: 2...2, analysis: { arguments, analyzer in
            guard case .literal(.string(let name))? = arguments.first, case .literal(.string(let source))? = arguments.last,
                  let condition = try? Condition.parse(source, environment: analyzer.environment) else {
                return analyzer.unknown("select_exp")
            }
            analyzer.with([name]) { $0.read(condition) }
        }) { input, _, _ in input }
        let usage = try Template.parse("{{ list | select_exp: 'i', 'i.url == page.url' }}{{ i }}", environment: env).usage()
        #expect(usage.freeVariables == ["list", "page", "i"])
        #expect(usage.isKnown)
        #expect(!(try Template.parse("{{ list | select_exp: n, 'i' }}", environment: env).usage()).isKnown)
    }

    /// Variables read only as key paths on a side of `==`/`!=` in a tag's condition.
    @Test(arguments: [
        ("{% if page.url == item.url %}a{% endif %}", ["page", "item"]),
        ("{% unless page.url != '/' %}a{% endunless %}{% if x %}{% elsif 1 == page.title %}{% endif %}", ["page"]),
        ("{% case page.url %}{% when '/', x.y %}a{% else %}b{% endcase %}", ["page", "x"]),
        ("{% if a.b == 1 and page.url != c.d or e %}{% endif %}", ["a", "page", "c"]),
        // Read otherwise too, before or after: not only compared.
        ("{% if page.url == 1 %}{% endif %}{{ page.title }}", []),
        ("{% assign u = page.url %}{% if page.url == 1 %}{% endif %}", []),
        ("{% if page.url contains 'a' %}{% endif %}", []),
        ("{% if page.url %}{% endif %}", []),
        ("{% if page.url == blank %}{% endif %}{% if page.title != empty %}{% endif %}", []),
        ("{% if page == x.y %}{% endif %}", ["x"]),
        ("{% if page[k] == 1 %}{% endif %}", []),
        ("{% if forloop.index == 1 %}{% endif %}", []),
        // Its loop's own variable: not free.
        ("{% for page in list %}{% if page.url == 1 %}{% endif %}{% endfor %}", []),
    ])
    func comparedOnlyVariables(source: String, compared: [String]) throws {
        let u = try Self.usage(source)
        #expect(u.comparedOnlyVariables == Set(compared))
        #expect(u.comparedOnlyVariables.isSubset(of: u.freeVariables))
    }

    /// Variables read only through paths of keys, in any use, and those paths.
    @Test(arguments: [
        ("{{ page.author }}{% if page.url == x %}{% endif %}{{ d[page.author] | upcase }}", ["page": [["author"], ["url"]], "x": [], "d": []]),
        ("{% for i in page.tags.list %}{{ i }}{% endfor %}{% assign a = site.data.a %}", ["page": [["tags", "list"]], "site": [["data", "a"]]]),
        // Not through a path of keys only.
        ("{{ page.author }}{{ page }}", [:]),
        ("{{ page[k] }}{{ k.x }}", [:]),
        ("{{ page.a[0] }}", [:]),
    ] as [(String, [String: [[String]]])])
    func keyPaths(source: String, paths: [String: [[String]]]) throws {
        let u = try Self.usage(source)
        #expect(u.keyPaths == paths.filter { !$0.value.isEmpty }.mapValues(Set.init))
    }

    @Test func breakInsideItsOwnLoopIsKnown() throws {
        #expect(try Self.usage("{% for i in list %}{% if i %}{% break %}{% endif %}{% endfor %}").isKnown)
    }
}

/// A host tag for the tests: `{% once name %}…{% endonce %}` renders its body the first time and
/// replays it afterwards, when the body's usage allows. `{% once name v w %}` records the tests of
/// `v` and `w` and keeps one recording for each way they came out.
private struct OnceTag: AnalyzableTag {
    final class Store: @unchecked Sendable {
        var effects: [String: [RenderEffects]] = [:]
        var renders = 0
        /// The bodies' usages, for a body holding another `once`.
        var usages: [String: VariableUsage] = [:]
    }
    let name: String
    let compared: Set<String>
    let body: Template
    let store: Store

    func analyze(_ analyzer: inout TemplateAnalyzer) { analyzer.partial(named: name, setting: []) }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let usage = body.usage { [store] in store.usages[$0] }
        // As a host would: the variables it records tests of must be read in tests only.
        let readOtherwise = compared.intersection(usage.freeVariables).subtracting(usage.comparedOnlyVariables)
        guard context.canReplay(usage), readOtherwise.isEmpty else {
            store.renders += 1
            return try body.render(into: &output, context: context)
        }
        if let e = store.effects[name], try context.replay(firstOf: e, into: &output) { return }
        store.renders += 1
        if let e = try context.recordingEffects(into: &output, comparing: compared, { try body.render(into: &$0, context: context) }) {
            store.effects[name, default: []].append(e)
        }
    }

    struct Parser: TagParser {
        let store: Store
        let bodies: [String: String]
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let words = tag.markup.split(separator: " ").map(String.init)
            let name = words.first ?? ""
            let body = try Template.parse(bodies[name] ?? "", environment: parser.environment)
            store.usages[name] = body.usage { [store] in store.usages[$0] }
            return OnceTag(name: name, compared: Set(words.dropFirst()), body: body, store: store)
        }
    }
}

@Suite struct RenderEffectsTests {
    static func render(_ source: String, bodies: [String: String], data: Value = [:]) throws -> (String, Int) {
        let store = OnceTag.Store()
        var env = LiquidEnvironment.standard
        env.register(tag: "once", OnceTag.Parser(store: store, bodies: bodies))
        return (try Template.parse(source, environment: env).render(data), store.renders)
    }

    /// Replays give what rendering gives: output, assignments that later reads see, the loop
    /// positions `offset: continue` resumes from.
    @Test(arguments: [
        ("{% once a %}|{% once a %}", ["a": "<{{ site | upcase }}>"], "<S>|<S>", 1),
        ("{% once a %}{{ x }}{% assign x = 'changed' %}{% once a %}{{ x }}", ["a": "{% assign x = site %}"], "ss", 1),
        ("{% once a %}{% for i in (1..5) offset: continue %}{{ i }}{% endfor %}",
         ["a": "{% for i in (1..5) limit: 2 %}{{ i }}{% endfor %}"], "12345", 1),
        ("{% once a %}/{% once a %}{% for i in (1..5) offset: continue %}{{ i }}{% endfor %}",
         ["a": "{% for i in (1..5) limit: 2 %}{{ i }}{% endfor %}"], "12/12345", 1),
        // The body reads what it set, but a loop variable of the caller hides it: rendered.
        ("{% once a %}{% for y in (1..2) %}{% once a %}{% endfor %}", ["a": "{% assign y = site %}<{{ y }}>"], "<s><1><2>", 3),
        // A free variable the caller set: not replayed.
        ("{% once a %}{% assign site = 'mine' %}{% once a %}", ["a": "{{ site }}"], "smine", 2),
    ])
    func replayIsRendering(source: String, bodies: [String: String], expected: String, renders: Int) throws {
        let (out, count) = try Self.render(source, bodies: bodies, data: ["site": "s"])
        #expect(out == expected)
        #expect(count == renders)
    }

    @Test func errorsAreNotRecorded() throws {
        let store = OnceTag.Store()
        var env = LiquidEnvironment.standard
        env.register(tag: "once", OnceTag.Parser(store: store, bodies: ["a": "{{ 1 | divided_by: 0 }}"]))
        let (out, errors) = try Template.parse("{% once a %}{% once a %}", environment: env).renderCollectingErrors()
        #expect(out.components(separatedBy: "divided by 0").count == 3)
        #expect(errors.count == 2)
        #expect(store.renders == 2)
    }

    /// A body reading `page` only in tests is recorded once for each way its tests come out,
    /// and each page gets what rendering gives it.
    @Test(arguments: [
        ("{% for i in list %}{% if page.url == i %}[{{ i }}]{% else %}{{ i }}{% endif %}{% endfor %}", 3),
        ("{% for i in list %}{% unless i != page.url %}[{{ i }}]{% endunless %}{% endfor %}", 3),
        ("{% case page.url %}{% when '/a', '/c' %}A or C{% else %}other{% endcase %}", 3),
        // `page.url` read beyond tests: not recorded.
        ("{% for i in list %}{% if page.url == i %}[{{ page.url }}]{% endif %}{% endfor %}", 5),
        ("{% if page.url contains '/a' %}A{% endif %}", 5),
        // A test of two fields of the page: the recording does not hold.
        ("{% if page.url == page.other %}same{% endif %}", 5),
    ])
    func recordingsPerOutcomes(body: String, renders: Int) throws {
        let store = OnceTag.Store()
        var env = LiquidEnvironment.standard
        env.register(tag: "once", OnceTag.Parser(store: store, bodies: ["nav": body]))
        let template = try Template.parse("{% once nav page %}", environment: env)
        let direct = try Template.parse(body)
        for url in ["/a", "/c", "/x", "/y", "/a"] {
            let data: Value = ["page": ["url": .string(url), "other": "/y"], "list": ["/a", "/b", "/c"]]
            #expect(try template.render(data) == direct.render(data), "\(url)")
        }
        #expect(store.renders == renders)
    }

    /// A recording inside another takes the inner piece's tests along, replayed or recorded.
    @Test func nestedRecordingsKeepTheirTests() throws {
        let store = OnceTag.Store()
        var env = LiquidEnvironment.standard
        env.register(tag: "once", OnceTag.Parser(store: store, bodies: [
            "outer": "<{% once inner page %}>", "inner": "{% if page.url == '/a' %}A{% else %}B{% endif %}",
        ]))
        let template = try Template.parse("{% once inner page %}{% once outer page %}", environment: env)
        for url in ["/a", "/b", "/a", "/c"] {
            let data: Value = ["page": ["url": .string(url)]]
            let letter = url == "/a" ? "A" : "B"
            #expect(try template.render(data) == letter + "<" + letter + ">", "\(url)")
        }
        // The inner body for /a and for /b, the outer one for each too.
        #expect(store.renders == 4)
    }
}
