import Jekyll
import Liquid

/// What jekyll-seo-tag derives from the page (and the site, through `SeoSite`): titles,
/// description, author, image, dates, the JSON-LD type.
final class SeoFields {
    let access: TemplateAccess
    let page: Value
    let site: SeoSite
    /// The page's front matter when the page is a document whose keys may be read there
    /// (`Value.unrecordedDocumentFrontMatter`): most of the keys read below are missing from it.
    private let frontMatter: OrderedHash?

    init(_ access: TemplateAccess) {
        self.access = access
        page = access.variable("page")
        site = SeoSite.forRender(access, site: access.variable("site"))
        frontMatter = page.unrecordedDocumentFrontMatter
    }

    /// A key of the page's front matter (none of a document drop's methods).
    private func pageValue(_ key: HashedKey) -> Value {
        if let frontMatter { return frontMatter.value(forKey: key.name, hash: key.hash) ?? .nil }
        return access.get(page, key)
    }

    /// A key a document's drop works out (`url`, `date`, `excerpt`), read through the drop.
    private func pageMethodValue(_ key: HashedKey) -> Value { access.get(page, key) }
    private func cleaned(_ value: Value) -> String? { SeoCleaning.cleaned(value, access: access, filters: site.filters) }

    lazy var pageTitle: String? = { self.cleaned(self.pageValue(.title)) ?? self.site.title }()

    /// `<title>` with the page title and the site's title (or the site's title and its tagline),
    /// prefixed by the paginator's "Page 2 of 5 for " on later pages; nothing without a title.
    /// Written in its parts: joining them made three strings a page.
    func writeTitle(into output: inout OutputBuffer) {
        let siteTitle = site.title, page = pageTitle
        let first: String?, second: String?
        if let siteTitle, page != siteTitle {
            first = page ?? ""
            second = siteTitle
        } else if site.description != nil, let siteTitle {
            first = siteTitle
            second = site.taglineOrDescription ?? ""
        } else {
            first = page ?? siteTitle
            second = nil
        }
        guard let first else { return }
        output.append(literal: "<title>")
        writePageNumber(into: &output)
        output.append(first)
        if let second {
            output.append(literal: " | ")
            output.append(second)
        }
        output.append(literal: "</title>\n")
    }

    /// The `paginator` variable, read once (the title and the `prev`/`next` links ask for it).
    lazy var paginator: Value = { self.access.variable("paginator") }()

    /// The paginator message ("Page 2 of 5 for ") on a later page of a paginated list.
    private func writePageNumber(into output: inout OutputBuffer) {
        guard paginator.rubyTruthy, case .int(let current) = access.get(paginator, "page"), current > 1 else { return }
        let total = access.get(paginator, "total_pages").rubyString
        for part in site.paginatorMessage {
            switch part {
            case .text(let text): output.append(text)
            case .current: output.append(String(current))
            case .total: output.append(total)
            }
        }
    }

    lazy var description: String? = {
        let given = self.pageValue(.description)
        if given.rubyTruthy { return self.cleaned(given) ?? self.site.description }
        let excerpt = self.pageMethodValue(.excerpt)
        // An excerpt read off its post's converted content is kramdown's paragraphs, which
        // `markdownify` gives back as they are: only their tags are stripped (checking them
        // again, in the filter, was most of the cleaning of a post's excerpt).
        if case .string(let html) = excerpt, let build = self.access.context.jekyll?.build,
           build.isExcerptOfParagraphs(html, page: self.page) {
            let text = SeoCleaning.plainText(ofHTML: html, mayHoldBlocks: false) ?? ""
            return text.isEmpty ? self.site.description : text
        }
        return self.cleaned(excerpt) ?? self.site.description
    }()

    /// `page.url`, read once (the canonical URL and the home-or-about test ask for it).
    lazy var url: Value = { self.pageMethodValue(.url) }()

    lazy var isHomepageOrAbout: Bool = {
        // A switch, not an array of the six made on every page; a post's longer URL is not
        // compared with each of them.
        let url = self.url.rubyString
        guard url.utf8.count <= "/about/index.html".utf8.count else { return false }
        switch url {
        case "/", "/index.html", "/index.htm", "/about/", "/about/index.html", "/about/index.htm": return true
        default: return false
        }
    }()

    /// `page.seo` when it is a hash; most pages have none, and nothing is looked up then.
    lazy var pageSEO: OrderedHash? = {
        if case .hash(let seo) = self.pageValue(.seo) { return seo }
        return nil
    }()

    /// `page.seo.key`.
    private func seoValue(_ key: String) -> Value { pageSEO?[.string(key)] ?? .nil }

    var name: String? {
        if seoValue("name").rubyTruthy, let n = cleaned(seoValue("name")) { return n }
        guard isHomepageOrAbout else { return nil }
        if site.hasSocialName { return site.socialName }
        return site.title
    }

