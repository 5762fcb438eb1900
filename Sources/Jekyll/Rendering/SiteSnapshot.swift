import Liquid

/// The site frozen for rendering: every document in Jekyll's render order (the collections' items,
/// `posts` first, then the pages), the static files, data, layouts and configuration. Immutable and
/// shared by all render threads; what rendering produces lives in `RenderState`.
public final class SiteSnapshot: Sendable {
    public struct CollectionEntry: Sendable {
        public let info: CollectionInfo
        /// Indexes into `documents`, in the collection's order.
        public let documentIDs: [Int]
        public let files: [StaticFile]
    }

    public let configuration: Configuration
    public let clock: SiteClock
    public let time: TimeValue
    public let documents: [Document]
    public let collections: [CollectionEntry]
    /// Indexes of the pages in `documents`, in `site.pages` order.
    public let pageIDs: [Int]
    public let staticFiles: [StaticFile]
    public let data: Value
    public let layouts: [String: Layout]
    public let theme: Theme?
    public let converters: ConverterTable
    public let logger: Logger
    /// Each collection's items by relative path (for `DocumentReference`), made on first use:
    /// hashing a thousand paths was a third of making the snapshot, on the one core between
    /// reading and rendering (`SiteBuild` has it made on the other, see `indexItems`).
    private let itemIndex: Locked<ItemIndex?>
    /// Lists computed on first use (`site.posts` newest first, tags, categories…): made of the
    /// documents' fields alone, so a patched snapshot shares its previous one's.
    let cache: DerivedCache

    init(site: Site, sourceMaps: Bool = false) {
        configuration = site.configuration
        clock = site.clock
        time = site.time
        cache = DerivedCache()
        var documents: [Document] = []
        var collections: [CollectionEntry] = []
        for c in site.collections {
            let start = documents.count
            documents += c.docs
            collections.append(CollectionEntry(info: c.info, documentIDs: Array(start..<documents.count), files: c.files))
        }
        let pageStart = documents.count
        documents += site.pages
        // A stylesheet page's source map becomes a page of its own once the stylesheet renders, so
        // it sits at the end of the pages (see `pages(seenFrom:)`).
        if sourceMaps {
            for id in pageStart..<documents.count where documents[id].isSass {
                documents.append(SiteSnapshot.sourceMapPage(of: documents[id], id: id, site: site))
            }
        }
        pageIDs = Array(pageStart..<documents.count)
        // Generators may have moved documents; those read unchanged keep their worked-out paths.
        for id in documents.indices { documents[id].rememberDestination() }
        self.documents = documents
        self.collections = collections
        itemIndex = Locked(nil)
        staticFiles = site.staticFiles
        data = site.data
        layouts = site.layouts
        theme = site.theme
        converters = site.converters
        logger = site.logger
    }

    /// `previous` with some documents replaced by versions whose fields — everything the
    /// snapshot's lists, positions and paths are made of — are theirs unchanged (only bodies
    /// differ), at the site time `time` (see `SiteRebuilder.patch`).
    /// With `listsAsBefore` false (fields changed), the lists are worked out anew on first use.
    init(patching previous: SiteSnapshot, replacing replacements: [Int: Document], time: TimeValue,
         listsAsBefore: Bool = true) {
        configuration = previous.configuration
        clock = previous.clock
        self.time = time
        var documents = previous.documents
        for (id, doc) in replacements { documents[id] = doc }
        self.documents = documents
        collections = previous.collections
        pageIDs = previous.pageIDs
        // The same items at the same positions: the same index.
        itemIndex = previous.itemIndex
        staticFiles = previous.staticFiles
        data = previous.data
        layouts = previous.layouts
        theme = previous.theme
        converters = previous.converters
        logger = previous.logger
        cache = listsAsBefore ? previous.cache : DerivedCache()
    }

    /// Each collection's items by relative path, and whether two items share a path.
    struct ItemIndex {
        let ids: [String: [String: Int]]
        let pathsShared: Bool
    }

    /// Each collection's items by relative path.
    var itemIDs: [String: [String: Int]] { builtItemIndex.ids }

    /// Whether two items of a collection share a relative path (`itemIDs` keeps the first). Read
    /// alone once the index is made: a copy of the index retained and released its tables.
    var itemPathsShared: Bool {
        if let shared = itemIndex.withLock({ $0?.pathsShared }) { return shared }
        return builtItemIndex.pathsShared
    }

    private var builtItemIndex: ItemIndex {
        itemIndex.withLock { known in
            if let known { return known }
            var itemIDs: [String: [String: Int]] = [:]
            var shared = false
            for c in collections {
                var byPath: [String: Int] = [:]
                byPath.reserveCapacity(c.documentIDs.count)
                // Backwards, so that the first of documents sharing a path is the one kept.
                for id in c.documentIDs.reversed() { byPath[documents[id].relativePath] = id }
                if byPath.count != c.documentIDs.count { shared = true }
                if itemIDs[c.info.label] == nil { itemIDs[c.info.label] = byPath } else { shared = true }
            }
            let index = ItemIndex(ids: itemIDs, pathsShared: shared)
            known = index
            return index
        }
    }

    /// Makes `itemIDs` now, ahead of its first use.
    func indexItems() { _ = itemIDs }

    static func sourceMapPage(of css: Document, id: Int, site: Site) -> Document {
        let name = css.basename + ".css.map"
        let relativePath = Path.join(css.urlDirectory, name).droppingLeadingSlash
        var map = Document(kind: .page, path: Path.join(site.source, relativePath), relativePath: relativePath,
                           name: name, directory: css.urlDirectory, data: css.data,
                           defaults: site.defaults.all(path: relativePath, type: "pages"), content: "", isGenerated: true)
        map.derivedFrom = id
        site.refreshPage(&map)
        return map
    }

