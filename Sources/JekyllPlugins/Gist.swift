import Jekyll
import Liquid

/// jekyll-gist: `{% gist user/1234567 [file.js] %}` writes the `<script>` that embeds the gist.
/// The plugin also fetches the gist's code for a `<noscript>` fallback; kyll never goes to the
/// network, so it does what the plugin does when the fetch fails: warns, and prints `true` (what the
/// warning returned) where the fallback would be — unless `gist: noscript: false` turned it off.
public struct Gist: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-gist" }

    public func register(in environment: inout LiquidEnvironment, configuration: Configuration) {
        environment.register(tag: "gist", GistTag.Parser())
    }
}

struct GistTag: TagNode {
    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            GistTag(markup: tag.markup.rubyStripped)
        }
    }

    let markup: String

    /// The gist and the file: one word, or two words apart by one space; any other markup with a
    /// `/` in it is the gist id as a whole.
    static func arguments(_ markup: String) -> (id: String, file: String)? {
        let isSpace: (Character) -> Bool = { " \t\n\u{0B}\u{0C}\r".contains($0) }
        let first = markup.prefix { !isSpace($0) }
        if !first.isEmpty {
            var rest = markup[first.endIndex...]
            if let c = rest.first, isSpace(c) { rest = rest.dropFirst() }
            if !rest.contains(where: isSpace) { return (String(first), String(rest)) }
        }
        guard markup.contains("/"), !markup.contains("\n") else { return nil }
        return (markup.rubyStripped, "")
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        guard var (id, file) = GistTag.arguments(markup) else {
            throw LiquidError(.argument, """
                Syntax error in tag 'gist' while parsing the following markup:

                  \(markup)

                  Valid syntax:
                    {% gist user/1234567 %}
                    {% gist user/1234567 foo.js %}
                    {% gist 28949e1d5ee2273f9fd3 %}
                    {% gist 28949e1d5ee2273f9fd3 best.md %}
                """)
        }
        if let v = GistTag.variable(id, context), !v.isNil { id = v.rubyString }
        if let v = GistTag.variable(file, context), !v.isNil { file = v.rubyString }
        let settings = context.jekyll?.site.configuration["gist"]
        if settings?.orderedHash?["noscript"] != .bool(false) {
            if let logger = context.jekyll?.site.logger {
                logger.warn("Warning:", "The <noscript> tag for your gist \(id) ")
                logger.warn("", "could not be generated. This will affect users who do ")
                logger.warn("", "not have JavaScript enabled in their browsers.")
            }
            // The plugin prints what its last warning call returned in place of the fallback.
            output.append("true")
        }
        var url = "https://gist.github.com/\(id).js"
        if !file.isEmpty { url += "?file=\(file)" }
        output.append("<script src=\"\(url)\"> </script>")
    }

    /// The value of `name` or `name.key.key` when the markup word is a variable.
    static func variable(_ word: String, _ context: RenderContext) -> Value? {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ p in
            !p.isEmpty && p.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        }) else { return nil }
        return TemplateAccess(context: context).variable(path: word)
    }
}
