import ArgumentParser
import Jekyll
import JekyllPlugins

/// `kyll doctor` (`hyde`): Jekyll's health checks of a site, and kyll's check that every link into
/// the site leads to a file it writes. Exits with 1 when a check fails, as Jekyll does.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Search site and print specific deprecation warnings, conflicts and broken links.",
        aliases: ["hyde"]
    )

    @Option(name: .long, help: "Custom configuration file(s), comma-separated.")
    var config: String?

    @OptionGroup var global: GlobalOptionGroup

    @Option(name: .customLong("theme-path"), help: "Folders holding gem themes (NAME/ or NAME-VERSION/), colon-separated.")
    var themePath: String?

    func run() throws {
        let status = DoctorCommand.examine(buildOptions(), logger: Logger())
        if status != 0 { throw ExitCode(status) }
    }

    func buildOptions(workingDirectory: String = FileSystem.currentDirectory()) -> BuildOptions {
        var o = BuildOptions(workingDirectory: workingDirectory)
        o.source = global.source
        o.destination = global.destination
        o.configFiles = config.map { $0.split(separator: ",").map { String($0).trimmingSpaces } }
        o.trace = global.trace
        if global.safe { o.safe = true }
        if global.profile { o.profile = true }
        o.layoutsDir = global.layouts
        o.pluginsDirs = global.plugins.map { $0.split(separator: ",").map(String.init) }
        o.themePath = themePath.map { $0.split(separator: ":").map(String.init) }
        return o
    }

    /// 0 when the site is healthy, 1 when a check failed or the site could not be read.
    static func examine(_ options: BuildOptions, logger: Logger) -> Int32 {
        do {
            return try SiteDoctor.run(options: options, plugins: JekyllPlugins.all, logger: logger) ? 0 : 1
        } catch {
            logger.report(error, trace: options.trace)
            return 1
        }
    }
}
