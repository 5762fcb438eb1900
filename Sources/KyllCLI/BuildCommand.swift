import ArgumentParser
import Jekyll
import JekyllPlugins

/// `kyll build`: Jekyll's `jekyll build`, same options, same banner, same exit statuses.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build your site.",
        aliases: ["b"]
    )

    @OptionGroup var options: BuildOptionGroup
    @OptionGroup var watching: WatchOptionGroup

    func run() async throws {
        try await BuildCommand.run(BuildArguments(options: options.buildOptions(), watch: watching.watch,
                                                  forcePolling: watching.forcePolling))
    }

    /// Builds, then watches when asked to.
    static func run(_ arguments: BuildArguments) async throws {
        let progress = BuildProgressLine.forTerminal(quiet: arguments.options.quiet)
        let logger = progress.map { Logger(sink: $0.sink) } ?? Logger()
        let watch = arguments.watch == true
        let status = BuildCommand.build(arguments.options, watch: watch, exitsAfterwards: !watch, logger: logger,
                                        progress: progress)
        if status != 0 { throw ExitCode(status) }
        if watch {
            try await BuildWatch(options: arguments.options, forcePolling: arguments.forcePolling, logger: logger).run()
        }
    }

    static func message(for error: any Error) -> String {
        BuildCommand.fullMessage(for: error)
    }

    /// Builds once and reports as Jekyll does; the exit status (0 or 1). `exitsAfterwards`: the
    /// process ends next (not in tests, not when watching), so the site is not freed.
    static func build(_ options: BuildOptions, watch: Bool = false, exitsAfterwards: Bool = false, logger: Logger,
                      progress: BuildProgressLine? = nil) -> Int32 {
        logger.adjustVerbosity(quiet: options.quiet, verbose: options.verbose)
        do {
            try SiteBuild.run(options: options, plugins: JekyllPlugins.all, logger: logger,
                              progress: progress?.progress, exitsAfterwards: exitsAfterwards)
            progress?.finish()
        } catch {
            progress?.finish()
            logger.report(error, trace: options.trace)
            return 1
        }
        if !watch { logger.info("Auto-regeneration:", "disabled. Use --watch to enable.") }
        return 0
    }
}
