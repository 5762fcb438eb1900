import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// `SiteRebuilder.patchFields`: trusting the watcher, an edit of an item's front matter that
/// leaves it where it was (its URL, date, publication) is patched into the site the previous build
/// read, generated again. It must render and write exactly what the full rebuild does for the same
/// edit — the post, its neighbours, the index and feed pages showing its title, tag pages — and end
/// as a full build; an edit that moves a document must go through the full rebuild.
@Suite(.serialized) struct SiteRebuilderFieldsPatchTests {
    typealias Fixture = SiteRebuilderTests.Fixture
    static let post = SiteRebuilderPatchTests.post

    static func builtSite(trusted: Bool, _ changes: [String: String] = [:]) throws -> Fixture {
        try SiteRebuilderPatchTests.builtSite(trusted: trusted, changes)
    }

    @Test(arguments: [
        ("a title", post, "---\nlayout: post\ntitle: Two, renamed\n---\nSecond post.\n"),
        ("a title and the body", post, "---\nlayout: post\ntitle: Two, renamed\n---\nA new body.\n"),
        ("tags", post, "---\nlayout: post\ntitle: Two\ntags: [x, y]\n---\nSecond post.\n"),
        ("a new field", post, "---\nlayout: post\ntitle: Two\ndescription: About two.\n---\nSecond post.\n"),
        ("left out of the sitemap", post, "---\nlayout: post\ntitle: Two\nsitemap: false\n---\nSecond post.\n"),
        ("another layout", post, "---\nlayout: default\ntitle: Two\n---\nSecond post.\n"),
        ("a note's title", "_notes/first.md", "---\nlayout: default\ntitle: First note, renamed\n---\nA note.\n"),
    ])
    func aFieldEditRendersWhatTheFullRebuildRenders(name: String, path: String, text: String) throws {
        let patched = try SiteRebuilderFieldsPatchTests.builtSite(trusted: true)
        let full = try SiteRebuilderFieldsPatchTests.builtSite(trusted: false)
        try patched.write(path, text)
        try full.write(path, text)
        let patch = try patched.build()
        let rebuild = try full.build()
        #expect(patch.patched && !rebuild.patched, "\(name)")
        #expect(patch.rendered == rebuild.rendered, "\(name)")
        #expect(patch.changes.written == rebuild.changes.written, "\(name)")
        try patched.destinationMatchesFullBuild(Comment(rawValue: name))
    }

    /// `hidden` leaves a post out of the paginator's pages (as many as before here): patched, the
    /// index pages showing the others in its place.
    @Test func aPostLeftOutOfThePaginator() throws {
        let four = ["_posts/2024-04-01-four.md": "---\nlayout: post\ntitle: Four\n---\nFourth post.\n"]
        let patched = try SiteRebuilderFieldsPatchTests.builtSite(trusted: true, four)
        let full = try SiteRebuilderFieldsPatchTests.builtSite(trusted: false, four)
        let text = "---\nlayout: post\ntitle: Two\nhidden: true\n---\nSecond post.\n"
        try patched.write(SiteRebuilderFieldsPatchTests.post, text)
        try full.write(SiteRebuilderFieldsPatchTests.post, text)
        let patch = try patched.build()
        let rebuild = try full.build()
        #expect(patch.patched && patch.rendered == rebuild.rendered && patch.changes.written == rebuild.changes.written)
        #expect(patch.changes.written.contains("page2/index.html"))
        try patched.destinationMatchesFullBuild("a hidden post")
    }

    /// A title edit renders the post, its neighbours (they show its title) and the index page
    /// listing it.
    @Test func aTitleEditRendersItsNeighboursAndItsIndexPage() throws {
        let site = try SiteRebuilderFieldsPatchTests.builtSite(trusted: true)
        try site.write(SiteRebuilderFieldsPatchTests.post, "---\nlayout: post\ntitle: Two, renamed\n---\nSecond post.\n")
        let result = try site.build()
        #expect(result.patched)
        for output in ["2024/01/01/one.html", "2024/02/01/two.html", "2024/03/01/three.html", "index.html", "feed.xml"] {
            #expect(result.changes.written.contains(output), "\(output)")
        }
        try site.destinationMatchesFullBuild("a patched title")
    }

    /// The site a patch of fields starts from has the bodies earlier patches put in, and the
    /// fields of earlier patches of fields.
    @Test func patchesFollowEachOther() throws {
        let site = try SiteRebuilderFieldsPatchTests.builtSite(trusted: true)
        try SiteRebuilderPatchTests.editBody(site, "A body patched first.")
        #expect(try site.build().patched)
        try site.write(SiteRebuilderFieldsPatchTests.post, "---\nlayout: post\ntitle: Renamed\n---\nA body patched first.\n")
        #expect(try site.build().patched)
        try site.destinationMatchesFullBuild("a title after a body")
        try site.write("_posts/2024-01-01-one.md", "---\nlayout: post\ntitle: One, renamed\n---\nFirst post.\n\nMore of one.\n")
        #expect(try site.build().patched)
        try site.destinationMatchesFullBuild("another post's title after that")
        let two = try String(contentsOfFile: Path.join(site.source, "_site/2024/02/01/two.html"), encoding: .utf8)
        #expect(two.contains("Renamed") && two.contains("A body patched first.") && two.contains("One, renamed"))
    }

    /// Each of these moves a document or changes which documents there are: the full rebuild.
    @Test(arguments: [
        ("a date", post, "---\nlayout: post\ntitle: Two\ndate: 2024-03-15\n---\nSecond post.\n"),
        ("a permalink", post, "---\nlayout: post\ntitle: Two\npermalink: /two/\n---\nSecond post.\n"),
        ("unpublished", post, "---\nlayout: post\ntitle: Two\npublished: false\n---\nSecond post.\n"),
        ("a redirect", post, "---\nlayout: post\ntitle: Two\nredirect_from: [/old-two/]\n---\nSecond post.\n"),
        ("left out of the paginator (one page fewer)", post, "---\nlayout: post\ntitle: Two\nhidden: true\n---\nSecond post.\n"),
    ])
    func editsMovingADocumentAreNotPatched(name: String, path: String, text: String) throws {
        let site = try SiteRebuilderFieldsPatchTests.builtSite(trusted: true, [
            "_config.yml": SiteRebuilderTests.site["_config.yml"]!
                .replacingOccurrences(of: "jekyll-paginate]", with: "jekyll-paginate, jekyll-redirect-from]"),
        ])
        try site.write(path, text)
        #expect(try !site.build().patched, "\(name)")
        try site.destinationMatchesFullBuild(Comment(rawValue: name))
        // Its title edited next, the document stays where the edit moved it: patched (an
        // unpublished post is no document of the site to patch).
        try site.write(path, text.replacingOccurrences(of: "title: Two", with: "title: Retitled"))
        let after = try site.build()
        try site.destinationMatchesFullBuild("a title after \(name)")
        #expect(after.patched == (name != "unpublished"), "\(name)")
    }
}
