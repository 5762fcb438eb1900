import Liquid

/// Jekyll renders every document with one shared payload, so the `layout` variable a document's
/// content sees is its layout's front matter merged over whatever the previous document left
/// there. The order is fixed, so what each document starts with can be worked out beforehand.
enum LayoutLeak {
    static func initialLayoutData(_ site: SiteSnapshot) -> [OrderedHash?] {
        var current: OrderedHash?
        // The chain `current` is the data of — after a document placed in layouts, its chain's
        // name; nil when `current` was made otherwise —, so that each layout is merged over each
        // such state once, not once per document (a thousand posts of one layout).
        var currentChain: String? = ""
        var layouts = RecentFirst<String, OrderedHash?>()
        var merges = RecentFirst<Merge, OrderedHash>()
        var chains = RecentFirst<String, OrderedHash?>()
        var result: [OrderedHash?] = []
        result.reserveCapacity(site.documents.count)
        for doc in site.documents {
            if let name = doc.value("layout").flatMap({ $0.isNil ? nil : $0.rubyString }),
               let data = layouts.value(for: name, { site.layouts[name]?.data }) {
                let before = current
                let merge = { data.deepMerged(with: before ?? OrderedHash()) }
                current = currentChain.map { merges.value(for: Merge(layout: name, over: $0), merge) } ?? merge()
                currentChain = nil
            }
            result.append(current)
            if doc.placedInLayout {
                let name = doc.layoutName ?? ""
                current = chains.value(for: name) {
                    var data: OrderedHash?
                    for layout in chain(of: doc, in: site.layouts) {
                        data = layout.data.deepMerged(with: data ?? OrderedHash())
                    }
                    return data
                }
                currentChain = name
            }
        }
        return result
    }

    /// Jekyll's shared payload also keeps `content` from the last layout rendered: a document's
    /// own template sees what the outermost layout of the last earlier document with layouts got.
    static func contentSources(_ site: SiteSnapshot) -> [Int?] {
        var last: Int?
        var layouts = RecentFirst<String, Bool>()
        var result: [Int?] = []
        result.reserveCapacity(site.documents.count)
        for (id, doc) in site.documents.enumerated() {
            result.append(last)
            if doc.placedInLayout, let name = doc.layoutName, layouts.value(for: name, { site.layouts[name] != nil }) {
                last = id
            }
        }
        return result
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
