import Foundation
import Testing
@testable import Jekyll

/// Jekyll's `glob_include?` rules for entries: a pattern matches by fnmatch, by prefix, or by
/// naming a folder with a trailing slash; literal patterns are compared without building the path.
@Suite struct EntryFilterTests {
    @Test func includeAndExcludeRules() throws {
        let source = NSTemporaryDirectory() + "kyll-filter-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: source + "/vendor/bundle", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: source) }
        let filter = EntryFilter(source: source, include: ["_pages", ".htaccess", "docs/*.md"],
                                 exclude: ["vendor/bundle/", "vendor/cache/", "Gemfile", "node_modules", "*.log", "/abs"],
                                 safe: false)
        let rejected: [(String, Bool)] = [
            ("Gemfile", true), ("Gemfile.lock", true), ("_pages", false), ("_pages2", false), ("_drafts", true),
            (".htaccess", false), (".git", true), ("index.md", false), ("error.log", true), ("docs/a.md", false),
            ("node_modules", true), ("vendor/bundle", true), ("vendor/cache", false), ("vendor", false),
            ("x~", true), ("a.", true), ("abs", true),
        ]
        for (entry, expected) in rejected {
            #expect(filter.rejects(entry, in: source) == expected, "\(entry)")
        }
        let posts = filter.relativeTo(baseDirectory: source + "/_posts")
        #expect(!posts.rejects("2024-01-01-a.md", in: source + "/_posts"))
        #expect(posts.rejects("2024-01-01-a.log", in: source + "/_posts"))
    }

    /// Entries of a folder below the source are matched against patterns naming them from the
    /// source (`_posts/old`), literally or as a folder with a trailing slash.
    @Test func entriesBelowTheSource() throws {
        let source = NSTemporaryDirectory() + "kyll-filter-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: source + "/_posts/gone", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: source) }
        let filter = EntryFilter(source: source, include: [], exclude: ["_posts/old", "_posts/gone/", "Gemfile"], safe: false)
        let posts = filter.relativeTo(baseDirectory: source + "/_posts")
        let rejected: [(String, Bool)] = [
            ("old/2024-01-01-a.md", true), ("older.md", true), ("gone", true), ("gone/a.md", true),
            ("kept.md", false), ("Gemfile", false), ("_old.md", true),
        ]
        for (entry, expected) in rejected {
            #expect(posts.rejects(entry, in: source + "/_posts") == expected, "\(entry)")
        }
    }

    /// Below a folder, `exclude` matches an entry as it matches the entry's path from the source,
    /// whether or not a pattern can match there at all (which the filter works out once a folder).
    @Test(arguments: [
        ["Gemfile", "vendor/bundle/"], ["_po"], ["_posts"], ["_posts/"], ["_postsx", "Gemfile"], ["_posts/a", "x"],
        ["*.log"], ["_posts/gone/"], ["/_posts"], [""], ["_"],
    ])
    func excludedBelowAFolderAsFromTheSource(exclude: [String]) {
        let source = "/nonexistent-kyll-source"
        let filter = EntryFilter(source: source, include: [], exclude: exclude, safe: false)
        let posts = filter.relativeTo(baseDirectory: source + "/_posts")
        for entry in ["a.md", "ab/c.md", "gone", "x", "_posts", "2024-01-01-a.log", "Gemfile"] {
            #expect(posts.isExcluded(entry) == filter.isExcluded("_posts/" + entry), "\(exclude) \(entry)")
        }
    }
}
