/// `{% capture name %}…{% endcapture %}`: renders the body into a variable.
struct CaptureTag: TagNode {
    let name: String
    let body: Block

    var isBlank: Bool { true }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        context.assign(name, .string(try body.renderToString(context: context)))
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let s = LaxScanner(tag.markup)
            var start = 0
            while start < s.count {
                let end = s.variableSignatureEnd(at: start)
                if end > start {
                    return CaptureTag(name: s.text(start..<end), body: try parser.parseBody(of: tag))
                }
                start += 1
            }
            throw LiquidError.syntax("Syntax Error in 'capture' - Valid syntax: capture [var]")
        }
    }
}

/// `{% increment name %}` / `{% decrement name %}`: counters beside the data, separate from
/// assigned variables; increment prints then adds one, decrement subtracts one then prints.
struct CounterTag: TagNode {
    let name: String
    let step: Int
    let nameHash: Int

    init(name: String, step: Int) {
        self.name = name
        self.step = step
        nameHash = keyHash(name)
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let current = context.counterValue(name, hash: nameHash) ?? .int(0)
        guard case .int(let value) = current.isNil ? .int(0) : current else {
            throw LiquidError(.internal, "internal")
        }
        let next = value &+ step
        context.setCounter(name, hash: nameHash, .int(next))
        output.appendInteger(step > 0 ? value : next)
    }

    struct Parser: TagParser {
        let step: Int

        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            CounterTag(name: tag.markup.rubyStripped, step: step)
        }
    }
}
