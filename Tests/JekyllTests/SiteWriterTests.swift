import Foundation
import Testing
@testable import Jekyll

/// The writer's promise: a build that fails leaves the previous site byte for byte as it was, a
/// build that succeeds replaces it in one step (never missing, never half written), `keep_files`
/// survive, and no output lands outside the destination.
@Suite struct SiteWriterTests {
    /// A scratch folder holding a destination `_site` with a previous build in it.
    final class Scratch {
        let root: String
        var destination: String { root + "/_site" }

        init() throws {
            root = NSTemporaryDirectory() + "kyll-writer-" + UUID().uuidString.prefix(8)
            let previous = ["index.html": "old index\n", "about/index.html": "old about\n",
                            "assets/keep/logo.svg": "<svg/>\n", "gone.txt": "not produced again\n"]
            for (path, text) in previous {
                let url = URL(fileURLWithPath: destination + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        /// Every entry under the scratch folder with its bytes.
        func tree() -> [String: String] {
            var out: [String: String] = [:]
            let walker = FileManager.default.enumerator(atPath: root)
            while let relative = walker?.nextObject() as? String {
                let data = FileManager.default.contents(atPath: root + "/" + relative)
                out[relative] = data.map { String(decoding: $0, as: UTF8.self) } ?? "<dir>"
            }
            return out
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    static func page(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, content: .text(text), origin: path)
    }

    static let failingBuilds: [(String, [OutputFile])] = [
        ("a static file vanished while writing", (0..<200).map { page("p\($0).html", "new \($0)") }
            + [OutputFile(path: "img/x.png", content: .copy(from: "/nonexistent/kyll/x.png"), origin: "img/x.png")]
            + (200..<400).map { page("p\($0).html", "new \($0)") }),
        ("a file where another needs a folder", [page("index.html", "new"), page("a", "file"), page("a/b.html", "in a")]),
        ("an output path climbing out", [page("index.html", "new"), page("../escaped.html", "out")]),
        ("an absolute output path", [page("index.html", "new"), page("/tmp/escaped.html", "out")]),
    ]

    @Test(arguments: failingBuilds.map(\.0))
    func failedBuildLeavesThePreviousSiteAsItWas(_ name: String) throws {
        let files = Self.failingBuilds.first { $0.0 == name }!.1
        let scratch = try Scratch()
        let before = scratch.tree()
        #expect(throws: BuildError.self) {
            try SiteWriter(destination: scratch.destination, keepFiles: ["assets/keep"]).write(files)
        }
        // No staging or retired folder left beside it, nothing changed inside it.
        #expect(scratch.tree() == before)
    }

    @Test func successfulBuildReplacesTheSiteAndKeepsKeepFiles() throws {
        let scratch = try Scratch()
        try SiteWriter(destination: scratch.destination, keepFiles: ["assets/keep"])
            .write([Self.page("index.html", "new index\n"), Self.page("new/index.html", "new page\n")])
        #expect(scratch.tree() == [
            "_site": "<dir>", "_site/index.html": "new index\n", "_site/new": "<dir>",
            "_site/new/index.html": "new page\n", "_site/assets": "<dir>", "_site/assets/keep": "<dir>",
            "_site/assets/keep/logo.svg": "<svg/>\n",
        ])
    }

    @Test func theSwapIsOneAtomicStepHere() throws {
        let scratch = try Scratch()
        let other = scratch.root + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        #expect(FileSystem.atomicSwap(other, scratch.destination))
        #expect(FileManager.default.fileExists(atPath: other + "/index.html"))
        #expect(!FileManager.default.fileExists(atPath: scratch.destination + "/index.html"))
    }

