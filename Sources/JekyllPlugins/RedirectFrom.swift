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
        // Items that are written first, then the pages as they were before any redirect was added.
        for c in site.collections.indices where site.collections[c].info.writesOutput {
            for d in site.collections[c].docs.indices {
                let doc = site.collections[c].docs[d]
                // Most items redirect nothing: they are not copied out and back (every rebuild of `kyll serve`).
                guard RedirectFrom.redirects(doc), Publication.isWritten(doc, in: site) else { continue }
                var changed = doc
                try redirect(&changed, site: &site, redirects: &redirects)
                site.collections[c].docs[d] = changed
            }
        }
        for p in site.pages.indices where RedirectFrom.redirects(site.pages[p]) {
            var page = site.pages[p]
            try redirect(&page, site: &site, redirects: &redirects)
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

    func redirect(_ doc: inout Document, site: inout Site, redirects: inout OrderedHash) throws(BuildError) {
        for from in RedirectFrom.list(doc.value("redirect_from")) {
            let page = redirectPage(from: from.rubyString, to: doc.url, site: site)
            site.pages.append(page)
            if case .hash(let r)? = page.data["redirect"] { redirects[r["from"] ?? .nil] = r["to"] ?? .nil }
        }
        guard let target = RedirectFrom.list(doc.value("redirect_to")).first else { return }
        let page = redirectPage(from: doc.url, to: target.rubyString, site: site)
        doc.data = doc.data.merging(page.data)
        doc.content = ""
        if case .hash(let r)? = page.data["redirect"] { redirects[r["from"] ?? .nil] = r["to"] ?? .nil }
    }

    /// Whether the document names a redirect (`redirect` does nothing otherwise).
    static func redirects(_ doc: Document) -> Bool {
        !list(doc.value("redirect_from")).isEmpty || !list(doc.value("redirect_to")).isEmpty
    }

    /// A string as a one-item list, a list without its nils, nothing for nil.
    static func list(_ value: Value?) -> [Value] {
        switch value {
        case .array(let a)?: return a.filter { !$0.isNil }
        case nil, .nil?: return []
        case let v?: return [v]
        }
    }

    func redirectPage(from: String, to: String, site: Site) -> Document {
        let from = from.hasPrefix("/") ? from : "/" + from
        let target = to.hasPrefix("http://") || to.hasPrefix("https://") ? to : SiteURL.absolute(to, site.configuration)
        var data = OrderedHash()
        data["sitemap"] = false
        data["layout"] = "redirect"
        data["permalink"] = .string(from)
        data["redirect"] = ["from": .string(from), "to": .string(target)]
        var page = site.generatedPage(dir: "", name: "redirect.html", content: "", data: data)
        page.generator = name
        return page
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

extension OrderedHash {
    /// Ruby's `merge!`: keys of `other` replace or are appended.
    func merging(_ other: OrderedHash) -> OrderedHash {
        var result = self
        for (k, v) in other.pairs { result[k] = v }
        return result
    }
}
