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
        let logger = Logger()
        logger.adjustVerbosity(quiet: options.quiet, verbose: options.verbose)
        do {
            try SiteClean.run(options: options.buildOptions(), logger: logger)
        } catch {
            logger.raw(error.render(trace: options.trace))
            throw ExitCode(1)
        }
    }
}
