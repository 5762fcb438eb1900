/// A parsed template: an immutable tree, safe to render many times from many threads.
public struct Template: Sendable {
    public let root: Block
    /// The name errors and `include` chains refer to (a path, a partial name), if any.
    public let name: String?
    public let environment: LiquidEnvironment
    /// Strict-grammar problems found in `warn` mode (the template was parsed leniently).
    public let warnings: [LiquidError]
    /// Output bytes to reserve: the source's size (or its top-level text's) and a quarter more.
    let outputEstimate: Int

    /// Parses `source`. `firstLine` is the line number of the first line of `source` in its file
    /// (after front matter, say), so that errors point at the file's own lines.
    public static func parse(
        _ source: String, name: String? = nil, firstLine: Int = 1,
        environment: LiquidEnvironment = .standard
    ) throws(LiquidError) -> Template {
        var parser = TemplateParser(source: source, templateName: name, firstLine: firstLine, environment: environment)
        do {
            let (root, unknown) = try parser.parseBody()
            if let unknown {
                let message = unknown.name == "else" || unknown.name == "end"
                    ? "Unexpected outer '\(unknown.name)' tag" : "Unknown tag '\(unknown.name)'"
                throw parser.located(.syntax(message), unknown.position)
            }
            var text = 0
            for node in root.program { if let t = node as? TextNode { text += t.text.utf8.count } }
            return Template(root: root, name: name, environment: environment, warnings: parser.warnings,
                            outputEstimate: max(text, source.utf8.count) * 5 / 4 + 256)
        } catch {
            var e = LiquidError.wrap(error)
            if e.location == nil {
                e.location = SourceLocation(templateName: name, line: parser.tokenizer.line, column: 1)
            }
            throw e
        }
    }

    /// Renders with ruby-liquid's `render!` semantics: the first error is thrown.
    public func render(_ data: Value = .hash(OrderedHash()), options: RenderOptions = RenderOptions()) throws(LiquidError) -> String {
        let context = makeContext(data, options, rethrow: true)
        do {
            var output = OutputBuffer(reservingCapacity: outputEstimate)
            try root.render(into: &output, context: context)
            return output.string
        } catch {
            throw LiquidError.wrap(error)
        }
    }

    /// Renders with ruby-liquid's `render` semantics: errors are written into the output where
    /// they happen ("Liquid error (line 3): …") and also returned; only limit errors are thrown.
    public func renderCollectingErrors(
        _ data: Value = .hash(OrderedHash()), options: RenderOptions = RenderOptions()
    ) throws(LiquidError) -> (output: String, errors: [LiquidError]) {
        let context = makeContext(data, options, rethrow: false)
        var output = OutputBuffer(reservingCapacity: outputEstimate)
        do {
            try root.render(into: &output, context: context)
        } catch {
            var e = LiquidError.wrap(error)
            if e.kind != .memory { throw e }
            // As ruby-liquid: a limit error ends the render with its message.
            e.locate(SourceLocation(templateName: name, line: 1, column: 1))
            return (e.description, context.errors + [e])
        }
        return (output.string, context.errors)
    }

    /// Renders into a caller's buffer and context (for tags rendering partials, and hosts that
    /// compose outputs).
    public func render(into output: inout OutputBuffer, context: RenderContext) throws {
        try root.render(into: &output, context: context)
    }

    func makeContext(_ data: Value, _ options: RenderOptions, rethrow: Bool) -> RenderContext {
        let session = RenderSession(environment: environment, options: options, rethrowErrors: rethrow)
        return RenderContext(session: session, data: data, templateName: name)
    }
}
