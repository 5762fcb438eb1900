import Liquid

/// The lists of a site a template can look at (`site.posts`, `site.tags`, a collection, a
/// document's neighbours …), each by a name, with a signature that changes when the list does —
/// its members or their order, not the members' own fields (those are read, and recorded, one
/// document at a time). An incremental build renders a document again when a list it looked at
/// has another signature than when it was rendered.
struct SiteLists {
    let site: SiteSnapshot
    private var keys: [String]
    private var signatures: [String: String] = [:]
    private var idsByKey: [String: Int]?
    private let stampOf: StampSource

    init(site: SiteSnapshot, stamp: @escaping StampSource) {
        self.site = site
        stampOf = stamp
        keys = site.documents.map(ReuseRules.key)
    }

    /// With the documents' keys known, and signatures of lists known to be as they were (the
    /// previous build's, when the documents and their fields are its own).
    init(site: SiteSnapshot, keys: [String], signatures: [String: String] = [:], stamp: @escaping StampSource) {
        self.site = site
        stampOf = stamp
        self.keys = keys
        self.signatures = signatures
    }

    /// Takes a list to have `signature`, known to be its signature now (see `ReuseRules.reusable`).
    mutating func assume(_ name: String, signature: String) {
        if signatures[name] == nil { signatures[name] = signature }
    }

    /// The signatures worked out so far.
    var knownSignatures: [String: String] { signatures }

    /// The list a `site.KEY` lookup reads, if it is one.
    static func list(forSiteKey key: String, site: SiteSnapshot) -> String? {
        switch key {
        case "posts", "related_posts": return "posts"
        case "pages", "html_pages": return "pages"
        case "documents", "collections": return "documents"
        case "data", "categories", "tags", "static_files": return key
        default: return site.collection(key) != nil ? "collection:" + key : nil
        }
    }

    /// The list of one document's `next` and `previous`.
    static func neighbours(of doc: Document) -> String { "neighbours:" + ReuseRules.key(doc) }

    /// The list's signature now; nil for a name this site has no list for.
    mutating func signature(_ name: String) -> String {
        if let known = signatures[name] { return known }
        let text = describe(name)
        let signature = BuildMetadata.hash(text)
        signatures[name] = signature
        return signature
    }

    private mutating func describe(_ name: String) -> String {
        switch name {
        case "posts": return site.postsNewestFirst.map { keys[$0] }.joined(separator: "\n")
        case "pages": return site.pageIDs.map { keys[$0] }.joined(separator: "\n")
        case "documents":
            return site.collections.map { c in
                c.info.label + ":" + c.documentIDs.map { keys[$0] }.joined(separator: "\n") + "\n"
                    + c.files.map { $0.relativePath + "|" + stamp($0.path) }.joined(separator: "\n")
            }.joined(separator: "\n")
        case "tags", "categories":
            return site.postsBy(name).map { group in
                group.name.rubyString + ":" + group.ids.map { keys[$0] }.joined(separator: ",")
            }.joined(separator: "\n")
        case "static_files": return site.staticFiles.map { $0.relativePath + "|" + stamp($0.path) }.joined(separator: "\n")
        case "data": return JSON.string(site.data)
        default:
            if name.hasPrefix("collection:") {
                return site.collection(String(name.dropFirst(11)))?.documentIDs.map { keys[$0] }.joined(separator: "\n") ?? "-"
            }
            if name.hasPrefix("neighbours:") {
                guard let id = id(ofKey: String(name.dropFirst(11))),
                      site.documents[id].collectionLabel.flatMap(site.collection) != nil else { return "-" }
                let previous = site.neighbour(of: id, by: -1), next = site.neighbour(of: id, by: 1)
                return (previous.map { keys[$0] } ?? "") + "\n" + (next.map { keys[$0] } ?? "")
            }
            return "unknown:" + name
        }
    }

    mutating func id(ofKey key: String) -> Int? {
        if idsByKey == nil {
            var ids: [String: Int] = [:]
            for (id, key) in keys.enumerated() { ids[key] = id }
            idsByKey = ids
        }
        return idsByKey?[key]
    }

    func key(_ id: Int) -> String { keys[id] }

    /// Every document's key, in the snapshot's order.
    var allKeys: [String] { keys }

    private func stamp(_ path: String) -> String { stampOf(path).map(\.text) ?? "-" }
}
