import Liquid
import Testing

/// Errors are values with a location: line and column in the file (front matter counted through
/// `firstLine`), the template's name, and the include chain; messages are ruby-liquid's.
@Suite struct ErrorTests {
    static func environment(_ partials: [String: String] = [:], mode: ErrorMode = .lax) -> LiquidEnvironment {
        var env = LiquidEnvironment.standard
        env.errorMode = mode
        env.fileSystem = MemoryFileSystem(partials)
        return env
    }

    func parseError(_ source: String, firstLine: Int = 1, mode: ErrorMode = .lax) -> LiquidError? {
        do {
            _ = try Template.parse(source, name: "page.html", firstLine: firstLine, environment: Self.environment(mode: mode))
            return nil
        } catch {
            return error
        }
    }

    func renderError(_ source: String, _ data: Value = [:], firstLine: Int = 1, partials: [String: String] = [:],
                     options: RenderOptions = RenderOptions()) -> LiquidError? {
        do {
            let t = try Template.parse(source, name: "page.html", firstLine: firstLine, environment: Self.environment(partials))
            _ = try t.render(data, options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test func syntaxErrorWithFrontMatterOffset() throws {
        // The body starts on line 5 of the file (4 lines of front matter before it).
        let e = try #require(parseError("<p>\n  {% if x %}\n    {% nosuch %}\n  {% endif %}", firstLine: 5))
        #expect(e.kind == .syntax)
        #expect(e.location == SourceLocation(templateName: "page.html", line: 7, column: 8))
        #expect(e.description == "Liquid syntax error (page.html line 7): Unknown tag 'nosuch'")
    }

    @Test func strictErrorsCarryTheMarkup() throws {
        let e = try #require(parseError("a\n\n   {{ x | foo bar }}", firstLine: 3, mode: .strict))
        #expect(e.location == SourceLocation(templateName: "page.html", line: 5, column: 4))
        #expect(e.description == "Liquid syntax error (page.html line 5): Expected end_of_string but found id in \"{{ x | foo bar }}\"")
    }

    @Test func unclosedBlockPointsAtItsTag() throws {
        let e = try #require(parseError("x\n  {% for i in a %}\n", firstLine: 10))
        #expect(e.location == SourceLocation(templateName: "page.html", line: 11, column: 6))
        #expect(e.message == "'for' tag was never closed")
    }

    @Test func liquidTagLinesHaveTheirOwnLines() throws {
        let e = try #require(parseError("{% liquid\n  assign a = 1\n  bogus a\n%}", firstLine: 2))
        #expect(e.location == SourceLocation(templateName: "page.html", line: 4, column: 3))
        #expect(e.message == "Unknown tag 'bogus'")
    }

    @Test func renderErrorWithFrontMatterOffset() throws {
        let e = try #require(renderError("<p>\n  <b>{{ 1 | divided_by: 0 }}</b>", firstLine: 4))
        #expect(e.kind == .zeroDivision)
        #expect(e.location == SourceLocation(templateName: "page.html", line: 5, column: 6))
        #expect(e.description == "Liquid error (page.html line 5): divided by 0")
        #expect(e.includeChain.isEmpty)
    }

    @Test func renderErrorThroughIncludes() throws {
        let partials = ["outer": "{% include 'inner' %}", "inner": "ok\n {{ x | divided_by: 0 }}"]
        let e = try #require(renderError("front\n\n  {% include 'outer' %}", ["x": 1], firstLine: 3, partials: partials))
        #expect(e.location == SourceLocation(templateName: "inner", line: 2, column: 2))
        #expect(e.description == "Liquid error (inner line 2): divided by 0")
        #expect(e.includeChain == [
            SourceLocation(templateName: "page.html", line: 5, column: 6),
            SourceLocation(templateName: "outer", line: 1, column: 4),
        ])
    }

    @Test func syntaxErrorInsideAnIncludedPartial() throws {
        let e = try #require(renderError("a\n{% render 'p' %}", partials: ["p": "\n\n  {% if %}"]))
        #expect(e.kind == .syntax)
        #expect(e.location == SourceLocation(templateName: "p", line: 3, column: 6))
        #expect(e.includeChain == [SourceLocation(templateName: "page.html", line: 2, column: 4)])
    }

    @Test func errorsRenderedInlineWhenNotRaised() throws {
        let t = try Template.parse("a\n{{ 1 | divided_by: 0 }}\n{% assign x = 1 | divided_by: 0 %}b", environment: Self.environment())
        let (out, errors) = try t.renderCollectingErrors()
        #expect(out == "a\nLiquid error (line 2): divided by 0\nb")
        #expect(errors.count == 2)
        #expect(errors[1].location?.line == 3)
    }

    @Test func strictVariablesAndFilters() throws {
        var options = RenderOptions()
        options.strictVariables = true
        let e1 = try #require(renderError("ok\n{{ page.title }}", ["page": [:]], options: options))
        #expect(e1.kind == .undefinedVariable)
        #expect(e1.message == "undefined variable title")
        #expect(e1.location?.line == 2)
        options = RenderOptions()
        options.strictFilters = true
        let e2 = try #require(renderError("{{ 'a' | nosuch }}", options: options))
        #expect(e2.kind == .undefinedFilter)
        #expect(e2.message == "undefined filter nosuch")
    }

    @Test func nestingTooDeepWhenParsing() throws {
        let source = String(repeating: "{% if true %}", count: 101) + String(repeating: "{% endif %}", count: 101)
        let e = try #require(parseError(source))
        #expect(e.kind == .stackLevel)
        #expect(e.description.hasSuffix("Nesting too deep"))
        let ok = String(repeating: "{% if true %}", count: 99) + "x" + String(repeating: "{% endif %}", count: 99)
        #expect(parseError(ok) == nil)
    }

    /// Pathological nesting inside markup is an error, not a stack overflow.
    @Test func deepMarkupNestingIsRefused() throws {
        for source in [
            "{{ " + String(repeating: "[", count: 5000) + "x" + String(repeating: "]", count: 5000) + " }}",
            "{{ " + String(repeating: "(", count: 5000) + "1..2" + String(repeating: ")", count: 5000) + " }}",
            "{% liquid " + String(repeating: "liquid ", count: 5000) + "echo 1 %}",
        ] {
            let e = try #require(parseError(source))
            #expect(e.kind == .stackLevel)
        }
        #expect(try render("{% if " + String(repeating: "a and ", count: 5000) + "b %}x{% endif %}") == "")
    }

    @Test func recursiveIncludesStop() throws {
        let e = try #require(renderError("{% include 'loop' %}", partials: ["loop": "x{% include 'loop' %}"]))
        #expect(e.kind == .stackLevel)
        #expect(e.message == "Nesting too deep")
        let r = try #require(renderError("{% render 'loop' %}", partials: ["loop": "x{% render 'loop' %}"]))
        #expect(r.kind == .stackLevel)
    }

    @Test func outputAndStepLimits() throws {
        var env = Self.environment()
        env.limits.maxRenderSteps = 10_000
        let loop = try Template.parse("{% for i in (1..1000000000) %}{{ i }}{% endfor %}", environment: env)
        #expect(throws: LiquidError.self) { try loop.render() }
        let (out, errors) = try loop.renderCollectingErrors()
        #expect(out == "Liquid error (line 1): Render limit exceeded: more than 10000 steps")
        #expect(errors.last?.kind == .memory)

        env.limits.maxOutputBytes = 1000
        let big = try Template.parse("{% assign s = 'ab' %}{% for i in (1..20) %}{% assign s = s | append: s %}{% endfor %}",
                                     environment: env)
        do {
            _ = try big.render()
            Issue.record("no limit error")
        } catch {
            #expect(error.kind == .memory)
            #expect(error.message == "Memory limits exceeded")
        }

        env.limits.maxRangeLength = 100
        let range = try Template.parse("{{ (1..1000) | join: ',' }}", environment: env)
        #expect(throws: LiquidError.self) { try range.render() }

        // A value grown by filters alone, with nothing written: each `split` of an array splits
        // the array's inspected text, five times as long (the liquid-render fuzzer's timeout).
        env.limits.maxRangeLength = 10_000
        let grown = try Template.parse("{{ x | split: '' | split: '' | split: '' | split: '' | split: '' | split: '' | split: '' | size }}",
                                       environment: env)
        do {
            let out = try grown.render(["x": "hello"])
            Issue.record("no limit error: \(out)")
        } catch {
            #expect(error.kind == .memory)
            #expect(error.message == "Memory limits exceeded")
        }
    }
}
