import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// `ConversionCache`: converted Markdown kept between builds, used only for exactly the same input,
/// salt and intact bytes, and only stored once a second build has converted the same text.
@Suite struct ConversionCacheTests {
    static let input = String(repeating: "Some *Markdown* text, long enough to be worth a file.\n", count: 30)

    static func folder() -> String { NSTemporaryDirectory() + "kyll-cache-" + UUID().uuidString }

    /// Three builds' worth of cache objects over one folder: the first sees the input, the second
    /// stores it, the third reads it.
    static func warmed(_ folder: String, salt: String = "salt", payload: String = "<p>converted</p>") -> ConversionCache {
        for _ in 0..<2 {
            let cache = ConversionCache(folder: folder, salt: Array(salt.utf8))
            _ = lookUp(cache, payload: payload)
            cache.finish(complete: true)
        }
        return ConversionCache(folder: folder, salt: Array(salt.utf8))
    }

    /// What `cache` had for `input`: nil when it had to convert (the conversion gives `payload`,
    /// which the cache may keep).
    static func lookUp(_ cache: ConversionCache, _ input: String = input, payload: String = "<p>converted</p>") -> String? {
        var converted = false
        let text = cache.converted(input) { _ in
            converted = true
            return (payload, true)
        }
        return converted ? nil : text
    }

    /// The key changes with any byte of the input, with the input's length, and when words trade
    /// places between the hash's lanes.
    @Test func fastHashSeesEveryByte() {
        let base = Array(String(repeating: "Zürich, a text of some length. ", count: 9).utf8) + Array("tail of text".utf8)
        func hash(_ bytes: [UInt8], seed: UInt64 = 7) -> UInt64 { bytes.withUnsafeBytes { FastHash.hash($0, seed: seed) } }
        var seen: Set<UInt64> = [hash(base)]
        for i in base.indices {
            var changed = base
            changed[i] ^= 0x80
            seen.insert(hash(changed))
        }
        #expect(seen.count == base.count + 1)
        var swapped = base
        swapped.replaceSubrange(0..<8, with: base[8..<16])
        swapped.replaceSubrange(8..<16, with: base[0..<8])
        #expect(base[0..<8] != base[8..<16] && hash(swapped) != hash(base))
        #expect(hash(base + [0]) != hash(base) && hash(Array(base.dropLast())) != hash(base))
        #expect(hash(base, seed: 8) != hash(base))
    }

