import Foundation
import Testing

/// The executable's end (`kyll_exit_leaving_memory`): the exit status and everything printed reach
/// the caller, and the helper left to release the memory ends too instead of lingering.
@Suite(.timeLimit(.minutes(1))) struct ProcessExitTests {
    static let site = """
        -- _config.yml --
        title: Exit
        -- index.md --
        ---
        ---
        # {{ site.title }}
        -- assets/main.scss --
        ---
        ---
        $c: red;
        a { color: $c; }
        -- broken.html --
        ---
        ---
        {% if site.title %}never closed
        """

    /// Processes whose environment (which the helper shares with kyll) holds `marker`.
    static func processes(markedWith marker: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard entry.allSatisfy(\.isNumber), let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ")
            else { return false }
            return String(decoding: environment, as: UTF8.self).contains(marker)
        }
    }

    @Test(arguments: [(false, Int32(0)), (true, Int32(1))])
    func statusOutputAndHelperEnd(broken: Bool, status: Int32) throws {
        let folder = try TemporaryDirectory("kyll-exit")
        defer { withExtendedLifetime(folder) {} }
        let source = folder.sub("site")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FixtureSite(Self.site).write(into: source)
        if !broken { try FileManager.default.removeItem(at: source.appendingPathComponent("broken.html")) }
        let marker = "KYLL_EXIT_TEST_\(UUID().uuidString.prefix(12))"
        let result = try KyllExecutable.build(source: source, destination: folder.sub("out"), arguments: [],
                                              environment: [marker: "1"])
        #expect(result.status == status)
        if broken {
            #expect(result.standardError.contains("broken.html:3:"))
        } else {
            #expect(result.standardOutput.contains("done in"))
            #expect(FileManager.default.fileExists(atPath: folder.sub("out").appendingPathComponent("assets/main.css").path))
        }
        #if os(Linux)
        // The helper ends once kyll has: within a few milliseconds, allowed two seconds here.
        var left = Self.processes(markedWith: marker)
        for _ in 0..<200 where !left.isEmpty {
            Thread.sleep(forTimeInterval: 0.01)
            left = Self.processes(markedWith: marker)
        }
        #expect(left.isEmpty, "processes still sharing kyll's memory: \(left)")
        #endif
    }

    @Test func versionPrintedThroughAPipe() throws {
        guard let path = KyllExecutable.path else { Issue.record("the kyll executable was not found"); return }
        let result = try runProgram(path, ["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("kyll "))
        #expect(result.standardOutput.hasSuffix("\n"))
    }

    #if os(Linux)
    /// valgrind aborts at a `clone` that makes no thread, so under it kyll ends the usual way:
    /// `scripts/hot-functions` profiles builds with callgrind, which writes its file only then.
    @Test func endsTheUsualWayUnderValgrind() throws {
        guard let path = KyllExecutable.path else { Issue.record("the kyll executable was not found"); return }
        guard let valgrind = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first(where: FileManager.default.isExecutableFile)
        else { Issue.record("valgrind is not installed (scripts/install-deps --test installs it)"); return }
        let folder = try TemporaryDirectory("kyll-valgrind")
        defer { withExtendedLifetime(folder) {} }
        // valgrind 3.19 cannot read the DWARF 5 debug information Swift writes (as in scripts/hot-functions).
        let stripped = folder.sub("kyll").path
        let strip = try runProgram("/usr/bin/strip", ["--strip-debug", "-o", stripped, path])
        try #require(strip.status == 0, "\(strip.standardError)")
        let source = folder.sub("site")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FixtureSite("-- _config.yml --\ntitle: Under valgrind\n-- index.md --\n---\n---\n# {{ site.title }}\n")
            .write(into: source)
        let result = try runProgram(valgrind, ["--tool=none", stripped, "build", "-s", source.path, "-d", folder.sub("out").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("done in"))
        #expect(!result.standardError.contains("clone"), "\(result.standardError)")
        let page = try String(contentsOf: folder.sub("out").appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("Under valgrind"))
    }
    #endif
}
