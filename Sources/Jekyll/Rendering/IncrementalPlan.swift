/// For `kyll build --incremental`: which documents can keep their previous output (`ReuseRules`,
/// decided from the previous build's `.jekyll-metadata` before rendering), and the metadata to keep
/// for the next build. Stylesheets always render: their records do not list what they import.
struct IncrementalPlan {
    let site: SiteSnapshot
    let fingerprint: String
    let shape: String
    let previous: BuildMetadata?
    let reusable: Set<Int>
    private let lists: SiteLists

    /// Nil without `--incremental`.
    init?(site: SiteSnapshot, plugins: [any JekyllPlugin]) {
        guard site.configuration.incremental else { return nil }
        self.site = site
        fingerprint = BuildMetadata.fingerprint(site, plugins: plugins)
        shape = BuildMetadata.shape(site)
        let previous = BuildMetadata.read(site.configuration)
        self.previous = previous
        var lists = SiteLists(site: site)
        if let previous, previous.fingerprint == fingerprint {
            let destination = site.configuration.destination
            reusable = ReuseRules.reusable(site: site, previous: previous, lists: &lists, changes: ReuseRules.Changes(
                site: previous.shape != shape,
                file: { BuildMetadata.FileStamp($0) != $1 },
                rendersAnyway: { $0.isSass },
                isIntact: { FileSystem.isFile(Path.join(destination, $0.destinationPath)) }))
        } else {
            reusable = []
        }
        self.lists = lists
    }

    /// Writes the metadata for the next build: new records for what was rendered, the previous
    /// ones for what was kept.
    func record(_ context: BuildContext) {
        var lists = self.lists
        var records: [String: BuildMetadata.Record] = [:]
        for id in site.documents.indices {
            let key = lists.key(id)
            if reusable.contains(id), context.state.finalResult(id) == nil, let old = previous?.records[key] {
                records[key] = old
                continue
            }
            records[key] = ReuseRules.record(id, context: context, lists: &lists, stamp: BuildMetadata.FileStamp.init)
        }
        BuildMetadata(fingerprint: fingerprint, shape: shape, records: records).write(site.configuration)
    }
}