    /// The cache's key samples a long input: it sees the length and both ends, not every byte.
    @Test func sampledHashSeesLengthAndEnds() {
        let base = Array(String(repeating: "A longer text, sampled rather than read. ", count: 60).utf8)
        func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { FastHash.sampledHash($0, seed: 7) } }
        var changedEnds = base
        changedEnds[3] ^= 0x20
        var changedTail = base
        changedTail[base.count - 3] ^= 0x20
        #expect(Set([hash(base), hash(changedEnds), hash(changedTail), hash(base + [0x20])]).count == 4)
        #expect(hash(Array(base.prefix(900))) == Array(base.prefix(900)).withUnsafeBytes { FastHash.hash($0, seed: 7) },
                "a short input is hashed whole")
    }

    /// Two texts whose keys clash (they differ only between the samples) share one file, and
    /// each build still gets each text's own conversion.
    @Test func clashingKeysGiveEachInputItsOwnConversion() {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = String(repeating: "x", count: 1500) + String(repeating: "y", count: 1500)
        var bytes = Array(first.utf8)
        let key = { (b: [UInt8]) in b.withUnsafeBytes { FastHash.sampledHash($0, seed: 1) } }
        let sampled = key(bytes)
        guard let unsampled = (256 ..< bytes.count - 256).first(where: { i in
            var probe = bytes
            probe[i] = UInt8(ascii: "z")
            return key(probe) == sampled
        }) else { Issue.record("every middle byte is sampled"); return }
        bytes[unsampled] = UInt8(ascii: "z")
        let second = String(decoding: bytes, as: UTF8.self)
        for _ in 0..<4 {
            let cache = ConversionCache(folder: folder, salt: Array("salt".utf8))
            for input in [first, second] {
                let text = cache.converted(input) { ("<p>\($0 == first ? "first" : "second")</p>", true) }
                #expect(text == (input == first ? "<p>first</p>" : "<p>second</p>"))
            }
            cache.finish(complete: true)
        }
    }

    @Test func storesOnlyWhatAnEarlierBuildSaw() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = ConversionCache(folder: folder, salt: Array("salt".utf8))
        #expect(Self.lookUp(first) == nil)
        #expect(FileSystem.walkFiles(folder).isEmpty, "a first sighting writes no entry")
        first.finish(complete: true)
        #expect(FileSystem.walkFiles(folder) == ["index"])
        let second = ConversionCache(folder: folder, salt: Array("salt".utf8))
        #expect(Self.lookUp(second) == nil)
        second.finish(complete: true)
        #expect(FileSystem.walkFiles(folder).count == 2)
        #expect(Self.lookUp(ConversionCache(folder: folder, salt: Array("salt".utf8))) == "<p>converted</p>")
    }

    /// `mayHold` (asked before converting a page early) answers yes only for an input whose entry
    /// an earlier build stored.
    @Test func mayHoldOnlyWhatIsStored() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = ConversionCache(folder: folder, salt: Array("salt".utf8))
        #expect(!first.mayHold(Self.input))
        _ = Self.lookUp(first)
        first.finish(complete: true)
        #expect(!ConversionCache(folder: folder, salt: Array("salt".utf8)).mayHold(Self.input), "seen, not stored")
        let warmed = Self.warmed(folder)
        #expect(warmed.mayHold(Self.input))
        #expect(!warmed.mayHold(Self.input + "x"))
        #expect(!warmed.mayHold("short"))
        #expect(!ConversionCache(folder: folder, salt: Array("other".utf8)).mayHold(Self.input))
    }

    @Test func anotherSaltOrInputMisses() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Self.lookUp(Self.warmed(folder)) == "<p>converted</p>")
        #expect(Self.lookUp(ConversionCache(folder: folder, salt: Array("other".utf8))) == nil)
        #expect(Self.lookUp(ConversionCache(folder: folder, salt: Array("salt".utf8)), Self.input + "x") == nil)
    }

    /// A damaged entry, or another input's entry under this input's file name, is a miss.
    @Test(arguments: ["flip", "truncate", "foreign"])
    func damagedEntriesMiss(_ damage: String) throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = Self.warmed(folder)
        let entry = try #require(FileSystem.walkFiles(folder).first { $0 != "index" })
        var bytes = try FileSystem.read(Path.join(folder, entry))
        switch damage {
        case "flip": bytes[bytes.count - 3] ^= 0x20
        case "truncate": bytes.removeLast(5)
        default:
            let other = Array((Self.input.dropLast() + "!").utf8)
            let payload = Array("<p>other</p>".utf8)
            bytes = other.withUnsafeBufferPointer { i in
                payload.withUnsafeBufferPointer { CacheEntry.encode(salt: Array("salt".utf8), input: i, payload: $0) }
            }
        }
        try FileSystem.write(bytes, to: Path.join(folder, entry))
        #expect(Self.lookUp(ConversionCache(folder: folder, salt: Array("salt".utf8))) == nil)
    }

    @Test func aCompleteBuildDropsEntriesNothingAskedFor() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let partial = Self.warmed(folder)
        partial.finish(complete: false)
        #expect(FileSystem.walkFiles(folder).count == 2, "a partial build keeps what it did not see")
        let complete = ConversionCache(folder: folder, salt: Array("salt".utf8))
        complete.finish(complete: true)
        #expect(FileSystem.walkFiles(folder) == ["index"])
    }

    // MARK: In a build

    static let post = "---\ntitle: Post\n---\n" + input

    /// Builds the site three times (the third reads the cache) after `prepare` has had its say
    /// between the second and third; the post's output.
    static func buildThrice(config: String = "", prepare: (String) throws -> Void = { _ in }) throws -> String {
        let root = NSTemporaryDirectory() + "kyll-cache-site-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = Path.join(root, "site")
        try SiteRebuilderTests.Fixture.write(Path.join(site, "_config.yml"), "title: Cache\n" + config)
        try SiteRebuilderTests.Fixture.write(Path.join(site, "_posts/2024-01-02-post.md"), post)
        let logger = Logger(sink: { _, _ in })
        for round in 0..<3 {
            if round == 2 { try prepare(site) }
            let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
            try SiteBuild.build(configuration, plugins: JekyllPlugins.all, logger: logger)
        }
        return String(decoding: try FileSystem.read(Path.join(site, "_site/2024/01/02/post.html")), as: UTF8.self)
    }

    /// Replaces the one cached entry's output by a marker, keeping the entry intact.
    static func plantMarker(_ site: String) throws {
        let folder = Path.join(site, ".jekyll-cache/Jekyll/Cache/Kyll--Converters--Markdown")
        let entry = try #require(FileSystem.walkFiles(folder).first { $0 != "index" })
        let bytes = try FileSystem.read(Path.join(folder, entry))
        let saltCount = Int(bytes[CacheEntry.magic.count])
            | Int(bytes[CacheEntry.magic.count + 1]) << 8 | Int(bytes[CacheEntry.magic.count + 2]) << 16
        let salt = Array(bytes[(CacheEntry.magic.count + 32)...].prefix(saltCount))
        let input = Array(post.split(separator: "---\n", maxSplits: 2)[1].utf8)
        let marker = Array("<p>FROM THE CACHE</p>\n".utf8)
        let planted = input.withUnsafeBufferPointer { i in
            marker.withUnsafeBufferPointer { CacheEntry.encode(salt: salt, input: i, payload: $0) }
        }
        try FileSystem.write(planted, to: Path.join(folder, entry))
    }

    @Test func aThirdBuildReadsTheCache() throws {
        #expect(try Self.buildThrice(prepare: Self.plantMarker).contains("FROM THE CACHE"))
        #expect(try !Self.buildThrice().contains("FROM THE CACHE"))
        #expect(try Self.buildThrice().contains("<em>Markdown</em>"))
    }

    @Test func noCacheWhenDisabledOrConfigurationChanged() throws {
        var folderMade = true
        let disabled = try Self.buildThrice(config: "disable_disk_cache: true\n") { site in
            folderMade = FileManager.default.fileExists(atPath: Path.join(site, ".jekyll-cache/Jekyll/Cache/Kyll--Converters--Markdown"))
        }
        #expect(!folderMade)
        #expect(disabled.contains("<em>Markdown</em>"))
        let reconfigured = try Self.buildThrice { site in
            try Self.plantMarker(site)
            try FileSystem.write(Array("title: Cache\nkramdown:\n  auto_ids: false\n".utf8), to: Path.join(site, "_config.yml"))
        }
        #expect(!reconfigured.contains("FROM THE CACHE"))
    }
}