    var pageLang: Value { pageValue(.lang).or(site.lang).or("en_US") }
    var pageLocale: String {
        let locale = pageValue(.locale).or(site.locale).or(pageLang).rubyString
        // Most locales (`en`, `en_US`) have no `-`: not searched for as a string on every page.
        return locale.utf8.contains(UInt8(ascii: "-")) ? locale.replacingAll("-", with: "_") : locale
    }

    lazy var canonicalURL: String = resolvedCanonicalURL()

    private func resolvedCanonicalURL() -> String {
        let given = pageValue(.canonicalURL)
        if !given.rubyString.isEmpty { return given.rubyString }
        if case .string(let path) = self.url, let prefix = site.absoluteURLPrefix, SiteURL.isPlainRootPath(path) {
            return Self.joined(prefix, path)
        }
        let url = access.filter(site.filters.absoluteURL, self.url).rubyString
        return url.hasSuffix("/index.html") ? String(url.dropLast("index.html".count)) : url
    }

    /// `prefix + path` without a final `index.html` after a `/`, made in one string of its
    /// length: joining, then cutting, cost ~1,200 instructions a page. `path` starts with `/`,
    /// so the URL ends in `/index.html` exactly when the path does.
    static func joined(_ prefix: String, _ path: String) -> String {
        var prefix = prefix, path = path
        return prefix.withUTF8 { head in
            path.withUTF8 { tail in
                let index: StaticString = "/index.html"
                let n = index.utf8CodeUnitCount
                let endsInIndex = tail.count >= n && (0..<n).allSatisfy { tail[tail.count - n + $0] == index.utf8Start[$0] }
                let tailCount = endsInIndex ? tail.count - (n - 1) : tail.count
                return String(unsafeUninitializedCapacity: head.count + tailCount) { buffer in
                    let base = buffer.baseAddress!
                    if head.count > 0 { base.update(from: head.baseAddress!, count: head.count) }
                    if tailCount > 0 { (base + head.count).update(from: tail.baseAddress!, count: tailCount) }
                    return head.count + tailCount
                }
            }
        }
    }

    /// The author: `page.author`, the first of `page.authors`, or the site's. Tested one by one,
    /// without a list of them: most pages name neither (~500 instructions a page).
    lazy var author: SeoAuthor = {
        let given = self.pageValue(.author)
        if SeoAuthor.names(given) { return self.site.author(named: given, access: self.access) }
        if case .array(let authors) = self.pageValue(.authors), let first = authors.first, SeoAuthor.names(first) {
            return self.site.author(named: first, access: self.access)
        }
        return self.site.siteAuthor
    }()

    lazy var image: SeoImage? = {
        let given = self.pageValue(.image)
        // Only a path or a hash names an image; most pages give neither.
        switch given {
        case .string, .hash: break
        default: return nil
        }
        let image = SeoImage(given, access: self.access, filters: self.site.filters)
        return image.hasPath ? image : nil
    }()

    /// `date_to_xmlschema` of a value, which fails for one that is no date (jekyll-seo-tag calls
    /// the filter, so Jekyll's build fails there).
    private func xmlschema(_ v: Value) throws -> String? {
        // A page's date is a time, which `date_to_xmlschema` prints in the site's time zone:
        // printed so here, without a call of the filter (~400 instructions a page).
        if case .time = v, let clock = access.context.jekyll?.clock { return DateFilters.xmlschema(v, clock: clock) }
        return v.rubyTruthy ? try access.filterRaising(site.filters.dateToXMLSchema, v).rubyString : nil
    }

    /// `page.date`, read once (the Open Graph type, the dates and the JSON-LD type ask for it).
    lazy var date: Value = { self.pageMethodValue(.date) }()

    /// The published date (printed twice: Open Graph and JSON-LD) and the modified one, usually
    /// the same: formatted once, by `formatDates` at the start of the tag.
    private(set) var datePublished: String?
    private(set) var dateModified: String?

    /// Formats the dates, failing as the filter does for a value that is no date — the published
    /// date first, as jekyll-seo-tag's template prints it before the JSON-LD.
    func formatDates() throws {
        datePublished = try xmlschema(date)
        let given = seoValue("date_modified").or(pageValue(.lastModifiedAt))
        dateModified = given.rubyTruthy ? try xmlschema(given) : datePublished
    }

    lazy var type: Value = {
        let given = self.seoValue("type")
        if given.rubyTruthy { return given }
        if self.isHomepageOrAbout { return "WebSite" }
        return self.date.rubyTruthy ? "BlogPosting" : "WebPage"
    }()

    var links: Value {
        let given = seoValue("links")
        if given.rubyTruthy { return given }
        return isHomepageOrAbout ? access.get(site.social, "links") : .nil
    }
}

/// The page's image: `image` as a path, or a hash with `path` (or `facebook`, `twitter`) and
/// more keys (`height`, `width`, `alt`, …).
struct SeoImage {
    let hash: OrderedHash
    let path: String
    let hasPath: Bool

