import Foundation
import Testing
@testable import Jekyll

/// Reading in one `read`, removing trees relative to their folders, reusing the previous site's
/// files and walking only into folders that can hold kept files: each with the cases that would
/// go wrong if the shortcut were taken too far.
@Suite struct FileSystemIOTests {
    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-io-\(UUID())").path
        init() throws { try FileSystem.makeDirectories(root) }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func file(_ relative: String, _ text: String) throws {
            let path = root + "/" + relative
            try FileSystem.makeDirectories(Path.dirname(path))
            try FileSystem.write(Array(text.utf8), to: path)
        }
    }

    @Test(arguments: [0, 1, 4095, 4096, 4097, 100_000])
    func readsAFileOfEverySize(_ size: Int) throws {
        let scratch = try Scratch()
        let text = String(repeating: "ab\ncdé", count: size / 7 + 1).utf8.prefix(size)
        let path = scratch.root + "/f"
        try FileSystem.write(Array(text), to: path)
        #expect(try FileSystem.read(path) == Array(text))
        if let string = String(validating: text, as: UTF8.self) {
            #expect(try FileSystem.readUTF8String(path) == string)
        }
    }

    #if os(Linux)
    /// A file whose size `stat` does not know (procfs says 0) is read to its end, not to its size.
    @Test func readsAFileWhoseSizeIsUnknownToItsEnd() throws {
        let bytes = try FileSystem.read("/proc/self/status")
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Name:"))
        #expect(bytes.last == UInt8(ascii: "\n"))
    }
    #endif

    /// A folder too big for one listing call's buffer is listed whole; folders are told from
    /// files and from links to folders.
    @Test func listsABigFolderWithTypes() throws {
        let scratch = try Scratch()
        let long = String(repeating: "n", count: 80)
        for i in 0..<600 { try scratch.file("big/\(long)-\(i).txt", "") }
        try FileSystem.makeDirectories(scratch.root + "/big/sub")
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/big/link", withDestinationPath: scratch.root + "/big/sub")
        let fd = open(scratch.root + "/big", O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        let listed = try FileSystem.listEntries(of: fd)
        #expect(listed.count == 602)
        #expect(Set(listed.filter(\.isFolder).map(\.name)) == ["sub"])
        #expect(Set(listed.map(\.name)) == Set((0..<600).map { "\(long)-\($0).txt" } + ["sub", "link"]))
    }

    @Test(arguments: [false, true])
    func removesATreeWithoutFollowingLinks(concurrently: Bool) throws {
        let scratch = try Scratch()
        try scratch.file("outside/kept.txt", "kept")
        try scratch.file("tree/a/b/c/f.txt", "f")
        try scratch.file("tree/a/g.txt", "g")
        try scratch.file("tree/top.txt", "top")
        // More first-level folders than are held open at once.
        for i in 0..<300 { try scratch.file("tree/d\(i)/x/y.txt", "\(i)") }
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/tree/a/link", withDestinationPath: scratch.root + "/outside")
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/tree/filelink", withDestinationPath: scratch.root + "/outside/kept.txt")
        // A name that is not UTF-8 (a String would repair it into another name).
        let latin1 = (scratch.root + "/tree/a/caf").utf8.map { CChar(bitPattern: $0) } + [CChar(bitPattern: 0xE9), 0]
        let fd = open(latin1, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        close(fd)
        try FileSystem.remove(scratch.root + "/tree", concurrently: concurrently)
        #expect(!FileManager.default.fileExists(atPath: scratch.root + "/tree"))
        #expect(try FileSystem.read(scratch.root + "/outside/kept.txt") == Array("kept".utf8))
        // A file, and a path that is not there, are removed or left alone without a complaint.
        try FileSystem.remove(scratch.root + "/outside/kept.txt", concurrently: concurrently)
        try FileSystem.remove(scratch.root + "/nothing", concurrently: concurrently)
        #expect(try FileSystem.entries(scratch.root + "/outside") == [])
    }

    /// Runs of bytes (a rendered page held in pieces) are written as one file, in order, empty
    /// runs included; a previous file is reused only when it holds their concatenation.
    @Test(arguments: [[], [""], ["one run"], ["a", "", "ü" + String(repeating: "x", count: 70_000), "z"],
                      Array(repeating: "run,", count: 2_000)])
    func writesRunsAsOneFile(_ parts: [String]) throws {
        let scratch = try Scratch()
        let folder = try FileSystem.Folder(scratch.root)
        let bytes = parts.map { Array($0.utf8) }
        func withRuns<R>(_ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
            let copies = bytes.map { b -> UnsafeMutableRawBufferPointer in
                let p = UnsafeMutableRawBufferPointer.allocate(byteCount: b.count, alignment: 1)
                p.copyMemory(from: UnsafeRawBufferPointer(start: b, count: b.count))
                return p
            }
            defer { copies.forEach { $0.deallocate() } }
            return try body(copies.map { UnsafeRawBufferPointer($0) })
        }
        try withRuns { try folder.write(runs: $0, to: "page.html") }
        let expected = parts.joined()
        #expect(try FileSystem.read(scratch.root + "/page.html") == Array(expected.utf8))
        #expect(withRuns { folder.holds(runs: $0, at: "page.html") })
        try scratch.file("other.html", expected + "!")
        #expect(!withRuns { folder.holds(runs: $0, at: "other.html") })
    }

    /// A range of a file read back as text (a staged page's converted content): exactly its bytes,
    /// nil when the file ends before the range does or is missing.
    @Test func readsARangeOfAFileAsText() throws {
        let scratch = try Scratch()
        let text = "<html>" + String(repeating: "Grüße ", count: 2_000) + "</html>"
        try scratch.file("page.html", text)
        let folder = try FileSystem.Folder(scratch.root)
        let count = text.utf8.count
        #expect(folder.readText("page.html", at: 6, count: count - 13) == String(repeating: "Grüße ", count: 2_000))
        #expect(folder.readText("page.html", at: 0, count: count) == text)
        #expect(folder.readText("page.html", at: count, count: 0) == "")
        #expect(folder.readText("page.html", at: 6, count: count) == nil)
        #expect(folder.readText("missing.html", at: 0, count: 1) == nil)
    }

    /// A previous output is linked into the staging folder only when it is a regular file with the
    /// very bytes (a copy: the source's size and time); never a symbolic link.
    @Test func reusesOnlyIdenticalRegularFiles() throws {
        let scratch = try Scratch()
        try scratch.file("_site/same.html", "same")
        try scratch.file("_site/changed.html", "old")
        try scratch.file("_site/longer.html", "same")
        try scratch.file("elsewhere.html", "same")
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/_site/link.html", withDestinationPath: scratch.root + "/elsewhere.html")
        try scratch.file("src/logo.png", "png")
        try FileSystem.Folder(scratch.root).copy(scratch.root + "/src/logo.png", to: "_site/logo.png")
        try scratch.file("src/newer.png", "png")
        try FileSystem.makeDirectories(scratch.root + "/staging")
        let writer = SiteWriter(destination: scratch.root + "/_site", keepFiles: [])
        let previous = try #require(writer.openPrevious())
        let staging = try FileSystem.Folder(scratch.root + "/staging")
        func reused(_ path: String, _ content: OutputFile.Content) -> Bool {
            writer.reuse(OutputFile(path: path, content: content, origin: path), from: previous, into: staging)
        }
        #expect(reused("same.html", .text("same")))
        #expect(!reused("changed.html", .text("new")))
        #expect(!reused("longer.html", .text("same!")))
        #expect(!reused("link.html", .text("same")))
        #expect(!reused("missing.html", .text("same")))
        #expect(reused("logo.png", .copy(from: scratch.root + "/src/logo.png")))
        var later = FileSystem.modificationTime(scratch.root + "/src/logo.png")!
        later.seconds += 10
        var times = [timespec(tv_sec: later.seconds, tv_nsec: later.nanoseconds), timespec(tv_sec: later.seconds, tv_nsec: later.nanoseconds)]
        _ = utimensat(AT_FDCWD, scratch.root + "/src/newer.png", &times, 0)
        #expect(!reused("logo.png", .copy(from: scratch.root + "/src/newer.png")))
        #expect(try FileSystem.entries(scratch.root + "/staging") == ["logo.png", "same.html"])
        let linked = try FileManager.default.attributesOfItem(atPath: scratch.root + "/staging/same.html")
        let old = try FileManager.default.attributesOfItem(atPath: scratch.root + "/_site/same.html")
        #expect(linked[.systemFileNumber] as? Int == old[.systemFileNumber] as? Int)
    }

    /// A copy carries its source's modification time, as Jekyll's does.
    @Test func copiesKeepTheSourcesTime() throws {
        let scratch = try Scratch()
        try scratch.file("src.txt", "bytes")
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 123_456_789), timespec(tv_sec: 1_000_000_000, tv_nsec: 123_456_789)]
        _ = utimensat(AT_FDCWD, scratch.root + "/src.txt", &times, 0)
        try FileSystem.copy(scratch.root + "/src.txt", to: scratch.root + "/a.txt")
        try FileSystem.Folder(scratch.root).copy(scratch.root + "/src.txt", to: "b.txt")
        for copy in ["a.txt", "b.txt"] {
            #expect(try FileSystem.read(scratch.root + "/" + copy) == Array("bytes".utf8))
            #expect(FileSystem.modificationTime(scratch.root + "/" + copy) == FileSystem.Timestamp(seconds: 1_000_000_000, nanoseconds: 123_456_789))
        }
    }

    /// `keep_files` entries are prefixes of destination paths, as in Jekyll (`.git` keeps
    /// `.github/…` too); the walk goes only into folders that can hold such a path, and finds
    /// kept files deep inside them.
    @Test func keptFilesAreFoundWithoutWalkingTheWholeSite() throws {
        let scratch = try Scratch()
        for path in ["deep/keep/x.txt", "deep/keeper.txt", "deep/other/y.txt", ".github/w.yml", ".git/config",
                     "assets/keep/logo.svg", "index.html"] {
            try scratch.file("_site/" + path, path)
        }
        let writer = SiteWriter(destination: scratch.root + "/_site", keepFiles: ["deep/keep", ".git"])
        #expect(writer.mayHoldKept("deep") && writer.mayHoldKept("deep/keep") && writer.mayHoldKept(".github"))
        #expect(!writer.mayHoldKept("deep/other") && !writer.mayHoldKept("assets") && !writer.mayHoldKept("dee"))
        try writer.write([OutputFile(path: "index.html", content: .text("new"), origin: "index.html")])
        let site = scratch.root + "/_site"
        #expect(Set(FileSystem.walkFiles(site)) == ["deep/keep/x.txt", "deep/keeper.txt", ".github/w.yml", ".git/config", "index.html"])
        #expect(try FileSystem.read(site + "/index.html") == Array("new".utf8))
    }
}
