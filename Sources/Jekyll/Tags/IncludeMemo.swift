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
/// An include may also read fields of `page` in `==`/`!=` tests of its conditions and nowhere
/// else (a navigation's `{% if page.url == item.url %} active{% endif %}`): its render then
/// depends on the page only through those tests' outcomes. Each recording keeps its tests (the
/// other side's value and the outcome); a page replays the first recording whose tests come out
/// the same with its own fields, and records a new one when none does. Or it may read `page`
/// through paths of keys only, in any way (`site.data.authors[page.author]`): each recording
/// keeps the paths' values (plain values only), which a page's must be.
///
/// Off when a build records what each page read (incremental builds, `serve`), with strict
/// variables or filters, and under `--profile` (which counts include renders).
final class IncludeMemo: Sendable {
    private enum Entry {
        /// Renders as usual.
        case unusable
        /// Qualifies; not rendered yet.
        case analysed(Qualified)
        /// Renders recorded on pages whose tests came out differently (one when the include
        /// reads nothing of the page).
        case recorded(Qualified, [RenderEffects])
    }

    /// What a qualifying include reads, and what of the page. A class: each render reads its
    /// entry, and a struct's copy retained every set and dictionary of the usage.
    private final class Qualified: Sendable {
        /// Variables read only in `==`/`!=` tests, whose outcomes are recorded.
        let compared: Set<String>
        /// Paths of keys through which it reads other variables of the page, whose values are
        /// recorded.
        let pinned: [VariableLookup]
        let readsThePage: Bool
        /// The usage's names as `canReplay` looks them up, hashed once.
        let replayCheck: ReplayCheck

        init(usage: VariableUsage, compared: Set<String>, pinned: [VariableLookup]) {
            replayCheck = ReplayCheck(usage)
            self.compared = compared
            self.pinned = pinned
            readsThePage = !compared.isEmpty || !pinned.isEmpty
        }
    }

    private let entries = Locked(ListedTable<IncludeKey, Entry>())
    /// Renders made to record effects, for tests.
    let recordings = Locked(0)

    /// The variables a qualifying include may read from the page's data.
    static let siteVariables: Set<String> = ["site"]
    /// Variables a qualifying include may read in `==`/`!=` tests only (`page.url == item.url`
    /// in a navigation), recorded once for each way its tests came out; or through paths of keys
    /// only (`page.author`), recorded once for each of their values.
    static let pageVariables: Set<String> = ["page"]
    /// Recordings kept per include: a navigation needs one for each of its items' pages and one
    /// for all other pages. An include that needs more (one comparing `page.url` with each post's)
    /// renders as usual from then on.
    static let maxRecordings = 16

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

    /// How an include reads the page, when it qualifies; nil when it does not. Variables it
    /// assigns are left out (its reads after the assignment read its own value). `markdownify`
    /// is trusted where it prints no warnings.
    private static func qualified(_ usage: VariableUsage, trustingMarkdownify: Bool) -> Qualified? {
        let variables = pageVariables.subtracting(usage.assignedVariables)
        let compared = usage.comparedOnlyVariables.intersection(variables)
        var pinned: [VariableLookup] = []
        var pinnedNames = Set<String>()
        for name in variables.subtracting(compared).sorted() {
            guard let paths = usage.keyPaths[name], !paths.isEmpty else { continue }
            pinnedNames.insert(name)
            for keys in paths.sorted(by: { $0.lexicographicallyPrecedes($1) }) { pinned.append(.path(name, keys)) }
        }
        let filters = trustingMarkdownify ? usage.filters.subtracting(["markdownify"]) : usage.filters
        guard usage.isKnown, usage.freeVariables.subtracting(compared).subtracting(pinnedNames).isSubset(of: siteVariables),
              filters.isSubset(of: pureFilters) else { return nil }
        return Qualified(usage: usage, compared: compared, pinned: pinned)
    }

