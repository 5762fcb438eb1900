
/// Builds one site again and again in one process (`kyll serve`): the phases of `SiteBuild.build`,
/// but each build after the first renders only what can have changed (see `RebuildPlan`), remembers
/// what it rendered from what, and updates the destination in place, writing only the files whose
/// bytes changed (see `InPlaceWriter`). The first build is staged and swapped in like `kyll build`.
/// After every build the destination is what a full build would make (apart from `site.time` in
/// documents that were not rendered again). A failed build leaves the destination as it was.
/// Builds run one at a time, from any thread.
public final class SiteRebuilder: Sendable {
    public struct Result: Sendable {
        public var changes: DestinationChanges
        /// The documents rendered (not kept from before), by output path.
        public var rendered: [String]
        /// Every destination file with the source it comes from (relative to the site), for
        /// `livereload_ignore`.
        public var origins: [String: String]
        public var seconds: Double
        /// Whether the build patched the previous one's site (an edit of items' bodies only).
        public var patched = false
    }

    struct State {
        var configuration: Configuration
        var memory: RebuildPlan.Memory?
        var ledger: InPlaceWriter.Ledger?
        let sources = SourceCache()
        /// For the next build to patch, if it can (see `patch`).
        var kept: Kept?
        /// The records of the last patch, made after the reload (see `settle`).
        var unsettled: Unsettled?
    }

    public let plugins: [any JekyllPlugin]
    public let logger: Logger
    /// Held for the whole of a build.
    private let state: Locked<State>

    /// With `--incremental` the first build may keep documents `.jekyll-metadata` says are current.
    public init(configuration: Configuration, plugins: [any JekyllPlugin], logger: Logger) {
        self.plugins = plugins
        self.logger = logger
        state = Locked(State(configuration: configuration))
    }

    public var configuration: Configuration { state.withLock { $0.configuration } }

    /// Starts over with a new configuration: the next build renders everything and is staged.
    public func reset(configuration: Configuration) {
        state.withLock { $0 = State(configuration: configuration) }
    }

    /// Records what the last build rendered, if that waited (a patch's records wait until the
    /// browsers were told to reload), then looks at every file the builds wrote: those someone else
    /// changed or removed since are written again by the next build. A build trusting the watcher (`watched`) does not look at
    /// the destination (the watcher does not watch it): `kyll serve` calls this after each such
    /// build, once the browsers have been told to reload. Returns the paths found changed.
    @discardableResult
    public func checkOutputs() -> [String] {
        state.withLock { state in
            settle(&state)
            let destination = state.configuration.destination
            let changed = state.ledger?.forgetChanged(destination: destination) ?? []
            // A patch writes only what it renders: the files to write again need a full build.
            if !changed.isEmpty { state.kept = nil }
            return changed
        }
    }

    /// One build: read, generate, render what changed, write what differs. `changed` may name
    /// files (relative to the source) known to have changed since the last build, such as those a
    /// watcher reported; any other change is found from the files' sizes and modification times,
    /// except with `watched`: then `changed` is every change since the last build to the files
    /// `watched` names (relative to the source), the others of those are not looked at again.
    public func build(changed: Set<String> = [], watched: (@Sendable (String) -> Bool)? = nil) throws(BuildError) -> Result {
        try state.withLock { state throws(BuildError) -> Result in
            settle(&state)
            do throws(BuildError) {
                return try build(changed: changed, watched: watched, state: &state)
            } catch {
                // The files the failed build read are not those the kept site was made of.
                state.kept = nil
                throw error
            }
        }
    }

