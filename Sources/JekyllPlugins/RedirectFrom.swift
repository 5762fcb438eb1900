import Jekyll
import Liquid

/// jekyll-redirect-from: `redirect_from` on a page or item makes a small page at each old URL
/// that sends the browser to the new one; `redirect_to` turns the page itself into such a
/// redirect; `redirects.json` lists them all. The pages use the site's `redirect` layout, or one
/// that prints what the plugin's own layout prints.
public struct RedirectFrom: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-redirect-from" }

    /// The redirects an item names.
    public func generateReadsItemFields(_ configuration: Configuration) -> Set<String> { ["redirect_from", "redirect_to"] }

    public func generate(_ site: inout Site) throws(BuildError) {
        if site.layouts["redirect"] == nil {
            site.layouts["redirect"] = Layout(name: "redirect", path: Path.join(site.source, "_layouts/redirect.html"),
                                              relativePath: "_layouts/redirect.html", data: OrderedHash(),
                                              content: RedirectFrom.layout, contentLine: 1)
        }
        var redirects = OrderedHash()
        // Made at the first redirect: most sites have none.
        var madePages: RedirectPages?
        func pages(_ site: Site) -> RedirectPages {
            if let madePages { return madePages }
            madePages = RedirectPages(plugin: self, site: site)
            return madePages!
        }
        // Items that are written first, then the pages as they were before any redirect was added.
        for c in site.collections.indices where site.collections[c].info.writesOutput {
            for d in site.collections[c].docs.indices {
                let doc = site.collections[c].docs[d]
                // Most items redirect nothing: they are not copied out and back (every rebuild of `kyll serve`).
                guard RedirectFrom.redirects(doc), Publication.isWritten(doc, in: site) else { continue }
                var changed = doc
                let redirectPages = pages(site)
                try redirect(&changed, site: &site, pages: redirectPages, redirects: &redirects)
                site.collections[c].docs[d] = changed
            }
        }
        for p in site.pages.indices where RedirectFrom.redirects(site.pages[p]) {
            var page = site.pages[p]
            let redirectPages = pages(site)
            try redirect(&page, site: &site, pages: redirectPages, redirects: &redirects)
            site.pages[p] = page
        }
        let json = site.configuration["redirect_from"]?.orderedHash?["json"]
        if json != .bool(false), !FileSystem.exists(Path.join(site.source, "redirects.json")) {
            var data = OrderedHash()
            data["layout"] = .nil
            site.pages.append(site.generatedPage(dir: "", name: "redirects.json", content: JSON.string(.hash(redirects)),
                                                 data: data))
        }
    }

    func redirect(_ doc: inout Document, site: inout Site, pages: RedirectPages,
                  redirects: inout OrderedHash) throws(BuildError) {
        let sources = RedirectFrom.list(doc.value("redirect_from"))
        if !sources.isEmpty {
            let target = pages.target(doc.url, site: site)
            for from in sources {
                let (page, redirect) = pages.page(from: from.rubyString, to: target, site: site)
                site.pages.append(page)
                redirects[redirect.from] = redirect.to
            }
        }
        guard let target = RedirectFrom.list(doc.value("redirect_to")).first else { return }
        let (page, redirect) = pages.page(from: doc.url, to: pages.target(target.rubyString, site: site), site: site)
        doc.data = doc.data.merging(page.data)
        doc.content = ""
        redirects[redirect.from] = redirect.to
    }

    /// Whether the document names a redirect (`redirect` does nothing otherwise). Asked of every
    /// item: the keys' hashes are worked out once, not at each look-up.
    static func redirects(_ doc: Document) -> Bool {
        !list(value(doc, "redirect_from", fromHash)).isEmpty || !list(value(doc, "redirect_to", toHash)).isEmpty
    }

    private static let fromHash = OrderedHash.storedHash(of: "redirect_from")
    private static let toHash = OrderedHash.storedHash(of: "redirect_to")

    /// `doc.value(key)`, the key's hash known.
    private static func value(_ doc: Document, _ key: String, _ hash: Int) -> Value? {
        doc.data.value(forKey: key, hash: hash) ?? doc.defaults.value(forKey: key, hash: hash)
    }

    /// A string as a one-item list, a list without its nils, nothing for nil.
    static func list(_ value: Value?) -> [Value] {
        switch value {
        case .array(let a)?: return a.filter { !$0.isNil }
        case nil, .nil?: return []
        case let v?: return [v]
        }
    }

    /// What the plugin's layout prints, around the target URL. Its lines are joined by a loop:
    /// `[String].joined(separator:)` is a generic the compiler does not specialize here, and its
    /// first call looks up an associated type by name, which scans all ~8,300 protocol
    /// conformance records of the executable (~350,000 instructions and the page faults of
    /// reading them, in a small site's build).
    static let layout: String = {
        let to = "{{ page.redirect.to }}"
        let lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en-US\">",
            "  <meta charset=\"utf-8\">",
            "  <title>Redirecting&hellip;</title>",
            "  <link rel=\"canonical\" href=\"\(to)\">",
            "  <script>location=\"\(to)\"</script>",
            "  <meta http-equiv=\"refresh\" content=\"0; url=\(to)\">",
            "  <meta name=\"robots\" content=\"noindex\">",
            "  <h1>Redirecting&hellip;</h1>",
            "  <a href=\"\(to)\">Click here if you are not redirected.</a>",
            "</html>",
        ]
        var text = ""
        for line in lines { text += line + "\n" }
        return text
    }()
}

/// The redirect pages of one build. All are `redirect.html` at the site's root, so each is a copy
/// of one page made once with new data and its URL worked out again: making each anew (its paths
/// joined, the defaults for its path found) cost about as much again as the copy.
struct RedirectPages {
    private let template: Document

    init(plugin: RedirectFrom, site: Site) {
        var template = site.generatedPage(dir: "", name: "redirect.html", content: "", data: OrderedHash())
        template.generator = plugin.name
        self.template = template
    }

    /// The URL a redirect sends to: absolute, with the site's `url` and `baseurl` unless it is one.
    func target(_ to: String, site: Site) -> String {
        to.hasPrefix("http://") || to.hasPrefix("https://") ? to : SiteURL.absolute(to, site.configuration)
    }

    /// The page at `from` that sends to `target`, and its `redirect` pair as `redirects.json` lists it.
    func page(from: String, to target: String, site: Site) -> (Document, (from: Value, to: Value)) {
        let from = Value.string(from.hasPrefix("/") ? from : "/" + from)
        let to = Value.string(target)
        var redirect = OrderedHash(minimumCapacity: 2)
        redirect["from"] = from
        redirect["to"] = to
        var data = OrderedHash(minimumCapacity: 4)
        data["sitemap"] = false
        data["layout"] = "redirect"
        data["permalink"] = from
        data["redirect"] = .hash(redirect)
        var page = template
        page.data = data
        site.refreshPage(&page)
        return (page, (from, to))
    }
}

extension OrderedHash {
    /// Ruby's `merge!`: keys of `other` replace or are appended.
    func merging(_ other: OrderedHash) -> OrderedHash {
        var result = self
        for (k, v) in other.pairs { result[k] = v }
        return result
    }
}
