import ArgumentParser
import Jekyll

/// `kyll clean`: removes the built site and the caches a build leaves in the source, nothing else.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the built site and the build caches without building."
    )

    @OptionGroup var options: BuildOptionGroup

    func run() throws {
        let status = CleanCommand.clean(options.buildOptions(), logger: Logger())
        if status != 0 { throw ExitCode(status) }
    }

    static func clean(_ options: BuildOptions, logger: Logger) -> Int32 {
        logger.adjustVerbosity(quiet: options.quiet, verbose: options.verbose)
        do {
            try SiteClean.run(options: options, logger: logger)
            return 0
        } catch {
            logger.raw(error.render(trace: options.trace))
            return 1
        }
    }
}
