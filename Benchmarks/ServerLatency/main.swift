// Time from `SiteServer.notifyReload` to the reload message arriving at connected live reload
// clients (WebSocket on loopback), over many rounds.
//
//   swift run -c release server-latency [ROUNDS]

import Foundation
import HummingbirdWSClient
import Logging
import Server

let rounds = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1000 : 1000

/// A client that says hello and hands every message to a stream.
func connect(port: Int, logger: Logger) async throws -> (AsyncStream<String>, Task<Void, any Error>) {
    let (stream, continuation) = AsyncStream.makeStream(of: String.self)
    let task = Task {
        defer { continuation.finish() }
        try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/livereload", logger: logger) { inbound, outbound, _ in
            try await outbound.writeTextMessage(
                #"{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}"#)
            for try await message in inbound.messages(maxSize: 1 << 16) {
                if case .text(let text) = message { continuation.yield(text) }
            }
        }
    }
    var iterator = stream.makeAsyncIterator()
    _ = await iterator.next()  // hello
    return (stream, task)
}

func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

func format(_ duration: Duration) -> String {
    let micros = Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    return String(format: "%.0f µs", micros)
}

func measure(clients count: Int, samePort: Bool) async throws {
    var logger = Logger(label: "bench")
    logger.logLevel = .critical
    let root = NSTemporaryDirectory() + "kyll-latency-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let server = SiteServer(configuration: .init(root: root, port: 0, liveReload: .init(port: samePort ? nil : 0)))
    let addresses = try await server.start()
    var clients: [(AsyncStream<String>.AsyncIterator, Task<Void, any Error>)] = []
    for _ in 0..<count {
        let (stream, task) = try await connect(port: addresses.liveReloadPort!, logger: logger)
        clients.append((stream.makeAsyncIterator(), task))
    }
    var samples: [Duration] = []
    let clock = ContinuousClock()
    for round in 0..<(rounds + 50) {
        let start = clock.now
        server.notifyReload(changedPaths: ["index.html"])
        for index in clients.indices { _ = await clients[index].0.next() }
        if round >= 50 { samples.append(clock.now - start) }  // the first rounds warm up
    }
    samples.sort()
    print("\(count) client(s), \(samePort ? "site port" : "own port"), \(rounds) rounds: "
          + "median \(format(percentile(samples, 0.5))), p90 \(format(percentile(samples, 0.9))), "
          + "p99 \(format(percentile(samples, 0.99))), max \(format(samples.last!))")
    for client in clients { client.1.cancel() }
    await server.stop()
}

try await measure(clients: 1, samePort: false)
try await measure(clients: 1, samePort: true)
try await measure(clients: 10, samePort: false)
