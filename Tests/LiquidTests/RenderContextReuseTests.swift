import Testing
@testable import Liquid

/// A render that takes the context an earlier render kept (`RenderContextReuse`) starts as a new
/// context would: nothing the earlier render set — variables, counters, cycles, loop offsets,
/// `ifchanged`'s last output, the host's registers — shows through.
@Suite struct RenderContextReuseTests {
    enum Host: RegisterKey { static var defaultValue: String { "none" } }

    static let environment: LiquidEnvironment = {
        var env = LiquidEnvironment.standard
        env.register(filter: "host", arity: 0...0) { _, _, context in .string(context.registers[Host.self]) }
        return env
    }()

    static func options(host: String) -> RenderOptions {
        var options = RenderOptions()
        options.registers[Host.self] = host
        return options
    }

    static let first = """
        {% assign x = "one" %}{% increment n %}{% increment n %}{% cycle "a", "b" %}\
        {% for i in (1..5) limit: 2 %}{{ i }}{% endfor %}{% capture c %}cap{% endcapture %}{{ '' | host }}\
        {% ifchanged %}x{% endifchanged %}
        """
    static let second = """
        [{% ifchanged %}x{% endifchanged %}][{{ x }}][{% increment n %}][{% cycle "a", "b" %}][{% for i in (1..5) offset: continue %}{{ i }}{% endfor %}]\
        [{{ c }}][{{ '' | host }}]
        """

    @Test func aReusedContextStartsAfresh() throws {
        let first = try Template.parse(Self.first, environment: Self.environment)
        let second = try Template.parse(Self.second, environment: Self.environment)
        let reuse = RenderContextReuse()
        #expect(try first.renderOutput(options: Self.options(host: "first"), reusing: reuse).string == "01a12firstx")
        #expect(reuse.spare != nil)
        let fresh = try second.renderOutput(options: Self.options(host: "second")).string
        let reused = try second.renderOutput(options: Self.options(host: "second"), reusing: reuse).string
        #expect(fresh == "[x][][0][a][12345][][second]")
        #expect(reused == fresh)
    }

    /// Counts the partials it reads.
    struct CountingFileSystem: TemplateFileSystem {
        let reads = HostAPITests.ReadCounter()
        func readTemplate(named name: String, context: RenderContext) throws -> TemplateSource {
            reads.increment()
            return TemplateSource(source: "<{{ i }}>", name: name)
        }
    }

    /// A reused context keeps the partials it loaded while the renders share one partial cache;
    /// a render with another cache, or none, loads its own.
    @Test func aReusedContextKeepsItsPartialsOnlyForTheSameCache() throws {
        var env = LiquidEnvironment.standard
        let files = CountingFileSystem()
        env.fileSystem = files
        let t = try Template.parse("{% for i in (1..2) %}{% include 'p' %}{% endfor %}", environment: env)
        let reuse = RenderContextReuse()
        func render(_ cache: PartialCache?) throws -> String {
            var options = RenderOptions()
            options.partialCache = cache
            return try t.renderOutput(options: options, reusing: reuse).string
        }
        let first = PartialCache(), second = PartialCache()
        for (cache, reads) in [(first, 1), (first, 1), (second, 2), (nil, 3), (nil, 4), (first, 4), (second, 4)] {
            #expect(try render(cache) == "<1><2>")
            #expect(files.reads.count == reads)
        }
    }

    /// Renders a template with the same reuse while the outer render holds the kept context.
    final class NestedDrop: Drop, @unchecked Sendable {
        let inner: Template
        let reuse: RenderContextReuse
        init(inner: Template, reuse: RenderContextReuse) {
            self.inner = inner
            self.reuse = reuse
        }
        func value(forKey key: String, in context: RenderContext) throws -> Value? {
            .string(try inner.renderOutput(["y": "inner"], options: RenderContextReuseTests.options(host: "nested"),
                                           reusing: reuse).string)
        }
    }

    @Test func aRenderInsideAnotherGetsAContextOfItsOwn() throws {
        let reuse = RenderContextReuse()
        let inner = try Template.parse("<{{ y }} {{ '' | host }}>", environment: Self.environment)
        let outer = try Template.parse("{% assign y = 'outer' %}{{ nested.text }} {{ y }} {{ '' | host }}",
                                       environment: Self.environment)
        let data: Value = ["nested": .drop(NestedDrop(inner: inner, reuse: reuse))]
        for _ in 0..<2 {
            #expect(try outer.renderOutput(data, options: Self.options(host: "outer"), reusing: reuse).string
                    == "<inner nested> outer outer")
        }
    }
}
