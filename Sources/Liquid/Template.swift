/// A parsed template: an immutable tree, safe to render many times from many threads.
public struct Template: Sendable {
    /// The parts, in one object: a template is copied whenever a partial is loaded, and copying
    /// one reference costs one retain where copying the fields retained each.
    private final class Parts: Sendable {
        let root: Block
        let name: String?
        let environment: LiquidEnvironment
        let warnings: [LiquidError]
        let outputEstimate: Int

        init(root: Block, name: String?, environment: LiquidEnvironment, warnings: [LiquidError], outputEstimate: Int) {
            self.root = root
            self.name = name
            self.environment = environment
            self.warnings = warnings
            self.outputEstimate = outputEstimate
        }
    }

    private let parts: Parts

    public var root: Block { parts.root }
    /// The name errors and `include` chains refer to (a path, a partial name), if any.
    public var name: String? { parts.name }
    public var environment: LiquidEnvironment { parts.environment }
    /// Strict-grammar problems found in `warn` mode (the template was parsed leniently).
    public var warnings: [LiquidError] { parts.warnings }
    /// Output bytes to reserve: the source's size (or its top-level text's) and a quarter more.
    var outputEstimate: Int { parts.outputEstimate }

    init(root: Block, name: String?, environment: LiquidEnvironment, warnings: [LiquidError], outputEstimate: Int) {
        parts = Parts(root: root, name: name, environment: environment, warnings: warnings, outputEstimate: outputEstimate)
    }

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
            for node in root.program { if let t = node as? TextNode { text += t.byteCount } }
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
        try renderOutput(data, options: options).string
    }

    /// `render`'s output as the buffer it was written into, for a host that writes it out as
    /// bytes (`OutputBuffer.forEachByteRun`) and so needs no `String` of it.
    /// With `reuse`, the render takes the context kept there (when it is not in use) instead of
    /// making one, and keeps it there afterwards.
    public func renderOutput(_ data: Value = .hash(OrderedHash()), options: RenderOptions = RenderOptions(),
                             reusing reuse: RenderContextReuse? = nil) throws(LiquidError) -> OutputBuffer {
        let context: RenderContext
        if let reuse, let spare = reuse.spare {
            reuse.spare = nil
            spare.restart(template: self, options: options, rethrowErrors: true, data: data)
            context = spare
        } else {
            context = makeContext(data, options, rethrow: true)
        }
        defer {
            if let reuse {
                // The data goes at once: the host changes it for its next render (a layout's
                // `content`), which would copy it while this context still held it.
                context.renderedData = .nil
                reuse.spare = context
            }
        }
        do {
            var output = OutputBuffer(reservingCapacity: outputEstimate + max(0, options.additionalOutputCapacity))
            try root.render(into: &output, context: context)
            return output
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
        var output = OutputBuffer(reservingCapacity: outputEstimate + max(0, options.additionalOutputCapacity))
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
        try parts.root.render(into: &output, context: context)
    }

    func makeContext(_ data: Value, _ options: RenderOptions, rethrow: Bool) -> RenderContext {
        let session = RenderSession(template: self, options: options, rethrowErrors: rethrow)
        return RenderContext(session: session, data: data, templateName: name)
    }
}
