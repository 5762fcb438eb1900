import ArgumentParser
import Jekyll
import JekyllPlugins

/// `kyll build`: Jekyll's `jekyll build`, same options, same banner, same exit statuses.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build your site.",
        aliases: ["b"]
    )

    @OptionGroup var options: BuildOptionGroup

    @Flag(name: [.short, .long], help: "Watch for changes and rebuild (use `kyll serve`).")
    var watch = false

    func run() throws {
        let status = BuildCommand.build(options.buildOptions(), watch: watch, logger: Logger())
        if status != 0 { throw ExitCode(status) }
    }

    static func message(for error: any Error) -> String {
        BuildCommand.fullMessage(for: error)
    }

    /// Builds once and reports as Jekyll does; the exit status (0 or 1).
    static func build(_ options: BuildOptions, watch: Bool = false, logger: Logger) -> Int32 {
        logger.adjustVerbosity(quiet: options.quiet, verbose: options.verbose)
        do {
            _ = try SiteBuild.run(options: options, plugins: JekyllPlugins.all, logger: logger)
        } catch {
            if let line = error.jekyllLine { logger.error(line.topic, line.message) }
            logger.raw(error.render(trace: options.trace))
            return 1
        }
        if watch {
            logger.warn("Auto-regeneration:", "not available in `kyll build`; use `kyll serve`.")
        } else {
            logger.info("Auto-regeneration:", "disabled. Use --watch to enable.")
        }
        return 0
    }
}
