import Dispatch
import JekyllLiquid
import Liquid
import Markdown

/// What a build sets up before reading: the site's clock and time, its theme, the plugins it
/// switches on, the converters and the Liquid environment with Jekyll's filters and tags.
struct SiteSetup {
    let site: Site
    let plugins: [any JekyllPlugin]
    let converters: ContentConverters
    let workers: Int
    private let baseEnvironment: LiquidEnvironment

    init(configuration: Configuration, plugins available: [any JekyllPlugin], logger: Logger) throws(BuildError) {
        let clock = SiteClock(identifier: configuration.timezone)
        var time = clock.now()
        if let configured = configuration["time"], !configured.isNil {
            guard let parsed = DateParsing.time(from: configured, clock: clock) else {
                throw BuildError("Invalid date '\(configured.rubyString)': Invalid time in _config.yml.")
            }
            time = parsed
        }
        if configuration.limitPosts < 0 { throw BuildError("limit_posts must be a non-negative number") }
        let theme = try ThemeLocator.theme(for: configuration, logger: logger)
        site = Site(configuration: configuration, clock: clock, time: time, logger: logger, theme: theme)
        plugins = PluginSelection.select(from: available, configuration: configuration, theme: theme, logger: logger)
        converters = ContentConverters(configuration: configuration, highlighter: nil, theme: theme)
        workers = max(1, ProcessorCount.active)
        baseEnvironment = SiteSetup.environment(configuration: configuration, theme: theme, plugins: plugins,
                                                converters: converters)
        if !configuration.safe {
            for dir in configuration.pluginsDir {
                let path = configuration.inSource(dir)
                if FileSystem.isDirectory(path), FileSystem.walkFiles(path).contains(where: { $0.hasSuffix(".rb") }) {
                    logger.warn("Plugins:", "Ruby plugins in \(dir) cannot run in kyll and are ignored.")
                }
            }
        }
    }

    func environment(for snapshot: SiteSnapshot) -> LiquidEnvironment { baseEnvironment }

    /// Jekyll's Liquid: the standard tags and filters, Jekyll's `where`, `find`, `sort` and
    /// `include`, its other filters and tags, then the plugins'.
    static func environment(configuration: Configuration, theme: Theme?, plugins: [any JekyllPlugin],
                            converters: ContentConverters) -> LiquidEnvironment {
        var env = LiquidEnvironment.standard
        env.errorMode = ErrorMode(rawValue: configuration.liquidErrorMode) ?? .warn
        JekyllFlavor.registerFilters(into: &env)
        JekyllFlavor.registerIncludeTag(into: &env)
        if let include = env.tags["include"] {
            env.register(tag: "include_relative", IncludeRelativeParser(include: include))
        }
        JekyllFilters.register(into: &env)
        JekyllTags.register(into: &env)
        env.fileSystem = IncludeFileSystem(configuration: configuration, theme: theme)
        for plugin in plugins { plugin.register(in: &env, configuration: configuration) }
        return env
    }

    /// Jekyll keeps a cache folder in the source (`.jekyll-cache`, ignored by git) unless in safe
    /// mode or with `--disable-disk-cache`; kyll makes the same folders so tools that expect them
    /// find them.
    func prepareCacheFolder() {
        let configuration = site.configuration
        guard !configuration.safe, !configuration.disableDiskCache else { return }
        let cache = configuration.inSource(configuration.cacheDir)
        try? FileSystem.makeDirectories(Path.join(cache, "Jekyll/Cache/Jekyll--Cache"))
        let ignore = Path.join(cache, ".gitignore")
        if !FileSystem.exists(ignore) {
            try? FileSystem.write(Array("# ignore everything in this directory\n*\n".utf8), to: ignore)
        }
    }
}

/// The checks Jekyll makes before building, and its warning about files written twice.
enum BuildSafety {
    /// The destination may not be the source or contain it, nor be the file system's root.
    static func check(_ configuration: Configuration) throws(BuildError) {
        let destination = configuration.destination
        var path = configuration.source
        while true {
            if path == destination {
                throw BuildError("Destination directory cannot be or contain the Source directory.")
            }
            if path == "/" { break }
            path = Path.dirname(path)
        }
        if destination == "/" { throw BuildError("The destination cannot be the root folder.") }
    }

    static func warnAboutConflicts(_ files: [OutputFile], logger: Logger) {
        var origins: [String: [String]] = [:]
        var order: [String] = []
        for f in files {
            if origins[f.path] == nil { order.append(f.path) }
            origins[f.path, default: []].append(f.origin)
        }
        for path in order where origins[path]!.count > 1 {
            logger.warn("Conflict:", "The following destination is shared by multiple files.")
            logger.warn("", "The written file may end up with unexpected contents.")
            logger.warn("", path)
            for origin in origins[path]! { logger.warn("", " - \(origin)") }
            logger.warn("")
        }
    }
}
