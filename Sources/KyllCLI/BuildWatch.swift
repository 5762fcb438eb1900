import ArgumentParser
import Foundation
import Jekyll
import JekyllPlugins
import Server

/// `kyll build --watch`: after the first build, rebuilds the whole site each time files in the source
/// change, logging as Jekyll's watcher does, until the process is interrupted. The destination,
/// the caches and excluded files are not watched. (`kyll serve` rebuilds only what changed.)
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
        let ignored = BuildWatch.ignoredPaths(configuration)
        let filter = EntryFilter(source: source, include: configuration.include, exclude: configuration.exclude,
                                 safe: configuration.safe)
        let watcher = try FileWatchers.start(
            WatchOptions(root: source, ignore: { path in ignored.contains(path) || filter.isExcluded(path) }),
            forcePolling: forcePolling)
        defer { watcher.stop() }
        logger.info("Auto-regeneration:", "enabled for '\(source)'")
        for await batch in watcher.changes {
            let paths = batch.paths.sorted()
            logger.info("Regenerating:", "\(paths.count) file(s) changed at \(BuildWatch.timestamp())")
            for path in paths.prefix(5) { logger.info("", path) }
            if paths.count > 5 { logger.info("", "...and \(paths.count - 5) more") }
            let start = Date()
            do {
                _ = try SiteBuild.build(configuration, plugins: JekyllPlugins.all, logger: logger)
                let seconds = Date().timeIntervalSince(start)
                logger.info("", "...done in \(String(format: "%.6g", seconds)) seconds.")
            } catch {
                if let line = error.jekyllLine { logger.error(line.topic, line.message) }
                logger.raw(error.render(trace: options.trace))
            }
            logger.info("")
        }
    }

    /// Source-relative paths a build writes or keeps for itself.
    static func ignoredPaths(_ configuration: Configuration) -> Set<String> {
        var paths: Set<String> = [".git", ".jekyll-metadata", configuration.cacheDir, ".sass-cache"]
        let prefix = configuration.source.hasSuffix("/") ? configuration.source : configuration.source + "/"
        let destinationFolder = Path.dirname(configuration.destination) + "/"
        for path in [configuration.destination,
                     // The staging folders beside it (see `SiteWriter`).
                     destinationFolder + "." + Path.basename(configuration.destination) + ".kyll-staging",
                     destinationFolder + "." + Path.basename(configuration.destination) + ".kyll-previous"]
        where path.hasPrefix(prefix) {
            paths.insert(String(path.dropFirst(prefix.count)))
        }
        return paths
    }

    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date())
    }
}
