import Jekyll
import JekyllLiquid
import Liquid

/// jekyll-include-cache: `{% include_cached file.html key=value %}` is `include`, except that the
/// output for one file and one set of parameter values is rendered once per build and reused,
/// even where the include reads other variables (`page`): the first document to render it wins.
public struct IncludeCache: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-include-cache" }

    public func register(in environment: inout LiquidEnvironment, configuration: Configuration) {
        environment.register(tag: "include_cached", CachedIncludeParser(outputs: CachedIncludeOutputs()))
    }
}

/// The outputs of one build, by file and parameters. Documents render in parallel, so an entry
/// remembers which document rendered it; a document uses an entry only from itself or an earlier
/// document, and an earlier document's output replaces a later one's.
final class CachedIncludeOutputs: Sendable {
    private let entries = Locked<[String: (renderer: Int, output: OutputBuffer)]>([:])

    func output(for key: String, renderer: Int) -> OutputBuffer? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.renderer <= renderer else { return nil }
            return entry.output
        }
    }

    func store(_ output: OutputBuffer, for key: String, renderer: Int) {
        entries.withLock { entries in
            if let entry = entries[key], entry.renderer <= renderer { return }
            entries[key] = (renderer, output)
        }
    }
}

struct CachedIncludeParser: TagParser {
    let outputs: CachedIncludeOutputs

    func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
        let include = try JekyllIncludeTag.Parser().parse(tag, parser: &parser)
        guard let include = include as? JekyllIncludeTag else { return include }
        return CachedIncludeNode(include: include, outputs: outputs)
    }
}

struct CachedIncludeNode: TagNode {
    let include: JekyllIncludeTag
    let outputs: CachedIncludeOutputs

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let call = try include.evaluateCall(context)
        let key = CachedIncludeNode.key(call)
        let renderer = context.jekyll?.viewer ?? Int.max
        if let cached = outputs.output(for: key, renderer: renderer) {
            output.append(cached)
            return
        }
        // An earlier document may still be on its way to this include: wait for every earlier
        // one (documents only ever wait for earlier ones), then look again, so that the output
        // is the earliest document's whatever the threads do.
        if let scope = context.jekyll, let viewer = scope.viewer, viewer > 0 {
            for id in 0..<viewer { _ = scope.output(of: id) }
            if let cached = outputs.output(for: key, renderer: renderer) {
                output.append(cached)
                return
            }
        }
        var rendered = OutputBuffer()
        try include.render(call, into: &rendered, context: context)
        outputs.store(rendered, for: key, renderer: renderer)
        output.append(rendered)
    }

    /// The file and the parameter values sorted by name; a drop counts by identity (the plugin
    /// hashes a drop's object id), anything else by its value.
    static func key(_ call: JekyllIncludeTag.Call) -> String {
        var key = call.file
        let sorted = call.parameters.pairs.sorted { $0.0.rubyString < $1.0.rubyString }
        for (name, value) in sorted {
            key += "\u{0}" + name.rubyString + "\u{1}"
            if case .drop(let d) = value {
                key += "#drop\(ObjectIdentifier(d).hashValue)"
            } else {
                key += value.inspect
            }
        }
        return key
    }
}
