import ArgumentParser

/// The options Jekyll accepts on every command (`new`, `new-theme`, `doctor` …): the site's folders,
/// safe mode, plugins and layouts folders, profiling and error detail. Commands that do not build
/// accept them and leave them unused, as Jekyll does.
struct GlobalOptionGroup: ParsableArguments {
    @Option(name: [.short, .long], help: "Source directory (defaults to ./).")
    var source: String?

    @Option(name: [.short, .long], help: "Destination directory (defaults to ./_site).")
    var destination: String?

    @Flag(name: .long, help: "Safe mode (defaults to false).")
    var safe = false

    @Option(name: [.customShort("p"), .customLong("plugins")], help: "Plugins directories, comma-separated.")
    var plugins: String?

    @Option(name: .customLong("layouts"), help: "Layouts directory (defaults to ./_layouts).")
    var layouts: String?

    @Flag(name: .long, help: "Generate a Liquid rendering profile.")
    var profile = false

    @Flag(name: [.short, .long], help: "Show the full detail of errors.")
    var trace = false
}

/// `-w/--[no-]watch` and `--force_polling`, which `build` and `clean` accept (`serve` has its own).
struct WatchOptionGroup: ParsableArguments {
    @Flag(name: [.short, .long], inversion: .prefixedNo, help: "Watch for changes and rebuild.")
    var watch: Bool?

    @Flag(name: .customLong("force_polling"), help: "Force watch to use polling.")
    var forcePolling = false
}
