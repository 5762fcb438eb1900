/// For plugins that make a page's content themselves (`JekyllPlugin.content(of:scope:)` with
/// `recordsReads`): what they looked at, so that an incremental build renders the page again only
/// when that changed. Templates record the same through the drops.
extension RenderScope {
    /// The lists of the site a plugin can walk.
    public enum SiteList: Sendable {
        /// `site.posts`, newest first.
        case posts
        /// `site.pages` (and so `site.html_pages`).
        case pages
        /// The static files, with their modification times.
        case staticFiles
        /// `site.tags` or `site.categories`.
        case tags, categories
        /// `site.data`.
        case data
        /// One collection's items, in its order.
        case collection(String)

        var name: String {
            switch self {
            case .posts: return "posts"
            case .pages: return "pages"
            case .staticFiles: return "static_files"
            case .tags: return "tags"
            case .categories: return "categories"
            case .data: return "data"
            case .collection(let label): return "collection:" + label
            }
        }
    }

    /// The render looked at which documents a list holds, and in what order.
    public func noteRead(_ list: SiteList) {
        build.dependencies.listRead(list.name, by: document)
    }

    /// The render read a document's front matter, defaults, URL or date (not its content).
    public func noteFieldsRead(of id: Int) {
        build.dependencies.documentRead(id, rendered: false, by: document)
    }
}
