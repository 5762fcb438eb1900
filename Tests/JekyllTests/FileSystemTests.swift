import Foundation
import Testing
@testable import Jekyll

@Suite struct FileSystemTests {
    /// Names of every length up to the longest a file system allows. readdir packs records as long
    /// as their names; reading a name must not read past its record (scripts/sanitize's
    /// AddressSanitizer run caught a 256-byte copy of `d_name` overrunning readdir's buffer).
    @Test func listsNamesOfEveryLength() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-entries-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = (1...255).map { length in String(repeating: "abcdefghij", count: 26).prefix(length) }.map(String.init)
        for name in names { #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: nil)) }
        #expect(try FileSystem.entries(folder) == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(try Set(FileSystem.entriesInDirectoryOrder(folder)) == Set(names))
        #expect(try FileSystem.entriesAndFolders(folder).map(\.name) == FileSystem.entriesInDirectoryOrder(folder))
    }

    /// Folders are told from the listing's types; links are followed, as `isDirectory` follows
    /// them, so a link to a folder is a folder and a dangling link or a link to a file is not.
    @Test func tellsFoldersWithoutStatingEachEntry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-typed-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileManager.default.createFile(atPath: folder + "/file.md", contents: Data("x".utf8)))
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-sub", withDestinationPath: "sub")
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-file", withDestinationPath: "file.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: "missing")
        let entries = try FileSystem.entriesAndFolders(folder)
        #expect(entries.map(\.name) == (try FileSystem.entriesInDirectoryOrder(folder)))
        let folders = Set(entries.filter(\.isFolder).map(\.name))
        #expect(folders == ["sub", "to-sub"])
        #expect(entries.count == 5)
        #expect(throws: FileSystem.Failure.self) { try FileSystem.entriesAndFolders(folder + "/file.md") }
    }
}
