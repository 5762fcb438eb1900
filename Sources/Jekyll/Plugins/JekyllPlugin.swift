import Liquid

/// Jekyll's generator priorities: higher runs first.
public enum PluginPriority: Int, Sendable, Comparable {
    case lowest = -100, low = -10, normal = 0, high = 10, highest = 100
    public static func < (a: PluginPriority, b: PluginPriority) -> Bool { a.rawValue < b.rawValue }
}

/// A plugin kyll emulates, switched on when a site names its gem (`plugins:` in the configuration,
/// a gem theme's dependencies). Each does its work through these hooks, all optional:
/// Liquid tags and filters, a generate step after reading, and a change to each document's output
/// after rendering.
public protocol JekyllPlugin: Sendable {
    /// The gem name a site uses to switch it on (`jekyll-feed`).
    var name: String { get }
    /// When its generate step runs relative to other plugins'.
    var priority: PluginPriority { get }

    /// Adds the plugin's Liquid tags and filters.
    func register(in environment: inout LiquidEnvironment, configuration: Configuration)

    /// Adds or changes pages, collection items and static files once the site has been read.
    func generate(_ site: inout Site) throws(BuildError)

    /// The content of a page this plugin generated (`Document.generator`), made at render time when
    /// every page and item is known and items are rendered; nil leaves the page to Liquid.
    func content(of id: Int, scope: RenderScope) throws(BuildError) -> String?

    /// Whether `content(of:scope:)` tells the scope every list and document it reads
    /// (`RenderScope.noteRead`); if not, such a page counts as using the whole site and renders
    /// again whenever any source file changes.
    var recordsReads: Bool { get }

    /// Whether `generate` reads or changes the bodies of collection items (their content, excerpt
    /// source, the line their content starts on) with this configuration. When no plugin's does,
    /// `kyll serve` patches an edit that changed only an item's body into the site it generated
    /// before, without reading and generating the whole site again (`SiteRebuilder.patch`).
    func generateReadsItemBodies(_ configuration: Configuration) -> Bool

    /// The front matter keys of collection items whose values `generate` reads with this
    /// configuration, besides what moves an item (its URL, date, publication: edits of those are
    /// never patched). When an edit of items' fields changes none of these for any plugin,
    /// `kyll serve` keeps what the generators made before (`SiteRebuilder.patchFields`).
    func generateReadsItemFields(_ configuration: Configuration) -> Set<String>

    /// Changes a document's rendered output (after its layouts). A plugin that implements it says
    /// so with `rewritesOutput`.
    func postRender(_ output: String, document: Document, site: SiteSnapshot) throws(BuildError) -> String

    /// Whether `postRender` may change outputs: when no plugin's does, a document's output goes
    /// from its outermost layout to the file as bytes, never made a `String`.
    var rewritesOutput: Bool { get }
}

extension JekyllPlugin {
    public var priority: PluginPriority { .normal }
    public func register(in environment: inout LiquidEnvironment, configuration: Configuration) {}
    public func generate(_ site: inout Site) throws(BuildError) {}
    public func content(of id: Int, scope: RenderScope) throws(BuildError) -> String? { nil }
    public var recordsReads: Bool { false }
    public func generateReadsItemBodies(_ configuration: Configuration) -> Bool { false }
    public func generateReadsItemFields(_ configuration: Configuration) -> Set<String> { [] }
    public func postRender(_ output: String, document: Document, site: SiteSnapshot) throws(BuildError) -> String {
        output
    }
    public var rewritesOutput: Bool { false }
}

/// The plugins a site switches on, from those kyll has: named in `plugins:`, in the Gemfile's
/// `jekyll_plugins` group, or required by its theme. Names kyll does not have get one warning each.
struct PluginSelection {
    /// Gems that are part of what kyll does anyway.
    static let builtIn: Set<String> = ["jekyll", "jekyll-sass-converter", "kramdown", "kramdown-parser-gfm",
                                       "jekyll-commonmark", "jekyll-commonmark-ghpages"]

    static func select(from available: [any JekyllPlugin], configuration: Configuration, theme: Theme?,
                       logger: Logger,
                       environment: (String) -> String? = FileSystem.environment) -> [any JekyllPlugin] {
        var names = configuration.plugins
        // Jekyll 3 read `gems`; Jekyll 4 ignores it without a word. kyll ignores it too, but says so.
        if let gems = configuration["gems"]?.arrayValue, !gems.isEmpty {
            logger.warn("Deprecation:", "The 'gems' configuration option has been renamed to 'plugins'; "
                        + "Jekyll 4 ignores it, and so does kyll: "
                        + gems.map(\.rubyString).joined(separator: ", ") + " not loaded.")
        }
        names += theme?.dependencies ?? []
        if configuration.safe {
            let allowed = Set(configuration.whitelist)
            names = names.filter { allowed.contains($0) }
        }
        // Bundler requires the Gemfile's plugin group before the site exists, safe mode or not.
        names = gemfilePlugins(configuration, environment: environment) + names
        names = names.flatMap { $0 == "github-pages" ? GemfilePlugins.githubPagesDefaults : [$0] }
        var selected: [any JekyllPlugin] = []
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted {
            if let plugin = available.first(where: { $0.name == name }) {
                selected.append(plugin)
            } else if !builtIn.contains(name) {
                logger.warn("Plugin:", "kyll does not have '\(name)'; the site is built without it.")
            }
        }
        // Generators run by priority, highest first; ties keep the configuration's order.
        return selected.stableSorted { $0.priority > $1.priority }
    }

    /// The `jekyll_plugins` group of the site's Gemfile (or `BUNDLE_GEMFILE`'s), unless
    /// `JEKYLL_NO_BUNDLER_REQUIRE` tells Jekyll not to ask Bundler.
    static func gemfilePlugins(_ configuration: Configuration, environment: (String) -> String?) -> [String] {
        if let skip = environment("JEKYLL_NO_BUNDLER_REQUIRE"), !skip.isEmpty { return [] }
        var path = configuration.inSource("Gemfile")
        if !FileSystem.isFile(path), let bundled = environment("BUNDLE_GEMFILE"), FileSystem.isFile(bundled) {
            path = bundled
        }
        guard FileSystem.isFile(path), let text = try? SourceText.read(path, displayPath: "Gemfile") else { return [] }
        return GemfilePlugins.names(inGemfile: text)
    }
}
