import JekyllLiquid
import Liquid

/// `{% include %}`s whose output cannot depend on the page, rendered once per build and replayed
/// on every other page: a site footer, a list of recent posts with `posts=site.posts`.
///
/// An include qualifies when its parsed tree (through the includes it makes, see
/// `VariableUsage`) reads nothing but `site`, its own parameters — themselves literals or
/// expressions of `site` — and variables it sets before reading them, through filters that
/// depend only on their input, the site and their arguments; and its first render read nothing
/// that differs between pages through the drops (the viewer of `site.related_posts`, documents'
/// rendered content, "now": `PageDependence`) and recorded no error. A replay sets the variables
/// the include assigned (Jekyll's includes share the page's scope) and the loop positions, as
/// rendering would.
///
/// Off when a build records what each page read (incremental builds, `serve`), with strict
/// variables or filters, and under `--profile` (which counts include renders).
final class IncludeMemo: Sendable {
    private enum Entry {
        /// Renders as usual.
        case unusable
        /// Qualifies; not rendered yet.
        case analysed(VariableUsage)
        case recorded(VariableUsage, RenderEffects)
    }

    private let entries = Locked<[String: Entry]>([:])
    /// Renders made to record effects, for tests.
    let recordings = Locked(0)

    /// The variables a qualifying include may read from the page's data.
    static let siteVariables: Set<String> = ["site"]

    /// Filters whose result depends only on their input, their arguments and the site (a drop they
    /// read through marks what depends on the page; the expressions of the `*_exp` filters are
    /// part of the usage). Not `markdownify` (its warnings are logged per page), `sample`, nor
    /// plugins' filters.
    static let pureFilters: Set<String> = [
        "abs", "append", "at_least", "at_most", "capitalize", "ceil", "compact", "concat", "date", "default",
        "divided_by", "downcase", "escape", "escape_once", "first", "floor", "join", "last", "lstrip", "map",
        "minus", "modulo", "newline_to_br", "plus", "prepend", "remove", "remove_first", "remove_last", "replace",
        "replace_first", "replace_last", "reverse", "round", "rstrip", "size", "slice", "sort", "sort_natural",
        "split", "strip", "strip_html", "strip_newlines", "sum", "times", "truncate", "truncatewords", "uniq",
        "upcase", "url_decode", "url_encode", "base64_encode", "base64_decode", "h",
        "relative_url", "absolute_url", "strip_index", "date_to_xmlschema", "date_to_rfc822", "date_to_string",
        "date_to_long_string", "xml_escape", "cgi_escape", "uri_escape", "number_of_words",
        "array_to_sentence_string", "slugify", "jsonify", "inspect", "to_integer", "normalize_whitespace",
        "where", "find", "group_by", "smartify", "where_exp", "find_exp", "group_by_exp",
    ]

    static func qualifies(_ usage: VariableUsage) -> Bool {
        usage.isKnown && usage.freeVariables.isSubset(of: siteVariables) && usage.filters.isSubset(of: pureFilters)
    }

    func render(_ include: JekyllIncludeTag, key: String, scope: RenderScope,
                into output: inout OutputBuffer, context: RenderContext) throws {
        switch entries.withLock({ $0[key] }) {
        case .unusable?:
            break
        case .recorded(let usage, let effects)?:
            if context.canReplay(usage), try context.replay(effects, into: &output) { return }
        case .analysed(let usage)?:
            if context.canReplay(usage) { return try record(include, key: key, usage: usage, scope: scope, into: &output, context: context) }
        case nil:
            let usage = VariableUsage(of: include, environment: context.environment, partialUsage: PartialAnalysis(context: context).usage)
            guard Self.qualifies(usage) else {
                entries.withLock { $0[key] = .unusable }
                break
            }
            entries.withLock { $0[key] = $0[key] ?? .analysed(usage) }
            if context.canReplay(usage) { return try record(include, key: key, usage: usage, scope: scope, into: &output, context: context) }
        }
        try include.render(into: &output, context: context)
    }

    private func record(_ include: JekyllIncludeTag, key: String, usage: VariableUsage, scope: RenderScope,
                        into output: inout OutputBuffer, context: RenderContext) throws {
        recordings.withLock { $0 += 1 }
        let (effects, dependsOnPage) = try scope.pageDependence.watching {
            try context.recordingEffects(into: &output) { try include.render(into: &$0, context: context) }
        }
        let entry: Entry = effects.map { dependsOnPage ? .unusable : .recorded(usage, $0) } ?? .unusable
        entries.withLock { $0[key] = entry }
    }
}

/// The usage of the partials an include names, loaded as the include would load them; nil for one
/// that cannot be loaded or that includes itself.
private final class PartialAnalysis {
    let context: RenderContext
    var visiting: Set<String> = []

    init(context: RenderContext) { self.context = context }

    func usage(_ name: String) -> VariableUsage? {
        guard visiting.insert(name).inserted else { return nil }
        defer { visiting.remove(name) }
        guard let template = try? context.loadPartial(named: name) else { return nil }
        return template.usage(partialUsage: usage)
    }
}

/// `include` through the build's `IncludeMemo`, for includes of a literal file name.
struct MemoizedIncludeParser: TagParser {
    let include: any TagParser

    func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
        let node = try include.parse(tag, parser: &parser)
        guard let include = node as? JekyllIncludeTag, let key = include.literalCallKey else { return node }
        return MemoizedInclude(include: include, key: key)
    }
}

struct MemoizedInclude: AnalyzableTag {
    let include: JekyllIncludeTag
    /// The file and the parameters as written.
    let key: String

    func analyze(_ analyzer: inout TemplateAnalyzer) { include.analyze(&analyzer) }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        guard let scope = context.jekyll, let memo = scope.build.includeMemo else {
            return try include.render(into: &output, context: context)
        }
        try memo.render(include, key: key, scope: scope, into: &output, context: context)
    }
}
