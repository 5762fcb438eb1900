import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// `SiteRebuilder.patch`: trusting the watcher, an edit of an item's body alone is patched into the
/// previous build's site instead of reading and generating it all again. The destination must still
/// equal a full build — the post, the pages showing its excerpt, the feed showing its content — and
/// any edit a patch cannot stand for must go through the full rebuild.
@Suite(.serialized) struct SiteRebuilderPatchTests {
    typealias Fixture = SiteRebuilderTests.Fixture

    static let post = "_posts/2024-02-01-two.md"

    /// A site whose index shows excerpts and whose feed shows contents, built twice (the second
    /// build has a previous one to patch), with the watcher trusted (patches) or not (full rebuilds).
    static func builtSite(trusted: Bool = true, _ changes: [String: String] = [:]) throws -> Fixture {
        var files = SiteRebuilderTests.site
        for (path, text) in changes { files[path] = text }
        let site = try Fixture(files)
        site.trustsTouched = trusted
        try site.build()
        try site.build()
        return site
    }

    @Test func aBodyEditIsPatchedAndEndsAsAFullBuild() throws {
        let site = try SiteRebuilderPatchTests.builtSite()
        try site.write(SiteRebuilderPatchTests.post, "---\nlayout: post\ntitle: Two\n---\nA new first paragraph.\n\nAnd more.\n")
        let result = try site.build()
        #expect(result.patched)
        // The post, the index page showing its excerpt, the feed showing its content.
        #expect(result.changes.written == ["2024/02/01/two.html", "feed.xml", "index.html"])
        try site.destinationMatchesFullBuild("a patched body")

        try site.write(SiteRebuilderPatchTests.post, "---\nlayout: post\ntitle: Two\n---\nEdited again.\n")
        #expect(try site.build().patched)
        try site.destinationMatchesFullBuild("a second patch over the first")

        try site.write("_notes/first.md", "---\nlayout: default\ntitle: First note\n---\nA note, edited.\n")
        let note = try site.build()
        #expect(note.patched && note.changes.written == ["notes/first.html"])
        try site.destinationMatchesFullBuild("an item of another collection")
    }

    /// A page that includes the edited file renders again, with the file parsed anew (not the
    /// partial parsed by the previous build).
    @Test func aPageIncludingTheEditedFileShowsItsNewText() throws {
        let site = try SiteRebuilderPatchTests.builtSite(["embed.html": "---\n---\n<pre>{% include_relative _posts/2024-02-01-two.md %}</pre>\n"])
        // Twice: the first patch parses the file as an include, the second must not use that.
        for round in 1...2 {
            try SiteRebuilderPatchTests.editBody(site, "Shown in the embedding page, round \(round).")
            let result = try site.build()
            #expect(result.patched && result.changes.written.contains("embed.html"))
            try site.destinationMatchesFullBuild("an included post, round \(round)")
        }
    }

    /// A page whose file is a link to the edited post changes with it, though the watcher names
    /// only the post (it does not follow links): the rebuild must see it.
    @Test func aLinkToTheEditedFileIsLookedAt() throws {
        let site = try SiteRebuilderPatchTests.builtSite(["sub/keep.txt": "x\n"])
        try FileManager.default.createSymbolicLink(atPath: Path.join(site.source, "sub/linked.md"),
                                                   withDestinationPath: "../" + SiteRebuilderPatchTests.post)
        site.watched = { $0 != "sub/linked.md" }
        site.touched = ["sub/linked.md"]
        try site.build()
        try site.build()
        try SiteRebuilderPatchTests.editBody(site, "Seen through the link.")
        let result = try site.build()
        #expect(result.changes.written.contains("sub/linked.html"))
        try site.destinationMatchesFullBuild("a page linked to the edited post")
    }

    /// Each of these changes more than a body and moves a document, or cannot be told apart from
    /// such a change by a patch (see `SiteRebuilderFieldsPatchTests` for fields): it goes through
    /// the full rebuild, and the destination equals a full build.
    @Test(arguments: [
        ("a date (its place among the posts)", post, "---\nlayout: post\ntitle: Two\ndate: 2024-03-15\n---\nSecond post.\n"),
        ("a page", "about.md", "---\nlayout: default\ntitle: About\npermalink: /about/\n---\nAbout *them*.\n"),
        ("a layout", "_layouts/post.html", "---\nlayout: default\n---\n<h2>{{ page.title }}</h2>{{ content }}\n"),
        ("a new post", "_posts/2024-04-01-four.md", "---\nlayout: post\ntitle: Four\n---\nFour.\n"),
    ])
    func otherEditsAreNotPatched(name: String, path: String, text: String) throws {
        let site = try SiteRebuilderPatchTests.builtSite()
        try site.write(path, text)
        let result = try site.build()
        #expect(!result.patched, "\(name)")
        try site.destinationMatchesFullBuild(Comment(rawValue: name))
        // A body edit after it is patched again.
        try SiteRebuilderPatchTests.editBody(site, "A body after it.")
        #expect(try site.build().patched, "\(name)")
        try site.destinationMatchesFullBuild("a body after \(name)")
    }

