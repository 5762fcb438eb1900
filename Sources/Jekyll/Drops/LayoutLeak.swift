import Liquid

/// Jekyll renders every document with one shared payload, so the `layout` variable a document's
/// content sees is its layout's front matter merged over whatever the previous document left
/// there. The order is fixed, so what each document starts with can be worked out beforehand.
enum LayoutLeak {
    static func initialLayoutData(_ site: SiteSnapshot) -> [OrderedHash?] {
        var current: OrderedHash?
        // How `current` was made — after a document with layouts, from its layout's name; nil
        // when not known so — to merge each layout over each such state once, not once per
        // document (a thousand posts of one layout, on every rebuild).
        var made: String? = ""
        var merged: [String: OrderedHash] = [:]
        var chains: [String: OrderedHash?] = [:]
        // The last of each look-up, for the next document, which most often names the same
        // layout (a thousand posts): compared, not hashed and found again.
        var layouts = LastLayout(site.layouts)
        var lastMerge: (name: String, made: String, data: OrderedHash)?
        var lastChain: (name: String, data: OrderedHash?)?
        var result: [OrderedHash?] = []
        result.reserveCapacity(site.documents.count)
        for doc in site.documents {
            if let name = doc.value("layout").flatMap({ $0.isNil ? nil : $0.rubyString }), let data = layouts.data(of: name) {
                if let made, let last = lastMerge, last.name == name, last.made == made {
                    current = last.data
                } else {
                    let key = made.map { name + "\u{0}" + $0 }
                    if let key, let known = merged[key] {
                        current = known
                    } else {
                        current = data.deepMerged(with: current ?? OrderedHash())
                        if let key { merged[key] = current }
                    }
                    if let made, let current { lastMerge = (name, made, current) }
                }
                made = nil
            }
            result.append(current)
            if doc.placedInLayout {
                let name = doc.layoutName ?? ""
                if let last = lastChain, last.name == name {
                    current = last.data
                } else if let known = chains[name] {
                    current = known
                } else {
                    current = nil
                    for layout in chain(of: doc, in: site.layouts) {
                        current = layout.data.deepMerged(with: current ?? OrderedHash())
                    }
                    chains[name] = current
                }
                lastChain = (name, current)
                made = name
            }
        }
        return result
    }

    /// Jekyll's shared payload also keeps `content` from the last layout rendered: a document's
    /// own template sees what the outermost layout of the last earlier document with layouts got.
    static func contentSources(_ site: SiteSnapshot) -> [Int?] {
        var last: Int?
        var layouts = LastLayout(site.layouts)
        var result: [Int?] = []
        result.reserveCapacity(site.documents.count)
        for (id, doc) in site.documents.enumerated() {
            result.append(last)
            if doc.placedInLayout, let name = doc.layoutName, layouts.data(of: name) != nil { last = id }
        }
        return result
    }

    /// The site's layouts' front matter by name, the last name asked for remembered.
    private struct LastLayout {
        let layouts: [String: Layout]
        var last: (name: String, data: OrderedHash?)?

        init(_ layouts: [String: Layout]) { self.layouts = layouts }

        /// The front matter of the layout named `name`, nil when there is none.
        mutating func data(of name: String) -> OrderedHash? {
            if let last, last.name == name { return last.data }
            let data = layouts[name]?.data
            last = (name, data)
            return data
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
