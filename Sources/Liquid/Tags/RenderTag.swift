/// `{% render 'name' with value as alias, key: value %}` / `{% render 'name' for items %}`:
/// renders a partial in an isolated scope that sees only what is passed to it.
struct RenderTag: TagNode {
    let name: String
    let arguments: PartialArguments
    /// The name the partial sees the passed value as (the alias, or the partial's own name).
    let variableName: String

    init(name: String, arguments: PartialArguments) {
        self.name = name
        self.arguments = arguments
        variableName = arguments.alias ?? IncludeTag.lastComponent(name)
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let chain = context.includeChain + [context.currentLocation]
        let partial: Template
        do {
            partial = try context.loadPartial(named: name)
        } catch {
            throw context.withIncludeChain(error, chain)
        }
        var attributes: [(String, Value)] = []
        for (key, value) in arguments.attributes { attributes.append((key, try value.evaluate(context))) }

        func renderOnce(_ variable: Value, forloop: ForloopDrop?) throws {
            let inner = try context.isolatedSubcontext(templateName: partial.name)
            inner.includeChain = chain
            inner.includeDisabled = true
            if let forloop { inner["forloop"] = .drop(forloop) }
            for (key, value) in attributes { inner[key] = value }
            if !variable.isNil { inner[variableName] = variable }
            try partial.render(into: &output, context: inner)
        }

        let variable = try arguments.variable?.evaluate(context) ?? .nil
        if arguments.isFor, Self.isEnumerable(variable, context) {
            let items = try context.iterationItems(variable)
            let forloop = ForloopDrop(name: name, length: items.count, parentloop: nil)
            for i in 0..<items.count {
                try context.tick(1)
                try renderOnce(items[i], forloop: forloop)
                forloop.index += 1
            }
        } else {
            try renderOnce(variable, forloop: nil)
        }
    }

    /// What Ruby can `each` and `count`: arrays, hashes, ranges, collection drops.
    static func isEnumerable(_ v: Value, _ context: RenderContext) -> Bool {
        switch v {
        case .array, .hash, .range: return true
        case .drop(let d): return (try? d.items(in: context)) != nil
        default: return false
        }
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let quotedStrings: (LaxScanner, Int) -> Int? = { s, i in
                guard var e = s.quotedStringEnd(at: i) else { return nil }
                while let next = s.quotedStringEnd(at: e) { e = next }
                return e
            }
            guard let args = PartialArguments.parse(tag.markup, nameEnd: quotedStrings),
                case .literal(.string(let name)) = args.name
            else {
                throw LiquidError.syntax("Syntax error in tag 'render' - Template name must be a quoted string")
            }
            return RenderTag(name: name, arguments: args)
        }
    }
}
