import Foundation
@testable import Sass
import Testing

/// The import guard's folder listings answer as `stat` and `realpath` would, one listing a folder.
@Suite struct FolderListingsTests {
    @Test func listingsAnswerAsStatAndRealpath() throws {
        try SassErrorTests.withFiles(["a/_part.scss": "x", "a/sub/index.scss": "y", "b/_other.scss": "z"]) { root in
            symlink(root + "/b/_other.scss", root + "/a/_linked.scss")
            symlink(root + "/b", root + "/a/linkdir")
            symlink(root + "/missing", root + "/a/_dangling.scss")
            let listings = FolderListings()
            let names = ["_part.scss", "part.scss", "_PART.scss", "sub", "sub/index.scss", "_linked.scss", "linkdir",
                         "linkdir/_other.scss", "_dangling.scss", "nothing/_part.scss", "_part.scss/x", "", "."]
            let found = listings.existingFiles(in: root + "/a/", named: names)
            #expect(found == names.map { root + "/a/" + $0 }.filter(SassPath.isFile))
            for name in names {
                let path = root + "/a/" + name
                #expect(listings.isFile(path) == SassPath.isFile(path), "\(name)")
                if SassPath.isFile(path) {
                    #expect(listings.realPath(path) == SassPath.realPath(path), "\(name)")
                }
            }
        }
    }

    /// A sub-folder the folder's listing shows no folder of is empty without being listed; the
    /// others (folders, links, other capitals) are listed as before.
    @Test func subfoldersAnswerAsStatToo() throws {
        try SassErrorTests.withFiles(["a/_part.scss": "x", "a/sub/index.scss": "y", "b/_other.scss": "z"]) { root in
            symlink(root + "/b", root + "/a/linkdir")
            let listings = FolderListings()
            _ = listings.existingFiles(in: root + "/a/", named: ["_part.scss"])
            let names = ["index.scss", "_other.scss", "_index.scss"]
            for sub in ["sub", "SUB", "linkdir", "nothing", "_part.scss"] {
                let folder = root + "/a/" + sub + "/"
                #expect(listings.existingFiles(in: folder, named: names) == names.map { folder + $0 }.filter(SassPath.isFile), "\(sub)")
            }
        }
    }

    /// A name an entry spells in other capitals is asked of the file system (a case-insensitive one
    /// finds it), a name no entry folds to is missing unasked, in a folder with capitals in its
    /// names or without. The file system here folds nothing, so a stand-in that folds ASCII
    /// capitals answers the questions: a listing that wrongly settled such a name would miss it.
    @Test func foldedNamesAreAskedOfTheFileSystem() throws {
        try SassErrorTests.withFiles(["c/_Mixed.scss": "x", "c/_lower.scss": "y", "d/_lower.scss": "z"]) { root in
            let asked = AskedPaths()
            let listings = FolderListings(fileExists: { path in
                asked.paths.append(path)
                return Self.foldingFileSystemHas(path)
            })
            let names = ["_Mixed.scss", "_mixed.scss", "_MIXED.scss", "_lower.scss", "_Lower.scss", "_none.scss", "_NONE.scss"]
            let found = [
                "c": ["_Mixed.scss", "_mixed.scss", "_MIXED.scss", "_lower.scss", "_Lower.scss"],
                "d": ["_lower.scss", "_Lower.scss"],
            ]
            for (folder, present) in found {
                #expect(listings.existingFiles(in: root + "/\(folder)/", named: names) == present.map { root + "/\(folder)/" + $0 })
            }
            #expect(!asked.paths.contains { $0.hasSuffix("/_none.scss") || $0.hasSuffix("/_NONE.scss") }, "\(asked.paths)")
            #expect(asked.paths.contains(root + "/c/_mixed.scss") && asked.paths.contains(root + "/d/_Lower.scss"))
        }
    }

    final class AskedPaths: @unchecked Sendable { var paths: [String] = [] }

    /// Whether a file system that folds ASCII capitals finds `path`'s name in its folder.
    static func foldingFileSystemHas(_ path: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: SassPath.dirName(path))) ?? []
        let name = SassPath.baseName(path).lowercased()
        return entries.contains { $0.lowercased() == name }
    }
}

/// The guard joins a candidate's folder once; that must be the path each name's own joins give.
@Suite struct CandidatePathTests {
    static let roots = ["/site/_sass/", "/site/_sass", "rel/", "", "/"]
    static let folders = ["", "x/", "../", "../../", "../x/", "x/../", "/abs/", "a/b/"]

    @Test(arguments: roots)
    func aFolderJoinedOnceIsEachNamesFolder(root: String) {
        for folder in Self.folders {
            for name in ["n", "_n.scss", "..", ".", "index.css", "ab"] {
                #expect(SassPath.join(root, SassPath.join(folder, name)) == SassPath.folderPath(root, folder) + name,
                        "\(root) \(folder) \(name)")
            }
            for subfolder in ["n", "..", "a.b", "_x"] {
                for index in ["_index.scss", "index.css"] {
                    #expect(SassPath.join(root, SassPath.join(folder, SassPath.join(subfolder, index)))
                            == SassPath.folderPath(root, folder, subfolder) + index, "\(root) \(folder) \(subfolder)")
                }
            }
        }
    }

    /// The test on bytes gives what the test on characters gives.
    @Test(arguments: ["//cdn.example/x", "http://example.com/x", "https://a/b.css", "1http://x", "a-b_c://x", "a.b://x",
                      "://x", "x.css", ".css", "a.CSS", "foo", "dir/x.css", "x:/y", "a:b://c", "_x://y", "-://y", "é://x",
                      "x.css\u{301}", "a", ""])
    func cssImportsByBytesAsByCharacters(url: String) {
        #expect(ImportGuard.staysCSS(url) == ImportGuard.staysCSS(characters: url))
    }

    @Test(arguments: [("a/b/c", "a/b/", "c"), ("abc", "", "abc"), ("/x", "/", "x"), ("a/", "a/", ""), ("", "", ""),
                      ("é/ü/ö.scss", "é/ü/", "ö.scss")])
    func folderAndNameSplitAtTheLastSlash(path: String, folder: String, name: String) {
        #expect(SassPath.dirName(path) == folder)
        #expect(SassPath.baseName(path) == name)
    }

    @Test(arguments: ["/a/b/c", "a/./b", "./a", "a/.", "a//b", "/a/b/", "a/..", "http://x/y", "a/.b/c", ".a", "a/b.",
                      "/", ".", "//", "a/.//b", ""])
    func pathsWithNothingToDropAreCanonical(path: String) {
        if SassPath.hasNothingToDrop(path) { #expect(SassPath.canonical(path) == path) }
    }
}
