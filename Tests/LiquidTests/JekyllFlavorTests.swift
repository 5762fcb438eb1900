@testable import JekyllLiquid
import Liquid
import Testing

/// Jekyll 4.3.1's changes to Liquid (JekyllLiquid): where/find/sort and the include tag.
/// Expected outputs were produced with Jekyll 4.3.1 on ruby-liquid 5.4 (`ruby -rjekyll`).
@Suite struct JekyllFlavorTests {
    static func environment(_ includes: [String: String] = [:]) -> LiquidEnvironment {
        var env = LiquidEnvironment.standard
        JekyllFlavor.registerFilters(into: &env)
        JekyllFlavor.registerIncludeTag(into: &env)
        env.fileSystem = MemoryFileSystem(includes)
        return env
    }

    func render(_ source: String, _ data: Value = [:], includes: [String: String] = [:]) throws(LiquidError) -> String {
        try Template.parse(source, environment: Self.environment(includes)).render(data)
    }

    @Test(arguments: [
        // where compares as strings; arrays match on any element; numeric-looking strings are numbers
        ("{{ a | where: 'tags', 'x' | map: 'n' | join: ',' }}", "1,2"),
        ("{{ b | where: 'n', 2 | size }}", "2"),
        ("{{ c | where: 'x.y', 'z' | size }}", "1"),
        ("{{ a | where: 'tags', empty | map: 'n' | join: ',' }}", "4"),
        ("{{ d | sort: 'n' | map: 'n' | join: ',' }}", ",2,2.5,9,10"),
        ("{{ e | sort: 'n', 'last' | map: 'n' | join: ',' }}", "a,b,"),
        ("{% assign x = b | find: 'n', '2' %}{{ x.m }}", "first"),
        ("{{ 'abc' | where: 'a', 'b' }}", "abc"),
        ("{{ h | where: 'n', 1 | size }}", "1"),
    ] as [(String, String)])
    func jekyllFilters(source: String, expected: String) throws {
        let data: Value = [
            "a": [["n": 1, "tags": ["x", "y"]], ["n": 2, "tags": "x"], ["n": 3, "tags": ["xx"]], ["n": 4, "tags": []]],
            "b": [["n": 1], ["n": "2", "m": "first"], ["n": 2.0], ["n": " 2 "]],
            "c": [["x": ["y": "z"]], ["x": ["y": "q"]], ["x": "z"]],
            "d": [["n": 10], ["n": "9"], ["n": 2], [:], ["n": "2.5"]],
            "e": [["n": "b"], [:], ["n": "a"]],
            "h": ["a": ["n": 1], "b": ["n": 2]],
        ]
        #expect(try render(source, data) == expected)
    }

    @Test func sortErrorsAsJekyll() throws {
        #expect(throws: LiquidError.self) { try render("{{ nothing | sort }}") }
        do {
            _ = try render("{{ a | sort: 'n', 'middle' }}", ["a": [["n": 1]]])
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "Invalid nils order: 'middle' is not a valid nils order. It must be 'first' or 'last'.")
        }
    }

    @Test func includeWithParameters() throws {
        let includes = ["card.html": "[{{ include.title }}|{{ include.n }}|{{ include.q }}]{% assign seen = true %}"]
        let out = try render(#"{% include card.html title="A \"b\"" n=page.n q='x' %}{{ seen }}{{ include.title }}"#,
                             ["page": ["n": 5]], includes: includes)
        #expect(out == "[A \"b\"|5|x]true")
    }

    @Test func includeNameFromVariables() throws {
        let out = try render("{% include {{ kind }}-{{ n }}.html %}", ["kind": "box", "n": 2], includes: ["box-2.html": "B2"])
        #expect(out == "B2")
        let piped = try render("{% include {{ kind | append: '.html' }} x=1 %}", ["kind": "box"], includes: ["box.html": "{{ include.x }}"])
        #expect(piped == "1")
    }

    @Test func includeRelativeResolvesAgainstThePage() throws {
        enum PageDir: RegisterKey { static var defaultValue: String { "" } }
        var env = Self.environment(["docs/part.html": "part of {{ include.x }}"])
        JekyllFlavor.registerIncludeTag(into: &env, name: "include_relative") { file, context in
            context.registers[PageDir.self] + "/" + file
        }
        var options = RenderOptions()
        options.registers[PageDir.self] = "docs"
        let t = try Template.parse("{% include_relative part.html x='y' %}", environment: env)
        #expect(try t.render([:], options: options) == "part of y")
    }

    @Test func includeRejectsLiquidSyntaxAndBadNames() throws {
        // Liquid's own forms are errors in Jekyll.
        #expect(throws: LiquidError.self) { try render("{% include 'card.html' %}", includes: ["card.html": "x"]) }
        #expect(throws: LiquidError.self) { try render("{% include card.html, a: 1 %}", includes: ["card.html": "x"]) }
        #expect(throws: LiquidError.self) { try render("{% include ../secret.html %}", includes: ["../secret.html": "x"]) }
        do {
            _ = try render("{% include missing.html %}")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .fileSystem)
        }
    }

    @Test func includeErrorsNameThePartialAndTheChain() throws {
        do {
            _ = try render("a\n{% include broken.html %}", includes: ["broken.html": "x\n{{ 1 | divided_by: 0 }}"])
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(templateName: "broken.html", line: 2, column: 1))
            #expect(error.includeChain == [SourceLocation(templateName: nil, line: 2, column: 4)])
        }
    }

    /// Jekyll's `parse_sort_input` on the bytes: integer- and float-looking text becomes a number
    /// (surrounding whitespace and one final newline allowed), everything else is left as it is.
    @Test(arguments: [
        (Value.string("42"), Value.int(42)),
        (.string(" -7 \n"), .int(-7)),
        (.string("12\r\n"), .int(12)),
        (.string("1.5"), .float(1.5)),
        (.string(" 3. "), .float(3.0)),
        (.string("-.25"), .float(-0.25)),
        (.string("."), .string(".")),
        (.string("-"), .string("-")),
        (.string("1.2.3"), .string("1.2.3")),
        (.string("12a"), .string("12a")),
        (.string(""), .string("")),
        (.string("Contact"), .string("Contact")),
        (.string("١٢"), .string("١٢")),
        (.int(3), .int(3)),
        (.float(2.5), .float(2.5)),
        (.nil, .nil),
        (.bool(true), .bool(true)),
    ])
    func sortInputParsing(input: Value, expected: Value) {
        #expect(JekyllFlavor.numericLooking(input) == expected)
    }
}
