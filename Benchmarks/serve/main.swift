// `kyll serve` latency: on a generated site, the time from saving one source file to (1) the
// rebuilt output file in the destination and (2) the live reload message at a connected client.
// Runs a built `kyll` as its own process, watches the output file's folder with inotify/FSEvents
// (the Server module's watcher, no debounce) and listens on the live reload WebSocket.
//
//   serve-bench --kyll PATH --site DIR [--rounds N] [--edit body|title|layout|sass]
//
// Benchmarks/serve/run.sh builds everything, generates the 1k-post site and runs all edits.

import Foundation
import HummingbirdWSClient
import Logging
import Server

struct Options {
    var kyll = ""
    var site = ""
    var rounds = 30
    var edit = "body"

    init(_ arguments: [String]) {
        var i = 1
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--kyll": kyll = value
            case "--site": site = value
            case "--rounds": rounds = Int(value) ?? rounds
            case "--edit": edit = value
            default: fatalError("unknown argument \(arguments[i])")
            }
            i += 2
        }
        if kyll.isEmpty || site.isEmpty { fatalError("usage: serve-bench --kyll PATH --site DIR [--rounds N] [--edit KIND]") }
    }
}

/// One kind of edit: the source file changed, the output file to wait for, the text it must show.
struct Edit {
    var source: String
    var output: String
    var apply: (Int) throws -> Void
    var marker: (Int) -> String
}

func readText(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

/// Saves as many editors do: the file rewritten in place.
func save(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }

func makeEdit(_ kind: String, site: String) throws -> Edit {
    let posts = try FileManager.default.contentsOfDirectory(atPath: site + "/_posts").sorted()
    let post = site + "/_posts/" + posts[posts.count / 2]
    let original = readText(post)
    // The generator's permalinks end in the post's title slug: find its output by that.
    let slug = String(posts[posts.count / 2].dropFirst(11).dropLast(3))
    guard let output = FileManager.default.enumerator(atPath: site + "/_site")?
        .compactMap({ $0 as? String }).first(where: { $0.hasSuffix("/" + slug + "/index.html") }) else {
        fatalError("no output for \(slug)")
    }
    let outputPath = site + "/_site/" + output
    switch kind {
    case "body":
        let parts = original.components(separatedBy: "\n---\n")
        return Edit(source: post, output: outputPath, apply: { round in
            try save(post, parts[0] + "\n---\n" + "Edited in round \(round).\n\n" + parts.dropFirst().joined(separator: "\n---\n"))
        }, marker: { "Edited in round \($0)." })
    case "title":
        guard let line = original.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) else { fatalError("no title") }
        return Edit(source: post, output: outputPath, apply: { round in
            try save(post, original.replacingOccurrences(of: String(line), with: "title: \"Retitled \(round)\""))
        }, marker: { "Retitled \($0)" })
    case "layout":
        let layout = site + "/_layouts/post.html"
        let text = readText(layout)
        return Edit(source: layout, output: outputPath, apply: { round in
            try save(layout, text.replacingOccurrences(of: "<article", with: "<!-- layout \(round) --><article"))
        }, marker: { "<!-- layout \($0) -->" })
    case "sass":
        let sassDir = site + "/_sass"
        let partial = sassDir + "/" + (try FileManager.default.contentsOfDirectory(atPath: sassDir).sorted().first!)
        let text = readText(partial)
        guard let css = FileManager.default.enumerator(atPath: site + "/_site")?.compactMap({ $0 as? String })
            .first(where: { $0.hasSuffix(".css") }) else { fatalError("no stylesheet") }
        return Edit(source: partial, output: site + "/_site/" + css, apply: { round in
            try save(partial, text + "\n.bench-round-\(round) { color: red; }\n")
        }, marker: { ".bench-round-\($0)" })
    default: fatalError("unknown edit \(kind)")
    }
}

func connect(port: Int) async throws -> AsyncStream<String>.AsyncIterator {
    var logger = Logger(label: "serve-bench")
    logger.logLevel = .critical
    let (stream, continuation) = AsyncStream.makeStream(of: String.self)
    Task {
        defer { continuation.finish() }
        try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/livereload", logger: logger) { inbound, outbound, _ in
            try await outbound.writeTextMessage(#"{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}"#)
            for try await message in inbound.messages(maxSize: 1 << 16) {
                if case .text(let text) = message { continuation.yield(text) }
            }
        }
    }
    var iterator = stream.makeAsyncIterator()
    _ = await iterator.next()  // hello
    return iterator
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

func summary(_ name: String, _ samples: [Double]) -> String {
    let s = samples.sorted()
    let median = s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    return String(format: "%@: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms (n=%d)", name, median,
                  s[min(s.count - 1, Int(Double(s.count) * 0.9))], s.first!, s.last!, s.count)
}

/// Top-level variables would belong to the main actor; the measuring loop runs in one function instead.
func measure() async throws {
    let options = Options(CommandLine.arguments)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: options.kyll)
    process.arguments = ["serve", "-s", options.site, "-d", options.site + "/_site", "-P", "0", "-l", "--livereload-port", "0"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.standardError
    try process.run()

    // The banner names the ports; the rebuild lines give kyll's own timing.
    let lines = AsyncStream<String> { continuation in
        Thread {
            var buffer = Data()
            while true {
                let chunk = pipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 10) {
                    continuation.yield(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                    buffer.removeSubrange(buffer.startIndex...newline)
                }
            }
            continuation.finish()
        }.start()
    }
    var output = lines.makeAsyncIterator()
    var livereloadPort: Int?
    let startup = ContinuousClock.now
    while let line = await output.next() {
        if let range = line.range(of: "LiveReload address: http://127.0.0.1:") { livereloadPort = Int(line[range.upperBound...]) }
        if line.contains("done in") { print("initial build:", line.trimmingCharacters(in: .whitespaces)) }
        if line.contains("Server running") { break }
    }
    guard let livereloadPort else { fatalError("kyll serve did not start") }
    print(String(format: "kyll serve ready after %.2f s", milliseconds(ContinuousClock.now - startup) / 1000))

    var reloads = try await connect(port: livereloadPort)
    let edit = try makeEdit(options.edit, site: options.site)
    var onDisk: [Double] = [], reloaded: [Double] = [], rebuild: [Double] = []
    for round in 1...options.rounds {
        try await Task.sleep(for: .milliseconds(300))
        let folder = (edit.output as NSString).deletingLastPathComponent
        let watcher = try FileWatchers.start(WatchOptions(root: folder, debounce: .zero))
        var changes = watcher.changes.makeAsyncIterator()
        let start = ContinuousClock.now
        try edit.apply(round)
        let marker = edit.marker(round)
        while !readText(edit.output).contains(marker) { _ = await changes.next() }
        let written = ContinuousClock.now
        watcher.stop()
        _ = await reloads.next()
        let messaged = ContinuousClock.now
        onDisk.append(milliseconds(written - start))
        reloaded.append(milliseconds(messaged - start))
        // "...done in S seconds." follows each rebuild.
        while let line = await output.next() {
            if let range = line.range(of: "...done in ") {
                rebuild.append((Double(line[range.upperBound...].dropLast(9)) ?? 0) * 1000)
                break
            }
        }
    }
    print("edit: \(options.edit) (\(edit.source.replacingOccurrences(of: options.site + "/", with: "")))")
    print(summary("save → rebuilt file on disk", onDisk))
    print(summary("save → reload message", reloaded))
    print(summary("kyll's rebuild (watcher batch → done)", rebuild))
    process.terminate()
    process.waitUntilExit()
}

try await measure()
