/// `{% assign name = value | filters %}`: sets a variable in the template's scope.
struct AssignTag: TagNode {
    let name: String
    let nameHash: Int
    let value: FilteredExpression

    init(name: String, value: FilteredExpression) {
        self.name = name
        self.nameHash = keyHash(name)
        self.value = value
    }

    var isBlank: Bool { true }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let v: Value
        if value.mayBeReused, let memo = context.session.options.assignedValues {
            v = try memo.value(of: value, in: context)
        } else {
            v = try value.evaluate(context)
        }
        if case .string(let s) = v { try context.checkOutputSize(s.utf8.count) }
        context.assign(name, hash: nameHash, v)
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let s = LaxScanner(tag.markup)
            // ruby-liquid: /(VariableSignature+)\s*=\s*(.*)\s*/m, searched.
            var start = 0
            while start < s.count {
                let end = s.variableSignatureEnd(at: start)
                if end > start {
                    let equals = s.skipSpace(end)
                    if equals < s.count, s.bytes[equals] == UInt8(ascii: "=") {
                        let valueStart = s.skipSpace(equals + 1)
                        let value = try parser.parseFilteredExpression(s.text(valueStart..<s.count))
                        return AssignTag(name: s.text(start..<end), value: value)
                    }
                }
                start += 1
            }
            throw LiquidError.syntax("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]")
        }
    }
}

/// Values of filtered expressions (of `assign`s and outputs) a host can reuse across the renders
/// of a batch: a site's navigation list sorted and filtered the same way on every page, a
/// `{{ '/assets/main.css' | relative_url }}`. The memo decides, per expression, whether its value
/// can differ (its `VariableUsage` helps) and evaluates it otherwise; an expression it will never
/// reuse it marks (`declineReuse`), and renders stop asking. A class: a render reads the option
/// at every such output, and a class existential is copied with one retain.
public protocol AssignedValueMemo: AnyObject, Sendable {
    /// The value of `expression` in `context` (`expression.evaluate(context)`, or a value it gave
    /// in an earlier render where nothing it reads differs).
    func value(of expression: FilteredExpression, in context: RenderContext) throws -> Value
}

extension VariableUsage {
    /// What an expression reads and the filters it calls.
    public init(of expression: FilteredExpression, environment: LiquidEnvironment = .standard) {
        var analyzer = TemplateAnalyzer(environment: environment)
        analyzer.read(expression)
        self = analyzer.usage
    }
}

extension LaxScanner {
    /// `(\(?[\w\-\.\[\]]\)?)+` at `i`: the end of the longest match (`i` when none).
    func variableSignatureEnd(at i: Int) -> Int {
        var j = i
        while j < count {
            var k = j
            if bytes[k] == UInt8(ascii: "(") { k += 1 }
            guard k < count else { break }
            let c = bytes[k]
            guard isWordByte(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
            else { break }
            k += 1
            if k < count, bytes[k] == UInt8(ascii: ")") { k += 1 }
            j = k
        }
        return j
    }
}
