import Liquid
import Markdown

/// The converters of one build, set up from the configuration: Markdown as kramdown prints it (or
/// cmark-gfm's own HTML), SCSS/Sass through libsass, and the identity.
public struct ContentConverters: Sendable {
    public let markdown: KramdownConverter
    let sass: SassConversion

    init(configuration: Configuration, highlighter: (any CodeHighlighter)?, theme: Theme?) {
        let kramdown = configuration["kramdown"]?.orderedHash ?? OrderedHash()
        var options = KramdownOptions(config: ContentConverters.optionValues(kramdown),
                                      highlighter: configuration.highlighter)
        if configuration.highlighter == "none" || configuration.highlighter.isEmpty { options.syntaxHighlighter = .none }
        markdown = KramdownConverter(options: options, highlighter: highlighter)
        sass = SassConversion(configuration: configuration, theme: theme)
    }

    /// Runs a document's converters on its content.
    func convert(_ content: String, chain: [ConverterKind], page: Document) throws(BuildError) -> Converted {
        var output = content
        var extra: [OutputFile] = []
        for kind in chain {
            switch kind {
            case .markdown:
                output = markdown.convert(output).html
            case .scss, .sass:
                let result = try sass.convert(output, syntax: kind, page: page)
                output = result.css
                if let map = result.sourceMap { extra.append(map) }
            case .identity:
                break
            }
        }
        return Converted(text: output, extraFiles: extra)
    }

    struct Converted {
        var text: String
        /// Files the conversion makes beside the document (a source map).
        var extraFiles: [OutputFile]
    }

    /// A configuration mapping as the Markdown module's option values.
    static func optionValues(_ hash: OrderedHash) -> [String: OptionValue] {
        var out: [String: OptionValue] = [:]
        for (k, v) in hash.pairs { out[k.rubyString] = optionValue(v) }
        return out
    }

    static func optionValue(_ v: Value) -> OptionValue {
        switch v {
        case .nil: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .string(Value.float(d).rubyString)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map(optionValue))
        case .hash(let h): return .map(optionValues(h))
        default: return .string(v.rubyString)
        }
    }
}
