import Dispatch
import Jekyll
import Liquid
import Server
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches the source and rebuilds after each batch of changes: the browsers reload with the
/// output files that changed (stylesheets alone are swapped in place); a failed build leaves the
/// last good site served with the error over it, until a build succeeds. A change to a
/// configuration file reads the configuration again and builds everything (as gojekyll does;
/// Jekyll itself ignores such changes), restarting the watcher and — when the host, port, base URL
/// or live reload settings changed — the server.
final class RebuildLoop {
    /// How long the watcher waits for more changes after one: editors save in a few quick steps,
    /// within a millisecond or two. Every millisecond here is one more before the browser reloads;
    /// a save whose steps straddle two batches costs one more (short) rebuild, not a wrong site.
    static let debounce = Duration.milliseconds(4)

    let rebuilder: SiteRebuilder
    private(set) var server: SiteServer
    let options: BuildOptions
    let overrides: ServeOverrides
    let jekyllEnvironment: String?
    let boundPort: Int
    let logger: Logger

    init(rebuilder: SiteRebuilder, server: SiteServer, options: BuildOptions, overrides: ServeOverrides,
         jekyllEnvironment: String?, boundPort: Int, logger: Logger) {
        self.rebuilder = rebuilder
        self.server = server
        self.options = options
        self.overrides = overrides
        self.jekyllEnvironment = jekyllEnvironment
        self.boundPort = boundPort
        self.logger = logger
    }

    var configuration: Configuration { rebuilder.configuration }

    /// Rebuilds until `stop` is triggered; returns the server in use then (it may have been replaced).
    func run(until stop: ServeStop) async -> SiteServer {
        let current = Locked<(any FileWatcher)?>(nil)
        Task {
            await stop.wait()
            current.withLock { $0?.stop() }
        }
        while !stop.isTriggered {
            let ignore = WatchIgnore(configuration: configuration)
            let watcher: any FileWatcher
            do {
                watcher = try FileWatchers.start(
                    WatchOptions(root: configuration.source, debounce: RebuildLoop.debounce, ignore: ignore.ignores),
                    forcePolling: ServeSettings(configuration).forcePolling)
            } catch {
                logger.error("Auto-regeneration:", "could not watch \(configuration.source): \(error)")
                await stop.wait()
                break
            }
            current.withLock { $0 = watcher }
            let watched = WatchedFiles(ignore)
            if stop.isTriggered { watcher.stop() }
            var restartWatcher = false
            for await batch in watcher.changes {
                if stop.isTriggered { break }
                if await handle(batch, watched: watched.watches) {
                    restartWatcher = true
                    break
                }
            }
            watcher.stop()
            if !restartWatcher { break }
        }
        return server
    }

    /// One batch: a rebuild and what follows it. True when the configuration was read again (the
    /// watcher must start over with its new exclusions). `watched` tells which files (relative to
    /// the source) the watcher reports every change of: the rebuild looks only at those it named.
    func handle(_ batch: FileChangeBatch, watched: (@Sendable (String) -> Bool)? = nil) async -> Bool {
        let start = ContinuousClock.now
        let paths = batch.paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        logger.info("Regenerating:", "\(paths.count) file(s) changed at \(RebuildLoop.localTime())")
        for path in paths { logger.info("", path) }
        let reconfigure = batch.mayHaveMissedChanges || paths.contains(where: isConfigurationFile)
        if reconfigure {
            do {
                let loaded = try ConfigurationLoader(options: options, logger: logger).load()
                let serving = overrides.apply(to: loaded, jekyllEnvironment: jekyllEnvironment, boundPort: boundPort)
                rebuilder.reset(configuration: serving)
                if let timezone = serving.timezone { ProcessTimeZone.set(timezone) }
                await replaceServerIfNeeded()
            } catch {
                fail(error)
                return false
            }
        }
        do {
            let result = try await batch.mayHaveMissedChanges ? RebuildLoop.build(rebuilder)
                : RebuildLoop.build(rebuilder, changed: batch.paths, watched: reconfigure ? nil : watched)
            server.clearBuildError()
            // A rebuild that wrote nothing (an editor's temporary file, an ignored source) reloads no
            // page, unless the overlay must go: the server tells the two apart.
            server.notifyReload(changedPaths: reloadPaths(result))
            logger.info("", "...done in \(ServeSession.rubySeconds(ServeSession.seconds(since: start))) seconds.")
            // Off the way to the reload: the rebuild trusted the destination to be as it left it.
            if watched != nil { RebuildLoop.queue.async { [rebuilder] in rebuilder.checkOutputs() } }
        } catch {
            fail(error)
        }
        logger.info("")
        return reconfigure
    }

