import Jekyll
import Liquid

/// The Atom document jekyll-feed writes, element for element and byte for byte.
struct FeedWriter {
    let scope: RenderScope
    let page: Document

    var site: SiteSnapshot { scope.site }
    var config: Configuration { site.configuration }

    func atom() throws(BuildError) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        if page.data["xsl"]?.isTruthy == true {
            out += "<?xml-stylesheet type=\"text/xml\" href=\"" + absolute("/feed.xslt.xml") + "\"?>"
        }
        let lang = config["lang"].flatMap { $0.isTruthy ? $0.rubyString : nil }
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" " + (lang.map { "xml:lang=\"\($0)\"" } ?? "") + ">"
        out += "<generator uri=\"https://jekyllrb.com/\" version=\"4.3.1\">Jekyll</generator>"
        out += "<link href=\"" + absolute(page.url) + "\" rel=\"self\" type=\"application/atom+xml\" />"
        out += "<link href=\"" + absolute("/") + "\" rel=\"alternate\" type=\"text/html\" "
            + (lang.map { "hreflang=\"\($0)\" " } ?? "") + "/>"
        out += "<updated>" + DateFilters.xmlschema(site.time) + "</updated>"
        out += "<id>" + XML.escape(absolute(page.url)) + "</id>"
        out += title()
        if let description = Liquidish.present(config["description"]) {
            out += "<subtitle>" + XML.escape(description.rubyString) + "</subtitle>"
        }
        if let author = Liquidish.present(config["author"]) {
            let name = Liquidish.defaulted(Liquidish.property(author, "name"), author)
            out += "<author><name>" + XML.escape(name.rubyString) + "</name>"
            if let email = Liquidish.present(Liquidish.property(author, "email")) {
                out += "<email>" + XML.escape(email.rubyString) + "</email>"
            }
            if let uri = Liquidish.present(Liquidish.property(author, "uri")) {
                out += "<uri>" + XML.escape(uri.rubyString) + "</uri>"
            }
            out += "</author>"
        }
        for id in posts() { out += try entry(id) }
        return out + "</feed>"
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

    func entry(_ id: Int) throws(BuildError) -> String {
        let post = site.documents[id]
        let data = post.data
        var out = "<entry"
        if let lang = Liquidish.present(data["lang"]) { out += " xml:lang=\"" + lang.rubyString + "\"" }
        out += ">"
        let title = XML.escape(Liquidish.normalizeWhitespace(Liquidish.stripHTML(
            scope.smartify((data["title"] ?? .nil).rubyString))))
        let url = absolute(post.url)
        out += "<title type=\"html\">" + title + "</title>"
        out += "<link href=\"" + url + "\" rel=\"alternate\" type=\"text/html\" title=\"" + title + "\" />"
        let published = post.date.map(DateFilters.xmlschema) ?? ""
        out += "<published>" + published + "</published>"
        var updated = published
        if let modified = Liquidish.present(data["last_modified_at"]),
           let t = DateParsing.time(from: modified, clock: site.clock) {
            updated = DateFilters.xmlschema(t)
        }
        out += "<updated>" + updated + "</updated>"
        out += "<id>" + XML.escape(absolute(post.id)) + "</id>"
        let feed = config["feed"]?.orderedHash ?? OrderedHash()
        let excerptOnly = Liquidish.defaulted(Liquidish.property(data["feed"] ?? .nil, "excerpt_only"),
                                              feed["excerpt_only"] ?? .nil)
        if !excerptOnly.isTruthy {
            out += "<content type=\"html\" xml:base=\"" + XML.escape(url) + "\"><![CDATA["
                + Liquidish.strip(scope.content(of: id)) + "]]></content>"
        }
        out += author(of: data)
        if let category = Liquidish.present(data["category"]) {
            out += "<category term=\"" + XML.escape(category.rubyString) + "\" />"
        } else if let categories = data["categories"], categories.isTruthy {
            for c in categories.arrayValue ?? [categories] { out += "<category term=\"" + XML.escape(c.rubyString) + "\" />" }
        }
        for tag in data["tags"]?.arrayValue ?? [] { out += "<category term=\"" + XML.escape(tag.rubyString) + "\" />" }
        let summary: Value
        if let description = Liquidish.present(data["description"]) {
            summary = description
        } else {
            summary = .string(try scope.excerpt(of: id))
        }
        if summary.isTruthy, !summary.isEmptyCollection {
            out += "<summary type=\"html\"><![CDATA[" + Liquidish.normalizeWhitespace(Liquidish.stripHTML(summary.rubyString))
                + "]]></summary>"
        }
        let image = Liquidish.defaulted(Liquidish.property(data["image"] ?? .nil, "path"), data["image"] ?? .nil)
        if image.isTruthy {
            var imageURL = image.rubyString
            if !imageURL.contains("://") { imageURL = absolute(imageURL) }
            out += "<media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"" + XML.escape(imageURL) + "\" />"
            out += "<media:content medium=\"image\" url=\"" + XML.escape(imageURL)
                + "\" xmlns:media=\"http://search.yahoo.com/mrss/\" />"
        }
        return out + "</entry>"
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
