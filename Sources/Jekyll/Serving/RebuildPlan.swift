/// For a rebuild in the same process: which documents keep their output, decided from what the
/// previous build recorded (held in memory, or read from `.jekyll-metadata` for the first build with
/// `--incremental`) by `ReuseRules`, told also which files the watcher saw change. Two more rules: a
/// stylesheet (Sass) is rendered again when a file under the Sass load paths changed (its records
/// list the files it imported and the partials that would be read first, were they there), and a
/// document is kept only when its output file is still in the destination as this process left it
/// (an item not written needs none: if a template shows it, it is rendered then).
/// `kyll build --incremental` makes the same plan from `.jekyll-metadata`.
struct RebuildPlan {
    /// What one build leaves for the next.
    struct Memory {
        var metadata: BuildMetadata
        /// Each document's render, by `ReuseRules.key`, when the build ran in this process: a kept
        /// document another template shows (a feed's posts) is not rendered again for it.
        var results: [String: RenderState.Result] = [:]
        /// Every document's `ReuseRules.key`, in order, when the build ran in this process.
        var documentKeys: [String]? = nil
        /// The `SiteLists` signatures the build worked out.
        var listSignatures: [String: String] = [:]
        /// Each document's `PatchFacts`, in order, when the build ran in this process.
        var patchFacts: [PatchFacts] = []
        /// Every file the records list as a dependency, with its stamp as recorded.
        var dependencyStamps: [String: BuildMetadata.FileStamp] = [:]

        /// What a build in another process left: `.jekyll-metadata`.
        static func read(_ configuration: Configuration) -> Memory? {
            BuildMetadata.read(configuration).map(fromFile)
        }

        /// What a build in another process left, as read from its file (see `read`).
        static func fromFile(_ metadata: BuildMetadata) -> Memory {
            Memory(metadata: metadata, documentKeys: metadata.documentKeys)
        }
    }

    let site: SiteSnapshot
    let fingerprint: String
    let shape: String
    let sassInputs: String
    let previous: Memory?
    let reusable: Set<Int>
    let lists: SiteLists
    /// Whether the site has the documents of the previous build, by key and in order.
    let keysAsBefore: Bool
    /// Files' stamps, each taken once (see `SourceCache.stamp` for `kyll serve`).
    let stamp: StampSource
    /// For a patch (`init(patching:…)`): whether a document includes an edited file, so that
    /// partials parsed before cannot be used.
    var includesEditedFile = false
    /// The site's signatures worked out before the render (`SiteFacts`), which records reuse.
    var knownSignatures: ReuseRules.Signatures?
    /// For `kyll build --incremental`: the destination the metadata's build left.
    var destinationFolders: DestinationFolders?

    /// `changed` holds absolute paths known to have changed (from the watcher): a file rewritten
    /// with the same size within the clock's granularity keeps its stamp.
    /// `known`: what was worked out of the site ahead (see `SiteFacts`).
    init(site: SiteSnapshot, fingerprint: String, previous: Memory?, sassLoadPaths: [String], changed: Set<String> = [],
         stamp: @escaping StampSource = StampCache().stamp, known: SiteFacts? = nil, isIntact: @escaping (String) -> Bool) {
        self.site = site
        self.fingerprint = fingerprint
        self.stamp = stamp
        shape = known?.shape ?? RebuildPlan.shape(site, stamp: stamp)
        sassInputs = RebuildPlan.sassInputs(sassLoadPaths, stamp: stamp)
        self.previous = previous
        var lists = known.map { SiteLists(site: site, keys: $0.keys, stamp: stamp) } ?? SiteLists(site: site, stamp: stamp)
        let keysAsBefore = previous?.documentKeys == lists.allKeys
        self.keysAsBefore = keysAsBefore
        if let previous, previous.metadata.fingerprint == fingerprint {
            let sassChanged = previous.metadata.sassInputs != sassInputs
                || changed.contains { [".scss", ".sass", ".css"].contains(Path.extname($0)) }
            reusable = ReuseRules.reusable(site: site, previous: previous.metadata, lists: &lists, changes: ReuseRules.Changes(
                site: previous.metadata.shape != shape || RebuildPlan.touchesSite(changed, site: site),
                file: { path, recorded in changed.has(path) || (stamp(path) ?? .missing) != recorded },
                rendersAnyway: { $0.isSass && sassChanged },
                isIntact: { !site.isWritten($0) || isIntact($0.destinationPath) },
                keysAsBefore: keysAsBefore,
                dependenciesAsRecorded: previous.metadata.dependencies?.allSatisfy { dependency in
                    !changed.has(dependency.path) && (stamp(dependency.path) ?? .missing) == dependency.stamp
                } ?? false,
                keepsSourceMaps: previous.results.isEmpty), signatures: known?.signatures)
        } else {
            reusable = []
        }
        self.lists = lists
        knownSignatures = known?.signatures
    }

