import Liquid

/// What every template of one build can reach: the frozen site, what has been rendered so far,
/// one drop per document (shared by all renders), the Liquid environment, parsed layouts, the
/// converters and the plugins' render hooks.
public final class BuildContext: Sendable {
    public let site: SiteSnapshot
    public let state: RenderState
    let environment: LiquidEnvironment
    let converters: ContentConverters
    let plugins: [any JekyllPlugin]
    let profile: RenderProfile?
    let documentDrops: [any Drop]
    let siteDrop: SiteDrop
    let jekyllDrop: JekyllDrop
    let themeDrop: ThemeDrop?
    /// `basePayload` less the page and its front matter, made once: without and with the
    /// highlighter's line breaks (documents converted from Markdown have them).
    let startingPayloads: [OrderedHash]
    let excerpts: ExcerptTable
    let layoutTemplates: TemplateCache<String>
    /// The layout chains documents ask for, with their `layout` data, templates and use of
    /// `content`; this build's only (includes may change between builds).
    let layoutChains = LayoutChains()
    /// Documents' own templates, by source (see `documentTemplate`); this build's only.
    let documentTemplates = TemplateCache<DocumentSource>()
    let partials: PartialCache
    /// Outputs of includes that do not depend on the page; nil when a build must see every read
    /// (records for incremental builds, strict variables or filters, a profile).
    let includeMemo: IncludeMemo?
    /// Values of `assign`s that do not depend on the page; nil when `includeMemo` is.
    let assignMemo: AssignMemo?
    /// Outputs of loops over lists pages share; nil when `includeMemo` is.
    let loopMemo: LoopMemo?
    /// `markdownify` of short texts, which themes repeat on every page (an author's bio).
    let markdownified = MarkdownifyMemo()
    /// Values plugins' tags work out from the site alone, once per build (see `SiteDerivedValues`
    /// for when a build has none).
    public let siteDerived: SiteDerivedValues?
    /// The `layout` variable each document starts with (see `LayoutLeak`).
    let initialLayoutData: [OrderedHash?]
    /// The document whose last layout `content` each document's own template sees (`LayoutLeak`).
    let layoutContentSource: [Int?]
    /// Every document's last layout input is kept (builds that record dependencies carry results
    /// into later builds, whose documents may come to read them).
    let keepsEveryLayoutInput: Bool
    /// What each render used, for the next incremental build.
    let dependencies: DependencyLog
    /// Where a one-shot build writes each output as soon as it is rendered (nil: at the end).
    let stagedOutputs: StagedOutputs?
    /// Documents an incremental build keeps from before (rendered only if a template needs them).
    let reusable: Set<Int>
    /// The previous build's renders of kept documents, when it ran in this process: shown instead
    /// of rendering them again.
    let carried: CarriedResults

    /// What a context works out from the layouts, the includes and the documents' fields alone:
    /// a build of a site whose only change is in documents' bodies can share it.
    struct Shared: Sendable {
        let initialLayoutData: [OrderedHash?]
        let layoutContentSource: [Int?]
        let layoutTemplates: TemplateCache<String>
        let partials: PartialCache
    }

    /// The tables a context keeps per document that only the number of documents decides: a
    /// one-shot build makes them on another core while the staging folder is planned
    /// (`SiteBuild`), not on the one core between reading and rendering.
    struct DocumentSlots: Sendable {
        let state: RenderState
        let excerpts: ExcerptTable

        init(count: Int, converters: ContentConverters) {
            state = RenderState(count: count)
            excerpts = ExcerptTable(count: count, converters: converters)
        }
    }

    var shared: Shared {
        Shared(initialLayoutData: initialLayoutData, layoutContentSource: layoutContentSource,
               layoutTemplates: layoutTemplates, partials: partials)
    }


