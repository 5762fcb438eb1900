import Dispatch
import JekyllLiquid
import Liquid
import Markdown
import MarkdownHighlight

/// What a build sets up before reading: the site's clock and time, its theme, the plugins it
/// switches on, the converters and the Liquid environment with Jekyll's filters and tags.
struct SiteSetup {
    let site: Site
    let plugins: [any JekyllPlugin]
    let converters: ContentConverters
    let workers: Int
    /// Below this many documents, files in all (documents and static files) and bytes of the
    /// documents' text, a build renders and writes on its own thread alone (`workers(rendering:)`).
    static let smallSite = (documents: 16, files: 64, bytes: 64 << 10)
    /// With `--profile`, the render statistics.
    let profile: RenderProfile?
    /// Whether the stylesheets started compiling at setup (the reader then hands them the pages it reads).
    let looksForStylesheets: Bool
    private let baseEnvironment: LiquidEnvironment

    /// The cores a build renders and writes `site` on: for a small one, this thread only.
    /// libdispatch's pool starts a thread and its manager's for the first parallel step (each a
    /// stack and a heap arena, ~80 page faults) to save less than that, while the early
    /// conversions' thread already has the other core (the seed site: 3-6 threads → 1-2, ~10 % of its build).
    /// Asked after the read (whether to convert ahead) and again after the plugins' `generate`.
    func workers(rendering site: Site) -> Int {
        let small = SiteSetup.smallSite
        var documents = site.pages.count, files = site.staticFiles.count, bytes = 0
        for collection in site.collections {
            documents += collection.docs.count
            files += collection.files.count
        }
        guard documents < small.documents, documents + files < small.files else { return workers }
        for page in site.pages { bytes += page.content.utf8.count }
        for collection in site.collections { for doc in collection.docs { bytes += doc.content.utf8.count } }
        return bytes < small.bytes ? 1 : workers
    }