    /// Front matter written otherwise with the same values moves the body's first line (Liquid
    /// errors count from it): patched, with the new line.
    @Test func frontMatterOfTheSameValuesIsPatched() throws {
        let site = try SiteRebuilderPatchTests.builtSite()
        try site.write(SiteRebuilderPatchTests.post, "---\n# a comment\nlayout: post\ntitle: 'Two'\n---\n{% if broken %}\n")
        let result = Result { try site.build() }
        guard case .failure(let error) = result else { Issue.record("an unclosed tag should fail"); return }
        #expect("\(error)".contains(":6:"), "\(error)")
        try site.write(SiteRebuilderPatchTests.post, "---\n# a comment\nlayout: post\ntitle: 'Two'\n---\nSecond post.\n")
        try site.build()
        try SiteRebuilderPatchTests.editBody(site, "Edited below a comment.")
        #expect(try site.build().patched)
        try site.destinationMatchesFullBuild("front matter with a comment")
    }

    /// Rewrites the post's body, its front matter as it is.
    static func editBody(_ site: Fixture, _ body: String) throws {
        let text = try String(contentsOfFile: Path.join(site.source, post), encoding: .utf8)
        let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)!
        try site.write(post, String(text[..<end.upperBound]) + body + "\n")
    }

    /// jekyll-titles-from-headings with `collections: true` takes a post's title from its body:
    /// an edit of the heading is an edit of the title, which its neighbours show.
    @Test func aGeneratorReadingBodiesIsNotPatched() throws {
        let site = try SiteRebuilderPatchTests.builtSite([
            "_config.yml": SiteRebuilderTests.site["_config.yml"]!
                .replacingOccurrences(of: "jekyll-paginate]", with: "jekyll-paginate, jekyll-titles-from-headings]")
                + "\ntitles_from_headings:\n  collections: true\n",
            SiteRebuilderPatchTests.post: "---\nlayout: post\n---\n# Heading two\n\nSecond post.\n",
        ])
        try site.write(SiteRebuilderPatchTests.post, "---\nlayout: post\n---\n# Heading renamed\n\nSecond post.\n")
        let result = try site.build()
        #expect(!result.patched)
        #expect(result.changes.written.contains("2024/01/01/one.html"), "a neighbour shows the new title")
        try site.destinationMatchesFullBuild("a title from a heading")
    }

    /// `redirect_to` empties the item's content as it is generated: the kept site's body is not the
    /// one read, so the new body is not put into it; the generators run again on the site as read
    /// (`patchFields`).
    @Test func anItemAGeneratorChangedIsGeneratedAgain() throws {
        let site = try SiteRebuilderPatchTests.builtSite([
            "_config.yml": SiteRebuilderTests.site["_config.yml"]!
                .replacingOccurrences(of: "jekyll-paginate]", with: "jekyll-paginate, jekyll-redirect-from]"),
            SiteRebuilderPatchTests.post: "---\nlayout: post\ntitle: Two\nredirect_to: /about/\n---\nSecond post.\n",
        ])
        try site.write(SiteRebuilderPatchTests.post, "---\nlayout: post\ntitle: Two\nredirect_to: /about/\n---\nEdited.\n")
        #expect(try site.build().patched)
        try site.destinationMatchesFullBuild("a redirecting post")
    }

    /// A failed patch leaves the destination as it was; the next build reads the whole site again.
    @Test func aFailedPatchLeavesTheDestinationAsItWas() throws {
        let site = try SiteRebuilderPatchTests.builtSite()
        let before = Fixture.contents(of: Path.join(site.source, "_site"))
        try site.write(SiteRebuilderPatchTests.post, "---\nlayout: post\ntitle: Two\n---\n{% if broken %}\n")
        #expect(throws: BuildError.self) { try site.build() }
        #expect(Fixture.contents(of: Path.join(site.source, "_site")) == before)
        try site.write(SiteRebuilderPatchTests.post, "---\nlayout: post\ntitle: Two\n---\nFixed.\n")
        #expect(try !site.build().patched)
        try site.destinationMatchesFullBuild("fixed")
    }

    /// A patch writes only what it renders: once `checkOutputs` found files changed behind the
    /// rebuilder's back, the next build is a full one and writes them again.
    @Test func filesChangedBehindItsBackAreNotLeftToAPatch() throws {
        let site = try SiteRebuilderPatchTests.builtSite()
        try Fixture.write(Path.join(site.source, "_site/static.txt"), "tampered\n")
        #expect(site.rebuilder.checkOutputs() == ["static.txt"])
        try site.write(SiteRebuilderPatchTests.post, "---\nlayout: post\ntitle: Two\n---\nEdited.\n")
        let result = try site.build()
        #expect(!result.patched && result.changes.written.contains("static.txt"))
        try site.destinationMatchesFullBuild("repaired")
    }
}
