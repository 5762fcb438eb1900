import Liquid
import Markdown

/// The converters of one build, set up from the configuration: Markdown as kramdown prints it (or
/// cmark-gfm's own HTML), SCSS/Sass through libsass, and the identity.
public struct ContentConverters: Sendable {
    /// The site's Markdown processor (`markdown:`).
    public enum MarkdownProcessor: Sendable {
        case kramdown(KramdownConverter)
        case commonMark(CommonMarkConverter)
        /// `markdown:` names a processor kyll does not have. As in Jekyll, that is an error only
        /// once something is converted: a site without Markdown still builds.
        case unavailable(BuildError)

        public func convert(_ text: String) throws(BuildError) -> String { try convertReportingWarnings(text).html }

        /// The HTML and kramdown's warnings (cmark-gfm's own HTML comes with none).
        public func convertReportingWarnings(_ text: String) throws(BuildError) -> MarkdownOutput {
            switch self {
            case .kramdown(let k): return k.convert(text)
            case .commonMark(let c): return MarkdownOutput(html: c.convert(text), warnings: [])
            case .unavailable(let error): throw error
            }
        }
    }

    public let markdown: MarkdownProcessor
    /// Whether `markdown` is kramdown: asked once a post, a test of `markdown` copied it.
    public let isKramdown: Bool
    /// `kramdown: show_warnings`: Jekyll logs kramdown's warnings only when asked to.
    public let showsMarkdownWarnings: Bool
    public let highlighter: (any CodeHighlighter)?
    let smartyPants: SmartyPants
    let sass: SassConversion
    /// This build's stylesheets and Markdown pages converted while the site was read.
    let earlyConversions: EarlyConversions
    /// Documents' converted Markdown from earlier builds (nil without a disk cache).
    let markdownCache: ConversionCache?

    /// `cores`: those the build runs on. `exitsAfterwards`: the process ends after this build.
    init(configuration: Configuration, highlighter: (any CodeHighlighter)?, theme: Theme?, cores: Int,
         exitsAfterwards: Bool = false, earlyLaunch: (@Sendable (@escaping @Sendable () -> Void) -> Void)? = nil) throws(BuildError) {
        let kramdown = configuration["kramdown"]?.orderedHash ?? OrderedHash()
        showsMarkdownWarnings = kramdown["show_warnings"]?.isTruthy ?? false
        let options = KramdownOptions(config: ContentConverters.optionValues(kramdown),
                                      highlighter: configuration.highlighter)
        self.highlighter = highlighter
        smartyPants = SmartyPants(options: options)
        let commonmark = configuration["commonmark"]?.orderedHash ?? OrderedHash()
        let cmOptions = commonmark["options"]?.rubyArray.map(\.rubyString) ?? []
        let cmExtensions = commonmark["extensions"]?.rubyArray.map(\.rubyString) ?? []
        // The CommonMark processors come from plugins the site must name, as in Jekyll.
        let plugins = Set(configuration.plugins)
        switch configuration.markdown {
        case let name where name.lowercased() == "kramdown":
            markdown = .kramdown(KramdownConverter(options: options, highlighter: highlighter))
        case "CommonMark" where plugins.contains("jekyll-commonmark") || plugins.contains("jekyll-commonmark-ghpages"):
            markdown = .commonMark(CommonMarkConverter(flavor: .commonMark, options: cmOptions, extensions: cmExtensions,
                                                       highlighter: highlighter))
        case "CommonMarkGhPages" where plugins.contains("jekyll-commonmark-ghpages"):
            markdown = .commonMark(CommonMarkConverter(flavor: .gitHubPages, options: cmOptions, extensions: cmExtensions,
                                                       highlighter: highlighter))
        default:
            var error = BuildError("Invalid Markdown processor given: \(configuration.markdown) (kramdown, or CommonMark "
                                   + "with jekyll-commonmark, or CommonMarkGhPages with jekyll-commonmark-ghpages)")
            error.jekyllLine = ("Markdown processor:", "\"\(configuration.markdown)\" is not a valid Markdown processor.")
            markdown = .unavailable(configuration.places.locate(error, at: ["markdown"]))
        }
        if case .kramdown = markdown { isKramdown = true } else { isKramdown = false }
        sass = SassConversion(configuration: configuration, theme: theme)
        markdownCache = ConversionCache(configuration: configuration, name: "Converters--Markdown")
        earlyConversions = EarlyConversions(conversion: sass, markdown: markdown, markdownCache: markdownCache, cores: cores,
                                            threadsWaitForExit: exitsAfterwards, launch: earlyLaunch)
    }

    /// Jekyll's `smartify`: SmartyPants with the site's `kramdown:` options.
    public func smartify(_ text: String) -> String { smartyPants.convert(text) }

    /// Runs a document's converters on its content.
    func convert(_ content: String, chain: [ConverterKind], page: Document) throws(BuildError) -> Converted {
        var output = content
        var sourceMap: String?
        var warnings: [MarkdownWarning] = []
        var imports: [String] = []
        for kind in chain {
            switch kind {
            case .markdown:
                func convert(_ text: String) throws(BuildError) -> (text: String, keep: Bool) {
                    let converted: MarkdownOutput
                    if let early = earlyConversions.markdownResult(for: text, page: page) {
                        converted = early
                    } else {
                        do {
                            converted = try markdown.convertReportingWarnings(text)
                        } catch {
                            throw error.adding(frame: "while converting \(page.relativePath)")
                        }
                    }
                    if showsMarkdownWarnings { warnings += converted.warnings }
                    // A conversion with warnings is made again each time, so they show each time.
                    return (converted.html, converted.warnings.isEmpty)
                }
                if let markdownCache {
                    output = try markdownCache.converted(output, convert)
                } else {
                    output = try convert(output).text
                }
            case .scss, .sass:
                let result: SassConversion.Result
                if let early = earlyConversions.stylesheetResult(for: output, syntax: kind, page: page) {
                    result = early
                } else {
                    result = try sass.convert(output, syntax: kind, page: page)
                }
                output = result.css
                if let map = result.sourceMap { sourceMap = map }
                imports += result.imports
            case .identity:
                break
            }
        }
        return Converted(text: output, sourceMap: sourceMap, markdownWarnings: warnings, stylesheetImports: imports)
    }

    struct Converted {
        var text: String
        /// The source map of a stylesheet page.
        var sourceMap: String?
        /// kramdown's warnings, when the site shows them.
        var markdownWarnings: [MarkdownWarning] = []
        /// The files a stylesheet's compile read.
        var stylesheetImports: [String] = []
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
