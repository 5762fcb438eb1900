import ArgumentParser
import Jekyll

/// `kyll new PATH`: a starter site (or with `--blank`, an empty skeleton).
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Creates a new site scaffold in PATH.")

    @Argument(help: "Where to create the site.") var path: [String]
    @Flag(name: .long, help: "Force creation even if PATH already exists.") var force = false
    @Flag(name: .long, help: "Creates scaffolding but with empty files.") var blank = false
    @Flag(name: .customLong("skip-bundle"), help: "Skip 'bundle install' (kyll never runs it).") var skipBundle = false
    @OptionGroup var global: GlobalOptionGroup

    func run() throws {
        let logger = Logger()
        let cwd = FileSystem.currentDirectory()
        let target = Path.expand(path.joined(separator: " "), relativeTo: cwd)
        do {
            try Scaffold.newSite(at: target, blank: blank, force: force, logger: logger)
            // kyll never runs bundler; Jekyll says this when told not to.
            if skipBundle { logger.info("Bundle install skipped.") }
        } catch {
            logger.error("", error.message)
            throw ExitCode(1)
        }
    }
}

/// `kyll new-theme NAME`: a theme gem skeleton.
struct NewThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new-theme", abstract: "Creates a new theme scaffold.")

    @Argument(help: "The theme's name.") var name: [String]
    @Flag(name: [.short, .customLong("code-of-conduct")], help: "Include a code of conduct.") var codeOfConduct = false
    @OptionGroup var global: GlobalOptionGroup

    func run() throws {
        let logger = Logger()
        do {
            try Scaffold.newTheme(name.joined(separator: "_"), in: FileSystem.currentDirectory(),
                                  codeOfConduct: codeOfConduct, logger: logger)
        } catch {
            throw ExitCode(1)
        }
    }
}
