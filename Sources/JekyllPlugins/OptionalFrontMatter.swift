import Jekyll
import Liquid

/// jekyll-optional-front-matter: Markdown files without front matter become pages too, except
/// README, LICENSE and the like (unless `include` names them). `optional_front_matter:
/// remove_originals: true` (or `require_front_matter`) stops copying the Markdown files as they are.
public struct OptionalFrontMatter: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-optional-front-matter" }

    /// File names (upper-cased, without extension) left alone.
    static let ignoredNames: Set<String> = [
        "README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING", "ISSUE_TEMPLATE",
        "PULL_REQUEST_TEMPLATE",
    ]

    public func generate(_ site: inout Site) throws(BuildError) {
        let options = site.configuration["optional_front_matter"]?.orderedHash ?? OrderedHash()
        let requireFrontMatter = site.configuration["require_front_matter"]?.isTruthy ?? false
        if options["enabled"] == .bool(false) || requireFrontMatter { return }
        let removeOriginals = options["remove_originals"] == .bool(true) || requireFrontMatter
        let includeIsList = site.configuration["include"]?.arrayValue != nil
        let filter = EntryFilter(source: site.source, include: site.configuration.include, exclude: [], safe: false)
        var converted = Set<String>()
        var pages: [Document] = []
        for file in site.staticFiles where file.collection == nil && site.isMarkdown(file.extname) {
            let page = try site.page(from: file)
            let listed = includeIsList && filter.isIncluded(page.relativePath)
            if !listed && OptionalFrontMatter.ignoredNames.contains(page.basename.uppercased()) { continue }
            pages.append(page)
            converted.insert(file.path)
        }
        site.pages += pages
        if removeOriginals { site.staticFiles.removeAll { converted.contains($0.path) } }
    }
}
