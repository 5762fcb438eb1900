// Serves a folder with live reload and watches it, for the headless browser test: every change
// under the folder is passed to `notifyReload`, except `_error.json`, which stands for a failed
// build (its presence shows the overlay with its contents; its removal clears it).
//
//   server-harness ROOT  →  prints "site PORT livereload PORT" once listening, runs until stdin closes.

import Foundation
import Server

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: server-harness ROOT\n".utf8))
    exit(2)
}
let root = arguments[1]
let errorFile = "_error.json"

struct ErrorFixture: Decodable {
    var file: String
    var line: Int?
    var column: Int?
    var message: String
    var excerpt: [String]?
}

func report(from path: String) -> BuildErrorReport? {
    guard let data = FileManager.default.contents(atPath: path),
          let fixture = try? JSONDecoder().decode(ErrorFixture.self, from: data) else { return nil }
    let first = max(1, (fixture.line ?? 1) - 1)
    let excerpt = (fixture.excerpt ?? []).enumerated().map { BuildErrorReport.ExcerptLine(number: first + $0.offset, text: $0.element) }
    return BuildErrorReport(file: fixture.file, line: fixture.line, column: fixture.column, message: fixture.message,
                            excerpt: excerpt, chain: [.init(label: "in layout", file: "_layouts/default.html")])
}

let server = SiteServer(configuration: ServerConfiguration(root: root, port: 0, liveReload: .init(port: 0)))
let addresses = try await server.start()
let watcher = try FileWatchers.start(WatchOptions(root: root))
// Written unbuffered: `print` to a pipe would sit in a buffer.
FileHandle.standardOutput.write(Data("site \(addresses.port) livereload \(addresses.liveReloadPort ?? 0)\n".utf8))

let watching = Task {
    for await batch in watcher.changes {
        if batch.paths.contains(errorFile) {
            if let report = report(from: root + "/" + errorFile) {
                server.showBuildError(report)
                continue
            }
            server.clearBuildError()
        }
        // Temporaries written and renamed away are no part of the site (a builder reports its output).
        let present = batch.paths.subtracting([errorFile]).filter { FileManager.default.fileExists(atPath: root + "/" + $0) }
        server.notifyReload(changedPaths: present.sorted())
    }
}

// Run until the test closes our standard input.
await Task.detached { while FileHandle.standardInput.availableData.count > 0 {} }.value
watcher.stop()
await watching.value
await server.stop()