    /// `given` is the page's `image`.
    init(_ given: Value, access: TemplateAccess, filters: SeoFilters) {
        var hash = OrderedHash([("path", Value.nil)])
        switch given {
        case .hash(let h): hash = hash.merging(h)
        case .string(let s): hash["path"] = .string(s)
        default: break
        }
        self.hash = hash
        let raw = (hash["path"] ?? .nil).or(hash["facebook"] ?? .nil).or(hash["twitter"] ?? .nil)
        hasPath = raw.rubyTruthy
        let absolute = raw.isString && SeoImage.isAbsoluteURL(raw) == false ? access.filter(filters.absoluteURL, raw) : raw
        path = hasPath ? access.filter(filters.uriEscape, absolute).rubyString : ""
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

    /// A field's value: a template value, or the `mainEntityOfPage` object, which is written
    /// without making a hash of it (~2 k instructions a post).
    enum FieldValue {
        case value(Value)
        /// `{"@type": "WebPage", "@id": id}`.
        case webPage(id: String)

        var value: Value {
            switch self {
            case .value(let value): value
            case .webPage(let id): ["@type": "WebPage", "@id": .string(id)]
            }
        }

    }

    /// The keys and values in the order of the keys' bytes (the plugin sorts them), nil values
    /// left out.
    var fields: [(key: String, value: FieldValue)] {
        var fields: [(key: String, value: FieldValue)] = []
        fields.reserveCapacity(13)
        func add(_ key: String, _ value: Value) {
            if !value.isNil { fields.append((key, .value(value))) }
        }
        func add(_ key: String, _ value: String?) {
            if let value { fields.append((key, .value(.string(value)))) }
        }
        add("@context", "https://schema.org")
        add("@type", seo.type)
        add("author", seo.author.jsonLD)
        add("dateModified", seo.dateModified)
        add("datePublished", seo.datePublished)
        add("description", seo.description)
        add("headline", seo.pageTitle)
        add("image", image)
        let type = seo.type.rubyString
        if type == "BlogPosting" || type == "CreativeWork" {
            fields.append(("mainEntityOfPage", .webPage(id: seo.canonicalURL)))
        }
        add("name", seo.name)
        add("publisher", seo.author.publisher)
        add("sameAs", seo.links)
        add("url", seo.canonicalURL)
        // Listed in byte order already (`@` sorts before letters, capitals before lower case).
        assert(fields.map(\.key) == fields.map(\.key).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        return fields
    }

    /// Writes the object as `jsonify` prints it, straight into the output (no list of fields, no
    /// hash): false, with nothing written, when a value holds a drop (which the filter prints).
    func write(into output: inout OutputBuffer) -> Bool {
        let type = seo.type, author = seo.author, image = self.image, links = seo.links
        guard !type.containsDrop, !author.jsonLD.containsDrop, !author.publisher.containsDrop, !image.containsDrop,
              !links.containsDrop else { return false }
        // Each key with the comma before it (`@context` always comes first), in byte order.
        func field(_ keyAndComma: StaticString, _ value: Value) {
            guard !value.isNil else { return }
            output.append(literal: keyAndComma)
            JSON.append(value, to: &output)
        }
        func field(_ keyAndComma: StaticString, _ value: String?) {
            guard let value else { return }
            output.append(literal: keyAndComma)
            JSON.append(.string(value), to: &output)
        }
        output.append(literal: "{\"@context\":\"https://schema.org\"")
        field(",\"@type\":", type)
        if let authorText = author.jsonLDText {
            output.append(literal: ",\"author\":")
            output.append(authorText)
        }
        field(",\"dateModified\":", seo.dateModified)
        field(",\"datePublished\":", seo.datePublished)
        field(",\"description\":", seo.description)
        field(",\"headline\":", seo.pageTitle)
        field(",\"image\":", image)
        let typeName = type.rubyString
        if typeName == "BlogPosting" || typeName == "CreativeWork" {
            output.append(literal: ",\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":")
            JSON.append(.string(seo.canonicalURL), to: &output)
            output.append(literal: "}")
        }
        field(",\"name\":", seo.name)
        field(",\"publisher\":", author.publisher)
        field(",\"sameAs\":", links)
        field(",\"url\":", seo.canonicalURL)
        output.append(literal: "}")
        return true
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
}

/// The page keys jekyll-seo-tag reads on every page.
extension HashedKey {
    static let author = HashedKey("author")
    static let authors = HashedKey("authors")
    static let canonicalURL = HashedKey("canonical_url")
    static let date = HashedKey("date")
    static let description = HashedKey("description")
    static let excerpt = HashedKey("excerpt")
    static let image = HashedKey("image")
    static let lang = HashedKey("lang")
    static let lastModifiedAt = HashedKey("last_modified_at")
    static let locale = HashedKey("locale")
    static let seo = HashedKey("seo")
    static let title = HashedKey("title")
    static let url = HashedKey("url")
}
