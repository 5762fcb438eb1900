import Jekyll
import Liquid

/// What `{% seo %}` derives from the site alone: the generator, the cleaned site title,
/// description and tagline, the language, Twitter, Facebook and verification settings, the
/// logo, the social profile and the site's author. The plugin reads the site's own payload
/// (never a page's variable), so all of it is the same on every page of a build: where the build
/// keeps such values (`BuildContext.siteDerived`) it is made once and shared, fully worked out
/// first; otherwise each render makes its own, whose cleaned texts are made only when asked for
/// (as the plugin's drop does, so `markdownify` logs what it logs when the plugin would call it).
final class SeoSite: @unchecked Sendable {
    let filters: SeoFilters
    /// `Jekyll v…`.
    let generator: String
    let hasURL: Bool
    let lang: Value
    let locale: Value
    /// `site.twitter.card`.
    let twitterCard: Value
    /// `twitter:site`'s content (`@name`), when the site has `twitter`.
    let twitterSite: String?
    /// The Facebook and verification `<meta>`s, which follow the page's `twitter:creator`.
    let closingMetas: [(attribute: SeoTag.MetaAttribute, name: String, content: String)]
    /// `site.social` when it is a hash, else an empty one.
    let social: Value
    /// Whether `site.social.name` is there (the home page's name then is `socialName`, even nil).
    let hasSocialName: Bool
    /// `publisher.logo.url` of the JSON-LD.
    let logo: String?
    /// `site.seo_paginator_message` or the plugin's, cut where the page numbers go.
    let paginatorMessage: [PaginatorMessagePart]
    /// What `absolute_url` puts before a plain path from the root, when it puts the same before
    /// each (`SiteURL.absolutePrefix`): a page's canonical URL is then made without the filter.
    let absoluteURLPrefix: String?

    /// What the cleaned texts are made with, until they are made.
    private var access: TemplateAccess?
    private let site: Value
    /// The authors pages name (`author: bob`), each resolved once, when this value is shared.
    private var namedAuthors: Locked<[String: SeoAuthor]>?

    init(_ access: TemplateAccess, site: Value) {
        self.access = access
        self.site = site
        let filters = SeoFilters(access.context.environment)
        self.filters = filters
        func value(_ key: String) -> Value { access.get(site, key) }
        generator = "Jekyll v" + access.get(access.variable("jekyll"), "version").outputString
        hasURL = value("url").isTruthy
        lang = value("lang")
        locale = value("locale")
        twitterCard = access.get(site, path: "twitter.card")
        if value("twitter").isTruthy {
            let username = access.filter(filters.remove, access.get(site, path: "twitter.username"), "@")
            twitterSite = "@" + username.outputString
        } else {
            twitterSite = nil
        }
        let configuration = access.context.jekyll?.site.configuration
        absoluteURLPrefix = configuration.flatMap { SiteURL.absolutePrefix(url: $0.url, baseurl: $0.baseurl) }
        closingMetas = Self.closingMetas(access, site: site)
        social = value("social").isHash ? value("social") : .hash(OrderedHash())
        hasSocialName = access.get(social, "name").rubyTruthy
        paginatorMessage = PaginatorMessagePart.parts(of: value("seo_paginator_message").rubyTruthy
            ? value("seo_paginator_message").rubyString : "Page %<current>s of %<total>s for ")
        let logoValue = value("logo")
        if logoValue.rubyTruthy {
            let absolute = SeoImage.isAbsoluteURL(logoValue) == true ? logoValue : access.filter(filters.absoluteURL, logoValue)
            logo = access.filter(filters.uriEscape, absolute).rubyString
        } else {
            logo = nil
        }
    }

    /// The build's, made once, when the build keeps such values and `site` is the build's own;
    /// else one for this render.
    static func forRender(_ access: TemplateAccess, site: Value) -> SeoSite {
        guard let build = access.context.jekyll?.build, let shared = build.siteDerived, build.isSiteDrop(site) else {
            return SeoSite(access, site: site)
        }
        return shared.value(SeoSite.self) {
            let made = SeoSite(access, site: site)
            made.resolveAll()
            return made
        }
    }

