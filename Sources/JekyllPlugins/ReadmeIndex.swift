import Jekyll
import Liquid

/// jekyll-readme-index: a folder's README (any Markdown extension, any case) becomes its index
/// page when the folder has none. `readme_index: remove_originals: true` stops copying the file;
/// `with_frontmatter: true` moves READMEs that are pages already to their folder's URL.
public struct ReadmeIndex: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-readme-index" }
    public var priority: PluginPriority { .low }

    public func generate(_ site: inout Site) throws(BuildError) {
        let options = site.configuration["readme_index"]?.orderedHash ?? OrderedHash()
        if options["enabled"] == .bool(false) { return }
        let removeOriginals = options["remove_originals"] == .bool(true)
        for file in site.staticFiles where isReadme("/" + file.relativePath.droppingLeadingSlashes, site: site) {
            let dir = ReadmeIndex.dirname(file.url)
            guard !hasIndex(dir, site: site) else { continue }
            var page = try site.page(from: file)
            page.data["permalink"] = .string(dir + "/")
            site.refreshPage(&page)
            site.pages.append(page)
            if removeOriginals { site.staticFiles.removeAll { $0.path == file.path } }
        }
        guard options["with_frontmatter"] == .bool(true) else { return }
        for i in site.pages.indices where isReadme("/" + site.pages[i].relativePath, site: site) {
            let dir = ReadmeIndex.dirname(site.pages[i].url)
            guard !hasIndex(dir, site: site) else { continue }
            site.pages[i].data["permalink"] = .string(dir + "/")
            site.refreshPage(&site.pages[i])
        }
    }

    /// `…/readme.md` in any case, with one of the site's Markdown extensions.
    func isReadme(_ path: String, site: Site) -> Bool {
        let name = Path.basename(path)
        let ext = Path.extname(name)
        return name.dropLast(ext.count).lowercased() == "readme" && site.isMarkdown(ext)
    }

    /// Ruby's `File.dirname` of a URL.
    static func dirname(_ url: String) -> String {
        let d = Path.dirname(url)
        return d == "." ? "." : d
    }

    /// The plugin asks whether any page or file has the folder's URL — or any URL ending in
    /// `index.html` (`.htm`, `.xhtml`, `.xml`) anywhere, the way its pattern is grouped.
    func hasIndex(_ dir: String, site: Site) -> Bool {
        let folder = (dir.hasSuffix("/") ? dir : dir + "/").lowercased()
        let urls = site.pages.map(\.url) + site.staticFiles.map(\.url)
        return urls.contains { url in
            let lower = url.lowercased()
            return lower == folder || [".html", ".htm", ".xhtml", ".xml"].contains { lower.hasSuffix("index" + $0) }
        }
    }
}

extension String {
    var droppingLeadingSlashes: String {
        var s = Substring(self)
        while s.hasPrefix("/") { s = s.dropFirst() }
        return String(s)
    }
}
