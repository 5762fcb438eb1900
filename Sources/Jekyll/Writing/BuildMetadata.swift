import Liquid

/// `--incremental`: what the previous build rendered and from what, kept in `.jekyll-metadata` in
/// the source (JSON, which Jekyll's own reader also accepts). `ReuseRules` decides from it which
/// documents keep their previous output, so the result is what a full build makes.
struct BuildMetadata {
    struct Record {
        var source: FileStamp
        var dependencies: [String: FileStamp]
        /// Used the site in ways not recorded one list or document at a time.
        var usesSite: Bool
        var output: String
        /// `SiteLists` names with their signatures when the document was rendered.
        var lists: [String: String] = [:]
        /// Keys (`ReuseRules.key`) of the documents whose front matter, URL or date it read.
        var dataReads: Set<String> = []
        /// Keys of the documents whose content, output or excerpt it read.
        var renderedReads: Set<String> = []
        /// `ReuseRules.variablesSignature` (nil: render every time).
        var variables: String?
        /// `ReuseRules.fieldsSignature` of the document itself (nil: not known).
        var fields: String? = nil
        /// For a generated page (no file to stamp): `ReuseRules.generatedSignature` (nil: not known).
        var generated: String? = nil
    }

    /// A file's modification time and size, as seen when it was used.
    struct FileStamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int

        init?(_ path: String) {
            guard let (mtime, size) = FileSystem.modificationTimeAndSize(path) else { return nil }
            seconds = mtime.seconds
            nanoseconds = mtime.nanoseconds
            self.size = size
        }

        init(seconds: Int, nanoseconds: Int, size: Int) {
            self.seconds = seconds; self.nanoseconds = nanoseconds; self.size = size
        }

        /// What is recorded for a file that is not there.
        static let missing = FileStamp(seconds: 0, nanoseconds: 0, size: 0)

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
            var lists: [String: String] = [:]
            for (name, signature) in (h["lists"]?.orderedHash ?? OrderedHash()).pairs { lists[name.rubyString] = signature.rubyString }
            let keys = { (name: String) in Set((h[name]?.arrayValue ?? []).map(\.rubyString)) }
            records[key.rubyString] = Record(source: source, dependencies: deps, usesSite: h["site"] == .bool(true),
                                             output: h["output"]?.rubyString ?? "", lists: lists,
                                             dataReads: keys("data_reads"), renderedReads: keys("rendered_reads"),
                                             variables: h["variables"].flatMap { $0.isNil ? nil : $0.rubyString },
                                             fields: h["fields"].flatMap { $0.isNil ? nil : $0.rubyString },
                                             generated: h["generated"].flatMap { $0.isNil ? nil : $0.rubyString })
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
            var lists = OrderedHash()
            for name in r.lists.keys.sorted() { lists[name] = .string(r.lists[name]!) }
            let keys = { (set: Set<String>) in Value.array(set.sorted().map(Value.string)) }
            documents[key] = ["source": r.source.value, "deps": .hash(deps), "site": .bool(r.usesSite), "output": .string(r.output),
                              "lists": .hash(lists), "data_reads": keys(r.dataReads), "rendered_reads": keys(r.renderedReads),
                              "variables": r.variables.map(Value.string) ?? .nil, "fields": r.fields.map(Value.string) ?? .nil,
                              "generated": r.generated.map(Value.string) ?? .nil]
        }
        let root: Value = ["kyll": 1, "fingerprint": .string(fingerprint), "shape": .string(shape), "documents": .hash(documents)]
        try? FileSystem.write(Array(JSON.string(root).utf8), to: BuildMetadata.path(configuration))
    }

    /// The configuration, plugins and theme: a change means a full build.
    static func fingerprint(_ site: SiteSnapshot, plugins: [any JekyllPlugin]) -> String {
        var text = JSON.string(.hash(site.configuration.hash))
        text += "|kyll-2|" + plugins.map(\.name).joined(separator: ",") + "|" + (site.theme?.root ?? "")
        return hash(text)
    }

    /// FNV-1a, 64 bits, as hex: enough to tell states apart, not a security measure.
    static func hash(_ text: String) -> String {
        var hasher = TextHash()
        hasher.add(text)
        return hasher.hex
    }

    /// `hash` of text given in pieces, without joining them first.
    struct TextHash {
        private var h: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }

        mutating func add(_ stamp: FileStamp?) {
            guard let stamp else { return add("-") }
            add(String(stamp.seconds)); add("."); add(String(stamp.nanoseconds)); add("."); add(String(stamp.size))
        }

        var hex: String { String(h, radix: 16) }
    }
}