    /// Makes every cleaned text, and lets go of the render it was made in: from here on the
    /// value is only read, by any number of renders at once.
    private func resolveAll() {
        _ = title
        _ = description
        _ = taglineOrDescription
        _ = socialName
        _ = authors
        _ = siteAuthor
        access = nil
        namedAuthors = Locked([:])
    }

    /// The render the lazy values below are made in: set until `resolveAll` has made them all.
    private var render: TemplateAccess { access! }

    private func cleaned(_ value: Value) -> String? { SeoCleaning.cleaned(value, access: render, filters: filters) }

    private(set) lazy var title: String? = cleaned(render.get(site, "title").or(render.get(site, "name")))
    private(set) lazy var description: String? = cleaned(render.get(site, "description"))
    private(set) lazy var taglineOrDescription: String? = cleaned(render.get(site, "tagline")) ?? description
    /// `site.social.name`, cleaned, when it is there.
    private(set) lazy var socialName: String? = hasSocialName ? cleaned(render.get(social, "name")) : nil
    /// `site.data.authors`, read only when an author is a name (reading `site.data` makes a page
    /// depend on every data file in builds that record what pages read).
    private(set) lazy var authors: Value = render.get(render.get(site, "data"), "authors")
    /// The author of a page that names none: `site.author`, resolved.
    private(set) lazy var siteAuthor = SeoAuthor(resolving: [render.get(site, "author")], authors: self.authors,
                                                 access: render, logo: logo)

    /// The author a page's `author` or first of `authors` names (`SeoAuthor.names`).
    func author(named found: Value, access: TemplateAccess) -> SeoAuthor {
        guard let namedAuthors, case .string(let name) = found else {
            return SeoAuthor(resolving: [found], authors: authors, access: access, logo: logo)
        }
        if let known = namedAuthors.withLock({ $0[name] }) { return known }
        let made = SeoAuthor(resolving: [found], authors: authors, access: access, logo: logo)
        namedAuthors.withLock { $0[name] = $0[name] ?? made }
        return made
    }

    private static func closingMetas(_ access: TemplateAccess, site: Value) -> [(attribute: SeoTag.MetaAttribute, name: String, content: String)] {
        var metas: [(attribute: SeoTag.MetaAttribute, name: String, content: String)] = []
        let facebook = access.get(site, "facebook")
        if facebook.isTruthy {
            for (key, attribute) in [("admins", "fb:admins"), ("publisher", "article:publisher"), ("app_id", "fb:app_id")] {
                let v = access.get(facebook, key)
                if v.isTruthy { metas.append((.property, attribute, v.outputString)) }
            }
        }
        let verifications = access.get(site, "webmaster_verifications")
        if verifications.isTruthy {
            for (key, name) in [("google", "google-site-verification"), ("bing", "msvalidate.01"),
                                ("alexa", "alexaVerifyID"), ("yandex", "yandex-verification"),
                                ("baidu", "baidu-site-verification"), ("facebook", "facebook-domain-verification")] {
                let v = access.get(verifications, key)
                if v.isTruthy { metas.append((.name, name, v.outputString)) }
            }
        } else {
            let google = access.get(site, "google_site_verification")
            if google.isTruthy { metas.append((.name, "google-site-verification", google.outputString)) }
        }
        return metas
    }
}

/// A piece of the paginator message: text, or where the current page's number or the number of
/// pages goes, as Ruby's `format` with `current:` and `total:` reads it (`%<current>s` or
/// `%{current}`, the same for `total`, and `%%` for a percent sign; other `%` sequences are kept
/// as text). Cut once a build: replacing the numbers on each later page made four strings.
enum PaginatorMessagePart: Equatable, Sendable {
    case text(String)
    case current
    case total

    static func parts(of message: String) -> [PaginatorMessagePart] {
        let bytes = Array(message.utf8)
        let names: [(directive: [UInt8], part: PaginatorMessagePart)] = [
            (Array("%<current>s".utf8), .current), (Array("%{current}".utf8), .current),
            (Array("%<total>s".utf8), .total), (Array("%{total}".utf8), .total),
        ]
        var parts: [PaginatorMessagePart] = []
        var text: [UInt8] = []
        var i = 0
        scan: while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                if bytes[(i + 1)...].first == UInt8(ascii: "%") {
                    text.append(UInt8(ascii: "%"))
                    i += 2
                    continue
                }
                for (directive, part) in names where bytes[i...].starts(with: directive) {
                    if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
                    text.removeAll()
                    parts.append(part)
                    i += directive.count
                    continue scan
                }
            }
            text.append(bytes[i])
            i += 1
        }
        if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
        return parts
    }
}