    /// `sources`: files parsed by earlier builds of this process, to parse again only when changed.
    /// `looksForStylesheets`: the site's stylesheets start compiling as soon as the converters
    /// exist (`EarlyConversions`), before the rest of the setup: libsass's compile is the longest
    /// step of a small site's build.
    /// `cores`: those the build renders on, and whether there is one for the early conversions.
    /// `exitsAfterwards`: the process ends after this build.
    /// `earlyLaunch`: runs the early conversions' jobs (tests run them in place; nil: threads of their own).
    init(configuration given: Configuration, plugins available: [any JekyllPlugin], logger: Logger,
         sources: SourceCache? = nil, looksForStylesheets: Bool = false, cores: Int = ProcessorCount.active,
         exitsAfterwards: Bool = false,
         earlyLaunch: (@Sendable (@escaping @Sendable () -> Void) -> Void)? = nil) throws(BuildError) {
        // The cache folders are made after the stylesheets have started, off the compile's way (by
        // the walk's thread, see below), but a failure before then leaves them as Jekyll's does:
        // `.gitignore` once the configuration is applied, `Jekyll--Cache` once the time and
        // `limit_posts` are accepted.
        let theme: Theme?
        let configuration: Configuration
        let clock: SiteClock
        var time: TimeValue
        do throws(BuildError) {
            theme = try ThemeLocator.theme(for: given, logger: logger)
            configuration = try SiteSetup.withThemeConfiguration(given, theme: theme, logger: logger)
            clock = SiteClock(identifier: configuration.timezone)
            time = clock.now()
            if let configured = configuration["time"], !configured.isNil {
                guard let parsed = DateParsing.time(from: configured, clock: clock) else {
                    throw configuration.places.locate(BuildError("Invalid date '\(configured.rubyString)': Invalid time in _config.yml."),
                                                      at: ["time"])
                }
                time = parsed
            }
            if configuration.limitPosts < 0 {
                throw configuration.places.locate(BuildError("limit_posts must be a non-negative number"), at: ["limit_posts"])
            }
        } catch {
            SiteSetup.hideCacheFolderFromGit(given)
            throw error
        }
        var site = Site(configuration: configuration, clock: clock, time: time, logger: logger, theme: theme)
        plugins = PluginSelection.select(from: available, configuration: configuration, theme: theme, logger: logger)
        do throws(BuildError) {
            converters = try ContentConverters(configuration: configuration, highlighter: RougeHighlighter(), theme: theme,
                                               cores: max(1, cores), exitsAfterwards: exitsAfterwards, earlyLaunch: earlyLaunch)
        } catch {
            SiteSetup.makeCacheFolders(given)
            throw error
        }
        self.looksForStylesheets = looksForStylesheets
        if looksForStylesheets { converters.earlyConversions.startLooking(configuration: site.configuration) }
        // On a disk file system the folders cost a small site's build ~0.5 ms: the walk's thread
        // makes them once it is idle (the build waits for that before it ends).
        if !converters.earlyConversions.whenIdle({ SiteSetup.makeCacheFolders(given) }) { SiteSetup.makeCacheFolders(given) }
        site.markdown = converters.markdown
        site.sources = sources
        self.site = site
        workers = max(1, cores)
        profile = configuration.renderProfile ? RenderProfile() : nil
        baseEnvironment = SiteSetup.environment(configuration: configuration, theme: theme, plugins: plugins,
                                                converters: converters, profile: profile)
        if configuration["lsi"]?.isTruthy == true {
            logger.warn("LSI:", "kyll has no latent semantic indexing; site.related_posts lists the ten most recent posts.")
        }
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

    /// A theme's `_config.yml` under the site's (without the keys Jekyll's defaults have), unless
    /// `ignore_theme_config` is true or the file is a symlink.
    static func withThemeConfiguration(_ configuration: Configuration, theme: Theme?,
                                       logger: Logger) throws(BuildError) -> Configuration {
        guard let theme, configuration["ignore_theme_config"] != .bool(true) else { return configuration }
        let path = Path.join(theme.root, "_config.yml")
        guard FileSystem.isFile(path), !FileSystem.isSymlink(path) else { return configuration }
        let text = try SourceText.read(path, displayPath: path)
        guard case .hash(var themeConfig) = try YAMLLoading.load(text, path: path, firstLine: 1,
                                                                clock: SiteClock(identifier: nil)) else {
            return configuration
        }
        logger.info("Theme Config file:", path)
        for key in themeConfig.keys where ConfigurationDefaults.keys.contains(key.rubyString) { themeConfig[key] = nil }
        return Configuration(hash: themeConfig.deepMerged(with: configuration.hash), files: configuration.files)
    }

    /// Jekyll's Liquid: the standard tags and filters, Jekyll's `where`, `find`, `sort` and
    /// `include`, its other filters and tags, then the plugins'.
    static func environment(configuration: Configuration, theme: Theme?, plugins: [any JekyllPlugin],
                            converters: ContentConverters, profile: RenderProfile?) -> LiquidEnvironment {
        var env = LiquidEnvironment.standard
        env.errorMode = ErrorMode(rawValue: configuration.liquidErrorMode) ?? .warn
        JekyllFlavor.registerFilters(into: &env)
        JekyllFlavor.registerIncludeTag(into: &env)
        if let include = env.tags["include"] {
            env.register(tag: "include_relative", IncludeRelativeParser(include: include))
        }
        if profile == nil, let include = env.tags["include"] {
            env.register(tag: "include", MemoizedIncludeParser(include: include))
        }
        JekyllFilters.register(into: &env)
        JekyllTags.register(into: &env)
        if let profile {
            for name in ["include", "include_relative"] {
                if let tag = env.tags[name] { env.register(tag: name, ProfiledIncludeParser(include: tag, profile: profile)) }
            }
        }
        env.fileSystem = IncludeFileSystem(configuration: configuration, theme: theme, notesEveryInclude: profile != nil)
        for plugin in plugins { plugin.register(in: &env, configuration: configuration) }
        return env
    }

    /// Jekyll keeps a cache folder in the source (`.jekyll-cache`) unless in safe mode or with
    /// `--disable-disk-cache`. kyll caches nothing there but makes the same folders at the same
    /// moments, so that a build, `doctor` or a failed build leave the source as Jekyll leaves it:
    /// first the folder and its `.gitignore`, as the configuration is applied (before the theme)…
    static func hideCacheFolderFromGit(_ configuration: Configuration) {
        guard usesDiskCache(configuration) else { return }
        let cache = configuration.inSource(configuration.cacheDir)
        let ignore = Path.join(cache, ".gitignore")
        guard !FileSystem.exists(ignore) else { return }
        try? FileSystem.makeDirectories(cache)
        try? FileSystem.write(Array("# ignore everything in this directory\n*\n".utf8), to: ignore)
    }

    /// Both, as a build that got past its time and `limit_posts` leaves them.
    static func makeCacheFolders(_ configuration: Configuration) {
        hideCacheFolderFromGit(configuration)
        makeCacheFolder(configuration)
    }

    /// …then, once the site's time and `limit_posts` are accepted, the folder where Jekyll keeps the
    /// configuration it last built with (Ruby Marshal data, which kyll does not write).
    static func makeCacheFolder(_ configuration: Configuration) {
        guard usesDiskCache(configuration) else { return }
        try? FileSystem.makeDirectories(Path.join(configuration.inSource(configuration.cacheDir), "Jekyll/Cache/Jekyll--Cache"))
    }

    private static func usesDiskCache(_ configuration: Configuration) -> Bool {
        !configuration.safe && !configuration.disableDiskCache
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

    /// Whether there were any.
    @discardableResult
    static func warnAboutConflicts(_ files: [OutputFile], destination: String, logger: Logger) -> Bool {
        // Usually no path is shared: one look-up per file says so (this runs on every rebuild).
        var seen = Set<String>(minimumCapacity: files.count)
        guard files.contains(where: { !$0.mayReplace && !seen.insert($0.path).inserted }) else { return false }
        var origins: [String: [String]] = [:]
        var order: [String] = []
        for f in files where !f.mayReplace {
            if origins[f.path] == nil { order.append(f.path) }
            origins[f.path, default: []].append(f.origin)
        }
        for path in order where origins[path]!.count > 1 {
            logger.warn("Conflict:", "The following destination is shared by multiple files.")
            logger.warn("", "The written file may end up with unexpected contents.")
            logger.warn("", "\u{1B}[36m" + Path.join(destination, path) + "\u{1B}[0m")
            for origin in origins[path]! { logger.warn("", " - \(origin)") }
            logger.warn("")
        }
        return order.contains { origins[$0]!.count > 1 }
    }
}
