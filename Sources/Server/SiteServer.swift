import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// Serves a built site like GitHub Pages, with optional live reload and a build-error overlay.
///
/// ```swift
/// let server = SiteServer(configuration: .init(root: "_site", port: 4000, liveReload: .init()))
/// let addresses = try await server.start()
/// // after each build:
/// server.clearBuildError(); server.notifyReload(changedPaths: ["index.html"])
/// // or, when it failed:
/// server.showBuildError(report)
/// await server.stop()
/// ```
public final class SiteServer: Sendable {
    /// The ports actually bound, useful when the configuration asked for port 0.
    public struct Addresses: Sendable, Equatable {
        public var host: String
        public var port: Int
        /// The live reload WebSocket's port (the site's own when configured so); nil when off.
        public var liveReloadPort: Int?
        /// The mount point with slashes around it: `/` or `/blog/`.
        public var basePath: String

        /// The address to open, as `jekyll serve` prints it: `http://127.0.0.1:4000/blog/`.
        public var url: String {
            let hostPart = host.contains(":") ? "[\(host)]" : host
            return "http://\(hostPart):\(port)\(basePath)"
        }
    }

    public enum StartError: Error, Equatable {
        case alreadyStarted
        case stoppedBeforeListening
    }

    private struct Running: Sendable {
        var group: ServiceGroup
        var task: Task<Void, Never>
        var addresses: Addresses
    }

    public let configuration: ServerConfiguration
    private let state: ServerState
    private let hub: LiveReloadHub
    private let running = NIOLockedValueBox<Running?>(nil)
    private let logger: Logger

    public init(configuration: ServerConfiguration, logger: Logger? = nil) {
        self.configuration = configuration
        let state = ServerState(configuration: configuration)
        self.state = state
        hub = LiveReloadHub(currentOverlayGeneration: { state.errorGeneration },
                            reloadPath: state.urlPath(forSitePath: ""))
        self.logger = logger ?? {
            var logger = Logger(label: "kyll.server")
            logger.logLevel = .warning
            return logger
        }()
    }

    /// The addresses bound, once `start()` has returned.
    public var addresses: Addresses? { running.withLockedValue { $0?.addresses } }

    /// Binds the ports and starts answering; returns once every port is listening. A separate live
    /// reload port is bound first, so the script in the first page served already knows it.
    @discardableResult
    public func start() async throws -> Addresses {
        guard addresses == nil else { throw StartError.alreadyStarted }
        hub.reopen()
        let liveReload = configuration.liveReload
        let upgrade = webSocketUpgrade()
        let siteListening = StartupSignal(), liveReloadListening = StartupSignal()
        let siteServerBuilder: HTTPServerBuilder = (liveReload != nil && liveReload?.port == nil)
            ? .http1WebSocketUpgrade(shouldUpgrade: upgrade) : .http1()
        let site = Application(
            responder: StaticSiteResponder(state: state), server: siteServerBuilder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "kyll"),
            onServerRunning: { siteListening.listening(port: $0.localAddress?.port) }, logger: logger)
        var firstServices: [any Service] = [site]
        if let liveReloadPort = liveReload?.port {
            let responder = CallbackResponder<BasicRequestContext> { request, _ in
                StaticSiteResponder.plain(.notFound, "kyll live reload: connect a WebSocket to /livereload",
                                          head: request.method == .head)
            }
            firstServices = [Application(
                responder: responder, server: .http1WebSocketUpgrade(shouldUpgrade: upgrade),
                configuration: .init(address: .hostname(configuration.host, port: liveReloadPort), serverName: "kyll"),
                onServerRunning: { liveReloadListening.listening(port: $0.localAddress?.port) }, logger: logger)]
        }

        var groupConfiguration = ServiceGroupConfiguration(services: firstServices, logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(3)
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task {
            let error: any Error
            do {
                try await group.run()
                error = StartError.stoppedBeforeListening
            } catch let thrown {
                error = thrown
            }
            siteListening.failed(error)
            liveReloadListening.failed(error)
        }
        do {
            var liveReloadPort: Int?
            if liveReload?.port != nil {
                liveReloadPort = try await liveReloadListening.wait()
                await group.addServiceUnlessShutdown(site)
            }
            let sitePort = try await siteListening.wait()
            if let liveReload {
                state.installLiveReloadScript(port: liveReload.port == nil ? nil : liveReloadPort)
            }
            let addresses = Addresses(host: configuration.host, port: sitePort,
                                      liveReloadPort: liveReload == nil ? nil : (liveReloadPort ?? sitePort),
                                      basePath: state.urlPath(forSitePath: ""))
            running.withLockedValue { $0 = Running(group: group, task: task, addresses: addresses) }
            return addresses
        } catch {
            await group.triggerGracefulShutdown()
            _ = await task.value
            throw error
        }
    }

