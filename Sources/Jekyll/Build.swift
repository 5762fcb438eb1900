import Liquid

/// One build of a site, phase by phase: configuration → read → generate → render → write.
public enum SiteBuild {
    public struct Summary: Sendable {
        public var filesWritten: Int
        public var seconds: Double
    }

    /// Builds the site the options describe, logging Jekyll's banner lines.
    @discardableResult
    public static func run(options: BuildOptions, plugins available: [any JekyllPlugin],
                           logger: Logger) throws(BuildError) -> Summary {
        let start = MonotonicClock.now()
        let configuration = try ConfigurationLoader(options: options, logger: logger).load()
        try BuildSafety.check(configuration)
        logger.info("Source:", configuration.source)
        logger.info("Destination:", configuration.destination)
        logger.info("Incremental build:", configuration.incremental ? "enabled" : "disabled. Enable with --incremental")
        logger.info("Generating...")
        let written = try build(configuration, plugins: available, logger: logger)
        let seconds = MonotonicClock.seconds(since: start)
        logger.info("", "done in \(Value.float((seconds * 1000).rounded() / 1000).rubyString) seconds.")
        return Summary(filesWritten: written, seconds: seconds)
    }

    /// The phases. Returns the number of files written.
    public static func build(_ configuration: Configuration, plugins available: [any JekyllPlugin],
                             logger: Logger) throws(BuildError) -> Int {
        let setup = try SiteSetup(configuration: configuration, plugins: available, logger: logger)

        // Read: layouts, pages, static files, posts, collections, data.
        var site = setup.site
        try SiteReader(logger: logger).read(&site)

        // Generate: plugins add and change pages, items and files.
        for plugin in setup.plugins { try plugin.generate(&site) }

        // Render: every document through Liquid, its converters and its layouts, on all cores.
        let snapshot = SiteSnapshot(site: site)
        let context = BuildContext(site: snapshot, environment: setup.environment(for: snapshot),
                                   converters: setup.converters, plugins: setup.plugins)
        let rendered = try context.renderAll(workers: setup.workers)

        // Write: into a staging folder swapped in at the end, keeping `keep_files`.
        let files = rendered.pages + site.staticFiles.filter(\.isWritten).map {
            OutputFile(path: $0.destinationPath, content: .copy(from: $0.path), origin: $0.relativePath)
        } + rendered.items
        BuildSafety.warnAboutConflicts(files, logger: logger)
        try SiteWriter(destination: configuration.destination, keepFiles: configuration.keepFiles).write(files)
        setup.prepareCacheFolder()
        return files.count
    }
}