    /// A reader polling the site while it is rebuilt again and again never finds it missing. (A
    /// listing begun just before a swap may read the previous tree while it is being removed, so
    /// only the folder's presence is promised, not a whole listing.)
    @Test func readersNeverSeeAHalfWrittenSite() throws {
        let scratch = try Scratch()
        let destination = scratch.destination
        let pages = 40
        try SiteWriter(destination: destination, keepFiles: []).write((0..<pages).map { Self.page("p\($0).html", "build 0") })
        let done = Locked(false)
        let problems = Locked<[String]>([])
        let reader = Thread {
            while !done.withLock({ $0 }) {
                if (try? FileManager.default.contentsOfDirectory(atPath: destination)) == nil {
                    problems.withLock { $0.append("the destination was missing") }
                }
                usleep(20)  // poll often, without taking a core from the writer
            }
        }
        reader.start()
        for build in 1...12 {
            try SiteWriter(destination: destination, keepFiles: [])
                .write((0..<pages).map { Self.page("p\($0).html", "build \(build)") })
        }
        done.withLock { $0 = true }
        while !reader.isFinished { usleep(1000) }
        #expect(problems.withLock { $0 } == [])
    }

    /// Output goes through a handle on the staging folder (`openat`, `mkdirat`); failures name the full path.
    @Test func folderWritesRelativeToItself() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-folder-\(UUID())").path
        try FileSystem.makeDirectories(root)
        defer { try? FileSystem.remove(root) }
        let folder = try FileSystem.Folder(root)
        try folder.makeDirectory("a")
        try folder.makeDirectory("a")
        try folder.makeDirectory("a/b")
        try folder.write("é\n".utf8, to: "a/b/index.html")
        try folder.write("x".utf8, to: "a/b/index.html")
        #expect(try FileSystem.read(root + "/a/b/index.html") == Array("x".utf8))
        #expect(throws: FileSystem.Failure.self) { try folder.write("x".utf8, to: "missing/index.html") }
        do throws(FileSystem.Failure) {
            try folder.makeDirectory("no/such")
            Issue.record("made a folder inside a missing one")
        } catch {
            #expect(error.path == root + "/no/such")
        }
    }

    static let insideOrNot: [(String, Bool)] = [
        ("index.html", true), ("a/b/index.html", true), ("a..b/c", true), ("..a/b", true), ("a/.../b", true),
        ("a/b..", true), ("", false), ("/etc/passwd", false), ("..", false), ("../a", false), ("a/..", false),
        ("a/../b", false), ("a/b/../../..", false),
    ]

    @Test(arguments: insideOrNot)
    func outputPathsStayInsideTheDestination(_ path: String, _ inside: Bool) {
        #expect(SiteWriter.staysInside(path) == inside)
        // The staging plan refuses exactly the paths that would leave the destination.
        #expect((StagingPlan(paths: [path]) != nil) == inside)
    }

    static let ownPlaces: [(String, String, String, Bool)] = [
        ("/s/.x/a/index.html", "/s/.x", "a/index.html", true), ("/s/.x/a/index.htm", "/s/.x", "a/index.html", false),
        ("/s/.xa/index.html", "/s/.x", "a/index.html", false), ("/s/.x//a", "/s/.x", "a", false),
        ("/s/.y/a", "/s/.x", "a", false), ("/s/.x/a", "/s/.x/", "a", true), ("/s/é/ü", "/s/é", "ü", true),
    ]

    /// A staged output (a copy from its own place in the staging folder) is told apart without a join.
    @Test(arguments: ownPlaces)
    func aCopyFromItsOwnPlaceIsNotWrittenAgain(_ source: String, _ root: String, _ path: String, _ own: Bool) {
        #expect(SiteWriter.isCopy(source, ofItsOwnPlaceIn: root, at: path) == own)
        #expect((source == Path.join(root, path)) == own)
    }

    static let folderConflicts: [([String], Bool)] = [
        (["a", "a/b.html"], true), (["x/y/z/index.html", "x/y"], true), (["a-b.html", "a/index.html"], false),
        (["a/b", "a/c"], false), (["ab", "a/b"], false), (["é", "é/index.html"], true), (["index.html"], false),
    ]

    @Test(arguments: folderConflicts)
    func aFileThatIsAnotherOutputsFolderIsFound(_ paths: [String], _ conflict: Bool) {
        let files = paths.map { Self.page($0, "") }
        #expect(FolderConflicts.hasAny(in: files) == conflict)
        #expect((StagingPlan(paths: paths) == nil) == conflict)
        #expect((FolderConflicts.first(in: files) != nil) == conflict)
    }
}