    /// Closes live reload connections and the listening sockets; returns when all is shut.
    public func stop() async {
        guard let current = running.withLockedValue({ running in
            defer { running = nil }
            return running
        }) else { return }
        hub.closeAll()
        await current.group.triggerGracefulShutdown()
        await current.task.value
    }

    /// The folder being served.
    public var root: String { state.root }

    /// Serves another folder from the next request on (a builder that builds into a fresh folder
    /// each time points the server at it). A folder renamed into place needs no call: paths are
    /// resolved at every request.
    public func setRoot(_ root: String) {
        state.root = root
    }

    /// Browsers connected for live reload (handshake done).
    public var liveReloadConnectionCount: Int { hub.connectionCount }

    /// Tells connected browsers that a build finished. `changedPaths` are paths of files in the served
    /// folder (`css/main.css`, `index.html`). When all of them are stylesheets, pages swap those
    /// stylesheets in place; when the error overlay must come or go, or any other file changed, pages
    /// reload. No paths and no overlay change: open pages are current, and nothing is sent (a reload
    /// would lose their state).
    public func notifyReload(changedPaths: [String]) {
        guard configuration.liveReload != nil else { return }
        let overlayChanged = state.markReload()
        guard !changedPaths.isEmpty || overlayChanged else { return }
        let onlyStylesheets = !changedPaths.isEmpty && changedPaths.allSatisfy { $0.lowercased().hasSuffix(".css") }
        if onlyStylesheets && !overlayChanged {
            hub.broadcast(changedPaths.map {
                LiveReloadMessage.reload(path: state.urlPath(forSitePath: $0), liveCSS: true)
            })
        } else {
            let path = changedPaths.first.map(state.urlPath(forSitePath:)) ?? state.urlPath(forSitePath: "")
            hub.broadcast([LiveReloadMessage.reload(path: path, liveCSS: false)])
        }
    }

    /// Shows `report` over every HTML page served from now on (the last good site stays served), and
    /// has connected browsers reload to show it.
    public func showBuildError(_ report: BuildErrorReport) {
        state.setBuildError(report)
        notifyReload(changedPaths: [])
    }

    /// Removes the overlay from pages served from now on. Follow it with `notifyReload(changedPaths:)`
    /// once the good build is in place; that reload also removes the overlay from open pages.
    public func clearBuildError() {
        state.setBuildError(nil)
    }

    /// The error being shown, if any.
    public var buildError: BuildErrorReport? { state.buildError }

    private func webSocketUpgrade() -> @Sendable (HTTPRequest, any Channel, Logger) async throws
        -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        let hub = self.hub
        return { request, _, _ in
            let path = request.path.map { $0.split(separator: "?", maxSplits: 1).first.map(String.init) ?? $0 }
            guard path == LiveReloadScript.webSocketPath else { return .dontUpgrade }
            return .upgrade([:]) { inbound, outbound, _ in
                try await hub.serve(inbound: inbound, outbound: outbound)
            }
        }
    }
}

/// Lets `start()` wait until an application listens, or learn why it could not.
private final class StartupSignal: Sendable {
    private struct Progress {
        var outcome: Result<Int, any Error>?
        var waiter: CheckedContinuation<Int, any Error>?
    }

    private let progress = NIOLockedValueBox(Progress())

    func listening(port: Int?) {
        settle(.success(port ?? 0))
    }

    func failed(_ error: any Error) {
        settle(.failure(error))
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            progress.withLockedValue { progress in
                if let outcome = progress.outcome {
                    continuation.resume(with: outcome)
                } else {
                    progress.waiter = continuation
                }
            }
        }
    }

    private func settle(_ outcome: Result<Int, any Error>) {
        progress.withLockedValue { progress in
            guard progress.outcome == nil else { return }
            progress.outcome = outcome
            progress.waiter?.resume(with: outcome)
            progress.waiter = nil
        }
    }
}