    /// A build on a thread of its own: it keeps a core busy for a while, and the cooperative pool
    /// has only as many threads as there are cores.
    static func build(_ rebuilder: SiteRebuilder, changed: Set<String> = [],
                      watched: (@Sendable (String) -> Bool)? = nil) async throws -> SiteRebuilder.Result {
        try await withCheckedThrowingContinuation { continuation in
            RebuildLoop.queue.async { continuation.resume(with: Result { try rebuilder.build(changed: changed, watched: watched) }) }
        }
    }

    static let queue = DispatchQueue(label: "kyll.serve.rebuild")

    private func fail(_ error: any Error) {
        ServeSession.report(error, logger: logger, trace: options.trace)
        let buildError = error as? BuildError ?? BuildError("\(error)")
        server.showBuildError(BuildErrorReport(buildError, source: configuration.source))
    }

    /// The changed output files, less those whose source `livereload_ignore` matches and the source
    /// maps of changed stylesheets (pages never load them, and a stylesheet alone is swapped in place).
    func reloadPaths(_ result: SiteRebuilder.Result) -> [String] {
        let all = result.changes.all
        let changed = Set(all)
        let ignored = ServeSettings(configuration).livereloadIgnore
        return all.filter { path in
            if path.hasSuffix(".css.map"), changed.contains(String(path.dropLast(4))) { return false }
            let source = result.origins[path] ?? path
            // Ruby's File.fnmatch without flags, as Jekyll matches them.
            return !ignored.contains { fnmatch($0, source, 0) == 0 }
        }
    }

    func isConfigurationFile(_ relative: String) -> Bool {
        let source = configuration.source
        if let files = options.configFiles, !files.joined().isEmpty {
            return files.contains { Path.expand($0, relativeTo: options.workingDirectory) == Path.join(source, relative) }
        }
        return ["_config.yml", "_config.yaml", "_config.toml"].contains(relative)
    }

    /// A new server on the same ports when the configuration changed how the site is served (its
    /// base URL, live reload, charset or headers); host and ports stay as bound.
    private func replaceServerIfNeeded() async {
        let settings = ServeSettings(configuration)
        let current = server.configuration
        var wanted = ServeSession.serverConfiguration(settings, destination: configuration.destination)
        wanted.host = current.host
        wanted.port = boundPort
        if wanted.liveReload != nil, let live = current.liveReload {
            wanted.liveReload = server.addresses?.liveReloadPort.map { $0 == boundPort ? .init(port: nil) : .init(port: $0) } ?? live
        }
        server.setRoot(wanted.root)
        guard wanted.baseURL != current.baseURL || (wanted.liveReload == nil) != (current.liveReload == nil)
                || wanted.charset != current.charset || wanted.headers != current.headers else { return }
        logger.info("Server:", "restarting for the new configuration")
        await server.stop()
        let replacement = SiteServer(configuration: wanted)
        do {
            let addresses = try await replacement.start()
            server = replacement
            logger.info("Server address:", settings.serverAddress(port: addresses.port))
        } catch {
            logger.error("Error:", "could not serve with the new configuration: \(error); keeping the old one")
            _ = try? await server.start()
        }
    }

    /// Now in the process's zone, as Jekyll prints it (`%Y-%m-%d %H:%M:%S`).
    static func localTime() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S", &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
