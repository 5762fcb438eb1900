import CHeapPolicy
import Foundation
@testable import KyllCLI
import Testing

/// Huge pages for the heap only when the command serves, watches or incrementally builds a site
/// with a large `_posts`.
@Suite struct HeapPolicyTests {
    /// A site whose `_posts` holds `posts` files; its root is returned.
    static func site(posts: Int) throws -> String {
        let root = NSTemporaryDirectory() + "kyll-heap-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/_posts", withIntermediateDirectories: true)
        for i in 0..<posts {
            FileManager.default.createFile(atPath: root + "/_posts/2024-01-01-post-\(i).md", contents: Data("---\n---\n".utf8))
        }
        return root
    }

    static func prefers(_ arguments: [String], threshold: Int32 = 64) -> Bool {
        let argv = (["kyll"] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        let pointers = argv.map { UnsafePointer<CChar>($0) }
        return pointers.withUnsafeBufferPointer {
            kyll_heap_prefers_huge_pages(Int32($0.count), $0.baseAddress, threshold) != 0
        }
    }

    @Test func aLargeSitesServeWatchOrIncrementalBuildGetsHugePages() throws {
        let large = try Self.site(posts: 70)
        defer { try? FileManager.default.removeItem(atPath: large) }
        #expect(Self.prefers(["build", "--incremental", "-s", large]))
        #expect(Self.prefers(["b", "--source", large, "-d", "/tmp/out", "-I"]))
        #expect(Self.prefers(["build", "-w", "-s", large]))
        #expect(Self.prefers(["build", "--watch", "-s", large]))
        #expect(Self.prefers(["serve", "--source=\(large)"]))
        #expect(Self.prefers(["s", "--livereload", "-s", large]))
        // A one-shot clean build, not a build, or the threshold not reached.
        #expect(!Self.prefers(["build", "-s", large]))
        #expect(!Self.prefers(["b", "--source", large, "-d", "/tmp/out"]))
        #expect(!Self.prefers(["doctor", "-s", large]))
        #expect(!Self.prefers(["new", large]))
        #expect(!Self.prefers([]))
        #expect(!Self.prefers(["serve", "-s", large], threshold: 71))
        #expect(Self.prefers(["serve", "-s", large], threshold: 70))
    }

    /// The C list of commands (it runs before Swift can) names every spelling of build and serve.
    @Test func everyNameOfBuildAndServeIsRecognised() throws {
        let large = try Self.site(posts: 70)
        defer { try? FileManager.default.removeItem(atPath: large) }
        let names = [BuildCommand.configuration, ServeCommand.configuration].flatMap { [$0.commandName ?? ""] + $0.aliases }
        #expect(names.count == 5)
        for name in names { #expect(Self.prefers([name, "-I", "-s", large]), "\(name)") }
    }

    /// Tests run without jemalloc (only the release executable links it): `mallctl` is a weak
    /// symbol, so capping the arenas' growth and binding a thread do nothing instead of calling
    /// through null.
    @Test func withoutJemallocNoArenaIsCapped() {
        #expect(kyll_heap_grow_in_huge_pages(2) == 0)
        kyll_heap_thread_started()
    }

    @Test func aSmallOrMissingPostsFolderKeepsSmallPages() throws {
        let small = try Self.site(posts: 10)
        defer { try? FileManager.default.removeItem(atPath: small) }
        #expect(!Self.prefers(["build", "-s", small]))
        #expect(!Self.prefers(["build", "-s", small + "/nowhere"]))
        #expect(!Self.prefers(["build", "-s", String(repeating: "x", count: 5000)]))
    }
}