    /// What the plan needs of the site alone, which `init(fromMetadataOf:plugins:sassLoadPaths:)` works out on
    /// one core while `.jekyll-metadata` is read on the other.
    struct SiteFacts: Sendable {
        /// The site's files' stamps (its documents', static files' and data files').
        var stamps: [String: BuildMetadata.FileStamp?]
        var shape: String
        /// Every document's `ReuseRules.key`, in order.
        var keys: [String]
        var signatures: ReuseRules.Signatures

        init(site: SiteSnapshot) {
            // A `stat` for each of thousands of files, each from its folder held open.
            let sources = site.documents.filter { !$0.isGenerated }.map(\.path) + site.staticFiles.map(\.path)
            var known: [String: BuildMetadata.FileStamp?] = [:]
            known.reserveCapacity(sources.count)
            for (path, stamp) in zip(sources, FileStamps.of(sources[...])) { known[path] = stamp }
            let cache = StampCache(known)
            shape = RebuildPlan.shape(site, stamp: cache.stamp)
            stamps = cache.known
            keys = site.documents.map(ReuseRules.key)
            signatures = ReuseRules.Signatures(site: site)
        }
    }

    /// For `kyll build --incremental`: from `.jekyll-metadata`, with the outputs in the destination.
    init(fromMetadataOf site: SiteSnapshot, plugins: [any JekyllPlugin], sassLoadPaths: [String]) {
        // The site's files stamped and its signatures worked out on one core while
        // `.jekyll-metadata` is read on the other, then the destination's recorded folders
        // split in halves, one on each.
        let configuration = site.configuration, cores = ProcessorCount.active
        let (metadata, facts) = TwoCores.both(cores: cores, { BuildMetadata.read(configuration) }, { SiteFacts(site: site) })
        let previous = metadata.map(Memory.fromFile)
        let destination = configuration.destination, recorded = previous?.metadata.destination
        let folderPaths = recorded?.root == destination ? recorded?.folders.map(\.path) ?? [] : []
        let half = folderPaths.count / 2
        let (first, second) = TwoCores.both(cores: cores, { FileStamps.of(folders: folderPaths[..<half], in: destination) },
                                            { FileStamps.of(folders: folderPaths[half...], in: destination) })
        let folders = DestinationFolders(destination: destination, recorded: recorded, found: first + second)
        self.init(site: site, fingerprint: BuildMetadata.fingerprint(site, plugins: plugins), previous: previous,
                  sassLoadPaths: sassLoadPaths, stamp: StampCache(facts.stamps).stamp, known: facts, isIntact: folders.isIntact)
        destinationFolders = folders
    }

    /// Whether a changed file is one of the site's pages, items, static files or data files (a
    /// change `shape` may not show when the stamps look alike).
    static func touchesSite(_ changed: Set<String>, site: SiteSnapshot) -> Bool {
        guard !changed.isEmpty else { return false }
        let dataDir = site.configuration.inSource(site.configuration.dataDir) + "/"
        if changed.contains(where: { $0.hasPrefix(dataDir) }) { return true }
        return site.documents.contains { changed.has($0.path) } || site.staticFiles.contains { changed.has($0.path) }
    }

    /// The previous renders of the documents this build keeps, where known.
    var carriedResults: CarriedResults {
        CarriedResults(results: previous?.results ?? [:], keys: lists.allKeys, reusable: reusable)
    }

