import ArgumentParser
import Jekyll

/// The program: Jekyll's command-line conventions around swift-argument-parser's parsing. Jekyll
/// exits with 1 for every usage error (an unknown command, a bad flag, no command at all), where
/// swift-argument-parser would exit with 64, and words those errors its own way.
public enum KyllMain {
    /// A one-shot `kyll build` (no watching, no help), run where it is called: the entry point
    /// calls this on the main thread before its first `await`. Going through `run` instead moved
    /// the build onto a new thread and ended the main one, which then loaded libgcc_s to unwind
    /// itself and gave its heap back in seven `madvise` calls (each interrupting the build's core
    /// to flush its TLB). The exit status, or nil when the command line is anything else.
    public static func buildOnCallingThread(_ arguments: [String]) -> Int32? {
        guard let name = arguments.first, name == "build" || name == "b",
              !arguments.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "help" }),
              let parsed = BuildArguments.parse(Array(arguments.dropFirst())), parsed.watch != true
        else { return nil }
        let progress = BuildProgressLine.forTerminal(quiet: parsed.options.quiet)
        let logger = progress.map { Logger(sink: $0.sink) } ?? Logger()
        return BuildCommand.build(parsed.options, exitsAfterwards: true, logger: logger, progress: progress)
    }

    /// Runs the command line and returns the exit status (help and version requests print and
    /// return 0); the caller ends the process with it.
    public static func run(_ arguments: [String]) async -> Int32 {
        let logger = Logger()
        switch arguments.first {
        case nil:
            Console.write(KyllCommand.helpMessage() + "\n", to: .standardOutput)
            logger.error("A subcommand is required.")
            return 1
        case "-v":
            Console.write(KyllCommand.configuration.version + "\n", to: .standardOutput)
            return 0
        case "help":
            return help(Array(arguments.dropFirst()), logger: logger)
        case let name? where !name.hasPrefix("-") && !KyllCommand.commandNames.contains(name):
            logger.error("fatal: 'kyll \(name)' could not be found.")
            return 1
        default:
            break
        }
        if let name = arguments.first, name == "build" || name == "b",
           !arguments.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "help" }),
           let parsed = BuildArguments.parse(Array(arguments.dropFirst())) {
            return await perform(logger: logger) { try await BuildCommand.run(parsed) }
        }
        var command: any ParsableCommand
        do {
            command = try KyllCommand.parseAsRoot(arguments)
        } catch {
            if KyllCommand.exitCode(for: error) == .success {
                KyllCommand.exit(withError: error)
            }
            usageError(KyllCommand.message(for: error), logger: logger)
            return 1
        }
        return await perform(logger: logger) {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        }
    }

    /// Runs a parsed command; its exit status.
    static func perform(logger: Logger, _ body: () async throws -> Void) async -> Int32 {
        do {
            try await body()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            // A help request from inside a command, or a failure Jekyll would report with status 1.
            if KyllCommand.exitCode(for: error) == .success { KyllCommand.exit(withError: error) }
            logger.raw(KyllCommand.fullMessage(for: error))
            return 1
        }
    }

    /// Jekyll's three lines for an option it does not understand.
    static func usageError(_ message: String, logger: Logger) {
        let prefix = "kyll \(KyllCommand.version) | Error: "
        logger.raw(prefix + " Whoops, we can't understand your command.")
        logger.raw(prefix + " " + message)
        logger.raw(prefix + " Run your command again with the --help switch to see available options.")
    }

    /// `kyll help [COMMAND]`.
    static func help(_ arguments: [String], logger: Logger) -> Int32 {
        guard let name = arguments.first else {
            Console.write(KyllCommand.helpMessage() + "\n", to: .standardOutput)
            return 0
        }
        let match = KyllCommand.configuration.subcommands.first { command in
            command._commandName == name || command.configuration.aliases.contains(name)
        }
        guard let match else {
            logger.error("Error:", "Hmm... we don't know what the '\(name)' command is.")
            Console.write("    Valid commands: " + KyllCommand.commandNames.joined(separator: ", ") + "\n",
                          to: .standardOutput)
            return 1
        }
        Console.write(KyllCommand.helpMessage(for: match) + "\n", to: .standardOutput)
        return 0
    }
}