    /// `site.pages` as a document sees it: source-map pages only once their stylesheet is rendered.
    func pages(seenFrom viewer: Int?) -> [Int] {
        let maps = pageIDs.filter { documents[$0].derivedFrom != nil }
        guard !maps.isEmpty else { return pageIDs }
        let visible = maps.filter { viewer == nil || documents[$0].derivedFrom! < viewer! }.count
        return cache.ids("pages:\(visible)") {
            let hidden = Set(maps.dropFirst(visible))
            return pageIDs.filter { !hidden.contains($0) }
        }
    }

    public func collection(_ label: String) -> CollectionEntry? {
        collectionIndex(label).map { collections[$0] }
    }

    /// Where the (first) collection of `label` is in `collections`, for reading its entry in
    /// place: a copy retained and released its four fields, which every render on both cores
    /// shares (`next`, `previous`, `related_posts` and `site.title` ask on every page).
    func collectionIndex(_ label: String) -> Int? {
        var i = 0
        while i < collections.count {
            if collections[i].info.label == label { return i }
            i += 1
        }
        return nil
    }

    /// `Publication.isWritten` on the frozen site: pages always; items when their collection has
    /// output and they are published.
    func isWritten(_ doc: Document) -> Bool {
        guard let label = doc.collectionLabel else { return true }
        guard let c = collectionIndex(label), collections[c].info.writesOutput else { return false }
        return Publisher(configuration: configuration, time: time).publishes(doc)
    }

    /// The item `offset` places after `id` in its collection (before it, for a negative offset);
    /// nil past either end and for a document outside collections (read in place: the
    /// collection's entry is not copied).
    func neighbour(of id: Int, by offset: Int) -> Int? {
        guard let label = documents[id].collectionLabel, let c = collectionIndex(label),
              let first = collections[c].documentIDs.first else { return nil }
        let other = id - first + offset
        guard other >= 0, other < collections[c].documentIDs.count else { return nil }
        return collections[c].documentIDs[other]
    }

    /// The posts, newest first (`site.posts`).
    public var postsNewestFirst: [Int] {
        cache.ids("posts") {
            guard let posts = collection("posts") else { return [] }
            return newestFirst(posts.documentIDs)
        }
    }

    /// `site.html_pages`: pages whose output is HTML or whose URL ends in a slash.
    public var htmlPageIDs: [Int] {
        cache.ids("html_pages") {
            pageIDs.filter { documents[$0].isHTML || documents[$0].url.hasSuffix("/") }
        }
    }

    /// The posts with a tag, newest first (`site.tags[tag]`).
    public func postsTagged(_ tag: Value) -> [Int] {
        postsBy("tags").first { $0.name == tag }?.ids ?? []
    }

    /// `site.tags` or `site.categories`: each name with its posts, newest first. Names in the
    /// order the posts first give them; each name's posts collected from the posts sorted once,
    /// newest first (Jekyll's order is total, so each group comes out as sorting it would), names
    /// told apart through an `OrderedHash` (hashing `Value`s for a `Dictionary` cost ~700
    /// instructions a name, sorting each group ~1,000 a post).
    func postsBy(_ attribute: String) -> [(name: Value, ids: [Int])] {
        cache.groups(attribute) {
            let posts = collection("posts")?.documentIDs ?? []
            var order: [Value] = []
            var positions = OrderedHash()
            for id in posts {
                for name in documents[id].data[attribute]?.arrayValue ?? [] where positions[name] == nil {
                    positions[name] = .int(order.count)
                    order.append(name)
                }
            }
            var groups = [[Int]](repeating: [], count: order.count)
            for id in postsNewestFirst {
                for name in documents[id].data[attribute]?.arrayValue ?? [] {
                    guard case .int(let at)? = positions[name] else { continue }
                    groups[at].append(id)
                }
            }
            return zip(order, groups).map { ($0, $1) }
        }
    }
}

/// Values computed once from the snapshot, on first use, from any thread.
final class DerivedCache: Sendable {
    private let idLists = Locked<[String: [Int]]>([:])
    private let groupLists = Locked<[String: [(name: Value, ids: [Int])]]>([:])
    private let values = Locked<[String: Value]>([:])

    /// Takes the lists `idLists` and groups `groups` worked out in `other` (for a snapshot whose
    /// lists of those names are known to be the same, see `SiteRebuilder.patchFields`).
    func adopt(idLists: [String], groups: [String], from other: DerivedCache) {
        let ids = other.idLists.withLock { known in idLists.compactMap { name in known[name].map { (name, $0) } } }
        let grouped = other.groupLists.withLock { known in groups.compactMap { name in known[name].map { (name, $0) } } }
        idLists.isEmpty ? () : self.idLists.withLock { for (name, list) in ids { $0[name] = list } }
        groups.isEmpty ? () : groupLists.withLock { for (name, list) in grouped { $0[name] = list } }
    }

    func ids(_ key: String, compute: () -> [Int]) -> [Int] {
        if let v = idLists.withLock({ $0[key] }) { return v }
        let v = compute()
        idLists.withLock { $0[key] = v }
        return v
    }

    func groups(_ key: String, compute: () -> [(name: Value, ids: [Int])]) -> [(name: Value, ids: [Int])] {
        if let v = groupLists.withLock({ $0[key] }) { return v }
        let v = compute()
        groupLists.withLock { $0[key] = v }
        return v
    }

    func value(_ key: String, compute: () throws -> Value) rethrows -> Value {
        if let v = values.withLock({ $0[key] }) { return v }
        let v = try compute()
        values.withLock { $0[key] = v }
        return v
    }
}
