import Liquid
import Testing

/// The API a host (the Jekyll layer) builds on: drops, filters, tags, registers, file systems.
@Suite struct HostAPITests {
    final class PageDrop: Drop {
        let title: String
        let reads = ReadCounter()

        init(title: String) { self.title = title }

        func value(forKey key: String, in context: RenderContext) throws -> Value? {
            reads.increment()
            switch key {
            case "title": return .string(title)
            case "url": return .string("/" + title.lowercased() + "/")
            default: return nil
            }
        }

        var keys: [String] { ["title", "url"] }
        var liquidString: String { "Page(\(title))" }
    }

    final class ReadCounter: @unchecked Sendable {
        private var n = 0
        func increment() { n += 1 }
        var count: Int { n }
    }

    final class PagesDrop: Drop {
        let pages: [Value]
        init(_ pages: [Value]) { self.pages = pages }
        func value(forKey key: String, in context: RenderContext) throws -> Value? { nil }
        func items(in context: RenderContext) throws -> [Value]? { pages }
    }

    enum SiteTitle: RegisterKey { static var defaultValue: String { "" } }

    /// A block tag: `{% shout %}…{% endshout %}` upper-cases its rendered body.
    struct ShoutTag: TagNode {
        let body: Block
        func render(into output: inout OutputBuffer, context: RenderContext) throws {
            output.append(try body.renderToString(context: context).uppercased())
        }
        struct Parser: TagParser {
            func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
                ShoutTag(body: try parser.parseBody(of: tag))
            }
        }
    }

    static func hostEnvironment() -> LiquidEnvironment {
        var env = LiquidEnvironment.standard
        env.register(filter: "site_title", arity: 0...0) { _, _, context in .string(context.registers[SiteTitle.self]) }
        env.register(filter: "where_exp", arity: 2...2) { input, args, context in
            let condition = try Condition.parse(args[1].rubyString, environment: context.environment)
            var kept: [Value] = []
            for item in try context.items(of: input) where try context.withScope([args[0].rubyString: item], {
                try condition.evaluate(context)
            }) {
                kept.append(item)
            }
            return .array(kept)
        }
        env.register(tag: "shout", ShoutTag.Parser())
        return env
    }

    @Test func dropsAreReadLazily() throws {
        let page = PageDrop(title: "About")
        let t = try Template.parse("{{ page.title }} {{ page.url }} {{ page }} [{{ page.nothing }}]", environment: .standard)
        #expect(try t.render(["page": .drop(page)]) == "About /about/ Page(About) []")
        #expect(page.reads.count == 3)
        var options = RenderOptions()
        options.strictVariables = true
        #expect(throws: LiquidError.self) { try t.render(["page": .drop(page)], options: options) }
    }

    /// A drop that stands for a string (`liquidValue`): `size` counts its code points, as Ruby
    /// counts the string's; a drop of items counts its items.
    final class TextDrop: Drop {
        func value(forKey key: String, in context: RenderContext) throws -> Value? { nil }
        var liquidValue: Value? { .string("e\u{301}!") }
    }

    /// A drop that tells which of its reads came with the key's hash, and checks that hash.
    final class HashedKeysDrop: Drop, @unchecked Sendable {
        var hashed: [String] = []
        func value(forKey key: String, in context: RenderContext) throws -> Value? { .string("plain " + key) }
        func value(forKey key: String, hash: Int, in context: RenderContext) throws -> Value? {
            guard hash == OrderedHash.storedHash(of: key) else { return .string("wrong hash") }
            hashed.append(key)
            return .string("hashed " + key)
        }
    }

    /// Templates read a drop's keys with the hashes worked out when they were parsed: the name of
    /// a drop given as data and each `.key` after it; `[expr]` keys are read by name.
    @Test func dropsGetParsedKeyHashes() throws {
        let drop = HashedKeysDrop()
        let t = try Template.parse("{{ d.title }} {{ d['url'] }}", environment: .standard)
        #expect(try t.render(["d": .drop(drop)]) == "hashed title plain url")
        #expect(drop.hashed == ["title"])
        let data = HashedKeysDrop()
        #expect(try Template.parse("{{ top }}", environment: .standard).render(.drop(data)) == "hashed top")
        #expect(data.hashed == ["top"])
    }

    @Test func sizeOfADropStandingForAString() throws {
        let t = try Template.parse("{{ text | size }} {{ pages | size }}", environment: .standard)
        #expect(try t.render(["text": .drop(TextDrop()), "pages": .drop(PagesDrop([1, 2]))]) == "3 2")
    }

    /// Whether a value must go through a render context to be printed (a drop somewhere inside).
    @Test(arguments: [
        (Value.string("x"), false),
        (.array([1, .hash(OrderedHash([("a", "b")]))]), false),
        (.drop(TextDrop()), true),
        (.array([1, .array([.drop(TextDrop())])]), true),
        (.hash(OrderedHash([("a", .hash(OrderedHash([("b", .drop(TextDrop()))])))])), true),
    ])
    func containsDrop(value: Value, expected: Bool) {
        #expect(value.containsDrop == expected)
    }

    @Test func collectionDropsIterate() throws {
        let pages = PagesDrop([.drop(PageDrop(title: "A")), .drop(PageDrop(title: "B"))])
        let t = try Template.parse("{{ pages.size }}:{% for p in pages %}{{ p.title }}{% endfor %}:{{ pages | map: 'title' | join: ',' }}")
        #expect(try t.render(["pages": .drop(pages)]) == "2:AB:A,B")
    }

    @Test func hostFiltersTagsAndRegisters() throws {
        let env = Self.hostEnvironment()
        var options = RenderOptions()
        options.registers[SiteTitle.self] = "My Site"
        let t = try Template.parse(
            "{{ '' | site_title }}|{% shout %}hi {{ name }}{% endshout %}|{{ items | where_exp: 'i', 'i > 1' | join: ',' }}",
            environment: env)
        #expect(try t.render(["name": "bob", "items": [1, 2, 3]], options: options) == "My Site|HI BOB|2,3")
    }

    @Test func renderingInParallelSharesOneTemplateAndPartialCache() async throws {
        var env = LiquidEnvironment.standard
        env.fileSystem = MemoryFileSystem(["item": "<li>{{ n }}</li>"])
        let t = try Template.parse("{% for i in (1..50) %}{% include 'item', n: i %}{% endfor %}", environment: env)
        var options = RenderOptions()
        options.partialCache = PartialCache()
        let expected = (1...50).map { "<li>\($0)</li>" }.joined()
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { [options] in try t.render([:], options: options) } }
            for try await output in group { #expect(output == expected) }
        }
    }

    /// Counts reads (the renders here run one after another).
    struct CountingFileSystem: TemplateFileSystem {
        let reads = ReadCounter()
        func readTemplate(named name: String, context: RenderContext) throws -> TemplateSource {
            reads.increment()
            return TemplateSource(source: "<{{ i }}>", name: name)
        }
    }

    @Test(arguments: [false, true])
    func partialsReadOncePerRenderOrOncePerSharedCache(shared: Bool) throws {
        var env = LiquidEnvironment.standard
        let files = CountingFileSystem()
        env.fileSystem = files
        let t = try Template.parse("{% for i in (1..3) %}{% include 'p' %}{% render 'p', i: i %}{% endfor %}", environment: env)
        var options = RenderOptions()
        if shared { options.partialCache = PartialCache() }
        for _ in 0..<2 { #expect(try t.render([:], options: options) == "<1><1><2><2><3><3>") }
        // Without a shared cache, once per render however often it is used (ruby-liquid's
        // `cached_partials`); with one, once for all renders (a Jekyll build's include cache).
        #expect(files.reads.count == (shared ? 1 : 2))
    }

    /// A partial whose text comes from the host's registers, so that it can change between renders.
    enum PartialText: RegisterKey { static let defaultValue = "" }
    struct RegisterFileSystem: TemplateFileSystem {
        func readTemplate(named name: String, context: RenderContext) throws -> TemplateSource {
            TemplateSource(source: context.registers[PartialText.self], name: name)
        }
    }

    @Test func partialsParsedAgainWhenTheirTextChanges() throws {
        var env = LiquidEnvironment.standard
        env.fileSystem = RegisterFileSystem()
        let t = try Template.parse("[{% include 'p' %}]", environment: env)
        for text in ["{{ 1 | plus: 1 }}", "{{ 1 | plus: 2 }}", "x", "{{ 1 | plus: 1 }}"] {
            var options = RenderOptions()
            options.registers[PartialText.self] = text
            let expected = try Template.parse(text, environment: env).render()
            #expect(try t.render([:], options: options) == "[\(expected)]")
        }
    }

    @Test func partialsParsedAgainWhenTheEnvironmentChanges() throws {
        var plain = LiquidEnvironment.standard
        plain.fileSystem = RegisterFileSystem()
        var options = RenderOptions()
        options.registers[PartialText.self] = "{{ 'hi' | shout }}"
        #expect(try Template.parse("{% include 'p' %}", environment: plain).render([:], options: options) == "hi")
        var loud = plain
        loud.register(filter: "shout", arity: 0...0) { input, _, _ in .string(input.rubyString.uppercased() + "!") }
        #expect(try Template.parse("{% include 'p' %}", environment: loud).render([:], options: options) == "HI!")
        #expect(try Template.parse("{% include 'p' %}", environment: plain).render([:], options: options) == "hi")
    }

    @Test func jsonKeepsTypesAndOrder() throws {
        let v = try JSON.parse(#"{"b": true, "a": 1, "c": 1.0, "d": [null, "x\u00e9"]}"#)
        #expect(v.orderedHash?.keys == ["b", "a", "c", "d"])
        #expect(JSON.string(v) == #"{"b":true,"a":1,"c":1.0,"d":[null,"xé"]}"#)
    }
}
