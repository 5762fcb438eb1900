import Jekyll
import Liquid

/// jekyll-github-metadata's `{% github_edit_link %}` (the URL that edits the page on GitHub) and
/// `{% github_edit_link "text" %}` (a link with that text), from `site.github`'s repository URL
/// and source branch and path, and the page's path.
struct GitHubEditLinkTag: TagNode {
    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            GitHubEditLinkTag(text: GitHubEditLinkTag.linkText(tag.markup))
        }
    }

    let text: String?

    /// The text between the first quote (`"` or `'`) that has a partner later on and the last
    /// quote of its kind.
    static func linkText(_ markup: String) -> String? {
        for i in markup.indices where markup[i] == "\"" || markup[i] == "'" {
            if let last = markup.lastIndex(of: markup[i]), last > i {
                return String(markup[markup.index(after: i)..<last])
            }
        }
        return nil
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let access = TemplateAccess(context: context)
        let github = access.get(access.variable("site"), "github")
        let source = access.get(github, "source")
        let parts = [access.get(github, "repository_url"), .string("edit/"), access.get(source, "branch"),
                     access.get(source, "path"), access.get(access.variable("page"), "path")]
        var url = ""
        if parts.contains(where: { !$0.rubyTruthy }) {
            context.jekyll?.site.logger.warn("JekyllEditLink: ", "Cannot generate edit URLs due to missing site.github data")
        } else {
            let normalized = parts.enumerated().map { index, part -> String in
                var s = part.rubyString
                if s.hasPrefix("/") { s.removeFirst() }
                if index != parts.count - 1 && !s.hasSuffix("/") { s += "/" }
                return s == "/" ? "" : s
            }
            url = URIReference(normalized.joined()).normalized().description
        }
        output.append(text.map { "<a href=\"\(url)\">\($0)</a>" } ?? url)
    }
}
