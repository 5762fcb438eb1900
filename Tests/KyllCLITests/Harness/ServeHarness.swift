#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HummingbirdWSClient
import Jekyll
@testable import KyllCLI
import Logging
import Synchronization

/// `kyll serve ARGUMENTS…` running in this process on free loopback ports (`-P 0`, and a live
/// reload port of 0 with `-l`), on a fixture site in a temporary folder.
final class ServeHarness: Sendable {
    let folder: String
    let source: URL
    let ready: ServeSession.Ready
    let stop: ServeStop
    let task: Task<Int32, Never>
    let log: ServeLog

    var port: Int { ready.addresses.port }
    var liveReloadPort: Int? { ready.addresses.liveReloadPort }

    private init(folder: String, source: URL, ready: ServeSession.Ready, stop: ServeStop,
                 task: Task<Int32, Never>, log: ServeLog) {
        self.folder = folder
        self.source = source
        self.ready = ready
        self.stop = stop
        self.task = task
        self.log = log
    }

    static func start(_ fixture: String, arguments: [String] = []) async throws -> ServeHarness {
        let folder = NSTemporaryDirectory() + "kyll-serve-" + UUID().uuidString.prefix(8)
        let source = URL(fileURLWithPath: folder + "/site", isDirectory: true)
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FixtureSite(fixture).write(into: source)
        let command = try ServeCommand.parse(["-P", "0"] + arguments)
        let log = ServeLog()
        let logger = Logger(sink: { _, line in log.append(line) })
        let stop = ServeStop()
        let (stream, continuation) = AsyncStream.makeStream(of: ServeSession.Ready?.self)
        let task = Task {
            let status = await ServeSession.run(options: command.options.buildOptions(workingDirectory: source.path),
                                                serve: command.serve.settings(), logger: logger, stop: stop,
                                                ready: { continuation.yield($0) })
            continuation.yield(nil)
            return status
        }
        guard let ready = await stream.first(where: { _ in true }) ?? nil else {
            _ = await task.value
            try? FileManager.default.removeItem(atPath: folder)
            throw ServeFailure(log: log.text)
        }
        return ServeHarness(folder: folder, source: source, ready: ready, stop: stop, task: task, log: log)
    }

    struct ServeFailure: Error, CustomStringConvertible {
        var log: String
        var description: String { "kyll serve did not start:\n\(log)" }
    }

    /// Stops serving, removes the folder; the exit status.
    @discardableResult
    func shutdown() async -> Int32 {
        stop.trigger()
        let status = await task.value
        try? FileManager.default.removeItem(atPath: folder)
        return status
    }

    func write(_ path: String, _ text: String) throws {
        let url = source.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func get(_ target: String, headers: [String: String] = [:]) async throws -> HTTPReply {
        try await HTTPReply.request(port: port, target: target, headers: headers)
    }

    /// Polls `target` until `condition` holds (a rebuild is under way), up to `seconds`.
    func waitFor(_ target: String, seconds: Double = 20, _ condition: (HTTPReply) -> Bool) async throws -> HTTPReply {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var last = try await get(target)
        while !condition(last) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            last = try await get(target)
        }
        return last
    }
}

/// What `kyll serve` printed, line by line.
final class ServeLog: Sendable {
    private let lines = Mutex("")
    func append(_ line: String) { lines.withLock { $0 += line + "\n" } }
    var text: String { lines.withLock { $0 } }
}

/// A response read off the wire from a request sent byte for byte (so `..` reaches the server).
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    static func request(port: Int, target: String, headers: [String: String] = [:]) async throws -> HTTPReply {
        var text = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        let request = Array((text + "\r\n").utf8)
        // Blocking socket calls on a thread of their own, off the cooperative pool.
        let raw: [UInt8] = try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try exchange(port: port, request) }) }.start()
        }
        let separator = Array("\r\n\r\n".utf8)
        guard let end = raw.firstRange(of: separator) else { throw HTTPFailure(reason: "no header end") }
        var lines = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw HTTPFailure(reason: "bad status line") }
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPReply(status: status, headers: fields, body: String(decoding: raw[end.upperBound...], as: UTF8.self))
    }

    struct HTTPFailure: Error { var reason: String }

    private static func exchange(port: Int, _ bytes: [UInt8]) throws -> [UInt8] {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HTTPFailure(reason: "socket: \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw HTTPFailure(reason: "connect: \(errno)") }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw HTTPFailure(reason: "send: \(errno)") }
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received.append(contentsOf: buffer[..<n])
        }
        return received
    }
}

/// A browser's side of live reload: connects, says hello, collects the server's messages.
final class ReloadListener: Sendable {
    /// The messages received and not yet taken by `next`: a queue, not an `AsyncStream`, because
    /// a wait that times out would end the stream for every wait after it.
    private let inbox = Mutex<[String]>([])
    private let connection = Mutex<Task<Void, any Error>?>(nil)

    static func connect(port: Int) async throws -> ReloadListener {
        let listener = ReloadListener()
        var logger = Logging.Logger(label: "test.serve.livereload")
        logger.logLevel = .critical
        let connection = Task { [listener] in
            _ = try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/livereload", logger: logger) { inbound, outbound, _ in
                try await outbound.writeTextMessage(
                    #"{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}"#)
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    if case .text(let text) = message { listener.inbox.withLock { $0.append(text) } }
                }
            }
        }
        listener.connection.withLock { $0 = connection }
        guard try await listener.next()?.contains("\"hello\"") == true else { throw HTTPReply.HTTPFailure(reason: "no hello") }
        return listener
    }

    /// The next message, or nil after `seconds`.
    func next(seconds: Double = 20) async throws -> String? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            let message = inbox.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            if let message { return message }
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The first message `matches` accepts, skipping others, or nil after `seconds`.
    func next(seconds: Double = 20, where matches: (String) -> Bool) async throws -> String? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            let left = Double((deadline - ContinuousClock.now).components.seconds) + 0.1
            guard let message = try await next(seconds: left) else { return nil }
            if matches(message) { return message }
        }
        return nil
    }

    func close() { connection.withLock { $0?.cancel() } }
}
