import Testing
import YAML

@Suite struct YAMLLimitsTests {
    /// Nine levels of ten aliases each: 10^9 strings if expanded.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        return lines.joined(separator: "\n")
    }()

    @Test func aliasBombStopsWithALocatedError() {
        let error = #expect(throws: YAMLError.self) { try YAML.load(Self.billionLaughs, file: "_data/bomb.yml") }
        #expect(error?.kind == .aliasExpansionLimit)
        #expect(error?.file == "_data/bomb.yml")
        #expect(error?.line == 6)
        #expect(error?.message == "aliases expand to more than 1000000 nodes (an alias bomb?)")
    }

    @Test func aliasExpansionCountsEveryUse() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]"
        #expect(throws: YAMLError.self) { try YAML.load(text, limits: YAMLLimits(maxAliasExpansion: 11)) }
        #expect(try YAML.load(text, limits: YAMLLimits(maxAliasExpansion: 12))["b"]?.sequenceValue?.count == 3)
    }

    @Test func deepNestingStopsWithoutOverflowingTheStack() {
        let depth = 200_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = #expect(throws: YAMLError.self) { try YAML.load(text) }
        #expect(error?.kind == .depthLimit)
        #expect((error?.line, error?.column) == (1, 1001))
    }

    @Test func nestingUpToTheLimitLoads() throws {
        let text = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        var value = try YAML.load(text)
        var depth = 0
        while case .sequence(let items) = value {
            depth += 1
            value = items.first ?? .null
        }
        #expect(depth == 1000)
    }

    @Test func aliasesCannotNestPastTheLimit() {
        let text = "a: &a [[[1]]]\nb: [[*a]]"
        let error = #expect(throws: YAMLError.self) { try YAML.load(text, limits: YAMLLimits(maxDepth: 5)) }
        #expect(error?.kind == .depthLimit)
        #expect(error?.line == 2)
    }
}
