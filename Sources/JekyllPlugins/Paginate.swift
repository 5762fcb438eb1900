import Jekyll
import Liquid

/// jekyll-paginate: with `paginate: N`, the site's `index.html` shows N posts and has `paginator`;
/// pages 2, 3, … are copies of it at `paginate_path` (`/page:num`).
public struct Paginate: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-paginate" }
    public var priority: PluginPriority { .lowest }

    /// Which posts it pages through (`hidden` ones are left out).
    public func generateReadsItemFields(_ configuration: Configuration) -> Set<String> { ["hidden"] }

    public func generate(_ site: inout Site) throws(BuildError) {
        guard let perPageValue = site.configuration["paginate"], !perPageValue.isNil, !site.pages.isEmpty else { return }
        guard let templateIndex = templatePage(site) else {
            site.logger.warn("Pagination:", "Pagination is enabled, but I couldn't find an index.html page to use "
                             + "as the pagination template. Skipping pagination.")
            return
        }
        let perPage = Paginate.integer(perPageValue)
        guard perPage > 0 else {
            throw site.configuration.places.locate(BuildError("divided by 0 (paginate must be a positive number)"), at: ["paginate"])
        }
        let posts = site.posts.sortedNewestFirst().filter { !($0.data["hidden"]?.isTruthy ?? false) }
        let pageCount = (posts.count + perPage - 1) / perPage
        let template = site.pages[templateIndex]
        // Each page's path once (pages link to their neighbours' too); index 0 unused.
        let format = site.configuration["paginate_path"]?.rubyString ?? "/page:num"
        let paths = [""] + stride(from: 1, through: pageCount, by: 1).map { path($0, format: format, first: template.url) }
        // Every pager has these keys in this order: each is a copy of this one with its values set,
        // the keys stored and indexed once.
        var blank = OrderedHash(minimumCapacity: 9)
        for key in ["page", "per_page", "posts", "total_posts", "total_pages", "previous_page", "previous_page_path",
                    "next_page", "next_page_path"] { blank[key] = .nil }
        for number in stride(from: 1, through: pageCount, by: 1) {
            let first = (number - 1) * perPage
            let slice = posts[first..<min(posts.count, first + perPage)]
            var pager = blank
            pager["page"] = .int(number)
            pager["per_page"] = .int(perPage)
            var previous: DocumentReference?
            pager["posts"] = .array(slice.map { post in
                let reference = DocumentReference(post, after: previous)
                previous = reference
                return Value.drop(reference)
            })
            pager["total_posts"] = .int(posts.count)
            pager["total_pages"] = .int(pageCount)
            pager["previous_page"] = number != 1 ? .int(number - 1) : .nil
            pager["previous_page_path"] = number != 1 ? .string(paths[number - 1]) : .nil
            pager["next_page"] = number != pageCount ? .int(number + 1) : .nil
            pager["next_page_path"] = number != pageCount ? .string(paths[number + 1]) : .nil
            if number == 1 {
                site.pages[templateIndex].variables["paginator"] = .hash(pager)
            } else {
                var page = template
                page.directory = paths[number]
                page.variables["paginator"] = .hash(pager)
                site.refreshPage(&page)
                site.pages.append(page)
            }
        }
    }

    static func integer(_ v: Value) -> Int {
        switch v {
        case .int(let i): return i
        case .float(let d): return RubyNumber.truncatedInt(d)
        default: return Int(v.rubyString.prefix(while: { $0.isNumber || $0 == "-" })) ?? 0
        }
    }

    /// `paginate_path` with the page number, or the first page's URL for page 1.
    func path(_ number: Int, format: String, first: String) -> String {
        if number <= 1 { return first }
        let path = format.replacingFirst(":num", with: String(number))
        return path.hasPrefix("/") ? path : "/" + path
    }

    /// The `index.html` page in the folder of `paginate_path` (or above it), the deepest one.
    func templatePage(_ site: Site) -> Int? {
        let source = site.source
        let paginatePath = site.configuration["paginate_path"]?.rubyString ?? "/page:num"
        let target = Path.dirname(Path.expand(paginatePath.hasPrefix("/") ? String(paginatePath.dropFirst()) : paginatePath,
                                              relativeTo: source))
        let candidates = site.pages.indices.filter { i in
            let page = site.pages[i]
            guard page.name == "index.html" else { return false }
            let pagePath = page.data["path"]?.rubyString ?? page.relativePath
            let dir = Path.dirname(Path.expand(pagePath.hasPrefix("/") ? String(pagePath.dropFirst()) : pagePath,
                                               relativeTo: source))
            return Paginate.inHierarchy(source: source, pageDir: dir, paginateDir: target)
        }
        return candidates.enumerated().max { a, b in
            let x = (site.pages[a.element].data["path"]?.rubyString ?? site.pages[a.element].relativePath).count
            let y = (site.pages[b.element].data["path"]?.rubyString ?? site.pages[b.element].relativePath).count
            return x != y ? x < y : a.offset > b.offset
        }?.element
    }

    static func inHierarchy(source: String, pageDir: String, paginateDir: String) -> Bool {
        if paginateDir == Path.dirname(paginateDir) { return false }
        if paginateDir == Path.dirname(source) { return false }
        return pageDir == paginateDir || inHierarchy(source: source, pageDir: pageDir, paginateDir: Path.dirname(paginateDir))
    }
}
