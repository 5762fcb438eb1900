import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// `kyll build --incremental` trusts the stamps of the destination's folders it recorded: what
/// someone else did in the destination between builds must still be undone as a full build would,
/// and `.jekyll-metadata` of another kind (Jekyll's, an older kyll's, a damaged one) means a full build.
extension IncrementalBuildTests {
    @Test func changesInTheDestinationAreUndone() throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        // The second build updates in place and records the folders' stamps.
        try site.incrementalBuild()
        let out = Path.join(site.source, "_site")
        try FileSystem.remove(Path.join(out, "about/index.html"))
        try Fixture.write(Path.join(out, "static.txt"), "PLAIN\n")
        try Fixture.write(Path.join(out, "2024/02/01/stray.html"), "not made by the site\n")
        try Fixture.write(Path.join(out, "new/folder/stray.txt"), "not made by the site\n")
        try Fixture.write(Path.join(out, "stray.txt"), "not made by the site\n")
        try site.incrementalBuild()
        try site.destinationMatchesFullBuild("after changes in the destination")
        // And a removed folder of outputs.
        try FileSystem.remove(Path.join(out, "2024/03"))
        try site.incrementalBuild()
        try site.destinationMatchesFullBuild("after a folder of outputs was removed")
    }

    /// A folder someone put in an output's place goes as in a full build, whether the site still
    /// makes that output or not: its files one by one (listed as files a full build would not
    /// leave), then the folders they leave empty; never removed whole through the output's path.
    @Test func aFolderInAnOutputsPlaceEndsAsAFullBuild() throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        try site.incrementalBuild()
        let out = Path.join(site.source, "_site")
        for output in ["static.txt", "plain.html"] {
            try FileSystem.remove(Path.join(out, output))
            try Fixture.write(Path.join(out, output + "/theirs.txt"), "not made by the site\n")
            try Fixture.write(Path.join(out, output + "/deeper/theirs.txt"), "not made by the site\n")
        }
        try site.remove("plain.md")
        try site.incrementalBuild()
        try site.destinationMatchesFullBuild()
    }

    /// A recorded folder moved out of the destination and linked back in its place (its folders'
    /// stamps then match through the link): the update ends as a full build, with folders where
    /// the link was, and writes or removes nothing through the link — whether outputs are written
    /// under it (`2024`: one post edited, one removed) or it holds only copied files (`files`).
    @Test(arguments: ["2024", "files"])
    func aLinkInAFoldersPlaceEndsAsAFullBuild(folder: String) throws {
        var files = IncrementalBuildTests.site
        files["files/a.txt"] = "copied\n"
        files["files/deeper/b.txt"] = "copied too\n"
        let site = try Fixture(files)
        try site.incrementalBuild()
        try site.incrementalBuild()
        let out = Path.join(site.source, "_site")
        let moved = Path.join(site.root, "moved")
        #expect(rename(Path.join(out, folder), moved) == 0)
        #expect(symlink(moved, Path.join(out, folder)) == 0)
        try Fixture.write(Path.join(moved, "theirs.txt"), "not in the destination\n")
        let before = Fixture.contents(of: moved)
        if folder == "2024" {
            try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\nEdited through a link.\n")
            try site.remove("_posts/2024-01-01-one.md")
        } else {
            try site.write("plain.md", "---\n---\nEdited elsewhere.\n")
        }
        try site.incrementalBuild()
        try site.destinationMatchesFullBuild()
        #expect(FileSystem.kind(Path.join(out, folder), followingLinks: false) == .directory)
        #expect(Fixture.contents(of: moved) == before)
    }

    @Test func metadataOfAnotherKindMeansAFullBuild() throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        let metadata = Path.join(site.source, ".jekyll-metadata")
        let ours = try FileSystem.read(metadata)
        #expect(ours.starts(with: MetadataFile.marker))
        for (name, bytes) in [("Jekyll's", [0x04, 0x08, 0x7B, 0x00] as [UInt8]),
                              ("an older kyll's", Array(#"{"kyll":1,"documents":{}}"#.utf8)),
                              ("a cut one", Array(ours.prefix(ours.count / 2))),
                              ("one with a byte changed", ours.enumerated().map { $0.offset == ours.count / 2 ? $0.element ^ 1 : $0.element })] {
            try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two, \(name)\n---\nEdited.\n")
            try FileSystem.write(bytes, to: metadata)
            #expect(BuildMetadata.read(try Fixture.configuration(site.root, incremental: true, logger: site.logger)) == nil)
            try site.incrementalBuild()
            try site.destinationMatchesFullBuild(Comment(rawValue: name))
        }
    }

    /// Recorded output paths the update may remove: only files inside the destination.
    @Test(arguments: [("index.html", true), ("a/b/index.html", true), ("", false), ("/etc/x", false), ("a/../b", false),
                      ("..", false), ("a//b", false), ("./a", false), ("a/", false)])
    func onlyPathsInsideTheDestinationAreTouched(path: String, inside: Bool) {
        #expect(DestinationFolders.isInside(path) == inside)
    }

    /// A file whose checksum matches but which names a path outside the destination (made by hand:
    /// the checksum has no key) is no metadata, so the update never lists or removes there.
    @Test(arguments: ["folder", "copy", "output"])
    func metadataNamingAPathOutsideIsNone(place: String) throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        // The second build updates the destination in place, and records its folders and copies.
        try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\nEdited.\n")
        try site.incrementalBuild()
        let configuration = try Fixture.configuration(site.root, incremental: true, logger: site.logger)
        var metadata = try #require(BuildMetadata.read(configuration))
        metadata.stored = nil
        var destination = try #require(metadata.destination)
        #expect(MetadataFile.decode(MetadataFile.encode(metadata)) != nil)
        switch place {
        case "folder":
            destination.folders.append(("..", .missing))
            metadata.destination = destination
        case "copy":
            destination.copies[0].path = "../static.txt"
            metadata.destination = destination
        default:
            let (key, record) = try #require(metadata.records.first)
            metadata.records[key] = BuildMetadata.Record(
                source: record.source, dependencies: record.dependencies, usesSite: record.usesSite, output: "/etc/passwd",
                lists: record.lists, dataReads: record.dataReads, renderedReads: record.renderedReads,
                variables: record.variables, fields: record.fields, generated: record.generated, stored: nil)
        }
        #expect(MetadataFile.decode(MetadataFile.encode(metadata)) == nil)
    }

    /// A file written from the records read keeps them, whether a record is written back as read
    /// or encoded again.
    @Test func metadataReadsBackAsWritten() throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\nEdited.\n")
        try site.incrementalBuild()
        let configuration = try Fixture.configuration(site.root, incremental: true, logger: site.logger)
        let read = try #require(BuildMetadata.read(configuration))
        var fresh = read
        fresh.stored = nil
        for bytes in [MetadataFile.encode(read), MetadataFile.encode(fresh)] {
            let again = try #require(MetadataFile.decode(bytes))
            #expect(again.fingerprint == read.fingerprint && again.shape == read.shape)
            #expect(again.documentKeys == read.documentKeys && again.records.count == read.records.count)
            for (key, record) in read.records {
                let other = try #require(again.records[key])
                #expect(other.output == record.output && other.source == record.source && other.fields == record.fields)
                #expect(other.dataReads == record.dataReads && other.renderedReads == record.renderedReads)
                #expect(other.dependencies.map(\.path) == record.dependencies.map(\.path))
                #expect(other.lists.map(\.signature) == record.lists.map(\.signature))
            }
            #expect(again.destination?.folders.count == read.destination?.folders.count)
            #expect(again.destination?.copies.count == read.destination?.copies.count)
        }
        #expect(read.destination?.folders.contains { $0.path == "2024/02/01" } == true)
        #expect(read.destination?.copies.contains { $0.path == "static.txt" } == true)
    }
}
