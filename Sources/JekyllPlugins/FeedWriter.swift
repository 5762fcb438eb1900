import Jekyll
import Liquid

/// The Atom document jekyll-feed writes, element for element and byte for byte.
struct FeedWriter {
    let scope: RenderScope
    let page: Document

    var site: SiteSnapshot { scope.site }
    var config: Configuration { site.configuration }

    func atom() throws(BuildError) -> String {
        // One byte buffer for the whole feed (each `+=` of joined strings made and copied them).
        var out = OutputBuffer(reservingCapacity: 64 * 1024)
        out.append(literal: "<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        if page.data["xsl"]?.isTruthy == true {
            out.append("<?xml-stylesheet type=\"text/xml\" href=\"" + absolute("/feed.xslt.xml") + "\"?>")
        }
        let lang = config["lang"].flatMap { $0.isTruthy ? $0.rubyString : nil }
        out.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" " + (lang.map { "xml:lang=\"\($0)\"" } ?? "") + ">")
        out.append(literal: "<generator uri=\"https://jekyllrb.com/\" version=\"4.3.1\">Jekyll</generator>")
        out.append("<link href=\"" + absolute(page.url) + "\" rel=\"self\" type=\"application/atom+xml\" />")
        out.append("<link href=\"" + absolute("/") + "\" rel=\"alternate\" type=\"text/html\" "
            + (lang.map { "hreflang=\"\($0)\" " } ?? "") + "/>")
        out.append("<updated>" + DateFilters.xmlschema(site.time) + "</updated>")
        out.append("<id>" + XML.escape(absolute(page.url)) + "</id>")
        out.append(title())
        if let description = Liquidish.present(config["description"]) {
            out.append("<subtitle>" + XML.escape(description.rubyString) + "</subtitle>")
        }
        if let author = Liquidish.present(config["author"]) {
            let name = Liquidish.defaulted(Liquidish.property(author, "name"), author)
            out.append("<author><name>" + XML.escape(name.rubyString) + "</name>")
            if let email = Liquidish.present(Liquidish.property(author, "email")) {
                out.append("<email>" + XML.escape(email.rubyString) + "</email>")
            }
            if let uri = Liquidish.present(Liquidish.property(author, "uri")) {
                out.append("<uri>" + XML.escape(uri.rubyString) + "</uri>")
            }
            out.append(literal: "</author>")
        }
        for id in posts() { try entry(id, into: &out) }
        out.append(literal: "</feed>")
        return out.string
    }

    func absolute(_ url: String) -> String { SiteURL.absolute(url, config) }

    func title() -> String {
        var title = Liquidish.defaulted(config["title"] ?? .nil, config["name"] ?? .nil)
        if page.data["collection"] != .string("posts") {
            let collection = Liquidish.capitalize(page.data["collection"]?.rubyString ?? "")
            title = .string(title.rubyString + " | " + collection)
        }
        if let category = Liquidish.present(page.data["category"]) {
            title = .string(title.rubyString + " | " + Liquidish.capitalize(category.rubyString))
        }
        guard title.isTruthy else { return "" }
        return "<title type=\"html\">" + XML.escape(scope.smartify(title.rubyString)) + "</title>"
    }

    /// The posts of the feed, newest first, at most `feed.posts_limit` (10).
    func posts() -> [Int] {
        var ids: [Int]
        if let tag = Liquidish.present(page.data["tags"]) {
            scope.noteRead(.tags)
            ids = site.postsTagged(tag)
        } else {
            let collection = page.data["collection"]?.rubyString ?? "posts"
            scope.noteRead(collection == "posts" ? .posts : .collection(collection))
            ids = collection == "posts" ? site.postsNewestFirst : (site.collection(collection)?.documentIDs ?? [])
        }
        // Filtering and sorting read every candidate's categories, draft flag and date.
        for id in ids { scope.noteFieldsRead(of: id) }
        if let category = Liquidish.present(page.data["category"]) {
            ids = ids.filter { id in
                Liquidish.whereMatches(site.documents[id].data["categories"] ?? .nil, category.rubyString)
            }
        }
        if !config.showDrafts {
            ids = ids.filter { site.documents[$0].data["draft"] != .bool(true) }
        }
        ids = ids.stableSorted { a, b in
            guard let x = site.documents[a].date, let y = site.documents[b].date else { return false }
            return x.seconds != y.seconds ? x.seconds < y.seconds : x.nanoseconds < y.nanoseconds
        }.reversed()
        let feed = config["feed"]?.orderedHash ?? OrderedHash()
        var limit = 10
        if let l = Liquidish.present(feed["posts_limit"]) {
            if case .int(let i) = l { limit = i } else if let i = Int(l.rubyString) { limit = i }
        }
        return Array(ids.prefix(max(0, limit)))
    }

    func entry(_ id: Int, into out: inout OutputBuffer) throws(BuildError) {
        let post = site.documents[id]
        let data = post.data
        out.append(literal: "<entry")
        if let lang = Liquidish.present(data["lang"]) {
            out.append(literal: " xml:lang=\"")
            out.append(lang.rubyString)
            out.append(literal: "\"")
        }
        out.append(literal: ">")
        let title = XML.escape(Liquidish.normalizeWhitespace(Liquidish.stripHTML(
            scope.smartify((data["title"] ?? .nil).rubyString))))
        let url = absolute(post.url)
        out.append(literal: "<title type=\"html\">")
        out.append(title)
        out.append(literal: "</title><link href=\"")
        out.append(url)
        out.append(literal: "\" rel=\"alternate\" type=\"text/html\" title=\"")
        out.append(title)
        out.append(literal: "\" /><published>")
        let published = post.date.map(DateFilters.xmlschema) ?? ""
        out.append(published)
        out.append(literal: "</published>")
        var updated = published
        // `post.last_modified_at | default: post.date | date_to_xmlschema`.
        let modified = Liquidish.defaulted(post.value("last_modified_at") ?? .nil, .nil)
        if modified.isTruthy { updated = try LastModified.xmlschema(modified, of: post, in: page, site: site) }
        out.append(literal: "<updated>")
        out.append(updated)
        out.append(literal: "</updated><id>")
        out.append(XML.escape(absolute(post.id)))
        out.append(literal: "</id>")
        let feed = config["feed"]?.orderedHash ?? OrderedHash()
        let excerptOnly = Liquidish.defaulted(Liquidish.property(data["feed"] ?? .nil, "excerpt_only"),
                                              feed["excerpt_only"] ?? .nil)
        if !excerptOnly.isTruthy {
            out.append(literal: "<content type=\"html\" xml:base=\"")
            out.append(XML.escape(url))
            out.append(literal: "\"><![CDATA[")
            out.append(scope.content(of: id).rubyStripped)
            out.append(literal: "]]></content>")
        }
        out.append(author(of: data))
        func category(_ term: Value) {
            out.append(literal: "<category term=\"")
            out.append(XML.escape(term.rubyString))
            out.append(literal: "\" />")
        }
        if let categoryValue = Liquidish.present(data["category"]) {
            category(categoryValue)
        } else if let categories = data["categories"], categories.isTruthy {
            for c in categories.arrayValue ?? [categories] { category(c) }
        }
        for tag in data["tags"]?.arrayValue ?? [] { category(tag) }
        let summary: Value
        if let description = Liquidish.present(data["description"]) {
            summary = description
        } else {
            summary = .string(try scope.excerpt(of: id))
        }
        if summary.isTruthy, !summary.isEmptyCollection {
            out.append(literal: "<summary type=\"html\"><![CDATA[")
            out.append(Liquidish.normalizeWhitespace(Liquidish.stripHTML(summary.rubyString)))
            out.append(literal: "]]></summary>")
        }
        let image = Liquidish.defaulted(Liquidish.property(data["image"] ?? .nil, "path"), data["image"] ?? .nil)
        if image.isTruthy {
            var imageURL = image.rubyString
            if !imageURL.contains("://") { imageURL = absolute(imageURL) }
            out.append("<media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"" + XML.escape(imageURL) + "\" />")
            out.append("<media:content medium=\"image\" url=\"" + XML.escape(imageURL)
                + "\" xmlns:media=\"http://search.yahoo.com/mrss/\" />")
        }
        out.append(literal: "</entry>")
    }

    func author(of data: OrderedHash) -> String {
        let firstAuthor = Liquidish.property(data["authors"] ?? .nil, 0)
        var author = Liquidish.defaulted(data["author"] ?? .nil, Liquidish.defaulted(firstAuthor, config["author"] ?? .nil))
        scope.noteRead(.data)
        let authors = Liquidish.property(site.data, "authors")
        author = Liquidish.defaulted(Liquidish.property(authors, author), author)
        let email = Liquidish.present(Liquidish.property(author, "email"))
        let uri = Liquidish.present(Liquidish.property(author, "uri"))
        let name = Liquidish.defaulted(Liquidish.defaulted(Liquidish.property(author, "name"), author), .string(""))
        var out = "<author><name>" + XML.escape(name.rubyString) + "</name>"
        if let email { out += "<email>" + XML.escape(email.rubyString) + "</email>" }
        if let uri { out += "<uri>" + XML.escape(uri.rubyString) + "</uri>" }
        return out + "</author>"
    }
}
