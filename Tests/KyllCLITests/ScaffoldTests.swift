import Foundation
import Testing

/// `new` and `new-theme` next to Jekyll 4.3.1's: the same files and folders where the layout is
/// Jekyll's, and blank sites that both tools build to the same pages.
@Suite(.enabled(if: Oracle.shouldRun, "Jekyll 4.3.1 is not installed (KYLL_REQUIRE_ORACLE=1 makes this a failure)"))
struct ScaffoldTests {
    /// Runs `jekyll ARGUMENTS…` and `kyll ARGUMENTS…` in two folders of `folder`.
    func scaffoldBoth(_ arguments: [String], in folder: TemporaryDirectory) throws -> (jekyll: URL, kyll: URL)? {
        guard let jekyll = Oracle.require() else { return nil }
        let kyll = try #require(KyllExecutable.path, "the kyll executable was not built")
        let jekyllDir = folder.sub("jekyll"), kyllDir = folder.sub("kyll")
        for dir in [jekyllDir, kyllDir] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        let environment = ["JEKYLL_NO_BUNDLER_REQUIRE": "true"]
        let j = try runProgram(jekyll, arguments, directory: jekyllDir, environment: environment)
        let k = try runProgram(kyll, arguments, directory: kyllDir, environment: environment)
        #expect(j.status == 0, "jekyll: \(j.output)")
        #expect(k.status == 0, "kyll: \(k.output)")
        return (jekyllDir, kyllDir)
    }

    func entries(_ root: URL) -> Set<String> {
        let all = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        // Git's own files (new-theme runs `git init`) say nothing about the scaffold.
        return Set(all.filter { !$0.contains("/.git/") })
    }

    @Test(arguments: [["new-theme", "fancy-theme"], ["new-theme", "fancy-theme", "--code-of-conduct"]])
    func themeSkeletonHasJekyllsFiles(_ arguments: [String]) throws {
        let folder = try TemporaryDirectory("kyll-scaffold")
        guard let made = try scaffoldBoth(arguments, in: folder) else { return }
        #expect(entries(made.kyll) == entries(made.jekyll))
        #expect(entries(made.kyll).contains("fancy-theme/fancy-theme.gemspec"))
    }

    /// The starter site's layout, apart from the first post's date (the day each ran) and what
    /// Debian's package leaves out of Jekyll's template (its `.gitignore`, which kyll writes).
    @Test func starterSiteHasJekyllsFiles() throws {
        let folder = try TemporaryDirectory("kyll-scaffold")
        guard let made = try scaffoldBoth(["new", "starter", "--skip-bundle"], in: folder) else { return }
        func shape(_ entries: Set<String>) -> Set<String> { Set(entries.map(CommandLineDifferentialTests.withoutPostDate)) }
        #expect(shape(entries(made.kyll)) == shape(entries(made.jekyll)).union(["starter/.gitignore"]))
        #expect(shape(entries(made.kyll)).contains("starter/_posts/DATE-welcome-to-jekyll.markdown"))
    }

    /// Each tool's blank site, built by Jekyll and by kyll: the same pages, byte for byte.
    @Test func blankSitesBuildAlike() throws {
        let folder = try TemporaryDirectory("kyll-scaffold")
        guard let made = try scaffoldBoth(["new", "blank", "--blank"], in: folder) else { return }
        #expect(entries(made.jekyll).filter { !$0.contains(".") } == entries(made.kyll).filter { !$0.contains(".") },
                "the same folders")
        for site in [made.jekyll, made.kyll] {
            let builds = try TemporaryDirectory("kyll-scaffold-build")
            guard let run = try Differential.build(source: site.appendingPathComponent("blank"), in: builds) else { return }
            #expect(run.jekyll.status == 0 && run.kyll.status == 0, "\(run.summary)")
            #expect(run.comparison.isClean, "\(run.summary)")
            #expect(run.comparison.paths(with: "identical-bytes").contains("index.html"), "\(run.summary)")
        }
    }
}
