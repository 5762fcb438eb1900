import Foundation
import Jekyll
import Liquid

/// jekyll-relative-links: in Markdown pages (and items, with `relative_links: collections: true`),
/// links to other source files (`[a](other.md)`, `[a]: ../b.md#part "title"`) become links to
/// the URLs those files get. `relative_links: exclude:` lists patterns of files left alone.
public struct RelativeLinks: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-relative-links" }
    public var priority: PluginPriority { .lowest }

    /// An inline link (text, path, fragment, title), or a reference definition on its own line.
    static let link: NSRegularExpression = {
        let text = #"(.*?)"#
        let fragmentAndTitle = #"(#.+?|)?(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?"#
        let inline = #"\[\#(text)\]\(([^)]+?)\#(fragmentAndTitle)\)"#
        let reference = #"^\s*?\[\#(text)\]: (.+?)\#(fragmentAndTitle)\s*?$"#
        return try! NSRegularExpression(pattern: "(\(inline)|\(reference))",
                                        options: [.anchorsMatchLines, .useUnixLineSeparators])
    }()

    /// With `collections: true` it reads (and may change) items' bodies.
    public func generateReadsItemBodies(_ configuration: Configuration) -> Bool {
        let options = configuration["relative_links"]?.orderedHash ?? OrderedHash()
        return options["enabled"] != .bool(false) && options["collections"] == .bool(true)
    }

    public func generate(_ site: inout Site) throws(BuildError) {
        let options = site.configuration["relative_links"]?.orderedHash ?? OrderedHash()
        if options["enabled"] == .bool(false) { return }
        let excluded = options["exclude"].flatMap { v -> [String]? in
            guard v.isTruthy else { return nil }
            return v.arrayValue?.map(\.rubyString) ?? [v.rubyString]
        }
        let filter = excluded.map { EntryFilter(source: site.source, include: [], exclude: $0, safe: false) }
        let targets = Targets(site)
        for i in site.pages.indices where site.isMarkdown(site.pages[i].extname) {
            if filter?.isExcluded(site.pages[i].relativePath) ?? false { continue }
            rewrite(&site.pages[i], targets: targets, site: site)
        }
        guard options["collections"] == .bool(true) else { return }
        for c in site.collections.indices where site.collections[c].info.writesOutput {
            for d in site.collections[c].docs.indices where Publication.isWritten(site.collections[c].docs[d], in: site) {
                let doc = site.collections[c].docs[d]
                guard site.isMarkdown(doc.extname), !(filter?.isExcluded(doc.relativePath) ?? false) else { continue }
                rewrite(&site.collections[c].docs[d], targets: targets, site: site)
            }
        }
    }

    /// What links can point at: pages, static files and written items, by source path (the first
    /// of them in that order when two share a path). Looked up once per link, so hashed.
    struct Targets {
        private var urls: [String: String] = [:]

        init(_ site: Site) {
            func add(_ path: String, _ url: String) {
                let key = path.droppingLeadingSlashes
                if urls[key] == nil { urls[key] = url }
            }
            for page in site.pages { add(page.relativePath, page.url) }
            for file in site.staticFiles where file.collection == nil { add(file.relativePath, file.url) }
            for collection in site.collections where collection.info.writesOutput {
                for doc in collection.docs where Publication.isWritten(doc, in: site) { add(doc.relativePath, doc.url) }
            }
        }

        func url(for path: String) -> String? { urls[path] }
    }

    func rewrite(_ doc: inout Document, targets: Targets, site: Site) {
        let content = doc.content as NSString
        let baseDirectory = Path.dirname(doc.relativePath)
        var result = ""
        var last = 0
        for match in RelativeLinks.link.matches(in: doc.content, range: NSRange(location: 0, length: content.length)) {
            func group(_ i: Int) -> String? {
                let r = match.range(at: i)
                return r.location == NSNotFound ? nil : content.substring(with: r)
            }
            let isInline = group(2) != nil
            let offset = isInline ? 2 : 6
            guard let text = group(offset), let path = group(offset + 1),
                  let url = replacement(for: path, base: baseDirectory, targets: targets, site: site) else { continue }
            result += content.substring(with: NSRange(location: last, length: match.range.location - last))
            let target = url + (group(offset + 2) ?? ""), title = group(offset + 3) ?? ""
            result += isInline ? "[\(text)](\(target)\(title))" : "\n[\(text)]: \(target)\(title)"
            last = match.range.location + match.range.length
        }
        guard last > 0 else { return }
        doc.content = result + content.substring(from: last)
        if doc.collectionLabel != nil { site.refreshExcerpt(&doc) }
    }

    /// The site URL of the file a link points at, or nil to leave the link as it is.
    func replacement(for path: String, base: String, targets: Targets, site: Site) -> String? {
        if path.hasPrefix("#") || URIReference(path).isAbsolute { return nil }
        let isAbsolute = path.hasPrefix("/")
        var segments: [Substring] = isAbsolute || base == "." ? [] : base.split(separator: "/")
        for part in path.droppingLeadingSlash.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                // Above the folder the build runs in: the plugin's path keeps a prefix no file has.
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            } else {
                segments.append(part)
            }
        }
        let resolved = RelativeLinks.cgiUnescape(segments.joined(separator: "/"))
        return targets.url(for: resolved).map { SiteURL.relative($0, baseurl: site.configuration.baseurl) }
    }

    /// Ruby's `CGI.unescape`: `+` is a space, `%XX` a byte.
    static func cgiUnescape(_ s: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(s.utf8)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if b == UInt8(ascii: "%"), i + 2 < utf8.count,
                      let v = UInt8(String(decoding: utf8[i + 1...i + 2], as: UTF8.self), radix: 16) {
                bytes.append(v)
                i += 2
            } else {
                bytes.append(b)
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate var droppingLeadingSlash: String { hasPrefix("/") ? String(dropFirst()) : self }
}
