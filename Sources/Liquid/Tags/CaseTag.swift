/// `{% case x %}{% when a, b or c %}…{% else %}…{% endcase %}`. Every matching `when` renders;
/// an `else` renders when no `when` before it matched.
struct CaseTag: TagNode {
    enum Branch {
        case when([Condition], Block)
        case otherwise(Block)
    }

    let branches: [Branch]
    let isBlank: Bool

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        var renderElse = true
        for branch in branches {
            switch branch {
            case .otherwise(let body):
                if renderElse { try body.render(into: &output, context: context) }
            case .when(let conditions, let body):
                // Each value of a `when` is its own test; the body renders once per match.
                for condition in conditions where try condition.evaluate(context) {
                    renderElse = false
                    try body.render(into: &output, context: context)
                }
            }
        }
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let subject = try Self.subject(tag.markup, parser: &parser)
            var branches: [Branch] = []
            var pending: (values: [Expression]?, isElse: Bool) = (nil, false)
            var blank = true
            while true {
                let (body, next) = try parser.parseBody()
                blank = blank && body.isBlank
                if let values = pending.values {
                    branches.append(.when(values.map { Condition.equality(subject, $0) }, body))
                } else if pending.isElse {
                    branches.append(.otherwise(body))
                }
                guard let next else { throw parser.neverClosed(tag) }
                switch next.name {
                case "endcase":
                    if blank {
                        branches = branches.map {
                            switch $0 {
                            case .when(let c, var b): b.removeBlankText(); return .when(c, b)
                            case .otherwise(var b): b.removeBlankText(); return .otherwise(b)
                            }
                        }
                    }
                    return CaseTag(branches: branches, isBlank: blank)
                case "when":
                    pending = (try Self.whenValues(next.markup, parser: &parser), false)
                case "else":
                    guard next.markup.rubyStripped.isEmpty else {
                        throw parser.located(.syntax("Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) "), next.position)
                    }
                    pending = (nil, true)
                default:
                    throw parser.unknownTag(next, inside: tag)
                }
            }
        }

        static func subject(_ markup: String, parser: inout TemplateParser) throws -> Expression {
            if parser.isStrict { return try parser.parseExpression(markup) }
            let s = LaxScanner(markup)
            guard let r = s.searchFragment(from: 0) else {
                throw LiquidError.syntax("Syntax Error in 'case' - Valid syntax: case [condition]")
            }
            return LaxScanner.expression(s.text(r))
        }

        /// `when a, b or c`. Strict mode reads expressions separated by `or` and commas and nothing
        /// else; lax mode takes a fragment, then `or`/`,` and the rest, repeatedly.
        static func whenValues(_ markup: String, parser: inout TemplateParser) throws -> [Expression] {
            let invalid = LiquidError.syntax("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}")
            if parser.isStrict {
                do {
                    var p = try ExpressionParser(markup)
                    var values = [try p.expression()]
                    while p.consumeIdentifier("or") || p.consumeIf(.comma) != nil {
                        values.append(try p.expression())
                    }
                    try p.expectEnd()
                    return values
                } catch let e as LiquidError {
                    var e = e
                    e.markupContext = parser.markupContext(markup)
                    throw e
                }
            }
            let s = LaxScanner(markup)
            var values: [Expression] = []
            var from = 0
            while true {
                guard let r = s.searchFragment(from: from) else {
                    if values.isEmpty { throw invalid }
                    return values
                }
                values.append(LaxScanner.expression(s.text(r)))
                // (?:\s+or\s+|\s*,\s*) followed by a fragment continues the list.
                var i = r.upperBound
                let afterSpace = s.skipSpace(i)
                if afterSpace < s.count, s.bytes[afterSpace] == UInt8(ascii: ",") {
                    i = s.skipSpace(afterSpace + 1)
                } else if afterSpace > i, afterSpace + 2 < s.count, s.bytes[afterSpace] == UInt8(ascii: "o"),
                    s.bytes[afterSpace + 1] == UInt8(ascii: "r"), isRubySpace(s.bytes[afterSpace + 2])
                {
                    i = s.skipSpace(afterSpace + 2)
                } else {
                    return values
                }
                guard s.fragmentEnd(at: i) != nil else { return values }
                from = i
            }
        }
    }
}