    func render(_ include: JekyllIncludeTag, key: IncludeKey, scope: RenderScope,
                into output: inout OutputBuffer, context: RenderContext) throws {
        switch entries.withLock({ $0[key] }) {
        case .unusable?:
            break
        case .recorded(let qualified, let recorded)?:
            guard context.canReplay(qualified.replayCheck) else { break }
            if try context.replay(firstOf: recorded, into: &output) { return }
            // No recording's tests come out as here (or this render is nested deeper).
            guard qualified.readsThePage else { break }
            if recorded.count < Self.maxRecordings {
                return try record(include, key: key, qualified, scope: scope, into: &output, context: context)
            }
            entries.withLock { $0[key] = .unusable }
        case .analysed(let qualified)?:
            if context.canReplay(qualified.replayCheck) {
                return try record(include, key: key, qualified, scope: scope, into: &output, context: context)
            }
        case nil:
            let usage = VariableUsage(of: include, environment: context.environment, partialUsage: PartialAnalysis(context: context).usage)
            let trusting = !scope.build.converters.showsMarkdownWarnings
            guard let qualified = Self.qualified(usage, trustingMarkdownify: trusting) else {
                entries.withLock { $0[key] = .unusable }
                break
            }
            entries.withLock { $0[key] = $0[key] ?? .analysed(qualified) }
            if context.canReplay(usage) {
                return try record(include, key: key, qualified, scope: scope, into: &output, context: context)
            }
        }
        try include.render(into: &output, context: context)
    }

    private func record(_ include: JekyllIncludeTag, key: IncludeKey, _ qualified: Qualified,
                        scope: RenderScope, into output: inout OutputBuffer, context: RenderContext) throws {
        recordings.withLock { $0 += 1 }
        let (effects, dependsOnPage) = try scope.pageDependence.watching {
            try context.recordingEffects(into: &output, comparing: qualified.compared, pinning: qualified.pinned) {
                try include.render(into: &$0, context: context)
            }
        }
        entries.withLock {
            guard let effects, !dependsOnPage else { return $0[key] = .unusable }
            switch $0[key] {
            case .unusable?: break
            case .recorded(_, let recorded)? where recorded.count < Self.maxRecordings:
                // Another worker's recordings stay: this page's tests may differ from theirs.
                $0[key] = .recorded(qualified, recorded + [effects])
            case .recorded?: break
            case .analysed?, nil: $0[key] = .recorded(qualified, [effects])
            }
        }
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
        return MemoizedInclude(include: include, key: IncludeKey(key))
    }
}

struct MemoizedInclude: AnalyzableTag {
    let include: JekyllIncludeTag
    /// The file and the parameters as written.
    let key: IncludeKey

    func analyze(_ analyzer: inout TemplateAnalyzer) { include.analyze(&analyzer) }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let memoized = try context.withJekyll { scope in
            guard let memo = scope.build.includeMemo else { return false }
            try memo.render(include, key: key, scope: scope, into: &output, context: context)
            return true
        }
        if memoized != true { try include.render(into: &output, context: context) }
    }
}

/// An include's memo key, the file and the parameters as written, with its hash worked out when
/// the include is parsed: the memo is asked on every page, and hashing the text (~50 bytes)
/// cost ~450 instructions a lookup.
struct IncludeKey: Hashable, Sendable {
    let text: String
    let textHash: Int

    init(_ text: String) {
        self.init(text: text, textHash: OrderedHash.storedHash(of: text))
    }

    init(text: String, textHash: Int) {
        self.text = text
        self.textHash = textHash
    }

    func hash(into hasher: inout Hasher) { hasher.combine(textHash) }

    static func == (a: IncludeKey, b: IncludeKey) -> Bool { a.textHash == b.textHash && a.text == b.text }
}

/// Told apart in a `ListedTable` by their parse-time hashes first (`==`).
extension IncludeKey: ListedKey {
    @inline(__always) func matches(_ other: IncludeKey) -> Bool { self == other }
}
