import ArgumentParser

/// The `kyll` command: Jekyll's command line, without Ruby.
public struct KyllCommand: AsyncParsableCommand {
    public static let version = "0.1.0"
    /// The Jekyll release whose behaviour kyll reproduces.
    public static let jekyllVersion = "4.3.1"

    public static let configuration = CommandConfiguration(
        commandName: "kyll",
        abstract: "A Jekyll-compatible static site builder.",
        version: "kyll \(version) (Jekyll \(jekyllVersion))",
        subcommands: [
            LiquidCommand.self,
            BuildCommand.self,
            ServeCommand.self,
            CleanCommand.self,
            DoctorCommand.self,
            NewCommand.self,
            NewThemeCommand.self,
        ]
    )

    public init() {}

    /// Every name a subcommand answers to (`build`, `b`, …), and `help`.
    static var commandNames: [String] {
        configuration.subcommands.flatMap { command in
            [command._commandName] + command.configuration.aliases
        } + ["help"]
    }
}
