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
    }
}
