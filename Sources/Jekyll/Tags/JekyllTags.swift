import Liquid
import Markdown

/// Jekyll's own tags besides `include`: `link`, `post_url`, `highlight`; and `render`, which Jekyll
/// 4.3 leaves without a file system.
enum JekyllTags {
    static func register(into env: inout LiquidEnvironment) {
        env.register(tag: "link", LinkTag.Parser())
        env.register(tag: "post_url", PostURLTag.Parser())
        env.register(tag: "highlight", HighlightTag.Parser())
        env.register(tag: "render", DisabledRenderTag.Parser())
    }
}

/// `{% link path/to/file.md %}`: the relative URL of the page, item or static file at that path.
struct LinkTag: TagNode {
    let path: Template

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            LinkTag(path: try Template.parse(tag.markup.trimming(" \t\n\r"), name: parser.templateName,
                                             environment: parser.environment))
        }
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let scope = try context.requireJekyll()
        var buffer = OutputBuffer()
        try path.render(into: &buffer, context: context)
        let relative = buffer.string
        let withSlash = Path.join("", relative)
        let site = scope.site
        // Any document's URL may be the one: for incremental builds, the whole site was used.
        scope.build.dependencies.siteUsed(by: scope.document)
        for id in site.pageIDs where site.documents[id].relativePath == relative || site.documents[id].relativePath == withSlash {
            output.append(URLFilters.relativeURL(.string(site.documents[id].url), context)); return
        }
        for file in site.staticFiles where file.relativePath == relative || file.relativePath == withSlash {
            output.append(URLFilters.relativeURL(.string(file.url), context)); return
        }
        for c in site.collections {
            for id in c.documentIDs where site.documents[id].relativePath == relative || site.documents[id].relativePath == withSlash {
                output.append(URLFilters.relativeURL(.string(site.documents[id].url), context)); return
            }
        }
        throw LiquidError(.argument, "Could not find document '\(relative)' in tag 'link'.\n\n"
                          + "Make sure the document exists and the path is correct.\n")
    }
}

/// `{% post_url 2024-01-02-hello %}` (optionally with a folder): the relative URL of that post.
struct PostURLTag: TagNode {
    let name: String
    let folder: String
    let date: String
    let slug: String

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let name = tag.markup.trimming(" \t\n\r")
            var stripped = name.hasPrefix("/") ? String(name.dropFirst()) : name
            var folder = ""
            if let slash = stripped.lastIndex(of: "/") {
                folder = String(stripped[...slash])
                stripped = String(stripped[stripped.index(after: slash)...])
            }
            let parts = stripped.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, parts[0...2].allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                throw LiquidError(.syntax, "Could not parse name of post \"\(name)\" in tag 'post_url'.\n"
                                  + " Make sure the post exists and the name is correct.\n")
            }
            return PostURLTag(name: name, folder: folder, date: parts[0...2].joined(separator: "-"), slug: String(parts[3]))
        }
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let scope = try context.requireJekyll()
        let site = scope.site
        // Any post's URL may be the one: for incremental builds, the whole site was used.
        scope.build.dependencies.siteUsed(by: scope.document)
        guard let posts = site.collection("posts") else { throw notFound }
        for id in posts.documentIDs where matches(site.documents[id].relativePath) {
            output.append(URLFilters.relativeURL(.string(site.documents[id].url), context)); return
        }
        // Jekyll's older matching: the slug and the date, wherever the post is.
        let wanted = date.split(separator: "-").compactMap { Int($0) }
        for id in posts.documentIDs {
            let doc = site.documents[id]
            guard doc.data["slug"]?.rubyString == slug, let postDate = doc.date else { continue }
            let day = postDate.components
            guard wanted == [day.year, day.month, day.day] else { continue }
            site.logger.warn("Deprecation:", "A call to '{% post_url \(name) %}' did not match a post using the new "
                             + "matching method of checking name (path-date-slug) equality. Please make sure that you "
                             + "change this tag to match the post's name exactly.")
            output.append(URLFilters.relativeURL(.string(doc.url), context)); return
        }
        throw notFound
    }

    /// `_posts/FOLDER/DATE-SLUG.ext` or `FOLDER/_posts/DATE-SLUG.ext`.
    func matches(_ relativePath: String) -> Bool {
        let base = date + "-" + slug
        for prefix in ["_posts/" + folder, folder + "_posts/", folder + "_posts"] where relativePath.hasPrefix(prefix) {
            let rest = relativePath.dropFirst(prefix.count)
            guard rest.hasPrefix(base) else { continue }
            let ext = rest.dropFirst(base.count)
            if ext.hasPrefix("."), ext.count > 1, !ext.dropFirst().contains(".") { return true }
        }
        return false
    }

    var notFound: LiquidError {
        LiquidError(.argument, "Could not find post \"\(name)\" in tag 'post_url'.\n"
                    + "Make sure the post exists and the name is correct.\n")
    }
}

/// `{% render %}` in Jekyll 4.3.1 has no file system to read from.
struct DisabledRenderTag: TagNode {
    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode { DisabledRenderTag() }
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        throw LiquidError(.fileSystem, "This liquid context does not allow includes.")
    }
}
