import NIOConcurrencyHelpers

/// What changes while the server runs: the folder served and the last build error. Requests read it,
/// the builder writes it, from any thread.
final class ServerState: Sendable {
    private struct Mutable {
        var root: String
        var buildError: BuildErrorReport?
        /// Bumped on every error change, so pages served before and after differ in their ETag.
        var errorGeneration: UInt64 = 0
        /// `errorGeneration` when browsers were last told to reload.
        var generationAtLastReload: UInt64 = 0
        /// Whether HTML pages get the live reload script (once live reload listens), and the port it
        /// connects to (nil: the page's own).
        var liveReloadScript: LiveReloadScript.Target?
    }

    private let mutable: NIOLockedValueBox<Mutable>
    let baseSegments: [String]
    let charset: String
    let headers: [String: String]
    /// Distinguishes this server's injected pages from those of an earlier run in browser caches.
    private let instanceSalt = UInt64.random(in: 0...UInt64(UInt32.max))

    init(configuration: ServerConfiguration) {
        mutable = NIOLockedValueBox(Mutable(root: configuration.root))
        baseSegments = configuration.baseSegments
        charset = configuration.charset
        headers = configuration.headers
    }

    var root: String {
        get { mutable.withLockedValue { $0.root } }
        set { mutable.withLockedValue { $0.root = newValue } }
    }

    /// Turns the script on, naming the port it connects to (nil: the page's own).
    func installLiveReloadScript(port: Int?) {
        mutable.withLockedValue { $0.liveReloadScript = LiveReloadScript.Target(port: port) }
    }

    /// Identifies the overlay state (error or none) of pages served now; the live reload hub compares
    /// it with the one a browser's page was served with.
    var errorGeneration: UInt64 {
        mutable.withLockedValue { $0.errorGeneration }
    }

    var buildError: BuildErrorReport? {
        mutable.withLockedValue { $0.buildError }
    }

    func setBuildError(_ report: BuildErrorReport?) {
        mutable.withLockedValue { state in
            guard state.buildError != report else { return }
            state.buildError = report
            state.errorGeneration += 1
        }
    }

    /// Records that browsers are being told to reload, and says whether the overlay shown (or
    /// removed) since the last reload requires a full page load rather than a stylesheet swap.
    func markReload() -> Bool {
        mutable.withLockedValue { state in
            let changed = state.generationAtLastReload != state.errorGeneration
            state.generationAtLastReload = state.errorGeneration
            return changed
        }
    }

    /// The markup to put into HTML pages now, with a number identifying it for entity tags;
    /// nil when pages go out unchanged (live reload off and no build error). The script carries the
    /// error generation, which the variant includes, so a browser never reuses a cached page whose
    /// script names another generation.
    func injection() -> (snippet: [UInt8], variant: UInt64)? {
        let (error, generation, liveReloadScript) = mutable.withLockedValue {
            ($0.buildError, $0.errorGeneration, $0.liveReloadScript)
        }
        guard liveReloadScript != nil || error != nil else { return nil }
        var snippet = ""
        if let error { snippet += ErrorOverlay.markup(for: error) }
        if let liveReloadScript { snippet += LiveReloadScript.tag(target: liveReloadScript, overlayGeneration: generation) }
        let variant = instanceSalt << 32 | (generation & 0x7FFF_FFFF) << 1 | (liveReloadScript == nil ? 0 : 1)
        return (Array(snippet.utf8), variant)
    }

    /// Strips the mount point from a request path; nil when the path lies outside it.
    func pathUnderMount(_ path: RequestPath) -> RequestPath? {
        guard path.segments.starts(with: baseSegments) else { return nil }
        return RequestPath(segments: Array(path.segments.dropFirst(baseSegments.count)),
                           hasTrailingSlash: path.hasTrailingSlash, query: path.query)
    }

    /// The URL path of a file of the site, mount point included: `css/a.css` → `/blog/css/a.css`.
    func urlPath(forSitePath sitePath: String) -> String {
        let segments = sitePath.split(separator: "/").map(String.init)
        return RequestPath(segments: baseSegments + segments, hasTrailingSlash: false)
            .encoded(trailingSlash: segments.isEmpty)
    }
}
