import Jekyll
import Liquid

/// What jekyll-seo-tag derives from the page and the site: titles, description, author, image,
/// dates, the JSON-LD type. Strings from front matter are cleaned the plugin's way: Markdown
/// converted, tags stripped, whitespace collapsed, HTML escaped once.
final class SeoFields {
    let access: TemplateAccess
    let page: Value
    let site: Value

    init(_ access: TemplateAccess) {
        self.access = access
        page = access.variable("page")
        site = access.variable("site")
    }

    func cleaned(_ value: Value) -> String? {
        // Most titles and descriptions are plain words, which the filters give back unchanged;
        // converting each through Markdown was a tenth of a large site's build.
        if case .string(let text) = value, SeoFields.passesCleaningUnchanged(text) { return text }
        var v = value
        for filter in ["markdownify", "strip_html", "normalize_whitespace", "escape_once"] {
            v = access.filter(filter, v)
        }
        let s = v.rubyString
        return s.isEmpty ? nil : s
    }

    /// One line that kramdown prints as a paragraph of the same text, with nothing for
    /// `strip_html`, `normalize_whitespace` or `escape_once` to change: it starts with an ASCII
    /// letter (no list, heading or quote marker), does not end in a space, has single spaces only
    /// and no byte that kramdown's typography, emphasis, links, entities or HTML read — no quotes,
    /// `*`, `_`, `` ` ``, `[`, `&`, `<`, `#`, `{`, `\\`, `~`, `$`, `|`, tabs, line breaks, `--` or
    /// `..`. Other non-ASCII text passes through kramdown as it is.
    static func passesCleaningUnchanged(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                break
            case 0x80...0xFF:
                if previous == 0 { return false }
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
                 UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"),
                 UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "="):
                if previous == 0 { return false }
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."):
                if previous == 0 || previous == b { return false }
            default:
                return false
            }
            previous = b
        }
        return previous != 0 && previous != UInt8(ascii: " ")
    }

    private func pageValue(_ key: String) -> Value { access.get(page, key) }
    private func siteValue(_ key: String) -> Value { access.get(site, key) }

    lazy var siteTitle: String? = { self.cleaned(self.siteValue("title").or(self.siteValue("name"))) }()
    lazy var siteDescription: String? = { self.cleaned(self.siteValue("description")) }()
    var siteTaglineOrDescription: String? { cleaned(siteValue("tagline")) ?? siteDescription }
    lazy var pageTitle: String? = { self.cleaned(self.pageValue("title")) ?? self.siteTitle }()

    /// The page title with the site's title (or the site's title with its tagline), prefixed by
    /// the paginator's "Page 2 of 5 for " on later pages.
    var title: String? {
        let site = siteTitle, page = pageTitle
        var result: String?
        if let site, page != site {
            result = (page ?? "") + " | " + site
        } else if siteDescription != nil, let site {
            result = site + " | " + (siteTaglineOrDescription ?? "")
        } else {
            result = page ?? site
        }
        guard let result else { return nil }
        return (pageNumber ?? "") + result
    }

    private var pageNumber: String? {
        let paginator = access.variable("paginator")
        guard paginator.rubyTruthy, case .int(let current) = access.get(paginator, "page"), current > 1 else { return nil }
        let total = access.get(paginator, "total_pages").rubyString
        let message = siteValue("seo_paginator_message").rubyTruthy
            ? siteValue("seo_paginator_message").rubyString : "Page %<current>s of %<total>s for "
        return message.replacingAll("%<current>s", with: String(current)).replacingAll("%<total>s", with: total)
    }

    lazy var description: String? = {
        self.cleaned(self.pageValue("description").or(self.pageValue("excerpt"))) ?? self.siteDescription
    }()

    lazy var isHomepageOrAbout: Bool = {
        let url = self.pageValue("url").rubyString
        return ["/", "/index.html", "/index.htm", "/about/", "/about/index.html", "/about/index.htm"].contains(url)
    }()

    lazy var pageSEO: Value = {
        let seo = self.pageValue("seo")
        return seo.isHash ? seo : .hash(OrderedHash())
    }()
    var siteSocial: Value { siteValue("social").isHash ? siteValue("social") : .hash(OrderedHash()) }

    var name: String? {
        if access.get(pageSEO, "name").rubyTruthy, let n = cleaned(access.get(pageSEO, "name")) { return n }
        guard isHomepageOrAbout else { return nil }
        if access.get(siteSocial, "name").rubyTruthy { return cleaned(access.get(siteSocial, "name")) }
        return siteTitle
    }

    var pageLang: Value { pageValue("lang").or(siteValue("lang")).or("en_US") }
    var pageLocale: String {
        pageValue("locale").or(siteValue("locale")).or(pageLang).rubyString.replacingAll("-", with: "_")
    }

    lazy var canonicalURL: String = resolvedCanonicalURL()

    private func resolvedCanonicalURL() -> String {
        let given = pageValue("canonical_url")
        if !given.rubyString.isEmpty { return given.rubyString }
        let url = access.filter("absolute_url", pageValue("url")).rubyString
        return url.hasSuffix("/index.html") ? String(url.dropLast("index.html".count)) : url
    }

    /// The author as a hash: `page.author`, the first of `page.authors`, or `site.author`; a name
    /// gets the matching entry of `site.data.authors` merged in.
    lazy var author: Value = resolvedAuthor()

    private func resolvedAuthor() -> Value {
        var sources = [pageValue("author")]
        if case .array(let authors) = pageValue("authors") { sources.append(authors.first ?? .nil) }
        sources.append(siteValue("author"))
        // Ruby's `!x.to_s.empty?`, without printing a hash or array to see that it is not empty.
        let found = sources.first {
            switch $0 {
            case .hash, .array, .drop: return true
            default: return !$0.rubyString.isEmpty
            }
        }
        guard let found else { return .hash(OrderedHash()) }
        switch found {
        case .hash: return found
        case .string(let name):
            var hash = OrderedHash([("name", Value.string(name))])
            let authors = access.get(access.get(site, "data"), "authors")
            if authors.isHash, case .hash(let extra) = access.get(authors, name) { hash = hash.merging(extra) }
            return .hash(hash)
        default: return .hash(OrderedHash())
        }
    }

    var authorTwitter: Value {
        let a = author
        let twitter = access.get(a, "twitter").or(access.get(a, "name"))
        guard case .string(let s) = twitter else { return .nil }
        return .string(s.hasPrefix("@") ? String(s.dropFirst()) : s)
    }

    lazy var image: SeoImage? = {
        let given = self.access.get(self.page, "image")
        // Only a path or a hash names an image; most pages give neither.
        switch given {
        case .string, .hash: break
        default: return nil
        }
        let image = SeoImage(given, access: self.access)
        return image.hasPath ? image : nil
    }()

    private func xmlschema(_ v: Value) -> String? {
        v.rubyTruthy ? access.filter("date_to_xmlschema", v).rubyString : nil
    }

    var dateModified: String? {
        let given = access.get(pageSEO, "date_modified").or(pageValue("last_modified_at"))
        return given.rubyTruthy ? xmlschema(given) : datePublished
    }

    /// Printed twice (Open Graph and JSON-LD) and the usual `dateModified`: formatted once.
    lazy var datePublished: String? = { self.xmlschema(self.pageValue("date")) }()

    lazy var type: Value = {
        let given = self.access.get(self.pageSEO, "type")
        if given.rubyTruthy { return given }
        if self.isHomepageOrAbout { return "WebSite" }
        return self.pageValue("date").rubyTruthy ? "BlogPosting" : "WebPage"
    }()

    var links: Value {
        let given = access.get(pageSEO, "links")
        if given.rubyTruthy { return given }
        return isHomepageOrAbout ? access.get(siteSocial, "links") : .nil
    }

    var logo: String? {
        let logo = siteValue("logo")
        guard logo.rubyTruthy else { return nil }
        let absolute = SeoImage.isAbsoluteURL(logo) == true ? logo : access.filter("absolute_url", logo)
        return access.filter("uri_escape", absolute).rubyString
    }
}

