import Liquid

/// `doctor`: reads and generates the site as a build does, then runs Jekyll's health checks
/// (relative permalinks, destinations shared by several files, URLs that differ only by case, the
/// site's `url`, `_posts` outside `collections_dir`) and kyll's link check, which renders the site
/// in memory. Nothing is written but the cache folders Jekyll makes in the source while reading
/// (see `SiteSetup`). Returns whether the site is healthy.
public enum SiteDoctor {
    public static func run(options: BuildOptions, plugins available: [any JekyllPlugin],
                           logger: Logger) throws(BuildError) -> Bool {
        let configuration = try ConfigurationLoader(options: options, logger: logger).load()
        let setup = try SiteSetup(configuration: configuration, plugins: available, logger: logger)
        var site = setup.site
        try SiteReader(logger: logger).read(&site)
        for plugin in setup.plugins { try plugin.generate(&site) }
        let snapshot = SiteSnapshot(site: site, sourceMaps: setup.converters.sass.makesSourceMaps)
        let context = BuildContext(site: snapshot, environment: setup.environment(for: snapshot),
                                   converters: setup.converters, plugins: setup.plugins)
        let rendered = try context.renderAll(workers: setup.workers)
        let statics = site.staticFiles.filter(\.isWritten).map {
            OutputFile(path: $0.destinationPath, content: .copy(from: $0.path), origin: $0.path)
        }
        let files = rendered.pages + statics + rendered.items
        let checks = [
            !usesRelativePermalinks(configuration, logger: logger),
            !BuildSafety.warnAboutConflicts(files, destination: configuration.destination, logger: logger),
            !urlsDifferOnlyByCase(rendered.pages + rendered.items, destination: configuration.destination,
                                  logger: logger),
            hasProperURL(configuration, logger: logger),
            postsAreGathered(configuration, logger: logger),
            linksResolve(files, configuration: configuration, logger: logger),
        ]
        guard checks.allSatisfy({ $0 }) else { return false }
        logger.info("Your test results", "are in. Everything looks fine.")
        return true
    }

    static func usesRelativePermalinks(_ configuration: Configuration, logger: Logger) -> Bool {
        guard configuration["relative_permalinks"]?.isTruthy == true else { return false }
        logger.warn("Deprecation:", "Your site still uses relative permalinks, which was removed in Jekyll v3.0.0.")
        return true
    }

    /// Pages and items whose destinations are the same but for case: one overwrites the other on a
    /// case-insensitive file system.
    static func urlsDifferOnlyByCase(_ documents: [OutputFile], destination: String, logger: Logger) -> Bool {
        var byLowercase: [String: [String]] = [:]
        var order: [String] = []
        for file in documents {
            let path = Path.join(destination, file.path)
            let key = path.lowercased()
            if byLowercase[key] == nil { order.append(key) }
            byLowercase[key, default: []].append(path)
        }
        var found = false
        for key in order {
            let paths = byLowercase[key]!
            guard Set(paths).count > 1 else { continue }
            found = true
            logger.warn("Warning:", "The following URLs only differ by case. On a case-insensitive file system one "
                        + "of the URLs will be overwritten by the other: " + paths.joined(separator: ", "))
        }
        return found
    }

    /// `url` is set, is text, and is absolute (has a scheme).
    static func hasProperURL(_ configuration: Configuration, logger: Logger) -> Bool {
        let url = configuration["url"] ?? .nil
        var proper = true
        if url.isNil || url.stringValue == "" {
            logger.warn("Warning:", "You didn't set an URL in the config file, you may encounter problems with some plugins.")
            proper = false
        }
        if !url.isNil, url.stringValue == nil {
            logger.warn("Warning:", "The site URL does not seem to be valid, check the value of `url` in your config file.")
            proper = false
        }
        if !(url.stringValue.map { URIReference($0).isAbsolute } ?? false) {
            logger.warn("Warning:", "Your site URL does not seem to be absolute, check the value of `url` in your config file.")
            proper = false
        }
        return proper
    }

    /// With a `collections_dir`, posts belong under it, not in the source's `_posts`.
    static func postsAreGathered(_ configuration: Configuration, logger: Logger) -> Bool {
        guard !configuration.collectionsDir.isEmpty else { return true }
        let postsAtRoot = configuration.inSource("_posts")
        guard FileSystem.isDirectory(postsAtRoot) else { return true }
        logger.warn("Warning:", "Detected '_posts' directory outside custom `collections_dir`!")
        logger.warn("", "Please move '\(postsAtRoot)' into the custom directory at '\(configuration.inSource(configuration.collectionsDir))'")
        return false
    }

    /// kyll's link check over every HTML file the build would write.
    static func linksResolve(_ files: [OutputFile], configuration: Configuration, logger: Logger) -> Bool {
        let check = LinkCheck(written: Set(files.map(\.path)), url: configuration.url, baseurl: configuration.baseurl)
        var broken: [LinkCheck.BrokenLink] = []
        for file in files where isHTML(file.path) {
            let html: [UInt8]
            switch file.content {
            case .text(let text): html = Array(text.utf8)
            case .copy(let path): html = (try? FileSystem.read(path)) ?? []
            }
            broken += check.check(html: html, file: file.path, origin: file.origin)
        }
        for link in broken { logger.warn("Broken link:", link.description) }
        if !broken.isEmpty {
            logger.warn("Link check:", "\(broken.count) link(s) to this site lead to no file it writes.")
        }
        return broken.isEmpty
    }

    static func isHTML(_ path: String) -> Bool {
        let ext = Path.extname(path).lowercased()
        return ext == ".html" || ext == ".htm" || ext == ".xhtml"
    }
}
