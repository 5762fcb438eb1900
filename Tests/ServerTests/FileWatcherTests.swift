import Foundation
import Testing
@testable import Server

@Suite("Watching a folder")
struct FileWatcherTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case notifications, polling
        var testDescription: String { rawValue }
    }

    static func start(_ kind: Kind, _ site: SiteFixture, debounce: Duration = .milliseconds(40),
                      ignore: @escaping @Sendable (String) -> Bool = { _ in false }) throws -> any FileWatcher {
        let options = WatchOptions(root: site.root, debounce: debounce, pollingInterval: .milliseconds(50),
                                   ignore: ignore)
        return kind == .polling ? try FileWatchers.startPolling(options) : try FileWatchers.start(options)
    }

    /// Batches received until `done` holds for the union of their paths, or `seconds` pass.
    static func collect(_ watcher: any FileWatcher, within seconds: Double = 10,
                        until done: @escaping @Sendable (Set<String>) -> Bool) async -> [FileChangeBatch] {
        await withTaskGroup(of: [FileChangeBatch].self) { group in
            group.addTask {
                var batches: [FileChangeBatch] = []
                for await batch in watcher.changes {
                    batches.append(batch)
                    if done(batches.reduce(into: Set()) { $0.formUnion($1.paths) }) { break }
                }
                return batches
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds * testTimeScale))
                if !Task.isCancelled { watcher.stop() }
                return []
            }
            let batches = await group.next() ?? []
            group.cancelAll()
            return batches
        }
    }

    static func union(_ batches: [FileChangeBatch]) -> Set<String> {
        batches.reduce(into: Set()) { $0.formUnion($1.paths) }
    }

    /// Lets a polling watcher take its first snapshot before the test changes anything.
    static func settle(_ kind: Kind) async throws {
        try await Task.sleep(for: .milliseconds(kind == .polling ? 120 : 20))
    }

    @Test("created, modified and removed files are reported", arguments: Kind.allCases)
    func filesChange(kind: Kind) async throws {
        let site = try SiteFixture(files: ["old.md": "x", "keep.md": "y"])
        defer { site.remove() }
        let watcher = try Self.start(kind, site)
        defer { watcher.stop() }
        try await Self.settle(kind)
        try site.write("new.md", "fresh")
        try site.write("keep.md", "changed and longer")
        try FileManager.default.removeItem(atPath: site.root + "/old.md")
        let expected: Set<String> = ["new.md", "keep.md", "old.md"]
        let batches = await Self.collect(watcher) { expected.isSubset(of: $0) }
        #expect(expected.isSubset(of: Self.union(batches)))
    }

    @Test("a new folder is reported with its contents, and then watched", arguments: Kind.allCases)
    func newFolders(kind: Kind) async throws {
        let site = try SiteFixture(files: ["index.md": "x"])
        defer { site.remove() }
        let watcher = try Self.start(kind, site)
        defer { watcher.stop() }
        try await Self.settle(kind)
        try site.write("_posts/2024/first.md", "one")
        let first: Set<String> = ["_posts", "_posts/2024", "_posts/2024/first.md"]
        let batches = await Self.collect(watcher) { first.isSubset(of: $0) }
        #expect(first.isSubset(of: Self.union(batches)))

        try site.write("_posts/2024/second.md", "two")
        let later = await Self.collect(watcher) { $0.contains("_posts/2024/second.md") }
        #expect(Self.union(later).contains("_posts/2024/second.md"))
    }

    @Test("renames report both names", arguments: Kind.allCases)
    func renames(kind: Kind) async throws {
        let site = try SiteFixture(files: ["draft.md": "x", "folder/inner.md": "y"])
        defer { site.remove() }
        let watcher = try Self.start(kind, site)
        defer { watcher.stop() }
        try await Self.settle(kind)
        try FileManager.default.moveItem(atPath: site.root + "/draft.md", toPath: site.root + "/final.md")
        try FileManager.default.moveItem(atPath: site.root + "/folder", toPath: site.root + "/moved")
        let expected: Set<String> = ["draft.md", "final.md", "folder", "moved", "moved/inner.md"]
        let batches = await Self.collect(watcher) { expected.isSubset(of: $0) }
        #expect(expected.isSubset(of: Self.union(batches)))

        // The moved folder is watched under its new name.
        try site.write("moved/inner.md", "changed")
        let later = await Self.collect(watcher) { $0.contains("moved/inner.md") }
        #expect(Self.union(later) == ["moved/inner.md"])
    }

    @Test("a burst of changes arrives as one batch", arguments: Kind.allCases)
    func batching(kind: Kind) async throws {
        let site = try SiteFixture(files: [:])
        defer { site.remove() }
        let watcher = try Self.start(kind, site, debounce: .milliseconds(300))
        defer { watcher.stop() }
        try await Self.settle(kind)
        let names = (1...8).map { "page\($0).md" }
        for name in names { try site.write(name, name) }
        let batches = await Self.collect(watcher) { Set(names).isSubset(of: $0) }
        #expect(batches.count == 1)
        #expect(Self.union(batches) == Set(names))
    }

    @Test("ignored paths and everything below them are not reported", arguments: Kind.allCases)
    func ignoring(kind: Kind) async throws {
        let site = try SiteFixture(files: ["_site/index.html": "x", ".git/HEAD": "ref", "src.md": "x"])
        defer { site.remove() }
        let ignored: Set<String> = ["_site", ".git", "notes.tmp"]
        let watcher = try Self.start(kind, site) { ignored.contains($0) }
        defer { watcher.stop() }
        try await Self.settle(kind)
        try site.write("_site/index.html", "rebuilt")
        try site.write("_site/new/page.html", "new")
        try site.write(".git/HEAD", "other")
        try site.write("notes.tmp", "scratch")
        try await Task.sleep(for: .milliseconds(150))
        try site.write("src.md", "edited")
        let batches = await Self.collect(watcher) { $0.contains("src.md") }
        #expect(Self.union(batches) == ["src.md"])
    }

    @Test("stopping ends the stream", arguments: Kind.allCases)
    func stopping(kind: Kind) async throws {
        let site = try SiteFixture(files: [:])
        defer { site.remove() }
        let watcher = try Self.start(kind, site)
        watcher.stop()
        watcher.stop()
        var count = 0
        for await _ in watcher.changes { count += 1 }
        #expect(count == 0)
    }

    @Test("watching a missing folder fails")
    func missingRoot() {
        #expect(throws: FileWatchers.StartError.self) {
            try FileWatchers.start(WatchOptions(root: "/nonexistent/kyll-watch-root"))
        }
    }
}

