import Liquid

/// Reads the configuration as Jekyll does: the configuration files (`--config` or `_config.yml`)
/// merged in order, the command-line options over them, all of it over Jekyll's defaults; then the
/// `posts` collection and the default excludes are added.
public struct ConfigurationLoader: Sendable {
    public let options: BuildOptions
    public let logger: Logger

    public init(options: BuildOptions, logger: Logger) {
        self.options = options
        self.logger = logger
    }

    public func load() throws(BuildError) -> Configuration {
        let overrides = commandLineOverrides()
        let source = Path.expand(options.source ?? options.workingDirectory, relativeTo: options.workingDirectory)
        var fromFiles = OrderedHash()
        let (files, isDefault) = configurationFiles(source: source)
        var filesRead: [String] = []
        for file in files where !file.isEmpty {
            guard let next = try read(file, isDefault: isDefault) else { break }
            fromFiles = fromFiles.deepMerged(with: next)
            if FileSystem.isFile(file) { filesRead.append(file) }
        }
        try validate(fromFiles, places: ConfigurationPlaces(files: filesRead, source: source))
        fromFiles = Self.addDefaultCollections(fromFiles)

        let merged = fromFiles.deepMerged(with: overrides)
        var final = ConfigurationDefaults.hash(source: options.workingDirectory).deepMerged(with: merged)
        final = Self.addDefaultCollections(final)
        final = Self.addDefaultExcludes(final)
        // The source and destination the build works with are absolute paths.
        let sourcePath = Path.expand(final["source"]?.rubyString ?? source, relativeTo: options.workingDirectory)
        final["source"] = .string(sourcePath)
        final["destination"] = .string(Path.expand(final["destination"]?.rubyString ?? Path.join(sourcePath, "_site"),
                                                   relativeTo: options.workingDirectory))
        return Configuration(hash: final, files: filesRead)
    }

    /// The command-line options as configuration keys, only those given.
    func commandLineOverrides() -> OrderedHash {
        var o = OrderedHash()
        if let v = options.configFiles { o["config"] = .array(v.map(Value.string)) }
        if let v = options.source { o["source"] = .string(v) }
        if let v = options.destination { o["destination"] = .string(v) }
        if let v = options.baseurl { o["baseurl"] = .string(v) }
        if options.quiet { o["quiet"] = true }
        if options.verbose { o["verbose"] = true }
        if let v = options.showDrafts { o["show_drafts"] = .bool(v) }
        if let v = options.future { o["future"] = .bool(v) }
        if let v = options.unpublished { o["unpublished"] = .bool(v) }
        if let v = options.safe { o["safe"] = .bool(v) }
        if let v = options.limitPosts { o["limit_posts"] = .int(v) }
        if let v = options.incremental { o["incremental"] = .bool(v) }
        if let v = options.profile { o["profile"] = .bool(v) }
        if let v = options.disableDiskCache { o["disable_disk_cache"] = .bool(v) }
        if let v = options.strictFrontMatter { o["strict_front_matter"] = .bool(v) }
        if let v = options.lsi { o["lsi"] = .bool(v) }
        if let v = options.layoutsDir { o["layouts_dir"] = .string(v) }
        if let v = options.pluginsDirs { o["plugins_dir"] = .array(v.map(Value.string)) }
        if let v = options.themePath { o["theme_path"] = .array(v.map(Value.string)) }
        o["serving"] = false
        return o
    }

    /// `--config` files (relative to the working directory), or the source's `_config.yml`
    /// (`.yaml`, `.toml` when that is the one that exists).
    func configurationFiles(source: String) -> ([String], Bool) {
        if let files = options.configFiles, !files.joined().isEmpty {
            return (files.map { $0.isEmpty ? "" : Path.expand($0, relativeTo: options.workingDirectory) }, false)
        }
        let ext = ["yml", "yaml", "toml"].first { FileSystem.exists(Path.join(source, "_config." + $0)) } ?? "yml"
        return ([Path.join(source, "_config." + ext)], true)
    }

