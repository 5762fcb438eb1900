import ArgumentParser
import Foundation
import Jekyll
import JekyllPlugins
import Server

/// `kyll build --watch`: after the first build, rebuilds the whole site each time files in the source
/// change, logging as Jekyll's watcher does, until the process is interrupted. What `WatchIgnore`
/// names (the destination, caches, excluded and editor files) is not watched, as with `kyll serve`,
/// which rebuilds only what changed.
struct BuildWatch {
    let options: BuildOptions
    let forcePolling: Bool
    let logger: Logger

    func run() async throws {
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader(options: options, logger: Logger(level: .error)).load()
        } catch {
            logger.raw(error.render(trace: options.trace))
            throw ExitCode(1)
        }
        let source = configuration.source
        let watcher = try FileWatchers.start(
            WatchOptions(root: source, ignore: WatchIgnore(configuration: configuration).ignores),
            forcePolling: forcePolling)
        defer { watcher.stop() }
        logger.info("Auto-regeneration:", "enabled for '\(source)'")
        for await batch in watcher.changes {
            let paths = batch.paths.sorted()
            logger.info("Regenerating:", "\(paths.count) file(s) changed at \(RebuildLoop.localTime())")
            for path in paths.prefix(5) { logger.info("", path) }
            if paths.count > 5 { logger.info("", "...and \(paths.count - 5) more") }
            let start = Date()
            do {
                _ = try SiteBuild.build(configuration, plugins: JekyllPlugins.all, logger: logger)
                let seconds = Date().timeIntervalSince(start)
                logger.info("", "...done in \(String(format: "%.6g", seconds)) seconds.")
            } catch {
                logger.report(error, trace: options.trace)
            }
            logger.info("")
        }
    }
}
