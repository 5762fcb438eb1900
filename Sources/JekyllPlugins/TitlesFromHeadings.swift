import Foundation
import Jekyll
import Liquid

/// jekyll-titles-from-headings: a Markdown page without a title takes the text of its first
/// heading when the content starts with one (`# Title`, `Title` over `===`/`---`), with the
/// markup stripped. `titles_from_headings: strip_title: true` also removes the heading from the
/// content; `collections: true` does the same for collection items (whose title is otherwise
/// made from their file name).
public struct TitlesFromHeadings: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-titles-from-headings" }
    public var priority: PluginPriority { .lowest }

    /// Leading blank space, then an ATX heading of one to three `#`, or a line over a Setext
    /// underline; the heading is the rest of its line.
    static let heading = try! NSRegularExpression(
        pattern: #"\A\s*(?:#{1,3}\s+(.*)(?:\s+#{1,3})?|(.*)\r?\n[-=]+\s*)$"#, options: [.anchorsMatchLines])

    /// With `collections: true` it reads (and may change) items' bodies.
    public func generateReadsItemBodies(_ configuration: Configuration) -> Bool {
        let options = configuration["titles_from_headings"]?.orderedHash ?? OrderedHash()
        return options["enabled"] != .bool(false) && options["collections"] == .bool(true)
    }

    public func generate(_ site: inout Site) throws(BuildError) {
        let options = site.configuration["titles_from_headings"]?.orderedHash ?? OrderedHash()
        if options["enabled"] == .bool(false) { return }
        let stripDefault = options["strip_title"] == .bool(true)
        for i in site.pages.indices {
            try retitle(&site.pages[i], isItem: false, stripDefault: stripDefault, site: site)
        }
        guard options["collections"] == .bool(true) else { return }
        for c in site.collections.indices where site.collections[c].info.writesOutput {
            for d in site.collections[c].docs.indices where Publication.isWritten(site.collections[c].docs[d], in: site) {
                try retitle(&site.collections[c].docs[d], isItem: true, stripDefault: stripDefault, site: site)
            }
        }
    }

    func retitle(_ doc: inout Document, isItem: Bool, stripDefault: Bool, site: Site) throws(BuildError) {
        guard site.isMarkdown(doc.extname) else { return }
        // A page's own title wins; an item's title (made from its file name) does not.
        if !isItem, let title = doc.value("title"), !title.isNil { return }
        let content = doc.content as NSString
        guard let match = TitlesFromHeadings.heading.firstMatch(in: doc.content, range: NSRange(location: 0, length: content.length))
        else { return }
        let group = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
        doc.data["title"] = .string(try strippedMarkup(content.substring(with: group), site: site))
        let strip = doc.data["strip_title"].map { $0 == .bool(true) } ?? stripDefault
        guard strip else { return }
        let rest = content.replacingCharacters(in: match.range, with: "")
        doc.content = rest.rubyStripped
        if isItem && doc.collectionLabel == "posts" { site.refreshExcerpt(&doc) }
    }

    /// The heading converted, its tags stripped, its whitespace collapsed, footnote marks removed.
    func strippedMarkup(_ text: String, site: Site) throws(BuildError) -> String {
        let html = try site.markdown?.convert(text) ?? text
        let text = Liquidish.normalizeWhitespace(Liquidish.stripHTML(html))
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[^"), let close = rest[open.upperBound...].firstIndex(of: "]") {
            result += rest[..<open.lowerBound]
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
