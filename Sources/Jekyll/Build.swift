import Foundation
import Liquid

/// One build of a site, phase by phase: configuration → read → generate → render → write.
public enum SiteBuild {
    public struct Summary: Sendable {
        public var filesWritten: Int
        public var seconds: Double
    }

    /// Builds the site the options describe, logging Jekyll's banner lines.
    /// `exitsAfterwards`: the process ends after this build, so the site's memory is left to the
    /// operating system instead of being freed object by object (~25 ms on one core at 1k posts).
    @discardableResult
    public static func run(options: BuildOptions, plugins available: [any JekyllPlugin],
                           logger: Logger, progress: BuildProgress? = nil,
                           exitsAfterwards: Bool = false) throws(BuildError) -> Summary {
        let start = MonotonicClock.now()
        let configuration = try ConfigurationLoader(options: options, logger: logger).load()
        try BuildSafety.check(configuration)
        // As Jekyll does: the site's zone becomes the process's, for Liquid's `date` and `%Z`.
        if let timezone = configuration.timezone { ProcessTimeZone.set(timezone) }
        // As Jekyll's site is made before its banner: a bad `time` or `limit_posts` stops the build
        // after "Configuration file:" only.
        let timer = PhaseTimer()
        let setup = try oneShotSetup(configuration, plugins: available, logger: logger,
                                     exitsAfterwards: exitsAfterwards)
        logger.info("Source:", configuration.source)
        logger.info("Destination:", configuration.destination)
        logger.info("Incremental build:", configuration.incremental ? "enabled" : "disabled. Enable with --incremental")
        logger.info("Generating...")
        let written = try build(configuration, setup: setup, timer: timer, logger: logger, progress: progress,
                                exitsAfterwards: exitsAfterwards)
        let seconds = MonotonicClock.seconds(since: start)
        logger.info("", "done in \(Value.float((seconds * 1000).rounded() / 1000).rubyString) seconds.")
        return Summary(filesWritten: written, seconds: seconds)
    }

    /// The phases. Returns the number of files written.
    public static func build(_ configuration: Configuration, plugins available: [any JekyllPlugin],
                             logger: Logger, progress: BuildProgress? = nil) throws(BuildError) -> Int {
        let timer = PhaseTimer()
        let setup = try oneShotSetup(configuration, plugins: available, logger: logger)
        return try build(configuration, setup: setup, timer: timer, logger: logger, progress: progress)
    }

    /// Stylesheets are compiled on a free core while the rest is read, except by an incremental
    /// build (which may not render them at all).
    static func oneShotSetup(_ configuration: Configuration, plugins available: [any JekyllPlugin],
                             logger: Logger, exitsAfterwards: Bool = false) throws(BuildError) -> SiteSetup {
        try SiteSetup(configuration: configuration, plugins: available, logger: logger,
                      looksForStylesheets: !configuration.incremental, exitsAfterwards: exitsAfterwards)
    }

