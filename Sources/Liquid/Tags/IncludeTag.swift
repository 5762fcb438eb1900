/// The parts common to `include` and `render`: `'name' (with|for) value as alias, key: value`.
struct PartialArguments {
    var name: Expression
    var variable: Expression?
    var isFor = false
    var alias: String?
    var attributes: [(String, Expression)] = []

    /// `(Name)(\s+(with|for)\s+(QuotedFragment+))?(\s+as\s+([\w-]+))?`, searched, plus `key: value`
    /// attributes anywhere. `nameEnd` finds the name at a position (any fragments for `include`,
    /// quoted strings only for `render`).
    static func parse(_ markup: String, nameEnd: (LaxScanner, Int) -> Int?) -> PartialArguments? {
        let s = LaxScanner(markup)
        var start = 0
        while start < s.count {
            guard let end = nameEnd(s, start) else {
                start += 1
                continue
            }
            var args = PartialArguments(name: LaxScanner.expression(s.text(start..<end)))
            var i = end
            if let (word, after) = keyword(s, at: i, ["with", "for"]), let valueEnd = s.fragmentsEnd(at: after) {
                args.variable = LaxScanner.expression(s.text(after..<valueEnd))
                args.isFor = word == "for"
                i = valueEnd
            }
            if let (_, after) = keyword(s, at: i, ["as"]) {
                let aliasEnd = s.wordEnd(at: after)
                if aliasEnd > after { args.alias = s.text(after..<aliasEnd) }
            }
            args.attributes = s.tagAttributes().map { ($0.key, LaxScanner.expression($0.value)) }
            return args
        }
        return nil
    }

    /// `\s+word\s+` at `i`: the word and where the next part starts.
    private static func keyword(_ s: LaxScanner, at i: Int, _ words: [String]) -> (String, Int)? {
        let w = s.skipSpace(i)
        guard w > i else { return nil }
        for word in words {
            let e = w + word.utf8.count
            if e < s.count, s.text(w..<e) == word, isRubySpace(s.bytes[e]) { return (word, s.skipSpace(e)) }
        }
        return nil
    }
}

/// `{% include 'name' with value as alias, key: value %}`: renders a partial in the current
/// scope (its assignments stay visible), with the keys set in a scope of their own.
struct IncludeTag: TagNode {
    let arguments: PartialArguments
    /// The variable the partial sees its value as, when the name is a literal.
    let literalVariableName: String?

    init(arguments: PartialArguments) {
        self.arguments = arguments
        if case .literal(.string(let name)) = arguments.name {
            literalVariableName = arguments.alias ?? Self.lastComponent(name)
        } else {
            literalVariableName = nil
        }
    }

    static func lastComponent(_ name: String) -> String {
        guard let slash = name.utf8.lastIndex(of: UInt8(ascii: "/")) else { return name }
        return String(name[name.utf8.index(after: slash)...])
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        if context.includeDisabled {
            throw LiquidError(.disabled, "include usage is not allowed in this context")
        }
        let nameValue = try arguments.name.evaluate(context)
        guard nameValue.isTruthy else {
            throw LiquidError.argument("Argument error in tag 'include' - Illegal template name")
        }
        let name = nameValue.rubyString
        let variableName = literalVariableName ?? arguments.alias ?? Self.lastComponent(name)
        let variable: Value
        if let e = arguments.variable {
            variable = try e.evaluate(context)
        } else {
            variable = (try? context.findVariable(name)) ?? .nil
        }
        try context.includePartial(named: name, into: &output) {
            for (key, value) in arguments.attributes {
                context[key] = try value.evaluate(context)
            }
        } rendering: { partial, output in
            if case .array(let items) = variable {
                for item in items {
                    context[variableName] = item
                    try partial.render(into: &output, context: context)
                }
            } else {
                context[variableName] = variable
                try partial.render(into: &output, context: context)
            }
        }
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            guard let args = PartialArguments.parse(tag.markup, nameEnd: { $0.fragmentsEnd(at: $1) }) else {
                throw LiquidError.syntax("Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]")
            }
            return IncludeTag(arguments: args)
        }
    }
}