/// The page's image: `image` as a path, or a hash with `path` (or `facebook`, `twitter`) and
/// more keys (`height`, `width`, `alt`, …).
struct SeoImage {
    let hash: OrderedHash
    let path: String
    let hasPath: Bool

    /// `given` is the page's `image`.
    init(_ given: Value, access: TemplateAccess) {
        var hash = OrderedHash([("path", Value.nil)])
        switch given {
        case .hash(let h): hash = hash.merging(h)
        case .string(let s): hash["path"] = .string(s)
        default: break
        }
        self.hash = hash
        let raw = (hash["path"] ?? .nil).or(hash["facebook"] ?? .nil).or(hash["twitter"] ?? .nil)
        hasPath = raw.rubyTruthy
        let absolute = raw.isString && SeoImage.isAbsoluteURL(raw) == false ? access.filter("absolute_url", raw) : raw
        path = hasPath ? access.filter("uri_escape", absolute).rubyString : ""
    }

    func field(_ key: String) -> Value { key == "path" ? .string(path) : hash[.string(key)] ?? .nil }

    /// Whether a string is a URL with a scheme; nil for anything that is not a string.
    static func isAbsoluteURL(_ v: Value) -> Bool? {
        guard case .string(let s) = v else { return nil }
        return URIReference(s).isAbsolute
    }
}

