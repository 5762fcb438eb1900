import Testing
import YAML

/// Every case of the Psych fixture, loaded with our loader and compared with what Psych
/// (Jekyll's loader) gave.
@Suite struct PsychDifferentialTests {
    /// Where we differ on purpose: Psych builds a half-initialised Ruby object that has
    /// no YAML value (`Date.allocate` reads as -4712-01-01); we refuse the tag.
    static let divergences: Set<String> = ["!ruby/object:Date {}"]

    @Test(arguments: PsychCase.table)
    func agreesWithPsych(_ testCase: PsychCase) {
        Self.compare(testCase)
    }

    /// Thousands of random mutations: one test, so a failure names its input.
    @Test func mutationsAgreeWithPsych() {
        #expect(PsychCase.mutations.count > 3000)
        for testCase in PsychCase.mutations { Self.compare(testCase) }
    }

    static func compare(_ testCase: PsychCase) {
        let result = Result { () throws(YAMLError) in try YAML.load(testCase.yaml) }
        if Self.divergences.contains(testCase.yaml) {
            guard case .failure(let error) = result, case .unsupportedTag = error.kind else {
                Issue.record("\(testCase.testDescription): expected an unsupported-tag error, got \(result)")
                return
            }
            return
        }
        let input = testCase.testDescription
        switch (testCase.psych, result) {
        case (.error(let className, let message, let syntax), .failure(let error)):
            #expect(Self.errorKindMatches(className: className, message: message, error.kind),
                    "\(input): Psych: \(className): \(message); ours: \(error)")
            if let syntax { Self.checkSyntaxError(syntax, error, input: input) }
        case (.error(let className, let message, _), .success(let value)):
            Issue.record("\(input): Psych raised \(className): \(message); we loaded \(value)")
        case (.other(let className), _):
            // Psych builds a Ruby object with no YAML value form: we refuse the tag.
            guard case .failure(let error) = result, case .unsupportedTag = error.kind else {
                Issue.record("\(input): Psych built a \(className); we gave \(result)")
                return
            }
        case (let expected, .failure(let error)) where expected.containsRecursion:
            #expect(error.kind == .recursiveAlias(Self.aliasName(testCase.yaml)), "\(input): \(error)")
        case (let expected, .success(let value)):
            #expect(expected.matches(value), "\(input): Psych: \(expected); ours: \(value)")
        case (let expected, .failure(let error)):
            Issue.record("\(input): Psych loaded \(expected); we failed: \(error)")
        }
    }

    static func errorKindMatches(className: String, message: String, _ kind: YAMLError.Kind) -> Bool {
        switch (className, kind) {
        case ("Psych::SyntaxError", .syntax): return true
        case ("Psych::DisallowedClass", .disallowedClass(let name)):
            return message == "Tried to load unspecified class: \(name)"
        case ("Psych::BadAlias", .unknownAlias(let name)): return message == "Unknown alias: \(name)"
        case ("ArgumentError", .invalidScalar), ("TypeError", .invalidScalar), ("NameError", .invalidScalar),
             ("FrozenError", .invalidScalar), ("NoMethodError", .invalidScalar), ("NoMethodError", .unsupportedTag),
             ("ArgumentError", .unsupportedTag):
            return true
        default: return false
        }
    }

    /// libyaml's words, and Psych's location (the context mark) either where we point or
    /// where we say the context started. Errors without a context leave libyaml's context
    /// mark unset, so Psych says line 1 column 1 whatever the problem's place.
    static func checkSyntaxError(_ syntax: PsychResult.SyntaxDetail, _ error: YAMLError, input: String) {
        #expect(error.message.hasPrefix(syntax.problem), "\(input): \(error)")
        if let context = syntax.context { #expect(error.message.contains(context), "\(input): \(error)") }
        if syntax.context == nil, (syntax.line, syntax.column) == (1, 1) { return }
        let started = "started at line \(syntax.line) column \(syntax.column)"
        #expect((error.line, error.column) == (syntax.line, syntax.column) || error.message.hasSuffix(started),
                "\(input): Psych says line \(syntax.line) column \(syntax.column); ours: \(error)")
    }

    static func aliasName(_ yaml: String) -> String {
        let afterStar = yaml.split(separator: "*", maxSplits: 1).last ?? ""
        return String(afterStar.prefix { $0.isLetter || $0.isNumber })
    }
}
