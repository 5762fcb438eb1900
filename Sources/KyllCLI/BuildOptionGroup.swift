import ArgumentParser
import Jekyll

/// The options `build` shares with `clean` (and later `serve`), named as Jekyll names them.
struct BuildOptionGroup: ParsableArguments {
    @Option(name: [.short, .long], help: "Source directory (defaults to ./).")
    var source: String?

    @Option(name: [.short, .long], help: "Destination directory (defaults to ./_site).")
    var destination: String?

    @Option(name: .long, help: "Custom configuration file(s), comma-separated.")
    var config: String?

    @Option(name: [.short, .long], help: "Serve the website from the given base URL.")
    var baseurl: String?

    @Flag(name: [.short, .long], help: "Silence output.")
    var quiet = false

    @Flag(name: [.customShort("V"), .long], help: "Print verbose output.")
    var verbose = false

    @Flag(name: [.short, .long], help: "Show the full detail of errors.")
    var trace = false

    @Flag(name: .long, help: "Publishes posts with a future date.")
    var future = false

    @Flag(name: [.customShort("D"), .customLong("drafts")], help: "Render posts in the _drafts folder.")
    var drafts = false

    @Flag(name: .long, help: "Render posts that were marked as unpublished.")
    var unpublished = false

    @Flag(name: .long, help: "Safe mode: no symlinks out of the source, only safe plugins.")
    var safe = false

    /// The next word is the value even when it starts with a dash, as with Jekyll: `--limit_posts -1`
    /// reaches the site's check (and its error), not the option parser's.
    @Option(name: .customLong("limit_posts"), parsing: .unconditional,
            help: "Limits the number of posts to parse and publish.")
    var limitPosts: Int?

    @Flag(name: [.customShort("I"), .long], help: "Enable incremental rebuild.")
    var incremental = false

    @Flag(name: .long, help: "Generate a Liquid rendering profile.")
    var profile = false

    @Flag(name: .customLong("disable-disk-cache"), help: "Disable caching to disk in non-safe mode.")
    var disableDiskCache = false

    @Flag(name: .customLong("strict_front_matter"), help: "Fail if errors are present in front matter.")
    var strictFrontMatter = false

    @Flag(name: .long, help: "Use LSI for improved related posts (kyll warns and lists the most recent posts).")
    var lsi = false

    @Option(name: .customLong("layouts"), help: "Layouts directory (defaults to ./_layouts).")
    var layouts: String?

    @Option(name: [.customShort("p"), .customLong("plugins")], help: "Plugins directories, comma-separated.")
    var plugins: String?

    /// Jekyll ignores words after the command (`jekyll build extra`); so does kyll.
    @Argument(help: .hidden)
    var ignoredArguments: [String] = []

    @Option(name: .customLong("theme-path"), help: "Folders holding gem themes (NAME/ or NAME-VERSION/), colon-separated.")
    var themePath: String?

    /// The options as the build sees them: only what was given overrides the configuration.
    func buildOptions(workingDirectory: String = FileSystem.currentDirectory()) -> BuildOptions {
        var o = BuildOptions(workingDirectory: workingDirectory)
        o.source = source
        o.destination = destination
        o.configFiles = config.map(Self.configFiles)
        o.baseurl = baseurl
        o.quiet = quiet
        o.verbose = verbose
        o.trace = trace
        if future { o.future = true }
        if drafts { o.showDrafts = true }
        if unpublished { o.unpublished = true }
        if safe { o.safe = true }
        o.limitPosts = limitPosts
        if incremental { o.incremental = true }
        if profile { o.profile = true }
        if disableDiskCache { o.disableDiskCache = true }
        if strictFrontMatter { o.strictFrontMatter = true }
        if lsi { o.lsi = true }
        o.layoutsDir = layouts
        o.pluginsDirs = plugins.map(Self.pluginsDirs)
        o.themePath = themePath.map(Self.themePath)
        return o
    }

    static func configFiles(_ value: String) -> [String] { value.split(separator: ",").map { String($0).trimmingSpaces } }
    static func pluginsDirs(_ value: String) -> [String] { value.split(separator: ",").map(String.init) }
    static func themePath(_ value: String) -> [String] { value.split(separator: ":").map(String.init) }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
