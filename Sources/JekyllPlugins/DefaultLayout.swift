import Jekyll
import Liquid

/// jekyll-default-layout: Markdown pages and posts that name no layout get `home` (the site's
/// index), `page` or `post`, else `default` — whichever of those layouts the site has.
public struct DefaultLayout: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-default-layout" }
    public var priority: PluginPriority { .lowest }

    /// Whether a post names a layout.
    public func generateReadsItemFields(_ configuration: Configuration) -> Set<String> { ["layout"] }

    public func generate(_ site: inout Site) throws(BuildError) {
        for i in site.pages.indices {
            if let layout = layout(for: site.pages[i], isPost: false, site: site) { site.pages[i].data["layout"] = .string(layout) }
        }
        if let posts = site.collectionIndex("posts") {
            for i in site.collections[posts].docs.indices {
                let doc = site.collections[posts].docs[i]
                if let layout = layout(for: doc, isPost: true, site: site) {
                    site.collections[posts].docs[i].data["layout"] = .string(layout)
                }
            }
        }
    }

    /// Nil when the document is not Markdown, names a layout already (front matter or defaults),
    /// or none of the layouts exists.
    func layout(for doc: Document, isPost: Bool, site: Site) -> String? {
        guard site.isMarkdown(doc.extname), doc.value("layout") == nil else { return nil }
        let has = { (name: String) in site.layouts[name] != nil }
        if doc.url == "/" && has("home") { return "home" }
        if doc.isPage && has("page") { return "page" }
        if isPost && has("post") { return "post" }
        return has("default") ? "default" : nil
    }
}