/// The JSON-LD object, keys sorted, nils left out.
struct SeoJSONLD {
    let seo: SeoFields

    init(_ seo: SeoFields) { self.seo = seo }

    /// The keys and values in the order of the keys' bytes (the plugin sorts them), nil values
    /// left out.
    var fields: [(key: String, value: Value)] {
        var fields: [(String, Value)] = [("@context", "https://schema.org"), ("@type", seo.type)]
        fields.reserveCapacity(13)
        fields.append(("author", author))
        fields.append(("dateModified", seo.dateModified.map(Value.string) ?? .nil))
        fields.append(("datePublished", seo.datePublished.map(Value.string) ?? .nil))
        fields.append(("description", seo.description.map(Value.string) ?? .nil))
        fields.append(("headline", seo.pageTitle.map(Value.string) ?? .nil))
        fields.append(("image", image))
        let type = seo.type.rubyString
        fields.append(("mainEntityOfPage", type == "BlogPosting" || type == "CreativeWork"
            ? ["@type": "WebPage", "@id": .string(seo.canonicalURL)] : .nil))
        fields.append(("name", seo.name.map(Value.string) ?? .nil))
        fields.append(("publisher", publisher))
        fields.append(("sameAs", seo.links))
        fields.append(("url", .string(seo.canonicalURL)))
        // Listed in byte order already (`@` sorts before letters, capitals before lower case).
        assert(fields.map(\.0) == fields.map(\.0).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        fields.removeAll { $0.1.isNil }
        return fields.map { (key: $0.0, value: $0.1) }
    }

    private var author: Value {
        let author = seo.author
        let name = seo.access.get(author, "name")
        guard name.rubyTruthy else { return .nil }
        let type = seo.access.get(author, "type")
        if type.rubyTruthy && !["Organization", "Person"].contains(type.rubyString) { return .nil }
        var hash = OrderedHash([("@type", type.rubyTruthy ? type : "Person"), ("name", name)])
        let url = seo.access.get(author, "url")
        if url.rubyTruthy { hash["url"] = url }
        return .hash(hash)
    }

    private var image: Value {
        guard let image = seo.image else { return .nil }
        if image.hash.count == 1 { return .string(image.path) }
        var hash = OrderedHash()
        for (key, value) in image.hash.pairs where key != "path" { hash[key] = value }
        hash["url"] = .string(image.path)
        hash["@type"] = "imageObject"
        return .hash(hash)
    }

    private var publisher: Value {
        guard let logo = seo.logo else { return .nil }
        let logoHash: Value = ["@type": "ImageObject", "url": .string(logo)]
        var hash = OrderedHash([("@type", Value.string("Organization")), ("logo", logoHash)])
        let name = seo.access.get(seo.author, "name")
        if name.rubyTruthy { hash["name"] = name }
        return .hash(hash)
    }
}
