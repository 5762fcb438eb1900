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

    /// How a `<meta>` element names what it holds.
    enum MetaAttribute { case name, property }
    let showsTitle: Bool

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let access = TemplateAccess(context: context)
        let seo = SeoFields(access)
        try seo.formatDates()
        let page = seo.page, site = seo.site
        // Written straight into the output, one element a line (no list of lines joined).
        output.append(literal: "<!-- Begin Jekyll SEO tag v2.8.0 -->\n")
        if showsTitle { seo.writeTitle(into: &output) }
        // Every element from the generator's `<meta>` to the JSON-LD's `<script>` ends in `" />`
        // and a line break: each is written with the end of the one before it, one append of
        // text written in the program (~65 instructions) less a line.
        /// A `<meta>` whose opening up to its content's quote is written in the program, after
        /// the end of the element before it.
        func meta(_ endAndOpening: StaticString, _ content: String) {
            output.append(literal: endAndOpening)
            output.append(content)
        }
        func meta(_ attribute: MetaAttribute, _ name: String, _ content: String) {
            output.append(literal: attribute == .name ? "\" />\n<meta name=\"" : "\" />\n<meta property=\"")
            output.append(name)
            output.append(literal: "\" content=\"")
            output.append(content)
        }
        func text(_ v: Value) -> String { v.outputString }

        output.append(literal: "<meta name=\"generator\" content=\"")
        output.append(site.generator)
        if let pageTitle = seo.pageTitle { meta("\" />\n<meta property=\"og:title\" content=\"", pageTitle) }
        let author = seo.author
        if author.name.isTruthy { meta("\" />\n<meta name=\"author\" content=\"", text(author.name)) }
        meta("\" />\n<meta property=\"og:locale\" content=\"", seo.pageLocale)
        if let description = seo.description {
            meta("\" />\n<meta name=\"description\" content=\"", description)
            meta("\" />\n<meta property=\"og:description\" content=\"", description)
        }
        if site.hasURL {
            meta("\" />\n<link rel=\"canonical\" href=\"", seo.canonicalURL)
            meta("\" />\n<meta property=\"og:url\" content=\"", seo.canonicalURL)
        }
        if let siteTitle = site.title { meta("\" />\n<meta property=\"og:site_name\" content=\"", siteTitle) }
        let image = seo.image
        if let image {
            meta(.property, "og:image", image.path)
            for key in ["height", "width", "alt"] where image.field(key).isTruthy {
                meta(.property, "og:image:\(key)", text(image.field(key)))
            }
        }
        if seo.date.isTruthy {
            meta("\" />\n<meta property=\"og:type\" content=\"article\" />\n<meta property=\"article:published_time\" content=\"",
                 seo.datePublished ?? "")
        } else {
            output.append(literal: "\" />\n<meta property=\"og:type\" content=\"website")
        }
        let paginator = seo.paginator
        if !paginator.isNil {
            for (rel, key) in [("prev", "previous_page"), ("next", "next_page")] where access.get(paginator, key).isTruthy {
                let href = access.filter(site.filters.absoluteURL, access.get(paginator, key + "_path"))
                output.append("\" />\n<link rel=\"\(rel)\" href=\"\(text(href))")
            }
        }
        if let image {
            let card = Liquidish.defaulted(Liquidish.defaulted(access.get(page, path: "twitter.card"), site.twitterCard),
                                           "summary_large_image")
            meta(.name, "twitter:card", text(card))
            meta(.property, "twitter:image", image.path)
        } else {
            output.append(literal: "\" />\n<meta name=\"twitter:card\" content=\"summary")
        }
        if let alt = image?.field("alt"), alt.isTruthy { meta(.name, "twitter:image:alt", text(alt)) }
        if let pageTitle = seo.pageTitle { meta("\" />\n<meta property=\"twitter:title\" content=\"", pageTitle) }
        if let twitterSite = site.twitterSite {
            meta(.name, "twitter:site", twitterSite)
            if author.twitter.isTruthy {
                meta(.name, "twitter:creator", "@" + text(access.filter(site.filters.remove, author.twitter, "@")))
            }
        }
        for closing in site.closingMetas { meta(closing.attribute, closing.name, closing.content) }
        output.append(literal: "\" />\n<script type=\"application/ld+json\">\n")
        let jsonLD = SeoJSONLD(seo)
        // Front matter and data hold no drops, so `jsonify` would print the object as it is:
        // written straight into the output, key by key, without a hash or the filter's own string.
        if !jsonLD.write(into: &output) {
            let fields = jsonLD.fields
            var hash = OrderedHash(minimumCapacity: fields.count)
            for (key, value) in fields { hash[key] = value.value }
            output.append(text(access.filter(site.filters.jsonify, .hash(hash))))
        }
        output.append(literal: "</script>\n<!-- End Jekyll SEO tag -->\n")
    }
}