    /// The phases after the setup, which `timer` has been timing since it began.
    static func build(_ configuration: Configuration, setup: SiteSetup, timer started: PhaseTimer,
                      logger: Logger, progress: BuildProgress?, exitsAfterwards: Bool = false) throws(BuildError) -> Int {
        var timer = started
        progress?.begin("Reading")
        timer.end("RESET")

        // Read: layouts, pages, static files, posts, collections, data.
        var site = setup.site
        var reader = SiteReader(logger: logger)
        // The setup started looking for the stylesheets (see `oneShotSetup`): the reader hands
        // them the pages it reads. Until the render begins, the other core converts the posts'
        // Markdown as soon as they are read, then the other documents' (`convertAhead`).
        let early = setup.looksForStylesheets ? setup.converters.earlyConversions : nil
        defer {
            early?.stopConvertingAhead()  // a build failing before its render too
            early?.finishIdleJobs()  // the cache folders (see `SiteSetup`), which a failed build leaves too
        }
        if let early {
            let table = site.converters
            reader.pageRead = early.starter(for: table)
            // A few posts are not worth a thread (see `SiteSetup.workers(rendering:)`).
            reader.postsRead = { posts in
                if posts.count >= SiteSetup.smallSite.documents { early.convertAhead(posts, converters: table) }
            }
        }
        try reader.read(&site)
        timer.end("READ")
        // A small site renders and writes on this thread alone (`SiteSetup.workers(rendering:)`).
        if setup.workers(rendering: site) > 1 { early?.convertAhead(site, except: ["posts"]) }

        // Generate: plugins add and change pages, items and files.
        for plugin in setup.plugins { try plugin.generate(&site) }
        timer.end("GENERATE")
        let workers = setup.workers(rendering: site)

        // Render: every document through Liquid, its converters and its layouts, on all cores.
        let snapshot = SiteSnapshot(site: site, sourceMaps: setup.converters.sass.makesSourceMaps)
        let plan = configuration.incremental
            ? RebuildPlan(fromMetadataOf: snapshot, plugins: setup.plugins, sassLoadPaths: setup.converters.sass.loadPaths) : nil
        let writer = SiteWriter(destination: configuration.destination, keepFiles: configuration.keepFiles, cores: workers)
        // A clean (not incremental) build writes each page as soon as it is rendered. Planning the
        // staging folder, and the layouts' tables, the render's slots and the items' index, only
        // read the frozen site: side by side.
        let stages = plan == nil
        let converters = setup.converters
        let (staged, tables) = try TwoCores.both(cores: workers, { () throws(BuildError) -> StagedOutputs? in
            stages ? try StagedOutputs.prepare(for: snapshot, writer: writer) : nil
        }, {
            snapshot.indexItems()
            return (BuildContext.Shared(layoutsOf: snapshot),
                    BuildContext.DocumentSlots(count: snapshot.documents.count, converters: converters))
        })
        let context = BuildContext(site: snapshot, environment: setup.environment(for: snapshot),
                                   converters: setup.converters, plugins: setup.plugins, profile: setup.profile,
                                   reusable: plan?.reusable ?? [], recordsDependencies: plan != nil,
                                   sharing: tables.0, stagedOutputs: staged, slots: tables.1)
        progress?.begin("Rendering", total: snapshot.documents.count)
        early?.stopConvertingAhead()
        // A small site renders on this thread alone: the walk's thread, idle once its conversions
        // are done, copies the static files into the staging folder meanwhile. Not taken (no walk,
        // or it has ended): the render copies them, as it takes the next file from the same cursor.
        let copyFailure = Locked<BuildError?>(nil)
        if workers == 1, let staged, let early {
            @Sendable func copyNext() -> Bool {
                do throws(BuildError) { return try staged.copyNextStaticFile() } catch {
                    copyFailure.withLock { if $0 == nil { $0 = error } }
                    return false
                }
            }
            _ = early.whenIdle { while copyNext() {} }
            // The render, waiting for a stylesheet the walk's thread compiles, copies meanwhile too.
            early.workWhileWaiting(copyNext)
        }
        let rendered: (pages: [OutputFile], items: [OutputFile])
        do throws(BuildError) {
            rendered = try context.renderAll(workers: workers, progress: progress)
            early?.finishIdleJobs()
            if let failure = copyFailure.withLock({ $0 }) { throw failure }
        } catch {
            early?.finishIdleJobs()
            staged?.discard()
            throw error
        }
        setup.converters.markdownCache?.finish(complete: plan == nil)
        timer.end("RENDER")
        timer.end("CLEANUP")

        // Write: into a staging folder swapped in at the end, keeping `keep_files`.
        // Static files the render workers copied into the staging folder already are there.
        let written = site.staticFiles.filter(\.isWritten)
        let files = rendered.pages + written.indices.map { i in
            OutputFile(path: written[i].destinationPath, content: .copy(from: staged?.copy(ofStaticFile: i) ?? written[i].path),
                       origin: written[i].path)
        } + rendered.items
        // The staging plan holds each written path once (or there is none): nothing shares a path.
        if staged == nil { BuildSafety.warnAboutConflicts(files, destination: configuration.destination, logger: logger) }
        // Staged outputs were planned only when no file is another's folder.
        if staged == nil { try FolderConflicts.refuse(files, configuration: configuration, defaults: site.defaults) }
        progress?.begin("Writing", total: files.count)
        if let plan, plan.previous != nil, FileSystem.isDirectory(configuration.destination) {
            // Over the outputs the metadata's build left: in place (see `InPlaceWriter.update`).
            try plan.updateInPlace(files, keepFiles: configuration.keepFiles)
        } else {
            try writer.write(files, staged: staged != nil)
        }
        let records = plan?.record(context)
        records?.metadata.write(configuration)
        timer.end("WRITE")

        if let profile = setup.profile {
            logger.info("\nBuild Process Summary:")
            logger.info(timer.table())
            logger.info("\nSite Render Stats:")
            logger.info(profile.table())
        }
        if exitsAfterwards { LeftToExit.keep((site, snapshot, context, rendered, files, plan, records)) }
        return files.count
    }
}

/// What a one-shot build leaves for the process's exit to reclaim.
private final class LeftToExit<Held> {
    let held: Held
    private init(_ held: Held) { self.held = held }

    /// Never released: the memory goes back with the process.
    static func keep(_ held: Held) { _ = Unmanaged.passRetained(LeftToExit(held)) }
}

/// How long each phase took, for `--profile`.
struct PhaseTimer {
    private var last = MonotonicClock.now()
    private(set) var phases: [(String, Double)] = []

    mutating func end(_ name: String) {
        phases.append((name, MonotonicClock.seconds(since: last)))
        last = MonotonicClock.now()
    }

    func table() -> String {
        var rows = [["PHASE", "TIME"]]
        var total = 0.0
        for (name, seconds) in phases {
            let rounded = (seconds * 10000).rounded() / 10000
            total += rounded
            rows.append([name, String(format: "%.4f", rounded)])
        }
        rows.append(["TOTAL TIME", String(format: "%.4f", total)])
        return RenderProfile.tabulate(rows)
    }
}
