import JekyllLiquid
import Liquid
import Testing

/// `RenderedOutput`: a render's output given to another render as a variable, printed by
/// `{{ name }}` as it is; and `Template.readsOnlyInPlainOutputs`, which says where a host may
/// give one.
@Suite struct RenderedOutputTests {
    /// An inner render whose output holds a long string (a post's text) beside its own bytes,
    /// some of them outside ASCII.
    static func innerOutput() throws -> OutputBuffer {
        let long = String(repeating: "Zürich — ", count: 600)
        let inner = try Template.parse("<article>{{ title }}{{ body }}</article>\n")
        return try inner.renderOutput(["title": "Über", "body": .string(long)])
    }

    @Test func plainOutputPrintsTheBufferAsTheString() throws {
        let inner = try Self.innerOutput()
        let outer = try Template.parse("<main>{{ content }}</main>{% if x %}{{ content }}{% endif %}")
        let asString = try outer.render(["content": .string(inner.string), "x": true])
        let held = try outer.renderOutput(["content": .drop(RenderedOutput(inner)), "x": true])
        #expect(held.string == asString)
        #expect(held.bytes == Array(asString.utf8))
        #expect(held.count == asString.utf8.count)
    }

    @Test func elsewhereItIsTheString() throws {
        let inner = try Self.innerOutput()
        let template = try Template.parse("{% if content == s %}same{% endif %}{% if content %}!{% endif %}")
        let out = try template.render(["content": .drop(RenderedOutput(inner)), "s": .string(inner.string)])
        #expect(out == "same!")
    }

    static func environment(_ includes: [String: String]) -> LiquidEnvironment {
        var env = LiquidEnvironment.standard
        JekyllFlavor.registerIncludeTag(into: &env)
        env.fileSystem = MemoryFileSystem(includes)
        return env
    }

    static let includes = [
        "plain.html": "<div>{{ content }}</div>",
        "counts.html": "{{ content | size }}",
        "nested.html": "{% include plain.html %}",
        "loop.html": "{% for content in list %}{{ content | upcase }}{% endfor %}",
        "cycle.html": "{% cycle 'a', 'b' %}",
        "self.html": "{% include self.html %}",
    ]

    @Test(arguments: [
        ("a{{ content }}b{{ content }}", true),
        ("{% if x %}{{ content }}{% endif %}{% capture c %}{{ content }}{% endcapture %}{{ c | size }}", true),
        // A loop's own `content` is not the one given.
        ("{% for content in list %}{{ content | size }}{% endfor %}{{ content }}", true),
        ("{% assign content = 'x' %}{{ content | size }}", true),
        ("{% include plain.html %}{% include nested.html %}{% include loop.html %}", true),
        ("{{ content | size }}", false),
        ("{{ content.size }}", false),
        ("{% if content %}{% endif %}", false),
        ("{% echo content %}", false),
        ("{% assign c = content %}{{ c }}", false),
        ("{% for c in content %}{% endfor %}", false),
        ("{% include counts.html %}", false),
        ("{% include plain.html x=content %}", false),
        // What cannot be known: a tag that does not describe itself, a partial that includes itself.
        ("{{ content }}{% include cycle.html %}", false),
        ("{{ content }}{% include self.html %}", false),
        ("{{ content }}{% include missing.html %}", false),
    ])
    func readsOnlyInPlainOutputs(source: String, plain: Bool) throws {
        let env = Self.environment(Self.includes)
        let template = try Template.parse(source, environment: env)
        #expect(template.readsOnlyInPlainOutputs("content", options: RenderOptions()) == plain)
    }
}
