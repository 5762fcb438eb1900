/// `clean`: removes the built site, the staging folders a failed build may have left, and the cache
/// folder a build makes — nothing else.
public enum SiteClean {
    public static func run(options: BuildOptions, logger: Logger) throws(BuildError) {
        let configuration = try ConfigurationLoader(options: options, logger: logger).load()
        let writer = SiteWriter(destination: configuration.destination, keepFiles: [])
        remove(configuration.destination, logger: logger)
        for leftover in [writer.stagingPath, writer.retiredPath] where FileSystem.exists(leftover) {
            try? FileSystem.remove(leftover)
        }
        let metadata = configuration.inSource(".jekyll-metadata")
        if FileSystem.isFile(metadata) {
            logger.info("Cleaner:", "Removing \(metadata)...")
            try? FileSystem.remove(metadata)
        } else {
            logger.info("Cleaner:", "Nothing to do for \(metadata).")
        }
        remove(configuration.inSource(configuration.cacheDir), logger: logger)
        // Jekyll names the Sass cache relative to the working directory.
        remove(Path.join(options.workingDirectory, ".sass-cache"), shownAs: ".sass-cache", logger: logger)
    }

    static func remove(_ path: String, shownAs name: String? = nil, logger: Logger) {
        if FileSystem.isDirectory(path) {
            logger.info("Cleaner:", "Removing \(name ?? path)...")
            try? FileSystem.remove(path, concurrently: true)
        } else {
            logger.info("Cleaner:", "Nothing to do for \(name ?? path).")
        }
    }
}