@Suite("Change batching")
struct ChangeBatcherTests {
    @Test("a batch is due after the quiet period, or 10 debounces after its first change")
    func deadlines() {
        var batcher = ChangeBatcher(debounce: .milliseconds(50))
        let start = ContinuousClock.now
        #expect(batcher.deadline == nil)
        batcher.add("a", at: start)
        #expect(batcher.deadline == start + .milliseconds(50))
        #expect(batcher.takeIfDue(at: start + .milliseconds(49)) == nil)
        for step in 1...20 { batcher.add("b", at: start + .milliseconds(40 * step)) }
        #expect(batcher.deadline == start + .milliseconds(500))
        let batch = batcher.takeIfDue(at: start + .milliseconds(500))
        #expect(batch == FileChangeBatch(paths: ["a", "b"]))
        #expect(batcher.deadline == nil)
    }

    @Test("ignoring a folder ignores what is inside it")
    func ignoredAncestors() {
        let options = WatchOptions(root: "/", ignore: { $0 == "_site" || $0.hasSuffix(".swp") })
        #expect(options.isIgnored("_site"))
        #expect(options.isIgnored("_site/a/b.html"))
        #expect(options.isIgnored("posts/.a.md.swp"))
        #expect(!options.isIgnored("_sites/a.html"))
        #expect(!options.isIgnored("posts/a.md"))
    }
}
