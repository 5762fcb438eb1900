import Foundation
import Testing
@testable import Jekyll
@testable import JekyllPlugins
@testable import Liquid

/// `{% seo %}` reads a document's front matter keys in its front matter when the build records
/// no reads (`Value.unrecordedDocumentFrontMatter`), and through the drop when it records them
/// (an incremental build): both must print the same. The paginator message and the canonical
/// URL are put together from parts made once.
@Suite struct SeoPageReadsTests {
    static let site: [String: String] = [
        "_config.yml": """
            title: Reads
            url: https://reads.example.com
            locale: fr_FR
            paginate: 1
            seo_paginator_message: "%<current>s/%<total>s (%<current>s) "
            plugins: [jekyll-seo-tag, jekyll-paginate]

            """,
        "_layouts/default.html": "<head>{% seo %}</head>{{ content }}",
        "index.html": "---\nlayout: default\n---\n{% for post in paginator.posts %}{{ post.title }}{% endfor %}",
        "_posts/2024-01-01-every-key.md": """
            ---
            layout: default
            title: Every *key*
            description: A description
            lang: de-DE
            locale: de-CH
            canonical_url: https://elsewhere.example.com/every
            author: Ann Author
            image: /img/a.png
            last_modified_at: 2024-02-02 10:00:00 +0000
            seo:
              type: NewsArticle
              name: Seo Name
            ---
            Body.
            """,
        "_posts/2024-01-02-authors.md": "---\nlayout: default\ntitle: Authors\nauthors: [Bob, Ann]\nlang: it\n---\nThe excerpt.",
        "_posts/2024-01-03-none.md": "---\nlayout: default\npermalink: /none/index.html\n---\nNo keys.",
    ]

    @Test func readsInTheFrontMatterPrintWhatReadsThroughTheDropPrint() throws {
        let unrecorded = try SiteRebuilderTests.Fixture.buildOnce(Self.site)
        let fixture = try SiteRebuilderTests.Fixture(Self.site)
        try fixture.incrementalBuild()
        for (path, text) in unrecorded where path.hasSuffix(".html") {
            let recorded = String(decoding: try FileSystem.read(Path.join(fixture.source, "_site", path)), as: UTF8.self)
            #expect(recorded == text, "\(path)")
        }
        let every = try #require(unrecorded["2024/01/01/every-key.html"])
        #expect(every.contains(#"<meta property="og:locale" content="de_CH" />"#))
        #expect(every.contains(#"<link rel="canonical" href="https://elsewhere.example.com/every" />"#))
        #expect(every.contains(#"<meta name="author" content="Ann Author" />"#))
        #expect(every.contains(#""@type":"NewsArticle""#))
        #expect(every.contains(#""dateModified":"2024-02-0"#))
        #expect(every.contains(#"<meta property="og:image" content="https://reads.example.com/img/a.png" />"#))
        let authors = try #require(unrecorded["2024/01/02/authors.html"])
        #expect(authors.contains(#"<meta property="og:locale" content="fr_FR" />"#))
        #expect(authors.contains(#"<meta name="author" content="Bob" />"#))
        #expect(authors.contains(#"<meta name="description" content="The excerpt." />"#))
        let none = try #require(unrecorded["none/index.html"])
        #expect(none.contains(#"<link rel="canonical" href="https://reads.example.com/none/" />"#))
        let second = try #require(unrecorded["page2/index.html"])
        #expect(second.contains("<title>2/3 (2) Reads</title>"))
    }

    @Test func paginatorMessagesAreCutWhereTheNumbersGo() {
        #expect(PaginatorMessagePart.parts(of: "Page %<current>s of %<total>s for ")
            == [.text("Page "), .current, .text(" of "), .total, .text(" for ")])
        #expect(PaginatorMessagePart.parts(of: "%<total>s%<current>s%<total>s") == [.total, .current, .total])
        #expect(PaginatorMessagePart.parts(of: "No numbers %<current> s") == [.text("No numbers %<current> s")])
        // as Ruby's format reads them: %% is a percent sign, %{name} a number too
        #expect(PaginatorMessagePart.parts(of: "%%<current>ss é") == [.text("%<current>ss é")])
        #expect(PaginatorMessagePart.parts(of: "%{current}/%{total} 100%%") == [.current, .text("/"), .total, .text(" 100%")])
        #expect(PaginatorMessagePart.parts(of: "%%%<total>s") == [.text("%"), .total])
        #expect(PaginatorMessagePart.parts(of: "").isEmpty)
    }

    @Test func canonicalURLsJoinThePrefixAndThePathWithoutIndexHTML() {
        #expect(SeoFields.joined("https://e.com", "/a/b/") == "https://e.com/a/b/")
        #expect(SeoFields.joined("https://e.com", "/a/index.html") == "https://e.com/a/")
        #expect(SeoFields.joined("https://e.com", "/index.html") == "https://e.com/")
        #expect(SeoFields.joined("https://e.com/base", "/a/xindex.html") == "https://e.com/base/a/xindex.html")
        #expect(SeoFields.joined("https://e.com", "/a/index.htm") == "https://e.com/a/index.htm")
        #expect(SeoFields.joined("", "/ü/index.html") == "/ü/")
    }

    /// A post's drop gives its front matter when the build records no reads, and never when it does.
    @Test func aPostsDropGivesItsFrontMatterOnlyWhenReadsAreNotRecorded() throws {
        let clock = SiteClock(identifier: "UTC")
        let posts = OrderedHash([("posts", Value.hash(OrderedHash([("output", Value.bool(true))])))])
        var site = Site(configuration: Configuration(hash: OrderedHash([("collections", .hash(posts))])), clock: clock, time: clock.now(),
                        logger: Logger(level: .error) { _, _ in }, theme: nil)
        site.posts = [Document(kind: .item(collection: "posts"), path: "/s/_posts/2024-01-01-a.md", relativePath: "_posts/2024-01-01-a.md",
                               name: "2024-01-01-a.md", data: OrderedHash([("title", "T"), ("lang", "de")]), content: "x")]
        let snapshot = SiteSnapshot(site: site)
        let id = try #require(snapshot.documents.firstIndex { $0.relativePath == "_posts/2024-01-01-a.md" })
        func drop(recording: Bool) -> Value {
            .drop(DocumentDrop(site: snapshot, id: id,
                               dependencies: DependencyLog(documents: snapshot.documents.count, recording: recording)))
        }
        #expect(drop(recording: false).unrecordedDocumentFrontMatter?["lang"] == .string("de"))
        #expect(drop(recording: true).unrecordedDocumentFrontMatter == nil)
    }

    @Test func onlyADocumentsDropGivesItsFrontMatter() {
        #expect(Value.hash(OrderedHash([("title", "T")])).unrecordedDocumentFrontMatter == nil)
        #expect(Value.string("page").unrecordedDocumentFrontMatter == nil)
    }
}