    init(site: SiteSnapshot, environment: LiquidEnvironment, converters: ContentConverters,
         plugins: [any JekyllPlugin], profile: RenderProfile? = nil, reusable: Set<Int> = [],
         carried: CarriedResults = CarriedResults(), recordsDependencies: Bool = false, sharing: Shared? = nil,
         stagedOutputs: StagedOutputs? = nil, slots: DocumentSlots? = nil) {
        self.profile = profile
        self.stagedOutputs = stagedOutputs
        self.carried = carried
        dependencies = DependencyLog(documents: site.documents.count, recording: recordsDependencies)
        let strict = site.configuration.strictVariables || site.configuration.strictFilters
        let memoizes = !(recordsDependencies || strict || profile != nil)
        includeMemo = memoizes ? IncludeMemo() : nil
        assignMemo = memoizes ? AssignMemo() : nil
        loopMemo = memoizes ? LoopMemo() : nil
        self.reusable = reusable
        self.site = site
        let slots = slots ?? DocumentSlots(count: site.documents.count, converters: converters)
        self.state = slots.state
        self.environment = environment
        self.converters = converters
        siteDerived = memoizes && !converters.showsMarkdownWarnings ? SiteDerivedValues() : nil
        self.plugins = plugins
        self.excerpts = slots.excerpts
        self.layoutTemplates = sharing?.layoutTemplates ?? TemplateCache<String>()
        partials = sharing?.partials ?? PartialCache()
        var drops: [any Drop] = []
        drops.reserveCapacity(site.documents.count)
        for (id, doc) in site.documents.enumerated() {
            drops.append(doc.isPage ? PageDrop(site: site, id: id, frozenContent: nil) : DocumentDrop(site: site, id: id, dependencies: dependencies))
        }
        documentDrops = drops
        siteDrop = SiteDrop(site: site, documentDrops: drops)
        jekyllDrop = JekyllDrop(environment: FileSystem.environment("JEKYLL_ENV") ?? "development")
        themeDrop = site.theme.map(ThemeDrop.init)
        startingPayloads = [false, true].map { [siteDrop, jekyllDrop, themeDrop] markdown in
            var payload = OrderedHash(minimumCapacity: 10)
            payload["site"] = .drop(siteDrop)
            payload["page"] = .nil
            payload["layout"] = .nil
            payload["content"] = .nil
            payload["paginator"] = .nil
            payload["jekyll"] = .drop(jekyllDrop)
            payload["theme"] = themeDrop.map { .drop($0) } ?? .nil
            payload["highlighter_prefix"] = markdown ? "\n" : .nil
            payload["highlighter_suffix"] = markdown ? "\n" : .nil
            return payload
        }
        let layouts = sharing.map { ($0.initialLayoutData, $0.layoutContentSource) } ?? LayoutLeak.tables(site)
        initialLayoutData = layouts.0
        layoutContentSource = layouts.1
        keepsEveryLayoutInput = recordsDependencies
    }

    /// Whether a later document's own Liquid may show what this document's outermost layout got
    /// as `content` (`LeakedContent`). Its readers follow it in document order, up to the next
    /// document placed in a layout; one without `{{`/`{%` reads nothing. Not keeping a page-sized
    /// string per document lets its memory be reused for the next page instead of faulting in more.
    func layoutInputMayBeRead(from id: Int) -> Bool {
        if keepsEveryLayoutInput { return true }
        var reader = id + 1
        while reader < layoutContentSource.count, layoutContentSource[reader] == id {
            if site.documents[reader].rendersLiquid { return true }
            reader += 1
        }
        return false
    }

    /// A document's full output as `viewer` sees it: rendered before it, read back from the staging
    /// folder if it was written there.
    func output(of id: Int, seenFrom viewer: Int?) -> String? {
        guard let r = result(of: id, seenFrom: viewer) else { return nil }
        return r.isStaged ? stagedOutputs?.output(of: id) : r.output
    }

    /// The drop of a document as other templates see it (`site.posts`, `page.next`, …).
    public func drop(_ id: Int) -> Value { .drop(documentDrops[id]) }

    /// Whether `value` is this build's `site` (and not a variable that hides it).
    public func isSiteDrop(_ value: Value) -> Bool {
        if case .drop(let drop) = value { return drop === siteDrop }
        return false
    }

    /// What a document looks like from the one `viewer` renders (see `RenderState`); a document an
    /// incremental build left out is rendered when a template needs it.
    func result(of id: Int, seenFrom viewer: Int?) -> RenderState.Result? {
        if let r = state.result(of: id, seenFrom: viewer) { return r }
        guard viewer.map({ id < $0 }) ?? true, state.isDeferred(id) else { return nil }
        if let previous = carried[id] { return previous }
        do {
            return try state.deferredResult(id) { () throws(BuildError) -> RenderState.Result in try render(id) }
        } catch {
            site.logger.warn("Build Warning:", "could not render \(site.documents[id].relativePath): \(error)")
            return nil
        }
    }

    /// Render options for a render on behalf of document `viewer`.
    func options(viewer: Int?, document: Int? = nil) -> RenderOptions {
        var options = RenderOptions()
        options.strictVariables = site.configuration.strictVariables
        options.strictFilters = site.configuration.strictFilters
        let scope = RenderScope(build: self, viewer: viewer, document: document)
        // The unretained one first, where the hot reads find it at once (see `withJekyll`).
        options.registers[UnretainedRenderScopeKey.self] = Unmanaged.passUnretained(scope)
        options.registers[RenderScopeKey.self] = scope
        options.partialCache = partials
        options.assignedValues = assignMemo
        options.loopOutputs = loopMemo
        return options
    }
}

/// The register through which filters, tags and drops find the build and the document being
/// rendered.
///
/// A class: every filter and drop reads it from the registers, and copying a reference is one
/// retain where the struct's two references were two (and an outlined copy).
public final class RenderScope: Sendable {
    public let build: BuildContext
    /// The document being rendered (nil after the document loop; -1 for an excerpt, which sees
    /// every document as not yet rendered). Reading it marks the render as depending on the page
    /// (`pageDependence`): what it decides — which documents count as rendered, related posts,
    /// the pages so far — differs from page to page.
    public var viewer: Int? {
        pageDependence.noted = true
        return renderedViewer
    }
    private let renderedViewer: Int?
    /// The document whose `page` this render shows (for an excerpt, its item); for the records
    /// of what each render read.
    public let document: Int?
    /// Set when the render read something that depends on the page or the moment (see
    /// `IncludeMemo`).
    let pageDependence = PageDependence()
    /// The site's `baseurl` and clock, which `relative_url` and `date` ask for at every call:
    /// read through `site`, each call retained and released the snapshot, which every page's
    /// render on both cores shares.
    public let baseurl: String?
    public let clock: SiteClock

