import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// Work handed to the early walk's thread for when its conversions are done (`whenIdle`): run
/// once, by the walk or else by the build's thread at `finishIdleJobs`, never lost.
@Suite struct EarlyIdleJobsTests {
    /// A walk whose thread is held back until the test runs it.
    final class HeldLaunches: Sendable {
        private let held = Locked<[@Sendable () -> Void]>([])
        var launch: @Sendable (@escaping @Sendable () -> Void) -> Void { { job in self.held.withLock { $0.append(job) } } }
        func runAll() { for job in held.withLock({ $0 }) { job() } }
    }

    static func earlyConversions(cores: Int, launch: (@Sendable (@escaping @Sendable () -> Void) -> Void)?) throws
        -> (EarlyConversions, Configuration, String) {
        let root = NSTemporaryDirectory() + "kyll-idle-" + UUID().uuidString
        try SiteRebuilderTests.Fixture.write(Path.join(root, "site/_config.yml"), "title: Idle\n")
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: [], logger: logger)
        return (EarlyConversions(conversion: setup.converters.sass, cores: cores, launch: launch), setup.site.configuration, root)
    }

    @Test func theWalkRunsAJobHandedBeforeItsEnd() throws {
        let held = HeldLaunches()
        let (early, configuration, root) = try Self.earlyConversions(cores: 2, launch: held.launch)
        defer { try? FileManager.default.removeItem(atPath: root) }
        early.startLooking(configuration: configuration)
        let runs = Locked(0)
        #expect(early.whenIdle { runs.withLock { $0 += 1 } })
        held.runAll()  // the walk: its conversions, then the job
        #expect(runs.withLock { $0 } == 1)
        early.finishIdleJobs()
        #expect(runs.withLock { $0 } == 1)
        // The walk has ended: a later job is the caller's to run.
        #expect(!early.whenIdle { runs.withLock { $0 += 1 } })
    }

    @Test func aJobTheWalkHasNotBegunRunsAtTheFinish() throws {
        let held = HeldLaunches()
        let (early, configuration, root) = try Self.earlyConversions(cores: 2, launch: held.launch)
        defer { try? FileManager.default.removeItem(atPath: root) }
        early.startLooking(configuration: configuration)
        let runs = Locked(0)
        #expect(early.whenIdle { runs.withLock { $0 += 1 } })
        early.finishIdleJobs()  // the walk is still busy (held): run here
        #expect(runs.withLock { $0 } == 1)
        #expect(!early.whenIdle { runs.withLock { $0 += 1 } })
        held.runAll()  // the walk ends later, with nothing left to run
        #expect(runs.withLock { $0 } == 1)
    }

    @Test(arguments: [1, 2])
    func withoutAWalkNoJobIsTaken(cores: Int) throws {
        let (early, _, root) = try Self.earlyConversions(cores: cores, launch: { $0() })
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!early.whenIdle {})  // not started
        early.finishIdleJobs()
    }

    /// A small site's build on two cores (its walk on a thread of its own): the walk's thread may
    /// make the cache folders and copy the static files; either way the build ends with all of
    /// them there, and a failed build leaves the cache folders and no destination.
    @Test func aSmallSiteOnTwoCoresEndsWithItsFilesAndCacheFolders() throws {
        var files = [
            "_config.yml": "title: Small\n",
            "index.md": "---\n---\n# Home\n",
            "assets/main.scss": "---\n---\n$c: red;\na { color: $c; }\n",
        ]
        for i in 0..<20 { files["files/f\(i).txt"] = "file \(i)\n" }
        let built = try EarlyMarkdownTests.build(files, cores: 2)
        #expect(built.outputs["assets/main.css"]?.contains("color: red") == true)
        for i in 0..<20 { #expect(built.outputs["files/f\(i).txt"] == "file \(i)\n") }

        let root = NSTemporaryDirectory() + "kyll-idle-fail-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        files["broken.md"] = "---\n---\n{% if %}\n"
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger,
                                  looksForStylesheets: true, cores: 2)
        #expect(throws: BuildError.self) {
            try SiteBuild.build(configuration, setup: setup, timer: PhaseTimer(), logger: logger, progress: nil)
        }
        let cache = Path.join(root, "site/.jekyll-cache")
        #expect(FileSystem.isFile(Path.join(cache, ".gitignore")))
        #expect(FileSystem.isDirectory(Path.join(cache, "Jekyll/Cache/Jekyll--Cache")))
        #expect(!FileSystem.exists(Path.join(root, "site/_site")))
    }
}