    /// One configuration file as a hash; nil when it is not a hash (Jekyll then stops reading
    /// configuration files and goes on with what it has).
    func read(_ path: String, isDefault: Bool) throws(BuildError) -> OrderedHash? {
        guard FileSystem.isFile(path) else {
            if isDefault {
                logger.warn("Configuration file:", "none")
                return OrderedHash()
            }
            logger.error("Fatal:", "The configuration file '\(path)' could not be found.")
            throw BuildError("The configuration file '\(path)' could not be found.")
        }
        let ext = Path.extname(path).lowercased()
        guard ext == ".yml" || ext == ".yaml" else {
            if ext == ".toml" {
                throw BuildError("TOML configuration files are not supported; use _config.yml",
                                 at: FileLocation(path: path, line: 1))
            }
            logger.warn("WARNING:", "Error reading configuration. Using defaults (and options).")
            logger.warn("", "No parser for '\(path)' is available. Use a .y(a)ml or .toml file instead.")
            return nil
        }
        let text = try SourceText.read(path, displayPath: displayPath(path))
        let value = try YAMLLoading.load(text, path: displayPath(path), firstLine: 1, clock: SiteClock(identifier: nil))
        switch value {
        case .hash(let h):
            logger.info("Configuration file:", path)
            return h
        case .nil:
            logger.info("Configuration file:", path)
            return OrderedHash()
        default:
            logger.warn("WARNING:", "Error reading configuration. Using defaults (and options).")
            logger.warn("Configuration file:", "(INVALID) \(path)")
            return nil
        }
    }

    func displayPath(_ path: String) -> String {
        Path.relative(path, to: options.workingDirectory) ?? path
    }

    /// Jekyll refuses `plugins`, `include` and `exclude` that are not arrays.
    func validate(_ config: OrderedHash, places: ConfigurationPlaces) throws(BuildError) {
        if let plugins = config["plugins"], plugins.arrayValue == nil {
            let shown = plugins.inspect
            logger.error("", "'plugins' should be set as an array of gem-names, but was: \(shown). Use 'plugins_dir' "
                             + "instead to set the directory for your non-gemified Ruby plugins.")
            throw places.locate(BuildError("'plugins' should be set as an array, but was: \(shown)."), at: ["plugins"])
        }
        for key in ["include", "exclude"] {
            if let v = config[key], v.arrayValue == nil {
                throw places.locate(BuildError("'\(key)' should be set as an array, but was: \(v.inspect)."), at: [.key(key)])
            }
        }
    }

    /// `collections` as a hash with `posts` first, `posts` always written, and its permalink from
    /// the site's permalink style.
    static func addDefaultCollections(_ config: OrderedHash) -> OrderedHash {
        guard let collections = config["collections"], !collections.isNil else { return config }
        var asHash: OrderedHash
        if let list = collections.arrayValue {
            asHash = OrderedHash()
            for item in list { asHash[item] = .hash(OrderedHash()) }
        } else {
            asHash = collections.orderedHash ?? OrderedHash()
        }
        var withPosts = OrderedHash()
        withPosts["posts"] = .hash(OrderedHash())
        withPosts = withPosts.deepMerged(with: asHash)
        var posts = withPosts["posts"]?.orderedHash ?? OrderedHash()
        posts["output"] = true
        if let permalink = config["permalink"], permalink.isTruthy, posts["permalink"]?.isTruthy != true {
            let style = permalink.rubyString
            posts["permalink"] = .string(URLTemplate.styleTemplate(style) ?? style)
        }
        withPosts["posts"] = .hash(posts)
        var result = config
        result["collections"] = .hash(withPosts)
        return result
    }

    static func addDefaultExcludes(_ config: OrderedHash) -> OrderedHash {
        guard let exclude = config["exclude"]?.arrayValue else { return config }
        var list = exclude
        for item in ConfigurationDefaults.excludes where !list.contains(.string(item)) { list.append(.string(item)) }
        var seen = Set<Value>()
        list = list.filter { seen.insert($0).inserted }
        var result = config
        result["exclude"] = .array(list)
        return result
    }
}
