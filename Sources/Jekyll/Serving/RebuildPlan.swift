/// For a rebuild in the same process: which documents keep their output, decided from what the
/// previous build recorded (held in memory, or read from `.jekyll-metadata` for the first build with
/// `--incremental`) — `IncrementalPlan`'s rules: a document is rendered again when its file, a
/// layout or an include it used changed, or — if its templates looked at the rest of the site —
/// when any page, item, static file or data file changed. Two more: a stylesheet (Sass) is
/// rendered again when a file it may import changed (the records do not list imports), and a
/// document is kept only when its output file is still in the destination as this process left it.
struct RebuildPlan {
    /// What one build leaves for the next.
    struct Memory {
        var metadata: BuildMetadata
        /// The stamps of the files under the Sass load paths.
        var sassInputs: String
    }

    let site: SiteSnapshot
    let fingerprint: String
    let shape: String
    let sassInputs: String
    let previous: Memory?
    let reusable: Set<Int>

    /// `changed` holds absolute paths known to have changed (from the watcher): a file rewritten
    /// with the same size within the clock's granularity keeps its stamp.
    init(site: SiteSnapshot, fingerprint: String, previous: Memory?, sassLoadPaths: [String], changed: Set<String> = [],
         isIntact: (String) -> Bool) {
        self.site = site
        self.fingerprint = fingerprint
        var stamps = StampCache()
        shape = RebuildPlan.shape(site, stamps: &stamps)
        sassInputs = RebuildPlan.sassInputs(sassLoadPaths, stamps: &stamps)
        self.previous = previous
        var reusable = Set<Int>()
        if let previous, previous.metadata.fingerprint == fingerprint {
            let siteChanged = previous.metadata.shape != shape || RebuildPlan.touchesSite(changed, site: site)
            let sassChanged = previous.sassInputs != sassInputs
                || changed.contains { [".scss", ".sass", ".css"].contains(Path.extname($0)) }
            func differs(_ path: String, _ recorded: BuildMetadata.FileStamp) -> Bool {
                changed.contains(path) || stamps.stamp(path) != recorded
            }
            for (id, doc) in site.documents.enumerated() where doc.derivedFrom == nil {
                guard let record = previous.metadata.records[IncrementalPlan.key(doc)], record.output == doc.destinationPath,
                      !RebuildPlan.isWritten(doc, site: site) || isIntact(doc.destinationPath) else { continue }
                if record.usesSite && siteChanged { continue }
                if doc.isSass && sassChanged { continue }
                if !doc.isGenerated && differs(doc.path, record.source) { continue }
                if record.dependencies.contains(where: { differs($0.key, $0.value) }) { continue }
                reusable.insert(id)
            }
        }
        self.reusable = reusable
    }

    /// Whether a changed file is one of the site's pages, items, static files or data files (a
    /// change `shape` may not show when the stamps look alike).
    static func touchesSite(_ changed: Set<String>, site: SiteSnapshot) -> Bool {
        guard !changed.isEmpty else { return false }
        let dataDir = site.configuration.inSource(site.configuration.dataDir) + "/"
        if changed.contains(where: { $0.hasPrefix(dataDir) }) { return true }
        return site.documents.contains { changed.contains($0.path) } || site.staticFiles.contains { changed.contains($0.path) }
    }

    /// `BuildContext.isWritten` before there is a context: an item not written needs no output file
    /// to be kept (if a template shows it, it is rendered then).
    static func isWritten(_ doc: Document, site: SiteSnapshot) -> Bool {
        guard let label = doc.collectionLabel else { return true }
        guard site.collection(label)?.info.writesOutput == true else { return false }
        return (doc.isPublished || site.configuration.unpublished)
            && (site.configuration.future || (doc.date?.seconds ?? 0) <= site.time.seconds)
    }

    /// The records for the next build: new ones for what was rendered, the previous ones for what was kept.
    func record(_ context: BuildContext) -> Memory {
        var stamps = StampCache()
        var records: [String: BuildMetadata.Record] = [:]
        let none = BuildMetadata.FileStamp(seconds: 0, nanoseconds: 0, size: 0)
        for (id, doc) in site.documents.enumerated() {
            let key = IncrementalPlan.key(doc)
            if reusable.contains(id), context.state.finalResult(id) == nil, let old = previous?.metadata.records[key] {
                records[key] = old
                continue
            }
            var deps: [String: BuildMetadata.FileStamp] = [:]
            for layout in LayoutLeak.chain(of: doc, in: site.layouts) {
                if let stamp = stamps.stamp(layout.path) { deps[layout.path] = stamp }
            }
            for include in context.dependencies.includes(of: id) {
                if let stamp = stamps.stamp(include) { deps[include] = stamp }
            }
            let source = doc.isGenerated ? none : (stamps.stamp(doc.path) ?? none)
            records[key] = BuildMetadata.Record(source: source, dependencies: deps,
                                                usesSite: context.dependencies.usedSite(id), output: doc.destinationPath)
        }
        return Memory(metadata: BuildMetadata(fingerprint: fingerprint, shape: shape, records: records),
                      sassInputs: sassInputs)
    }

    /// `BuildMetadata.shape`, with each file looked at once.
    static func shape(_ site: SiteSnapshot, stamps: inout StampCache) -> String {
        var parts: [String] = []
        parts.reserveCapacity(site.documents.count + site.staticFiles.count)
        for doc in site.documents {
            let stamp = doc.isGenerated ? "generated" : (stamps.stamp(doc.path).map(\.text) ?? "-")
            parts.append(doc.relativePath + "|" + doc.url + "|" + stamp)
        }
        for file in site.staticFiles {
            parts.append(file.relativePath + "|" + (stamps.stamp(file.path).map(\.text) ?? "-"))
        }
        let dataDir = site.configuration.inSource(site.configuration.dataDir)
        for file in FileSystem.walkFiles(dataDir).sorted() {
            parts.append("data/" + file + "|" + (stamps.stamp(Path.join(dataDir, file)).map(\.text) ?? "-"))
        }
        return BuildMetadata.hash(parts.joined(separator: "\n"))
    }

    /// Every file a stylesheet may import from its load paths, with its stamp.
    static func sassInputs(_ loadPaths: [String], stamps: inout StampCache) -> String {
        var parts: [String] = []
        for root in loadPaths {
            for file in FileSystem.walkFiles(root) {
                parts.append(root + "/" + file + "|" + (stamps.stamp(Path.join(root, file)).map(\.text) ?? "-"))
            }
        }
        return BuildMetadata.hash(parts.joined(separator: "\n"))
    }
}

/// File stamps taken once per path during one plan.
struct StampCache {
    private var stamps: [String: BuildMetadata.FileStamp?] = [:]

    mutating func stamp(_ path: String) -> BuildMetadata.FileStamp? {
        if let known = stamps[path] { return known }
        let stamp = BuildMetadata.FileStamp(path)
        stamps[path] = stamp
        return stamp
    }
}

extension BuildMetadata.FileStamp {
    var text: String { "\(seconds).\(nanoseconds).\(size)" }
}
