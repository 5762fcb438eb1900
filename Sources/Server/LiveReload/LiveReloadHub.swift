import Foundation
import HummingbirdWebSocket
import NIOConcurrencyHelpers

/// The messages of the LiveReload protocol (version 7) that the server sends and understands. Being
/// that protocol, our endpoint also works with LiveReload browser extensions.
enum LiveReloadMessage {
    static let protocolVersion7 = "http://livereload.com/protocols/official-7"

    private struct Command: Codable {
        var command: String
        var protocols: [String]?
        var serverName: String?
        var path: String?
        var liveCSS: Bool?
        /// kyll's own field in the script's `hello`: `ServerState`'s error generation its page was
        /// served with. Other LiveReload clients leave it out; servers that don't know it ignore it.
        var kyllOverlayGeneration: UInt64?
    }

    /// A client's `hello` offering protocol 7.
    struct Hello: Equatable {
        /// The overlay generation of the client's page; nil from clients other than our script.
        var overlayGeneration: UInt64?
    }

    static var hello: String {
        encode(Command(command: "hello", protocols: [protocolVersion7], serverName: "kyll"))
    }

    static func reload(path: String, liveCSS: Bool) -> String {
        encode(Command(command: "reload", path: path, liveCSS: liveCSS))
    }

    /// The client's `hello`, or nil when `text` is anything else (or offers other protocols).
    static func decodeHello(_ text: String) -> Hello? {
        guard let command = try? JSONDecoder().decode(Command.self, from: Data(text.utf8)),
              command.command == "hello", (command.protocols ?? []).contains(protocolVersion7) else { return nil }
        return Hello(overlayGeneration: command.kyllOverlayGeneration)
    }

    static func decodeReload(_ text: String) -> (path: String, liveCSS: Bool)? {
        guard let command = try? JSONDecoder().decode(Command.self, from: Data(text.utf8)),
              command.command == "reload" else { return nil }
        return (command.path ?? "", command.liveCSS ?? false)
    }

    private static func encode(_ command: Command) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(command)) ?? Data(), as: UTF8.self)
    }
}

/// The browsers connected for live reload. Each connection gets its messages through its own
/// stream, so a slow browser never holds up the others or the builder.
final class LiveReloadHub: Sendable {
    private struct Clients {
        var nextID = 0
        var streams: [Int: AsyncStream<String>.Continuation] = [:]
        var closed = false
    }

    private let clients = NIOLockedValueBox(Clients())
    /// The overlay generation pages are served with now (`ServerState`'s error generation).
    private let currentOverlayGeneration: @Sendable () -> UInt64
    /// What a client whose page predates the current overlay state is sent right after its hello.
    private let reloadForStalePage: String

    init(currentOverlayGeneration: @escaping @Sendable () -> UInt64, reloadPath: String) {
        self.currentOverlayGeneration = currentOverlayGeneration
        reloadForStalePage = LiveReloadMessage.reload(path: reloadPath, liveCSS: false)
    }

    /// Browsers that completed the handshake and are listening.
    var connectionCount: Int { clients.withLockedValue { $0.streams.count } }

    func broadcast(_ messages: [String]) {
        let streams = clients.withLockedValue { Array($0.streams.values) }
        for stream in streams {
            for message in messages { stream.yield(message) }
        }
    }

    /// Accepts connections again after `closeAll()` (the server is started anew).
    func reopen() {
        clients.withLockedValue { $0.closed = false }
    }

    /// Ends every connection's outgoing stream; new connections are refused.
    func closeAll() {
        let streams = clients.withLockedValue { clients in
            clients.closed = true
            defer { clients.streams = [:] }
            return Array(clients.streams.values)
        }
        for stream in streams { stream.finish() }
    }

    /// Serves one WebSocket connection: waits for the client's `hello`, answers it, then forwards
    /// broadcasts until either side closes. A client whose page was served with another overlay state
    /// than the current one is told to reload at once: a browser that loaded its page just before a
    /// build error was set (or cleared) and connects just after the broadcast about it would otherwise
    /// keep the wrong page.
    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        let id = clients.withLockedValue { clients in
            clients.nextID += 1
            return clients.nextID
        }
        defer {
            clients.withLockedValue { _ = $0.streams.removeValue(forKey: id) }
            continuation.finish()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await message in stream { try await outbound.writeTextMessage(message) }
            }
            var registered = false
            for try await message in inbound.messages(maxSize: 1 << 16) {
                guard !registered, case .text(let text) = message,
                      let hello = LiveReloadMessage.decodeHello(text) else { continue }
                // Registered and answered under one lock: once the client holds our hello, every later
                // broadcast reaches it, and none can come before the hello. The generation is read under
                // it too: the server changes it before broadcasting, so a client registered too late
                // for that broadcast sees the new generation here.
                registered = clients.withLockedValue { clients in
                    guard !clients.closed else { return false }
                    clients.streams[id] = continuation
                    continuation.yield(LiveReloadMessage.hello)
                    if let generation = hello.overlayGeneration, generation != currentOverlayGeneration() {
                        continuation.yield(reloadForStalePage)
                    }
                    return true
                }
                if !registered { break }
            }
            continuation.finish()
            try await group.waitForAll()
        }
    }
}