    /// The records for the next build: new ones for what was rendered, the previous ones for what
    /// was kept; with `keepsResults`, every document's render too.
    func record(_ context: BuildContext, keepsResults: Bool = false) -> Memory {
        var lists = self.lists
        var records: [String: BuildMetadata.Record] = [:]
        var results: [String: RenderState.Result] = [:]
        var ids = Array(site.documents.indices)
        if keysAsBefore, let previous, previous.metadata.fingerprint == fingerprint {
            // The same documents as before: their records and renders stand but for those
            // rendered now (a kept document rendered for another template among them).
            records = previous.metadata.records
            if keepsResults { results = previous.results }
            ids = ids.filter { !reusable.contains($0) || context.state.finalResult($0) != nil }
        }
        for id in ids {
            let key = lists.key(id)
            if keepsResults, let result = context.state.finalResult(id) ?? context.carried[id] { results[key] = result }
            if reusable.contains(id), context.state.finalResult(id) == nil, let old = previous?.metadata.records[key] {
                records[key] = old
                continue
            }
            records[key] = ReuseRules.record(id, context: context, lists: &lists, stamp: stamp,
                                             signatures: context.site === site ? knownSignatures : nil)
        }
        var facts: [PatchFacts] = []
        var dependencyStamps: [String: BuildMetadata.FileStamp] = [:]
        if keepsResults {
            facts.reserveCapacity(site.documents.count)
            if let previous, previous.patchFacts.count == site.documents.count, keysAsBefore,
               previous.metadata.fingerprint == fingerprint {
                // Only the documents rendered now have new records.
                facts = previous.patchFacts
                dependencyStamps = previous.dependencyStamps
                for id in ids {
                    let record = records[lists.key(id)]
                    facts[id] = PatchFacts.of(site.documents[id], record: record)
                    for (path, stamp) in record?.dependencies ?? [] { dependencyStamps[path] = stamp }
                }
            } else {
                for (id, doc) in site.documents.enumerated() {
                    let record = records[lists.key(id)]
                    facts.append(PatchFacts.of(doc, record: record))
                    for (path, stamp) in record?.dependencies ?? [] { dependencyStamps[path] = stamp }
                }
            }
        }
        return Memory(metadata: BuildMetadata(fingerprint: fingerprint, shape: shape, sassInputs: sassInputs, records: records,
                                              documentKeys: lists.allKeys,
                                              destination: destinationFolders?.after, stored: previous?.metadata.stored),
                      results: results, documentKeys: keepsResults ? lists.allKeys : nil,
                      listSignatures: keepsResults ? lists.knownSignatures : [:], patchFacts: facts,
                      dependencyStamps: dependencyStamps)
    }

    /// Every document, static file and data file with its stamp (each file looked at once), one
    /// per line, hashed.
    static func shape(_ site: SiteSnapshot, stamp: StampSource) -> String {
        var hasher = BuildMetadata.TextHash()
        var first = true
        func line(_ parts: String..., stamp: BuildMetadata.FileStamp?, generated: Bool = false) {
            if !first { hasher.add("\n") }
            first = false
            for part in parts { hasher.add(part); hasher.add("|") }
            if generated { hasher.add("generated") } else { hasher.add(stamp) }
        }
        for doc in site.documents {
            line(doc.relativePath, doc.url, stamp: doc.isGenerated ? nil : stamp(doc.path), generated: doc.isGenerated)
        }
        for file in site.staticFiles { line(file.relativePath, stamp: stamp(file.path)) }
        let dataDir = site.configuration.inSource(site.configuration.dataDir)
        for file in FileSystem.walkFiles(dataDir).sorted() { line("data/" + file, stamp: stamp(Path.join(dataDir, file))) }
        return hasher.hex
    }

    /// Every file a stylesheet may import from its load paths, with its stamp.
    static func sassInputs(_ loadPaths: [String], stamp: StampSource) -> String {
        var hasher = BuildMetadata.TextHash()
        var first = true
        for root in loadPaths {
            for file in FileSystem.walkFiles(root) {
                if !first { hasher.add("\n") }
                first = false
                hasher.add(root + "/" + file + "|")
                hasher.add(stamp(Path.join(root, file)))
            }
        }
        return hasher.hex
    }
}

/// The previous renders of the documents a build keeps, looked up when a template shows one.
struct CarriedResults: Sendable {
    var results: [String: RenderState.Result] = [:]
    var keys: [String] = []
    var reusable: Set<Int> = []

    subscript(id: Int) -> RenderState.Result? {
        guard !results.isEmpty, reusable.contains(id) else { return nil }
        return results[keys[id]]
    }
}

extension Set<String> {
    /// `contains`, comparing a few paths one by one (a save names one file or two) rather than
    /// hashing the path asked about: this is asked for every file of the site on every rebuild.
    func has(_ path: String) -> Bool {
        count <= 4 ? contains { $0 == path } : contains(path)
    }
}

/// A file's modification time and size, or nil when it is not there.
typealias StampSource = (String) -> BuildMetadata.FileStamp?

/// File stamps taken once per path during one plan and its records (`kyll build --incremental`).
final class StampCache {
    private var stamps: [String: BuildMetadata.FileStamp?]

    /// With the stamps of some files known.
    init(_ known: [String: BuildMetadata.FileStamp?] = [:]) { stamps = known }

    /// The stamps taken so far.
    var known: [String: BuildMetadata.FileStamp?] { stamps }

    func stamp(_ path: String) -> BuildMetadata.FileStamp? {
        if let known = stamps[path] { return known }
        let stamp = BuildMetadata.FileStamp(path)
        stamps[path] = stamp
        return stamp
    }
}

extension BuildMetadata.FileStamp {
    var text: String { "\(seconds).\(nanoseconds).\(size)" }
}
