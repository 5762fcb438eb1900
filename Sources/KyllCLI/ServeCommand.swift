import ArgumentParser
import Jekyll

/// `kyll serve` (`server`, `s`): Jekyll's `jekyll serve` — build, serve the destination like GitHub
/// Pages, rebuild on every change and reload the browsers, showing a failed build over the pages.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve your site locally.",
        aliases: ["server", "s"]
    )

    @OptionGroup var options: BuildOptionGroup
    @OptionGroup var serve: ServeOptionGroup

    func run() async throws {
        let signals = ServeSignals.interruption()
        let status = await ServeSession.run(options: options.buildOptions(), serve: serve.settings(),
                                            logger: Logger(), stop: signals.stop)
        withExtendedLifetime(signals.sources) {}
        if status != 0 { throw ExitCode(status) }
    }
}

/// The options `serve` adds to the build options, named as Jekyll names them. Each one given
/// overrides the configuration key of the same name (Jekyll merges them into the configuration, so a
/// site may also set `port:` or `livereload:` in `_config.yml`).
struct ServeOptionGroup: ParsableArguments {
    @Option(name: [.customShort("H"), .long], help: "Host to bind to (defaults to 127.0.0.1).")
    var host: String?

    @Option(name: [.customShort("P"), .long], help: "Port to listen on (defaults to 4000).")
    var port: Int?

    @Flag(name: [.short, .long], help: "Use LiveReload to automatically refresh browsers.")
    var livereload = false

    @Option(name: .customLong("livereload-port"), help: "Port for LiveReload to listen on (defaults to 35729).")
    var livereloadPort: Int?

    @Option(name: .customLong("livereload-ignore"),
            help: "Files for LiveReload to ignore, comma-separated globs (quote them).")
    var livereloadIgnore: String?

    @Flag(name: [.customShort("o"), .customLong("open-url")], help: "Launch your site in a browser.")
    var openURL = false

    @Flag(name: [.customShort("B"), .long], help: "Run the server in the background.")
    var detach = false

    @Flag(name: .customLong("skip-initial-build"),
          help: "Skips the initial site build which occurs before the server is started.")
    var skipInitialBuild = false

    @Flag(name: [.short, .long], inversion: .prefixedNo, help: "Watch for changes and rebuild.")
    var watch: Bool?

    @Flag(name: .customLong("force_polling"), help: "Force watch to use polling.")
    var forcePolling = false

    /// Only what was given; the configuration and Jekyll's defaults fill in the rest.
    func settings() -> ServeOverrides {
        var o = ServeOverrides()
        o.host = host
        o.port = port
        if livereload { o.livereload = true }
        o.livereloadPort = livereloadPort
        o.livereloadIgnore = livereloadIgnore.map { $0.split(separator: ",").map { String($0).trimmingSpaces } }
        if openURL { o.openURL = true }
        if detach { o.detach = true }
        if skipInitialBuild { o.skipInitialBuild = true }
        o.watch = watch
        if forcePolling { o.forcePolling = true }
        return o
    }
}
