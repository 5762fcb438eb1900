/// How a `SiteServer` serves a folder. The defaults are `jekyll serve`'s.
public struct ServerConfiguration: Sendable {
    /// Live reload settings; `nil` in `ServerConfiguration.liveReload` turns live reload off.
    public struct LiveReload: Sendable, Equatable {
        /// Jekyll's `--livereload-port` default, the LiveReload protocol's usual port.
        public static let defaultPort = 35729

        /// The port of the live reload WebSocket: `nil` serves it on the site's own port (path
        /// `/livereload`), `0` picks a free port.
        public var port: Int?

        public init(port: Int? = LiveReload.defaultPort) {
            self.port = port
        }
    }

    /// The folder served (the site's destination). It is read at request time and may be replaced
    /// between builds; see `SiteServer.setRoot(_:)`.
    public var root: String
    public var host: String
    /// `0` picks a free port; `SiteServer.start()` reports the one bound.
    public var port: Int
    /// The mount point (`/blog`): the site answers under it and nowhere else, like GitHub Pages
    /// serving a project site. Empty or `/` mounts the site at the top.
    public var baseURL: String
    public var liveReload: LiveReload?
    /// Added to textual content types (`text/html; charset=utf-8`); Jekyll's `encoding` setting.
    public var charset: String
    /// Extra headers on every file response (Jekyll's `webrick: headers:` setting).
    public var headers: [String: String]

    public init(root: String, host: String = "127.0.0.1", port: Int = 4000, baseURL: String = "",
                liveReload: LiveReload? = nil, charset: String = "utf-8", headers: [String: String] = [:]) {
        self.root = root
        self.host = host
        self.port = port
        self.baseURL = baseURL
        self.liveReload = liveReload
        self.charset = charset
        self.headers = headers
    }

    /// The mount point as path segments: `"/blog/"` → `["blog"]`.
    var baseSegments: [String] {
        (try? RequestPath(target: "/" + baseURL))?.segments ?? []
    }
}
