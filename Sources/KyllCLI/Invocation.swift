import ArgumentParser
import Jekyll

/// Runs `kyll build` or `kyll clean` in this process with a given working directory and logger
/// (for tests and embedding): the arguments as on the command line, after the subcommand name.
public enum Invocation {
    public static func run(_ arguments: [String], workingDirectory: String, logger: Logger) -> Int32 {
        guard let name = arguments.first else { return 64 }
        do {
            switch name {
            case "build", "b":
                let command = try BuildCommand.parse(Array(arguments.dropFirst()))
                return BuildCommand.build(command.options.buildOptions(workingDirectory: workingDirectory),
                                          watch: command.watch, logger: logger)
            case "clean":
                let command = try CleanCommand.parse(Array(arguments.dropFirst()))
                return CleanCommand.clean(command.options.buildOptions(workingDirectory: workingDirectory), logger: logger)
            default:
                logger.error("fatal: 'kyll \(name)' could not be found.")
                return 1
            }
        } catch {
            logger.raw(BuildCommand.message(for: error))
            return 64
        }
    }
}
