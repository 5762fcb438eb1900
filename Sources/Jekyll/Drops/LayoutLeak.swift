import Liquid

/// Jekyll renders every document with one shared payload, so the `layout` variable a document's
/// content sees is its layout's front matter merged over whatever the previous document left
/// there. The order is fixed, so what each document starts with can be worked out beforehand.
enum LayoutLeak {
    /// The `layout` variable each document starts with, and the document whose outermost
    /// layout's `content` its own template sees (Jekyll's shared payload keeps that too: what the
    /// last earlier document placed in layouts gave its outermost layout). One pass, each
    /// document's `layout` looked up once (three lookups and two names a document, in two passes,
    /// were most of the serial step between reading and rendering).
    static func tables(_ site: SiteSnapshot) -> (initialLayoutData: [OrderedHash?], contentSources: [Int?]) {
        var current: OrderedHash?
        // The chain `current` is the data of — after a document placed in layouts, its chain's
        // name; nil when `current` was made otherwise —, so that each layout is merged over each
        // such state once, not once per document (a thousand posts of one layout).
        var currentChain: String? = ""
        // The last document placed in a layout that exists.
        var lastPlaced: Int?
        var layoutData = RecentFirst<String, OrderedHash?>()
        var merges = RecentFirst<Merge, OrderedHash>()
        var chains = RecentFirst<String, OrderedHash?>()
        var initialLayoutData: [OrderedHash?] = []
        var contentSources: [Int?] = []
        initialLayoutData.reserveCapacity(site.documents.count)
        contentSources.reserveCapacity(site.documents.count)
        for (id, doc) in site.documents.enumerated() {
            let layout = doc.value("layout")
            let name = layout.flatMap { $0.isNil ? nil : $0.rubyString }
            // Looked up for every name the documents give (`none` too), each name once.
            let data = name.flatMap { name in layoutData.value(for: name, { site.layouts[name]?.data }) }
            if let name, let data {
                let before = current
                let merge = { data.deepMerged(with: before ?? OrderedHash()) }
                current = currentChain.map { merges.value(for: Merge(layout: name, over: $0), merge) } ?? merge()
                currentChain = nil
            }
            initialLayoutData.append(current)
            contentSources.append(lastPlaced)
            if doc.placedInLayout(layout: layout) {
                current = chains.value(for: name ?? "") {
                    var data: OrderedHash?
                    for step in name.map({ chain(named: $0, in: site.layouts) }) ?? [] {
                        data = step.data.deepMerged(with: data ?? OrderedHash())
                    }
                    return data
                }
                currentChain = name ?? ""
                if data != nil { lastPlaced = id }
            }
        }
        return (initialLayoutData, contentSources)
    }

    /// A layout's front matter merged over the data of a chain.
    private struct Merge: Hashable {
        let layout: String
        let over: String
    }

    /// Values worked out once per key, the last one asked for compared before any hashing:
    /// documents come in runs that name the same layout (a thousand posts).
    private struct RecentFirst<Key: Hashable, Value> {
        private var known: [Key: Value] = [:]
        private var last: (key: Key, value: Value)?

        mutating func value(for key: Key, _ make: () -> Value) -> Value {
            if let last, last.key == key { return last.value }
            let value: Value
            if let k = known[key] {
                value = k
            } else {
                value = make()
                known[key] = value
            }
            last = (key, value)
            return value
        }
    }

    /// The layouts a document goes through, innermost first, each once.
    static func chain(of doc: Document, in layouts: [String: Layout]) -> [Layout] {
        doc.layoutName.map { chain(named: $0, in: layouts) } ?? []
    }

    /// The layouts from the one named `name` outwards, each once.
    static func chain(named name: String, in layouts: [String: Layout]) -> [Layout] {
        var chain: [Layout] = []
        var used = Set<String>()
        var next = layouts[name]
        while let layout = next, used.insert(layout.name).inserted {
            chain.append(layout)
            next = layout.parent.flatMap { layouts[$0] }
        }
        return chain
    }
}
