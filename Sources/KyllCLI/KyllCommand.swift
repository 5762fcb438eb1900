import ArgumentParser

/// The `kyll` command: Jekyll's command line, without Ruby.
public struct KyllCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "kyll",
        abstract: "A Jekyll-compatible static site builder.",
        version: "kyll \(version)",
        subcommands: [
            LiquidCommand.self,
            BuildCommand.self,
            CleanCommand.self,
            NewCommand.self,
            NewThemeCommand.self,
        ]
    )

    public init() {}
}
