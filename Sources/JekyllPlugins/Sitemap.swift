import Jekyll
import Liquid

/// jekyll-sitemap: `sitemap.xml` listing the written collection items, the HTML pages and the
/// HTML/PDF static files (anything with `sitemap: false` left out), and `robots.txt` pointing at
/// it — unless the site has its own.
public struct Sitemap: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-sitemap" }
    public var priority: PluginPriority { .lowest }
    public var recordsReads: Bool { true }

    static let staticExtensions: Set<String> = [".htm", ".html", ".xhtml", ".pdf"]

    public func generate(_ site: inout Site) throws(BuildError) {
        let hasSitemap = site.hasPageOrFile(url: "/sitemap.xml")
        let hasRobots = site.hasPageOrFile(url: "/robots.txt")
        if !hasSitemap {
            var data = OrderedHash()
            data["layout"] = .nil
            data["xsl"] = .bool(site.hasPageOrFile(url: "/sitemap.xsl"))
            var page = site.generatedPage(dir: "", name: "sitemap.xml", content: "", data: data)
            page.generator = name
            site.pages.append(page)
        }
        if !hasRobots {
            var data = OrderedHash()
            data["layout"] = .nil
            var page = site.generatedPage(dir: "", name: "robots.txt", content: "", data: data)
            page.generator = name
            site.pages.append(page)
        }
    }

    public func content(of id: Int, scope: RenderScope) throws(BuildError) -> String? {
        let site = scope.site
        let config = site.configuration
        let page = site.documents[id]
        if page.name == "robots.txt" {
            return "Sitemap: " + SiteURL.absolute("sitemap.xml", config) + "\n"
        }
        // Written into one byte buffer (appending joined strings to a `String` cost ~500
        // instructions an append, 7,500 a 1k-post site), each URL without the site's URL parsed
        // again where `absolute_url` would just put it before the path.
        let prefix = SiteURL.absolutePrefix(url: config.url, baseurl: config.baseurl)
        var out = OutputBuffer(reservingCapacity: 256 * (site.documents.count + 4))
        func loc(_ url: String) {
            out.append(literal: "<url>\n<loc>")
            if let prefix, Sitemap.printsAsItIs(url) {
                // The prefix is a plain origin, with nothing to escape either.
                out.append(prefix)
                out.append(url)
            } else {
                let path = url.replacingAll("/index.html", with: "/")
                out.append(XML.escape(SiteURL.joined(prefix: prefix, path) ?? SiteURL.absolute(path, config)))
            }
            out.append(literal: "</loc>\n")
        }
        func lastmod(_ text: String) {
            out.append(literal: "<lastmod>")
            out.append(text)
            out.append(literal: "</lastmod>\n")
        }
        out.append(literal: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        if page.data["xsl"]?.isTruthy == true {
            out.append(literal: "<?xml-stylesheet type=\"text/xsl\" href=\"")
            out.append(SiteURL.absolute("/sitemap.xsl", config))
            out.append(literal: "\"?>\n")
        }
        out.append(literal: "<urlset xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd\" xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        // What it reads is noted, so that it is rendered again only when an entry changes: the
        // items of each written collection, every page (whether it is HTML is one of its fields)
        // and the static files with their modification times.
        for collection in site.collections.sorted(by: { $0.info.label < $1.info.label }) where collection.info.writesOutput {
            scope.noteRead(.collection(collection.info.label))
            for docID in collection.documentIDs {
                scope.noteFieldsRead(of: docID)
                let doc = site.documents[docID]
                if doc.value(Self.sitemapKey) == .bool(false) { continue }
                loc(doc.url)
                let modified = Liquidish.defaulted(doc.value(Self.lastModifiedKey) ?? .nil, doc.date.map(Value.time) ?? .nil)
                if modified.isTruthy { lastmod(try LastModified.xmlschema(modified, of: doc, in: page, site: site)) }
                out.append(literal: "</url>\n")
            }
        }
        scope.noteRead(.pages)
        for pageID in site.pageIDs { scope.noteFieldsRead(of: pageID) }
        for pageID in site.htmlPageIDs {
            let p = site.documents[pageID]
            if p.value(Self.sitemapKey) == .bool(false) || p.url == "/404.html" { continue }
            loc(p.url)
            if let modified = p.value(Self.lastModifiedKey), modified.isTruthy {
                lastmod(try LastModified.xmlschema(modified, of: p, in: page, site: site))
            }
            out.append(literal: "</url>\n")
        }
        scope.noteRead(.staticFiles)
        for file in site.staticFiles where Sitemap.staticExtensions.contains(file.extname) {
            if file.data["sitemap"] == .bool(false) || file.name == "404.html" { continue }
            loc(file.relativePath)
            lastmod(DateFilters.xmlschema(site.clock.localize(file.modificationTime)))
            out.append(literal: "</url>\n")
        }
        out.append(literal: "</urlset>\n")
        return out.string
    }

    /// The keys read of every document, hashed once.
    static let sitemapKey = HashedKey("sitemap")
    static let lastModifiedKey = HashedKey("last_modified_at")

    /// Whether the sitemap prints a URL after the site's as it is: a plain path from the root
    /// with no `/index.html` to cut and nothing `xml_escape` changes (`<`, `>` and `"` are no path
    /// bytes), as most of a site's are. Cutting, joining and escaping made three strings a URL
    /// (~1,800 instructions).
    static func printsAsItIs(_ url: String) -> Bool {
        guard SiteURL.isPlainRootPath(url), ByteSearch.firstRange(of: "/index.html", in: url) == nil else { return false }
        var url = url
        return url.withUTF8 { !ByteSearch.contains(UInt8(ascii: "&"), in: $0) && !ByteSearch.contains(UInt8(ascii: "'"), in: $0) }
    }
}