    private func build(changed: Set<String>, watched: (@Sendable (String) -> Bool)?, state: inout State) throws(BuildError) -> Result {
        let start = MonotonicClock.now()
        var timer = PhaseTimer()
        let configuration = state.configuration
        try BuildSafety.check(configuration)
        let changedPaths = Set(changed.map { Path.join(configuration.source, $0) })
        var watchedPaths: (@Sendable (String) -> Bool)?
        if let watched {
            let root = configuration.source + "/"
            watchedPaths = { path in path.hasPrefix(root) && watched(String(path.dropFirst(root.count))) }
        }
        // Trusting the watcher, edits of items' bodies alone patch the previous build's site.
        let previousItems = watched == nil ? nil : state.kept?.previousItems(changedPaths, sources: state.sources)
        state.sources.startBuild(changed: changedPaths, watched: watchedPaths)
        if let previousItems, let kept = state.kept,
           let patched = try patch(previousItems, kept: kept, watched: watchedPaths, state: &state, start: start) {
            return patched
        }
        state.kept = nil
        let setup = try SiteSetup(configuration: configuration, plugins: plugins, logger: logger, sources: state.sources)
        timer.end("SETUP")
        var site = setup.site
        try SiteReader(logger: logger).read(&site)
        timer.end("READ")
        let read = site
        for plugin in setup.plugins { try plugin.generate(&site) }
        timer.end("GENERATE")

        let snapshot = SiteSnapshot(site: site, sourceMaps: setup.converters.sass.makesSourceMaps)
        let fingerprint = BuildMetadata.fingerprint(snapshot, plugins: setup.plugins)
        let destination = configuration.destination
        // With `--incremental`, the first build starts from `.jekyll-metadata`.
        let previous = state.memory ?? (state.ledger == nil && configuration.incremental
            ? RebuildPlan.Memory.read(configuration) : nil)
        let plan = RebuildPlan(site: snapshot, fingerprint: fingerprint, previous: previous,
                               sassLoadPaths: setup.converters.sass.loadPaths, changed: changedPaths,
                               stamp: state.sources.stamp) { [ledger = state.ledger] path in
            if let ledger { return ledger.isIntact(path, destination: destination, looking: watched == nil) }
            return FileSystem.isFile(Path.join(destination, path))
        }
        let context = BuildContext(site: snapshot, environment: setup.environment(for: snapshot),
                                   converters: setup.converters, plugins: setup.plugins, profile: setup.profile,
                                   reusable: plan.reusable, carried: plan.carriedResults, recordsDependencies: true)
        timer.end("PLAN")
        let rendered = try context.renderAll(workers: setup.workers)
        timer.end("RENDER")

        let files = rendered.pages + site.staticFiles.filter(\.isWritten).map {
            OutputFile(path: $0.destinationPath, content: .copy(from: $0.path), origin: $0.path)
        } + rendered.items
        BuildSafety.warnAboutConflicts(files, destination: destination, logger: logger)
        try FolderConflicts.refuse(files, configuration: configuration, defaults: site.defaults)
        let writer = InPlaceWriter(destination: destination, keepFiles: configuration.keepFiles,
                                   looksAtOutputs: watched == nil, sourceStamp: state.sources.stamp)
        let changes: DestinationChanges
        if let ledger = state.ledger {
            (changes, state.ledger) = try writer.write(files, over: ledger)
        } else {
            try SiteWriter(destination: destination, keepFiles: configuration.keepFiles).write(files)
            state.ledger = writer.ledger(after: files)
            changes = DestinationChanges(written: InPlaceWriter.winners(files).map(\.path).sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            })
        }
        timer.end("WRITE")
        state.sources.finishBuild()
        let next = plan.record(context, keepsResults: true)
        state.memory = next
        if configuration.incremental { next.metadata.write(configuration) }
        timer.end("RECORD")

        var origins: [String: String] = [:]
        for doc in snapshot.documents { origins[doc.destinationPath] = doc.relativePath }
        for file in site.staticFiles { origins[file.destinationPath] = file.relativePath.droppingLeadingSlash }
        state.kept = Kept(site: site, read: read, snapshot: snapshot, setup: setup, files: files, origins: origins, shared: context.shared,
                          sources: state.sources)
        let renderedOutputs = snapshot.documents.indices.filter { context.state.finalResult($0) != nil }
            .map { snapshot.documents[$0].destinationPath }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        timer.end("RESULT")
        if setup.profile != nil { logger.info("\nRebuild phases (\(renderedOutputs.count) rendered):\n" + timer.table()) }
        return Result(changes: changes, rendered: renderedOutputs, origins: origins,
                      seconds: MonotonicClock.seconds(since: start))
    }
}
