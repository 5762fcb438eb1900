import Foundation
import HummingbirdWSClient
import Logging
@testable import Server

struct TimedOut: Error {}

/// A LiveReload protocol client, as a browser runs it: connects, says hello, collects messages.
final class LiveReloadClient: Sendable {
    let messages: AsyncStream<String>
    private let connection: Task<Void, any Error>

    private init(messages: AsyncStream<String>, connection: Task<Void, any Error>) {
        self.messages = messages
        self.connection = connection
    }

    /// Connects and returns once the server has answered `hello` (so broadcasts now reach us). With
    /// `overlayGeneration` the hello says so, as the injected script's does; without it, as other
    /// LiveReload clients' do.
    static func connect(port: Int, overlayGeneration: UInt64? = nil) async throws -> LiveReloadClient {
        let generationField = overlayGeneration.map { #","kyllOverlayGeneration":\#($0)"# } ?? ""
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        var logger = Logger(label: "test.livereload")
        logger.logLevel = .critical
        let connection = Task {
            defer { continuation.finish() }
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/livereload", logger: logger) { inbound, outbound, _ in
                try await outbound.writeTextMessage(
                    #"{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]"#
                        + generationField + "}")
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    if case .text(let text) = message { continuation.yield(text) }
                }
            }
        }
        let client = LiveReloadClient(messages: stream, connection: connection)
        let hello = try await client.next()
        guard hello.contains("\"hello\"") else { throw TimedOut() }
        return client
    }

    /// The next message, or `TimedOut` after `seconds`.
    func next(within seconds: Double = 10) async throws -> String {
        let messages = self.messages
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                var iterator = messages.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds * testTimeScale))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let first else { throw TimedOut() }
            return first
        }
    }

    func close() {
        connection.cancel()
    }

    /// Waits until the connection has ended (the server closed it).
    func waitUntilClosed() async {
        _ = await connection.result
    }
}

/// Polls `condition` until it holds or `seconds` pass.
func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds * testTimeScale)
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// How much longer waits may take: `KYLL_TEST_TIME_SCALE` (scripts/sanitize sets it, since a
/// sanitized build runs several times slower); 1 otherwise.
let testTimeScale: Double = ProcessInfo.processInfo.environment["KYLL_TEST_TIME_SCALE"].flatMap(Double.init) ?? 1