    public init(build: BuildContext, viewer: Int?, document: Int? = nil) {
        self.build = build
        self.renderedViewer = viewer
        self.document = document ?? viewer.flatMap { $0 >= 0 ? $0 : nil }
        baseurl = build.site.configuration.baseurl
        clock = build.site.clock
    }

    /// For what reads the clock (`"now" | date`): the moment differs between pages.
    public func noteMomentRead() { pageDependence.noted = true }

    public var site: SiteSnapshot { build.site }
}

/// A flag a render sets and reads on its own thread.
final class PageDependence: @unchecked Sendable {
    var noted = false

    /// Runs `body` and says whether it read anything page-dependent; what it read still counts for
    /// an enclosing watch (an include recorded inside another's recording).
    func watching<T>(_ body: () throws -> T) rethrows -> (value: T, noted: Bool) {
        let outer = noted
        noted = false
        defer { noted = outer || noted }
        let value = try body()
        return (value, noted)
    }
}

public enum RenderScopeKey: RegisterKey {
    public static var defaultValue: RenderScope? { nil }
}

/// The scope of `RenderScopeKey`, unretained, set beside it in the same registers (which hold it).
enum UnretainedRenderScopeKey: RegisterKey {
    static var defaultValue: Unmanaged<RenderScope>? { nil }
}

extension RenderContext {
    /// The build and document this render belongs to.
    public var jekyll: RenderScope? { registers[RenderScopeKey.self] }

    /// `body` given the build and document this render belongs to, lent without a retain and
    /// release (~40 instructions where filters and drops ask at every call); nil outside a site's
    /// render.
    @inline(__always)
    func withJekyll<R>(_ body: (RenderScope) throws -> R) rethrows -> R? {
        guard let scope = registers[UnretainedRenderScopeKey.self] else { return nil }
        return try scope._withUnsafeGuaranteedRef(body)
    }

    func requireJekyll() throws -> RenderScope {
        guard let scope = jekyll else { throw LiquidError(.internal, "not rendering a Jekyll site") }
        return scope
    }

    /// `withJekyll`, outside a site's render an error (as `requireJekyll`).
    @inline(__always)
    func withRequiredJekyll<R>(_ body: (RenderScope) throws -> R) throws -> R {
        guard let scope = registers[UnretainedRenderScopeKey.self] else { return try body(requireJekyll()) }
        return try scope._withUnsafeGuaranteedRef(body)
    }
}

extension RenderScope {
    /// A document's content as this render sees it (converted once it is rendered).
    public func content(of id: Int) -> String {
        build.dependencies.documentRead(id, rendered: true, by: document)
        return build.result(of: id, seenFrom: viewer)?.converted ?? site.documents[id].content
    }

    /// A document's full output, once it is rendered.
    public func output(of id: Int) -> String? {
        build.dependencies.documentRead(id, rendered: true, by: document)
        return build.output(of: id, seenFrom: viewer)
    }

    /// Jekyll's `smartify` with the site's options.
    public func smartify(_ text: String) -> String { build.converters.smartify(text) }

    /// What `{{ doc.excerpt }}` prints.
    public func excerpt(of id: Int) throws(BuildError) -> String {
        build.dependencies.documentRead(id, rendered: true, by: document)
        do {
            return try build.excerpts.text(of: id, scope: self)
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError("could not render the excerpt of \(site.documents[id].relativePath): \(error)")
        }
    }
}

/// `content` in a document's own template: what the last layout of an earlier document got.
final class LeakedContent: Drop {
    let build: BuildContext
    let source: Int
    let viewer: Int

    init(build: BuildContext, source: Int, viewer: Int) {
        self.build = build
        self.source = source
        self.viewer = viewer
    }

    var text: String { build.result(of: source, seenFrom: viewer)?.lastLayoutInput ?? "" }
    var liquidString: String { text }
    var liquidValue: Value? { .string(text) }
    var typeName: String { "String" }
    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        // Ruby counts a string's code points, not its grapheme clusters.
        key == "size" ? .int(text.unicodeScalars.count) : nil
    }
}

extension BuildContext.Shared {
    /// A build's start: the site's layout tables, empty template caches.
    init(layoutsOf site: SiteSnapshot) {
        let tables = LayoutLeak.tables(site)
        self.init(initialLayoutData: tables.initialLayoutData, layoutContentSource: tables.contentSources,
                  layoutTemplates: TemplateCache<String>(), partials: PartialCache())
    }
}
