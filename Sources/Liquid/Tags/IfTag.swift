/// `{% if %}…{% elsif %}…{% else %}…{% endif %}` and `{% unless %}`, which negates the first
/// condition only.
struct IfTag: TagNode {
    /// The branches in order; a nil condition is `else`.
    let conditions: [Condition?]
    let bodies: [Block]
    let negateFirst: Bool
    let isBlank: Bool

    init(branches: [(Condition?, Block)], negateFirst: Bool, isBlank: Bool) {
        conditions = branches.map(\.0)
        bodies = branches.map(\.1)
        self.negateFirst = negateFirst
        self.isBlank = isBlank
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        // Conditions and bodies without a retain and release each: the tag outlives the render.
        // (Through the buffers' base pointers: their elements borrowed, where the buffers'
        // subscripts copied each, a retain and release of what every page's render shares.)
        let branch = try conditions.withUnsafeBufferPointer { conditions -> Int? in
            let first = conditions.baseAddress!
            for i in 0..<conditions.count {
                guard let condition = first[i].map(Unmanaged.passUnretained) else { return i }
                var taken = try condition._withUnsafeGuaranteedRef { try $0.evaluate(context) }
                if i == 0 && negateFirst { taken = !taken }
                if taken { return i }
            }
            return nil
        }
        if let branch {
            try bodies.withUnsafeBufferPointer { try $0.baseAddress![branch].render(into: &output, context: context) }
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
