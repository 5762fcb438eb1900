import Jekyll
import Liquid

/// The `serve` options given on the command line; nil (or false) leaves the configuration's value.
struct ServeOverrides: Sendable, Equatable {
    var host: String?
    var port: Int?
    var livereload: Bool?
    var livereloadPort: Int?
    var livereloadIgnore: [String]?
    var openURL: Bool?
    var detach: Bool?
    var skipInitialBuild: Bool?
    var watch: Bool?
    var forcePolling: Bool?

    /// The configuration as `jekyll serve` builds with it: the options given merged over it (as
    /// configuration keys), `serving` and `watch` on, `livereload_port` set, and — in development
    /// (`JEKYLL_ENV` unset or `development`) — `url` pointing at the local server, so that
    /// `absolute_url` links stay on it. `boundPort` is the port actually listened on.
    func apply(to configuration: Configuration, jekyllEnvironment: String?, boundPort: Int? = nil) -> Configuration {
        var hash = configuration.hash
        if let host { hash["host"] = .string(host) }
        // Jekyll's option parser hands the port over as text.
        if let port { hash["port"] = .string(String(port)) }
        if let livereload { hash["livereload"] = .bool(livereload) }
        if let livereloadIgnore { hash["livereload_ignore"] = .array(livereloadIgnore.map(Value.string)) }
        if let openURL { hash["open_url"] = .bool(openURL) }
        if let detach { hash["detach"] = .bool(detach) }
        if let skipInitialBuild { hash["skip_initial_build"] = .bool(skipInitialBuild) }
        if let forcePolling { hash["force_polling"] = .bool(forcePolling) }
        hash["livereload_port"] = livereloadPort.map(Value.int) ?? hash["livereload_port"] ?? .int(ServeSettings.defaultLiveReloadPort)
        hash["serving"] = true
        hash["watch"] = watch.map(Value.bool) ?? hash["watch"] ?? true
        if (jekyllEnvironment ?? "development") == "development" {
            let settings = ServeSettings(hash)
            let host = settings.host == "127.0.0.1" ? "localhost" : settings.host
            hash["url"] = .string("http://\(ServeSettings.bracketed(host)):\(boundPort ?? settings.port)")
        }
        return Configuration(hash: hash, files: configuration.files)
    }
}

/// What the server and the watcher need, read from the merged configuration.
struct ServeSettings: Sendable, Equatable {
    static let defaultLiveReloadPort = 35729

    var host: String
    var port: Int
    var baseurl: String?
    var livereload: Bool
    var livereloadPort: Int
    var livereloadIgnore: [String]
    var openURL: Bool
    var detach: Bool
    var skipInitialBuild: Bool
    var watch: Bool
    var forcePolling: Bool
    var encoding: String
    /// `webrick: headers:` — extra response headers, as Jekyll's servlet adds them.
    var headers: [String: String]

    init(_ hash: OrderedHash) {
        host = hash["host"].flatMap { $0.isNil ? nil : $0.rubyString } ?? "127.0.0.1"
        port = ServeSettings.integer(hash["port"]) ?? 4000
        baseurl = hash["baseurl"].flatMap { $0.isNil ? nil : $0.rubyString }
        livereload = hash["livereload"]?.isTruthy ?? false
        livereloadPort = ServeSettings.integer(hash["livereload_port"]) ?? ServeSettings.defaultLiveReloadPort
        switch hash["livereload_ignore"] {
        case .array(let globs)?: livereloadIgnore = globs.map(\.rubyString)
        case .nil?, nil: livereloadIgnore = []
        case let glob?: livereloadIgnore = [glob.rubyString]
        }
        openURL = hash["open_url"]?.isTruthy ?? false
        detach = hash["detach"]?.isTruthy ?? false
        skipInitialBuild = hash["skip_initial_build"]?.isTruthy ?? false
        watch = hash["watch"]?.isTruthy ?? true
        forcePolling = hash["force_polling"]?.isTruthy ?? false
        encoding = hash["encoding"].flatMap { $0.isNil ? nil : $0.rubyString } ?? "utf-8"
        var headers: [String: String] = [:]
        for (name, value) in (hash["webrick"]?.orderedHash?["headers"]?.orderedHash ?? OrderedHash()).pairs {
            headers[name.rubyString] = value.rubyString
        }
        self.headers = headers
    }

    init(_ configuration: Configuration) { self.init(configuration.hash) }

    static func integer(_ value: Value?) -> Int? {
        switch value {
        case .int(let i)?: return i
        case .float(let d)?: return Int(d)
        case .string(let s)?: return Int(s.trimmingSpaces)
        default: return nil
        }
    }

    static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    /// `Server address:` as Jekyll prints it: a slash and the base URL after the port only when a
    /// base URL is set (even an empty one).
    func serverAddress(port: Int) -> String {
        "http://\(ServeSettings.bracketed(host)):\(port)" + (baseurl.map { $0 + "/" } ?? "")
    }

    /// Jekyll refuses live reload options without `--livereload`, and prefers live reload to `--detach`.
    func validate(logger: Logger, given: ServeOverrides) -> (ServeSettings, error: String?) {
        var settings = self
        if livereload {
            if detach {
                logger.warn("Warning:", "--detach and --livereload are mutually exclusive. Choosing --livereload")
                settings.detach = false
            }
            settings.watch = true
        } else if given.livereloadPort != nil || given.livereloadIgnore != nil {
            return (settings, "--livereload-min-delay, --livereload-max-delay, --livereload-ignore, and "
                              + "--livereload-port require the --livereload option.")
        }
        return (settings, nil)
    }
}
