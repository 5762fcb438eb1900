import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// A page is written from its layouts' buffer, never made a `String`, unless an enabled plugin says
/// `rewritesOutput`; then every page goes through every plugin's `postRender`. So a plugin whose
/// `postRender` changes pages must say so, or its change is lost on the fast path.
@Suite struct PluginOutputRewriteTests {
    /// Only declares a rewrite, which sends every page through `postRender`.
    struct DeclaresRewrite: JekyllPlugin {
        var name: String { "declares-rewrite" }
        var rewritesOutput: Bool { true }
    }

    /// Every plugin that does not declare a rewrite, all switched on, with content the rewriting
    /// kinds of plugin act on (emoji codes, mentions, links to Markdown files): the same site with
    /// and without the fast path.
    @Test func pluginsNotDeclaringARewriteLeaveEveryPageAlone() throws {
        let quiet = JekyllPlugins.all.filter { !$0.rewritesOutput }.map(\.name)
        #expect(!quiet.isEmpty)
        func site(plugins: [String]) -> [String: String] {
            [
                "_config.yml": "title: Rewrites\nurl: https://example.com\nplugins: [\(plugins.joined(separator: ", "))]\n",
                "_layouts/default.html": "<html><head>{% seo %}</head><body>{{ content }}</body></html>\n",
                "index.md": "---\nlayout: default\ntitle: Home\n---\nHello :smile: @octocat, see [the other](other.md) and #12.\n",
                "other.md": "---\nlayout: default\n---\n# Other\n\n:+1: to @hubot <a href=\"x.md\">x</a>\n",
                "_posts/2024-01-01-post.md": "---\nlayout: default\ntitle: A post\n---\nA post :tada: by @someone.\n",
            ]
        }
        func withoutFeedTime(_ pages: [String: String]) -> [String: String] {
            pages.mapValues { $0.replacingOccurrences(of: #"<updated>[^<]*</updated>"#, with: "", options: .regularExpression) }
        }
        let fast = try SiteRebuilderTests.Fixture.buildOnce(site(plugins: quiet))
        let rewritten = try SiteRebuilderTests.Fixture.buildOnce(site(plugins: quiet + ["declares-rewrite"]),
                                                               plugins: [DeclaresRewrite()])
        #expect(fast.count >= 4)
        #expect(withoutFeedTime(fast) == withoutFeedTime(rewritten))
    }
}
