/// `{% echo value | filters %}`: `{{ }}` as a tag, for `{% liquid %}`.
struct EchoTag: TagNode {
    let value: FilteredExpression

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        output.append(value: try value.evaluate(context))
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            EchoTag(value: try parser.parseFilteredExpression(tag.markup))
        }
    }
}

/// `{% break %}` / `{% continue %}`: stop the rest of the loop body, and the loop for `break`.
struct InterruptTag: TagNode {
    let interrupt: Interrupt

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        context.interrupt = interrupt
    }

    struct Parser: TagParser {
        let interrupt: Interrupt

        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            InterruptTag(interrupt: interrupt)
        }
    }
}

/// `{% ifchanged %}…{% endifchanged %}`: prints the body when it differs from the last time.
struct IfchangedTag: TagNode {
    let body: Block

    var isBlank: Bool { body.isBlank }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let text = try body.renderToString(context: context)
        if text != context.state[LastIfchanged.self] {
            context.state[LastIfchanged.self] = text
            output.append(text)
        }
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            IfchangedTag(body: try parser.parseBody(of: tag))
        }
    }
}

enum LastIfchanged: RegisterKey {
    static var defaultValue: String? { nil }
}

/// The standard tags of Liquid.
enum StandardTags {
    static func register(into env: inout LiquidEnvironment) {
        env.register(tag: "assign", AssignTag.Parser())
        env.register(tag: "capture", CaptureTag.Parser())
        env.register(tag: "increment", CounterTag.Parser(step: 1))
        env.register(tag: "decrement", CounterTag.Parser(step: -1))
        env.register(tag: "if", IfTag.Parser(negateFirst: false))
        env.register(tag: "unless", IfTag.Parser(negateFirst: true))
        env.register(tag: "case", CaseTag.Parser())
        env.register(tag: "for", ForTag.Parser())
        env.register(tag: "tablerow", TablerowTag.Parser())
        env.register(tag: "cycle", CycleTag.Parser())
        env.register(tag: "raw", RawTag.Parser())
        env.register(tag: "comment", CommentTagParser())
        env.register(tag: "doc", DocTagParser())
        env.register(tag: "#", InlineCommentTagParser())
        env.register(tag: "echo", EchoTag.Parser())
        env.register(tag: "break", InterruptTag.Parser(interrupt: .break))
        env.register(tag: "continue", InterruptTag.Parser(interrupt: .continue))
        env.register(tag: "ifchanged", IfchangedTag.Parser())
        env.register(tag: "include", IncludeTag.Parser())
        env.register(tag: "render", RenderTag.Parser())
    }
}
