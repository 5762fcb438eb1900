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

    @Test func breakInsideItsOwnLoopIsKnown() throws {
        #expect(try Self.usage("{% for i in list %}{% if i %}{% break %}{% endif %}{% endfor %}").isKnown)
    }
}

/// A host tag for the tests: `{% once name %}…{% endonce %}` renders its body the first time and
/// replays it afterwards, when the body's usage allows.
private struct OnceTag: TagNode {
    final class Store: @unchecked Sendable {
        var effects: [String: RenderEffects] = [:]
        var renders = 0
    }
    let name: String
    let body: Template
    let store: Store

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let usage = body.usage()
        guard context.canReplay(usage) else {
            store.renders += 1
            return try body.render(into: &output, context: context)
        }
        if let e = store.effects[name], try context.replay(e, into: &output) { return }
        store.renders += 1
        if let e = try context.recordingEffects(into: &output, { try body.render(into: &$0, context: context) }) {
            store.effects[name] = e
        }
    }

    struct Parser: TagParser {
        let store: Store
        let bodies: [String: String]
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let name = String(tag.markup.filter { $0 != " " })
            return OnceTag(name: name, body: try Template.parse(bodies[name] ?? "", environment: parser.environment), store: store)
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
}