/// Jekyll's filters the tag calls, looked up by name once.
/// A class: the tag reads them many times a page, and a copy of a struct of nine references
/// retained each.
final class SeoFilters: Sendable {
    let markdownify, stripHTML, normalizeWhitespace, escapeOnce: FilterDefinition?
    let absoluteURL, uriEscape, dateToXMLSchema, remove, jsonify: FilterDefinition?

    init(_ environment: LiquidEnvironment) {
        let filters = environment.filters
        markdownify = filters["markdownify"]
        stripHTML = filters["strip_html"]
        normalizeWhitespace = filters["normalize_whitespace"]
        escapeOnce = filters["escape_once"]
        absoluteURL = filters["absolute_url"]
        uriEscape = filters["uri_escape"]
        dateToXMLSchema = filters["date_to_xmlschema"]
        remove = filters["remove"]
        jsonify = filters["jsonify"]
    }
}

/// The page's author (`page.author`, the first of `page.authors`, or `site.author`) as the
/// plugin's author drop sees it, and what the tag prints of it. A class: it is read several times
/// a page, and a copy of five values retained each of them.
final class SeoAuthor: Sendable {
    /// The author as a hash (a name gets the matching entry of `site.data.authors` merged in).
    let hash: Value
    let name: Value
    /// `twitter:creator` without its `@`, or nil.
    let twitter: Value
    /// The JSON-LD's `author`, or nil.
    let jsonLD: Value
    /// `jsonLD` as the JSON-LD prints it, when it is there and holds no drop: made once for the
    /// site's author, which most pages share (printing its hash again was ~1,300 instructions a
    /// page).
    let jsonLDText: String?
    /// The JSON-LD's `publisher` (the site's logo and the author's name), or nil.
    let publisher: Value

    /// Whether a source names an author: Ruby's `!x.to_s.empty?`, without printing a hash or
    /// an array to see that it is not empty.
    static func names(_ source: Value) -> Bool {
        switch source {
        case .hash, .array, .drop: return true
        default: return !source.rubyString.isEmpty
        }
    }

    /// The first of `sources` that names an author.
    init(resolving sources: [Value], authors: @autoclosure () -> Value, access: TemplateAccess, logo: String?) {
        let found = sources.first(where: Self.names)
        var hash = Value.hash(OrderedHash())
        switch found {
        case .hash?: hash = found!
        case .string(let name)?:
            var h = OrderedHash([("name", Value.string(name))])
            let authors = authors()
            if authors.isHash, case .hash(let extra) = access.get(authors, name) { h = h.merging(extra) }
            hash = .hash(h)
        default: break
        }
        self.hash = hash
        name = access.get(hash, "name")
        let twitter = access.get(hash, "twitter").or(name)
        if case .string(let s) = twitter {
            self.twitter = .string(s.hasPrefix("@") ? String(s.dropFirst()) : s)
        } else {
            self.twitter = .nil
        }
        jsonLD = Self.jsonLD(hash: hash, name: name, access: access)
        jsonLDText = jsonLD.isNil || jsonLD.containsDrop ? nil : JSON.string(jsonLD)
        if let logo {
            let logoHash: Value = ["@type": "ImageObject", "url": .string(logo)]
            var h = OrderedHash([("@type", Value.string("Organization")), ("logo", logoHash)])
            if name.rubyTruthy { h["name"] = name }
            publisher = .hash(h)
        } else {
            publisher = .nil
        }
    }

    private static func jsonLD(hash: Value, name: Value, access: TemplateAccess) -> Value {
        guard name.rubyTruthy else { return .nil }
        let type = access.get(hash, "type")
        if type.rubyTruthy && !["Organization", "Person"].contains(type.rubyString) { return .nil }
        var h = OrderedHash([("@type", type.rubyTruthy ? type : "Person"), ("name", name)])
        let url = access.get(hash, "url")
        if url.rubyTruthy { h["url"] = url }
        return .hash(h)
    }
}
