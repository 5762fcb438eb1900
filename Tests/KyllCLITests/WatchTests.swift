import Foundation
import Testing

/// `kyll build --watch`: builds, then rebuilds when a source file changes, logging as Jekyll does,
/// and ignores changes in the destination.
@Suite struct WatchTests {
    @Test func rebuildsWhenASourceFileChanges() throws {
        let kyll = try #require(KyllExecutable.path)
        let folder = try TemporaryDirectory("kyll-watch")
        try FixtureSite("-- _config.yml --\ntitle: One\n-- index.html --\n---\n---\n{{ site.title }} v1\n").write(into: folder.url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kyll)
        process.arguments = ["build", "--watch", "--force_polling"]
        process.currentDirectoryURL = folder.url
        let log = folder.url.appendingPathComponent("../watch-\(UUID().uuidString.prefix(6)).log").standardized
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        func logText() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        func wait(for condition: () -> Bool) -> Bool {
            for _ in 0..<300 where !condition() { Thread.sleep(forTimeInterval: 0.1) }
            return condition()
        }
        let page = folder.url.appendingPathComponent("_site/index.html")
        func built() -> String { (try? String(contentsOf: page, encoding: .utf8)) ?? "" }
        #expect(wait { logText().contains("Auto-regeneration: enabled for '\(folder.url.path)'") }, "\(logText())")
        #expect(built() == "One v1\n")
        try Data("---\n---\n{{ site.title }} v2\n".utf8).write(to: folder.url.appendingPathComponent("index.html"))
        #expect(wait { built() == "One v2\n" }, "\(logText())")
        #expect(wait { logText().contains("...done in") }, "\(logText())")
        let text = logText()
        #expect(text.contains("Regenerating: 1 file(s) changed at "), "\(text)")
        #expect(text.contains("                    index.html"), "\(text)")
        // The rebuild's own writes into _site and .jekyll-cache start no further rebuild.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(logText().components(separatedBy: "Regenerating:").count == 2, "\(logText())")
    }
}
