import Liquid

/// `--incremental`: what the previous build rendered and from what, kept in `.jekyll-metadata` in
/// the source (JSON, which Jekyll's own reader also accepts). A document is rendered again when its
/// file, a layout or an include it used changed, or — if its templates looked at the rest of the
/// site (`site.posts`, another page's content, …) — when any page, item, static file or data file
/// changed. Everything else keeps its previous output, so the result is what a full build makes.
struct BuildMetadata {
    struct Record {
        var source: FileStamp
        var dependencies: [String: FileStamp]
        var usesSite: Bool
        var output: String
    }

    /// A file's modification time and size, as seen when it was used.
    struct FileStamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int

        init?(_ path: String) {
            guard let mtime = FileSystem.modificationTime(path) else { return nil }
            seconds = mtime.seconds
            nanoseconds = mtime.nanoseconds
            size = FileSystem.size(path) ?? 0
        }

        init(seconds: Int, nanoseconds: Int, size: Int) {
            self.seconds = seconds; self.nanoseconds = nanoseconds; self.size = size
        }

        var value: Value { [.int(seconds), .int(nanoseconds), .int(size)] }

        init?(_ value: Value?) {
            guard let a = value?.arrayValue, a.count == 3, case .int(let s) = a[0], case .int(let n) = a[1],
                  case .int(let z) = a[2] else { return nil }
            self.init(seconds: s, nanoseconds: n, size: z)
        }
    }

    /// Everything that, when changed, means nothing can be reused (configuration, plugins, kyll).
    var fingerprint: String
    /// The site's files and their stamps: when this changes, documents that use the site re-render.
    var shape: String
    var records: [String: Record]

    static func path(_ configuration: Configuration) -> String { configuration.inSource(".jekyll-metadata") }

    static func read(_ configuration: Configuration) -> BuildMetadata? {
        guard let bytes = try? FileSystem.read(path(configuration)),
              let json = try? JSON.parse(String(decoding: bytes, as: UTF8.self)),
              case .hash(let root)? = Optional(json), root["kyll"] == .int(1) else { return nil }
        var records: [String: Record] = [:]
        for (key, value) in (root["documents"]?.orderedHash ?? OrderedHash()).pairs {
            guard let h = value.orderedHash, let source = FileStamp(h["source"]) else { continue }
            var deps: [String: FileStamp] = [:]
            for (dep, stamp) in (h["deps"]?.orderedHash ?? OrderedHash()).pairs {
                if let s = FileStamp(stamp) { deps[dep.rubyString] = s }
            }
            records[key.rubyString] = Record(source: source, dependencies: deps, usesSite: h["site"] == .bool(true),
                                             output: h["output"]?.rubyString ?? "")
        }
        return BuildMetadata(fingerprint: root["fingerprint"]?.rubyString ?? "", shape: root["shape"]?.rubyString ?? "",
                             records: records)
    }

    func write(_ configuration: Configuration) {
        var documents = OrderedHash()
        for key in records.keys.sorted() {
            let r = records[key]!
            var deps = OrderedHash()
            for dep in r.dependencies.keys.sorted() { deps[dep] = r.dependencies[dep]!.value }
            documents[key] = ["source": r.source.value, "deps": .hash(deps), "site": .bool(r.usesSite), "output": .string(r.output)]
        }
        let root: Value = ["kyll": 1, "fingerprint": .string(fingerprint), "shape": .string(shape), "documents": .hash(documents)]
        try? FileSystem.write(Array(JSON.string(root).utf8), to: BuildMetadata.path(configuration))
    }

    /// The configuration, plugins and theme: a change means a full build.
    static func fingerprint(_ site: SiteSnapshot, plugins: [any JekyllPlugin]) -> String {
        var text = JSON.string(.hash(site.configuration.hash))
        text += "|kyll-1|" + plugins.map(\.name).joined(separator: ",") + "|" + (site.theme?.root ?? "")
        return hash(text)
    }

    /// Every document, static file, layout and data file with its stamp.
    static func shape(_ site: SiteSnapshot) -> String {
        var parts: [String] = []
        for doc in site.documents {
            let stamp = doc.isGenerated ? "generated" : (FileStamp(doc.path).map { "\($0.seconds).\($0.nanoseconds).\($0.size)" } ?? "-")
            parts.append(doc.relativePath + "|" + doc.url + "|" + stamp)
        }
        for file in site.staticFiles {
            let stamp = FileStamp(file.path).map { "\($0.seconds).\($0.nanoseconds).\($0.size)" } ?? "-"
            parts.append(file.relativePath + "|" + stamp)
        }
        let dataDir = site.configuration.inSource(site.configuration.dataDir)
        for file in FileSystem.walkFiles(dataDir).sorted() {
            let stamp = FileStamp(Path.join(dataDir, file)).map { "\($0.seconds).\($0.nanoseconds).\($0.size)" } ?? "-"
            parts.append("data/" + file + "|" + stamp)
        }
        return hash(parts.joined(separator: "\n"))
    }

    /// FNV-1a, 64 bits, as hex: enough to tell states apart, not a security measure.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return String(h, radix: 16)
    }
}

/// What each document's render used, recorded while rendering for the next incremental build.
final class DependencyLog: Sendable {
    private let usesSite = Locked<Set<Int>>([])
    private let includes = Locked<[Int: Set<String>]>([:])

    func siteUsed(by document: Int?) {
        guard let document else { return }
        usesSite.withLock { _ = $0.insert(document) }
    }

    func include(_ path: String, by document: Int?) {
        guard let document else { return }
        includes.withLock { _ = $0[document, default: []].insert(path) }
    }

    func usedSite(_ document: Int) -> Bool { usesSite.withLock { $0.contains(document) } }
    func includes(of document: Int) -> Set<String> { includes.withLock { $0[document] ?? [] } }
}
