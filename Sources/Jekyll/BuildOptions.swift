/// What the command line can say about a build; every field left nil leaves the configuration's value
/// (or Jekyll's default) alone. Field names follow the configuration keys they override.
public struct BuildOptions: Sendable, Equatable {
    public var source: String?
    public var destination: String?
    /// `--config a.yml,b.yml`: read these instead of `_config.yml`, merged in order.
    public var configFiles: [String]?
    public var baseurl: String?
    public var quiet = false
    public var verbose = false
    /// `--trace`: internal detail with errors.
    public var trace = false
    public var showDrafts: Bool?
    public var future: Bool?
    public var unpublished: Bool?
    public var safe: Bool?
    public var limitPosts: Int?
    public var incremental: Bool?
    public var profile: Bool?
    public var disableDiskCache: Bool?
    public var strictFrontMatter: Bool?
    public var lsi: Bool?
    public var layoutsDir: String?
    public var pluginsDirs: [String]?
    /// `--theme-path`: folders searched for the site's theme before the gem folders.
    public var themePath: [String]?
    /// The working directory relative paths are resolved against.
    public var workingDirectory: String

    public init(workingDirectory: String = FileSystem.currentDirectory()) {
        self.workingDirectory = workingDirectory
    }
}
