/// For `--incremental`: which documents can keep their previous output (decided from the previous
/// build's metadata before rendering), and the metadata to keep for the next build.
struct IncrementalPlan {
    let site: SiteSnapshot
    let fingerprint: String
    let shape: String
    let previous: BuildMetadata?
    let reusable: Set<Int>

    /// Nil without `--incremental`.
    init?(site: SiteSnapshot, plugins: [any JekyllPlugin]) {
        guard site.configuration.incremental else { return nil }
        self.site = site
        fingerprint = BuildMetadata.fingerprint(site, plugins: plugins)
        shape = BuildMetadata.shape(site)
        let previous = BuildMetadata.read(site.configuration)
        self.previous = previous
        var reusable = Set<Int>()
        if let previous, previous.fingerprint == fingerprint {
            for (id, doc) in site.documents.enumerated() where doc.derivedFrom == nil {
                guard let record = previous.records[IncrementalPlan.key(doc)], record.output == doc.destinationPath,
                      FileSystem.isFile(Path.join(site.configuration.destination, doc.destinationPath)) else { continue }
                if !doc.isGenerated && BuildMetadata.FileStamp(doc.path) != record.source { continue }
                if record.dependencies.contains(where: { BuildMetadata.FileStamp($0.key) != $0.value }) { continue }
                if record.usesSite && previous.shape != shape { continue }
                reusable.insert(id)
            }
        }
        self.reusable = reusable
    }

    static func key(_ doc: Document) -> String {
        doc.isGenerated ? "generated:" + doc.relativePath + ":" + doc.url : doc.path
    }

    /// Writes the metadata for the next build: new records for what was rendered, the previous
    /// ones for what was kept.
    func record(_ context: BuildContext) {
        var records: [String: BuildMetadata.Record] = [:]
        for (id, doc) in site.documents.enumerated() {
            let key = IncrementalPlan.key(doc)
            if reusable.contains(id), context.state.finalResult(id) == nil, let old = previous?.records[key] {
                records[key] = old
                continue
            }
            var deps: [String: BuildMetadata.FileStamp] = [:]
            for layout in LayoutLeak.chain(of: doc, in: site.layouts) {
                if let stamp = BuildMetadata.FileStamp(layout.path) { deps[layout.path] = stamp }
            }
            for include in context.dependencies.includes(of: id) {
                if let stamp = BuildMetadata.FileStamp(include) { deps[include] = stamp }
            }
            let source = doc.isGenerated ? BuildMetadata.FileStamp(seconds: 0, nanoseconds: 0, size: 0)
                : (BuildMetadata.FileStamp(doc.path) ?? BuildMetadata.FileStamp(seconds: 0, nanoseconds: 0, size: 0))
            records[key] = BuildMetadata.Record(source: source, dependencies: deps,
                                                usesSite: context.dependencies.usedSite(id), output: doc.destinationPath)
        }
        BuildMetadata(fingerprint: fingerprint, shape: shape, records: records).write(site.configuration)
    }
}
