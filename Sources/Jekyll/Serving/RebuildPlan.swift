/// For a rebuild in the same process: which documents keep their output, decided from what the
/// previous build recorded (held in memory, or read from `.jekyll-metadata` for the first build with
/// `--incremental`) — the same rules as `IncrementalPlan`: a document is rendered again when its
/// file, a layout or an include it used changed, or — if its templates looked at the rest of the
/// site — when any page, item, static file or data file changed; a document is kept only when its
/// output file is still in the destination as this process left it.
struct RebuildPlan {
    let site: SiteSnapshot
    let fingerprint: String
    let shape: String
    let previous: BuildMetadata?
    let reusable: Set<Int>

    init(site: SiteSnapshot, fingerprint: String, previous: BuildMetadata?, isIntact: (String) -> Bool) {
        self.site = site
        self.fingerprint = fingerprint
        var stamps = StampCache()
        shape = RebuildPlan.shape(site, stamps: &stamps)
        self.previous = previous
        var reusable = Set<Int>()
        if let previous, previous.fingerprint == fingerprint {
            let siteChanged = previous.shape != shape
            for (id, doc) in site.documents.enumerated() where doc.derivedFrom == nil {
                guard let record = previous.records[IncrementalPlan.key(doc)], record.output == doc.destinationPath,
                      !RebuildPlan.isWritten(doc, site: site) || isIntact(doc.destinationPath) else { continue }
                if record.usesSite && siteChanged { continue }
                if !doc.isGenerated && stamps.stamp(doc.path) != record.source { continue }
                if record.dependencies.contains(where: { stamps.stamp($0.key) != $0.value }) { continue }
                reusable.insert(id)
            }
        }
        self.reusable = reusable
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
    func record(_ context: BuildContext) -> BuildMetadata {
        var stamps = StampCache()
        var records: [String: BuildMetadata.Record] = [:]
        let none = BuildMetadata.FileStamp(seconds: 0, nanoseconds: 0, size: 0)
        for (id, doc) in site.documents.enumerated() {
            let key = IncrementalPlan.key(doc)
            if reusable.contains(id), context.state.finalResult(id) == nil, let old = previous?.records[key] {
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
        return BuildMetadata(fingerprint: fingerprint, shape: shape, records: records)
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
