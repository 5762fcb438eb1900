import Foundation
import Liquid
import Testing
@testable import Jekyll

/// Which include paths `IncludeFileSystem` accepts: a file inside the folder it is looked up in,
/// once `..` and symlinks are resolved (a symlink may point elsewhere in the site, but not in safe
/// mode). A name right inside the folder is settled by one `lstat`, the rest through `realpath`.
@Suite struct IncludeLookupTests {
    /// Name under `_includes` → accepted outside safe mode, accepted in safe mode.
    static let cases: [(String, Bool, Bool)] = [
        ("plain.html", true, true),
        ("sub/nested.html", true, true),
        ("folder.html", false, false),
        ("missing.html", false, false),
        ("in-site.html", true, false),
        ("out.html", false, false),
        ("dangling.html", false, false),
        ("linked/x.html", true, false),
        ("../other.html", false, false),
        ("sub/../plain.html", true, true),
    ]

    static func withSite(_ body: (String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-include-\(UUID())").path
        let files = ["site/_includes/plain.html", "site/_includes/sub/nested.html", "site/other.html",
                     "site/elsewhere/x.html", "outside/secret.html"]
        for file in files {
            try FileManager.default.createDirectory(atPath: Path.dirname(root + "/" + file), withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: root + "/" + file, contents: Data("x".utf8)))
        }
        try FileManager.default.createDirectory(atPath: root + "/site/_includes/folder.html", withIntermediateDirectories: true)
        symlink(root + "/site/other.html", root + "/site/_includes/in-site.html")
        symlink(root + "/outside/secret.html", root + "/site/_includes/out.html")
        symlink(root + "/site/gone.html", root + "/site/_includes/dangling.html")
        symlink(root + "/site/elsewhere", root + "/site/_includes/linked")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(root)
    }

    static func includes(source: String, safe: Bool) -> IncludeFileSystem {
        IncludeFileSystem(configuration: Configuration(hash: OrderedHash([("source", .string(source)), ("safe", .bool(safe))])),
                          theme: nil)
    }

    @Test(arguments: [false, true])
    func acceptsFilesThatStayInside(safe: Bool) throws {
        try Self.withSite { root in
            let includes = Self.includes(source: root + "/site", safe: safe)
            let dir = root + "/site/_includes"
            for (name, accepted, acceptedWhenSafe) in Self.cases {
                #expect(includes.isValid(Path.join(dir, name), in: dir) == (safe ? acceptedWhenSafe : accepted), "\(name)")
            }
        }
    }

    /// `_includes` itself a symlink: its files are inside it all the same.
    @Test func theFolderMayBeALink() throws {
        try Self.withSite { root in
            try FileManager.default.moveItem(atPath: root + "/site/_includes", toPath: root + "/site/real-includes")
            symlink(root + "/site/real-includes", root + "/site/_includes")
            let dir = root + "/site/_includes"
            for safe in [false, true] {
                let includes = Self.includes(source: root + "/site", safe: safe)
                #expect(includes.isValid(dir + "/plain.html", in: dir))
                #expect(includes.isValid(dir + "/sub/nested.html", in: dir))
                #expect(!includes.isValid(dir + "/out.html", in: dir))
            }
        }
    }
}
