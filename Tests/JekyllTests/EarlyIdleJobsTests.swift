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

    /// Early conversions on two cores whose walk has started and is held back.
    static func startedWithHeldWalk() throws -> (EarlyConversions, HeldLaunches, String) {
        let held = HeldLaunches()
        let (early, configuration, root) = try earlyConversions(cores: 2, launch: held.launch)
        early.startLooking(configuration: configuration)
        return (early, held, root)
    }

    @Test func theWalkRunsAJobHandedBeforeItsEnd() throws {
        let (early, held, root) = try Self.startedWithHeldWalk()
        defer { try? FileManager.default.removeItem(atPath: root) }
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
        let (early, held, root) = try Self.startedWithHeldWalk()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let runs = Locked(0)
        #expect(early.whenIdle { runs.withLock { $0 += 1 } })
        early.finishIdleJobs()  // the walk is still busy (held): run here
        #expect(runs.withLock { $0 } == 1)
        #expect(!early.whenIdle { runs.withLock { $0 += 1 } })
        held.runAll()  // the walk ends later, with nothing left to run
        #expect(runs.withLock { $0 } == 1)
    }

    @Test(arguments: [1, 2])
    func withoutARunningWalkNoJobIsTaken(cores: Int) throws {
        let (early, configuration, root) = try Self.earlyConversions(cores: cores, launch: { $0() })
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!early.whenIdle {})  // not started
        early.startLooking(configuration: configuration)
        // On one core there is no walk; on two it ran in place here and has ended.
        #expect(!early.whenIdle {})
        early.finishIdleJobs()
    }

    /// A small site's build on two cores whose walk runs while the build's thread renders (held,
    /// then run from the log of the page's render): the walk's thread makes the cache folders and
    /// copies every static file into the staging folder, and the build writes them all.
    @Test func theWalkCopiesTheStaticFilesWhileThePagesRender() throws {
        var files = [
            "_config.yml": "title: Small\n",
            "index.md": "---\nlayout: missing\n---\n# Home\n",
            "assets/main.scss": "---\n---\n$c: red;\na { color: $c; }\n",
        ]
        for i in 0..<20 { files["files/f\(i).txt"] = "file \(i)\n" }
        let root = NSTemporaryDirectory() + "kyll-idle-copies-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let held = HeldLaunches()
        let staging = Path.join(root, "site/._site.kyll-staging")
        let stagedDuringRender = Locked<[String]?>(nil)
        // The missing layout's warning is logged while `index.md` renders, on the build's thread.
        let logger = Logger(sink: { _, message in
            guard message.contains("does not exist"), stagedDuringRender.withLock({ $0 == nil }) else { return }
            held.runAll()
            stagedDuringRender.withLock { $0 = FileSystem.walkFiles(staging) }
        })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger,
                                  looksForStylesheets: true, cores: 2, earlyLaunch: held.launch)
        _ = try SiteBuild.build(configuration, setup: setup, timer: PhaseTimer(), logger: logger, progress: nil)
        let staged = Set(try #require(stagedDuringRender.withLock { $0 }))
        for i in 0..<20 { #expect(staged.contains("files/f\(i).txt")) }
        let out = Path.join(root, "site/_site")
        for i in 0..<20 {
            #expect(String(decoding: try FileSystem.read(Path.join(out, "files/f\(i).txt")), as: UTF8.self) == "file \(i)\n")
        }
        #expect(String(decoding: try FileSystem.read(Path.join(out, "assets/main.css")), as: UTF8.self).contains("color: red"))
        #expect(FileSystem.isFile(Path.join(root, "site/.jekyll-cache/.gitignore")))
        #expect(FileSystem.isDirectory(Path.join(root, "site/.jekyll-cache/Jekyll/Cache/Jekyll--Cache")))
    }

    /// A build that fails leaves the cache folders, made by the walk's thread or at the finish,
    /// and no destination.
    @Test func aFailedSmallSiteBuildLeavesTheCacheFolders() throws {
        let root = NSTemporaryDirectory() + "kyll-idle-fail-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "_config.yml": "title: Small\n",
            "assets/main.scss": "---\n---\na { color: red; }\n",
            "broken.md": "---\n---\n{% if %}\n",
        ]
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
