import Testing
@testable import Jekyll

/// The staged outputs' paths, checked and their folders indexed in one scan (`StagingPlan`).
@Suite struct StagingPlanTests {
    /// Each folder's path, in the plan's order.
    static func folderPaths(_ plan: StagingPlan) -> [String] {
        plan.folders.indices.map { plan.path(ofFolder: $0) }
    }

    @Test func eachFolderIsPlannedOnceAfterItsParent() throws {
        let plan = try #require(StagingPlan(paths: [
            "index.html", "blog/2024/01/a/index.html", "blog/2024/01/b/index.html", "blog/2024/02/c.html", "feed.xml",
        ]))
        #expect(Self.folderPaths(plan) == ["blog", "blog/2024", "blog/2024/01", "blog/2024/01/a", "blog/2024/01/b", "blog/2024/02"])
        #expect(plan.folders.map(\.parent) == [-1, 0, 1, 2, 2, 1])
        #expect(plan.folderOfPath == [-1, 3, 4, 5, -1])
    }

    @Test(arguments: [
        ["a.html", "b.html", "a.html"],  // the same path twice
        ["a", "a/index.html"],  // a file that is a later path's folder
        ["a/b/index.html", "a/b"],  // a path that is an earlier path's folder
        ["../outside.html"], ["a/../../outside.html"], ["/etc/passwd"], ["a/.."], [""],
    ])
    func pathsThatCannotBeStagedGiveNoPlan(paths: [String]) {
        #expect(StagingPlan(paths: paths) == nil)
    }

    @Test func namesThatOnlyLookLikeParentsAreFine() throws {
        let plan = try #require(StagingPlan(paths: ["..a/b.html", "a../.../c.html", "ab", "a/b"]))
        #expect(Self.folderPaths(plan) == ["..a", "a..", "a../...", "a"])
    }

    /// Enough paths to grow the table several times; folders compared with `Path.dirname`'s.
    @Test func aLargeSiteGetsEveryFolderOfEveryPath() throws {
        let paths = (0..<3000).map { "posts/\($0 % 7)/\($0 % 31)/post-\($0)/index.html" } + ["posts/é/ü.html"]
        let plan = try #require(StagingPlan(paths: paths))
        var expected = Set<String>()
        for path in paths {
            var folder = Path.dirname(path)
            while folder != "." { expected.insert(folder); folder = Path.dirname(folder) }
        }
        let folders = Self.folderPaths(plan)
        #expect(folders.count == expected.count)
        #expect(Set(folders) == expected)
        for (index, path) in paths.enumerated() {
            #expect(plan.path(ofFolder: Int(plan.folderOfPath[index])) == Path.dirname(path))
        }
        for (index, folder) in plan.folders.enumerated() where folder.parent >= 0 {
            #expect(plan.path(ofFolder: Int(folder.parent)) == Path.dirname(folders[index]))
            #expect(folder.parent < index)
        }
    }
}
