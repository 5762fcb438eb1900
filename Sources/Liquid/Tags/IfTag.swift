/// `{% if %}…{% elsif %}…{% else %}…{% endif %}` and `{% unless %}`, which negates the first
/// condition only.
struct IfTag: TagNode {
    /// The branches in order; a nil condition is `else`.
    let branches: [(condition: Condition?, body: Block)]
    let negateFirst: Bool
    let isBlank: Bool

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        for (i, branch) in branches.enumerated() {
            var taken = true
            if let condition = branch.condition {
                taken = try condition.evaluate(context)
                if i == 0 && negateFirst { taken = !taken }
            }
            if taken {
                try branch.body.render(into: &output, context: context)
                return
            }
        }
    }

    struct Parser: TagParser {
        let negateFirst: Bool

        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            var branches: [(Condition?, Block)] = []
            var condition: Condition? = try parser.parseCondition(tag.markup)
            var blank = true
            while true {
                let (body, next) = try parser.parseBody()
                blank = blank && body.isBlank
                branches.append((condition, body))
                guard let next else { throw parser.neverClosed(tag) }
                switch next.name {
                case "end" + tag.name:
                    if blank {
                        for i in branches.indices { branches[i].1.removeBlankText() }
                    }
                    return IfTag(branches: branches, negateFirst: negateFirst, isBlank: blank)
                case "elsif":
                    condition = try parser.parseCondition(next.markup)
                case "else":
                    condition = nil
                default:
                    throw parser.unknownTag(next, inside: tag)
                }
            }
        }
    }
}
