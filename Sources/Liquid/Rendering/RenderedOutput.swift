/// A render's output given to another render as a variable's value without being joined into a
/// `String` first (a layout's `content` that is the output of the layout inside it). `{{ name }}`
/// appends its bytes and held strings as they are; everything else sees the string it stands
/// for, but filters and tags would see a drop: a host gives one only where the template reads
/// the variable in plain outputs and nowhere else (`Template.readsOnlyInPlainOutputs`).
public final class RenderedOutput: Drop {
    public let buffer: OutputBuffer

    public init(_ buffer: OutputBuffer) {
        self.buffer = buffer
    }

    public func value(forKey key: String, in context: RenderContext) throws -> Value? { nil }
    public var liquidString: String { buffer.string }
    public var liquidValue: Value? { .string(buffer.string) }
    public var typeName: String { "String" }
}

extension Template {
    /// Whether `name` is read only by outputs that print it as it is (`{{ name }}`, no filters,
    /// no keys), here and in the partials its includes render — loaded as a render with
    /// `options` loads them. False when the template's usage is not known (a tag that does not
    /// describe what it reads).
    public func readsOnlyInPlainOutputs(_ name: String, options: RenderOptions) -> Bool {
        let partials = PlainOutputAnalysis(context: makeContext(.hash(OrderedHash()), options, rethrow: true),
                                           name: name)
        var analyzer = TemplateAnalyzer(environment: environment, partialUsage: partials.usage)
        analyzer.plainlyPrinted = [name]
        analyzer.block(root)
        return analyzer.usage.isKnown && !analyzer.usage.freeVariables.contains(name)
    }
}

/// The usage of the partials a template includes, with plain outputs of one name left out; nil
/// for a partial that cannot be loaded or that includes itself.
private final class PlainOutputAnalysis {
    let context: RenderContext
    let name: String
    var visiting: Set<String> = []

    init(context: RenderContext, name: String) {
        self.context = context
        self.name = name
    }

    func usage(_ partial: String) -> VariableUsage? {
        guard visiting.insert(partial).inserted else { return nil }
        defer { visiting.remove(partial) }
        guard let template = try? context.loadPartial(named: partial) else { return nil }
        var analyzer = TemplateAnalyzer(environment: template.environment, partialUsage: usage)
        analyzer.plainlyPrinted = [name]
        analyzer.block(template.root)
        return analyzer.usage
    }
}
