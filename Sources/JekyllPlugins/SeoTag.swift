import Jekyll
import Liquid

/// jekyll-seo-tag: `{% seo %}` prints the page's title, description, canonical URL, Open Graph
/// and Twitter metadata and a JSON-LD block, one element a line, as the plugin's minified template
/// prints them. `{% seo title=false %}` leaves out the `<title>`.
public struct SeoTagPlugin: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-seo-tag" }

    public func register(in environment: inout LiquidEnvironment, configuration: Configuration) {
        environment.register(tag: "seo", SeoTag.Parser())
    }
}

struct SeoTag: TagNode {
    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            SeoTag(showsTitle: tag.markup.range(of: "title=false", options: .caseInsensitive) == nil)
        }
    }

    static let version = "2.8.0"
    /// How a `<meta>` element names what it holds.
    enum MetaAttribute { case name, property }
    let showsTitle: Bool

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let access = TemplateAccess(context: context)
        let seo = SeoFields(access)
        let page = seo.page, site = seo.site
        // Written straight into the output, one element a line (no list of lines joined).
        output.append("<!-- Begin Jekyll SEO tag v\(SeoTag.version) -->\n")
        func line(_ text: String) {
            output.append(text)
            output.append("\n")
        }
        func meta(_ attribute: MetaAttribute, _ name: String, _ content: String) {
            output.append(literal: attribute == .name ? "<meta name=\"" : "<meta property=\"")
            output.append(name)
            output.append(literal: "\" content=\"")
            output.append(content)
            output.append(literal: "\" />\n")
        }
        func text(_ v: Value) -> String { v.outputString }

        if showsTitle, let title = seo.title {
            output.append(literal: "<title>")
            output.append(title)
            output.append(literal: "</title>\n")
        }
        meta(.name, "generator", "Jekyll v" + text(access.get(access.variable("jekyll"), "version")))
        if let pageTitle = seo.pageTitle { meta(.property, "og:title", pageTitle) }
        let author = seo.author
        if access.get(author, "name").isTruthy { meta(.name, "author", text(access.get(author, "name"))) }
        meta(.property, "og:locale", seo.pageLocale)
        if let description = seo.description {
            meta(.name, "description", description)
            meta(.property, "og:description", description)
        }
        if access.get(site, "url").isTruthy {
            output.append(literal: "<link rel=\"canonical\" href=\"")
            output.append(seo.canonicalURL)
            output.append(literal: "\" />\n")
            meta(.property, "og:url", seo.canonicalURL)
        }
        if let siteTitle = seo.siteTitle { meta(.property, "og:site_name", siteTitle) }
        let image = seo.image
        if let image {
            meta(.property, "og:image", image.path)
            for key in ["height", "width", "alt"] where image.field(key).isTruthy {
                meta(.property, "og:image:\(key)", text(image.field(key)))
            }
        }
        if access.get(page, "date").isTruthy {
            meta(.property, "og:type", "article")
            meta(.property, "article:published_time", seo.datePublished ?? "")
        } else {
            meta(.property, "og:type", "website")
        }
        let paginator = access.variable("paginator")
        for (rel, key) in [("prev", "previous_page"), ("next", "next_page")] where access.get(paginator, key).isTruthy {
            let href = access.filter("absolute_url", access.get(paginator, key + "_path"))
            line("<link rel=\"\(rel)\" href=\"\(text(href))\" />")
        }
        if let image {
            let card = Liquidish.defaulted(Liquidish.defaulted(access.get(page, path: "twitter.card"),
                                                               access.get(site, path: "twitter.card")),
                                           "summary_large_image")
            meta(.name, "twitter:card", text(card))
            meta(.property, "twitter:image", image.path)
        } else {
            meta(.name, "twitter:card", "summary")
        }
        if let alt = image?.field("alt"), alt.isTruthy { meta(.name, "twitter:image:alt", text(alt)) }
        if let pageTitle = seo.pageTitle { meta(.property, "twitter:title", pageTitle) }
        appendSocial(seo: seo, meta: meta)
        output.append("<script type=\"application/ld+json\">\n")
        let fields = SeoJSONLD(seo).fields
        // Front matter and data hold no drops, so `jsonify` would print the object as it is:
        // written straight into the output, key by key, without a hash or the filter's own string.
        if fields.contains(where: { $0.value.containsDrop }) {
            var hash = OrderedHash(minimumCapacity: fields.count)
            for (key, value) in fields { hash[key] = value }
            output.append(text(access.filter("jsonify", .hash(hash))))
        } else {
            output.append(literal: "{")
            for (i, field) in fields.enumerated() {
                if i > 0 { output.append(literal: ",") }
                // The keys are ASCII with nothing to escape.
                output.append(literal: "\"")
                output.append(field.key)
                output.append(literal: "\":")
                JSON.append(field.value, to: &output)
            }
            output.append(literal: "}")
        }
        output.append("</script>\n<!-- End Jekyll SEO tag -->\n")
    }

    /// Twitter, Facebook and the webmaster verification codes.
    private func appendSocial(seo: SeoFields, meta: (MetaAttribute, String, String) -> Void) {
        let access = seo.access, site = seo.site
        func text(_ v: Value) -> String { v.outputString }
        if access.get(site, "twitter").isTruthy {
            let username = access.filter("remove", access.get(site, path: "twitter.username"), "@")
            meta(.name, "twitter:site", "@" + text(username))
            let creator = seo.authorTwitter
            if creator.isTruthy { meta(.name, "twitter:creator", "@" + text(access.filter("remove", creator, "@"))) }
        }
        let facebook = access.get(site, "facebook")
        if facebook.isTruthy {
            for (key, attribute) in [("admins", "fb:admins"), ("publisher", "article:publisher"), ("app_id", "fb:app_id")] {
                let v = access.get(facebook, key)
                if v.isTruthy { meta(.property, attribute, text(v)) }
            }
        }
        let verifications = access.get(site, "webmaster_verifications")
        if verifications.isTruthy {
            for (key, name) in [("google", "google-site-verification"), ("bing", "msvalidate.01"),
                                ("alexa", "alexaVerifyID"), ("yandex", "yandex-verification"),
                                ("baidu", "baidu-site-verification"), ("facebook", "facebook-domain-verification")] {
                let v = access.get(verifications, key)
                if v.isTruthy { meta(.name, name, text(v)) }
            }
        } else {
            let google = access.get(site, "google_site_verification")
            if google.isTruthy { meta(.name, "google-site-verification", text(google)) }
        }
    }
}
