import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// `--incremental`, for `kyll build` (each build starts from `.jekyll-metadata`) and for `kyll serve`
/// (the first build starts from it, the next ones from memory): after each edit the destination
/// must equal a fresh full build — the edited post, its neighbours, the index pages, the archive,
/// the feed and the sitemap included.
@Suite(.serialized) struct IncrementalBuildTests {
    typealias Fixture = SiteRebuilderTests.Fixture

    static var site: [String: String] {
        var files = SiteRebuilderTests.site
        files["archive.html"] = """
            ---
            layout: default
            title: Archive
            ---
            {% assign years = site.posts | group_by_exp: "post", "post.date | date: '%Y-%m'" %}
            {% for year in years %}<h2>{{ year.name }}</h2>{% for post in year.items %}<a href="{{ post.url }}">{{ post.title }}</a> {{ post.tags | join: "," }}
            {% endfor %}{% endfor %}
            """
        files["plain.md"] = "---\n---\nA page that looks at nothing else.\n"
        files["tags.html"] = "---\n---\n{% for tag in site.tags %}{{ tag[0] }}: {{ tag[1] | size }}\n{% endfor %}"
        files["_posts/2024-01-01-one.md"] = "---\nlayout: post\ntitle: One\ntags: [a]\n---\nFirst post.\n\nMore of one.\n"
        // A partial outside the Sass folder, found beside the site's root (where Jekyll names the
        // stylesheet's file for the compiler).
        files["css/main.scss"] = "---\n---\n@import \"colors\";\n@import \"styles/extra\";\nbody { color: $accent; }\n"
        files["styles/_extra.scss"] = "@import \"colors\";\np { margin: 0; }\n"
        return files
    }

    /// One edit of the source, by name, as a person saving files would make it.
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var apply: @Sendable (Fixture) throws -> Void
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "a post's body") { try $0.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\nEdited.\n") },
        Edit(name: "a post's title (its neighbours, the index and the archive show it)") {
            try $0.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two, renamed\n---\nSecond post.\n")
        },
        Edit(name: "a post's tags") {
            try $0.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\ntags: [a, b]\n---\nSecond post.\n")
        },
        Edit(name: "a post's date (the order changes)") {
            try $0.remove("_posts/2024-02-01-two.md")
            try $0.write("_posts/2024-05-01-two.md", "---\nlayout: post\ntitle: Two\n---\nSecond post.\n")
        },
        Edit(name: "a post's date in its front matter (same files, another order)") {
            try $0.write("_posts/2024-01-01-one.md", "---\nlayout: post\ntitle: One\ndate: 2024-04-01\ntags: [a]\n---\nFirst post.\n\nMore of one.\n")
        },
        Edit(name: "a new post") { try $0.write("_posts/2024-04-01-four.md", "---\nlayout: post\ntitle: Four\n---\nFour.\n") },
        Edit(name: "a removed post") { try $0.remove("_posts/2024-03-01-three.md") },
        Edit(name: "a layout") { try $0.write("_layouts/post.html", "---\nlayout: default\n---\n<h2>{{ page.title }}</h2>{{ content }}\n") },
        Edit(name: "an include") { try $0.write("_includes/nav.html", "<nav>{{ site.data.nav | size }}</nav>") },
        Edit(name: "a data file") { try $0.write("_data/nav.yml", "- title: Home\n  url: /\n") },
        Edit(name: "a Sass partial") { try $0.write("_sass/_colors.scss", "$accent: #993366;\n") },
        Edit(name: "a Sass partial outside the Sass folder") { try $0.write("styles/_extra.scss", "p { margin: 2px; }\n") },
        Edit(name: "a Sass partial at the site's root, found before the Sass folder's of the same name") {
            try $0.write("_colors.scss", "$accent: #0a0b0c;\n")
        },
        Edit(name: "a Sass partial beside an imported partial outside the Sass folder, found before the Sass folder's") {
            try $0.write("styles/_colors.scss", "$accent: #010203;\n")
        },
        Edit(name: "a static file") { try $0.write("static.txt", "changed\n") },
        Edit(name: "a collection item") { try $0.write("_notes/first.md", "---\nlayout: default\ntitle: Renamed note\n---\nA note.\n") },
    ]

    @Test(arguments: edits)
    func incrementalBuildEqualsAFullBuild(edit: Edit) throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        #expect(FileSystem.isFile(Path.join(site.source, ".jekyll-metadata")))
        try edit.apply(site)
        try site.incrementalBuild()
        try site.destinationMatchesFullBuild(Comment(rawValue: edit.name))
        // And once more with nothing changed.
        try site.incrementalBuild()
        try site.destinationMatchesFullBuild(Comment(rawValue: edit.name + ", then nothing"))
    }

    @Test(arguments: edits)
    func serveWithIncrementalEqualsAFullBuild(edit: Edit) throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        try edit.apply(site)
        // `kyll serve --incremental`: the first build starts from `.jekyll-metadata`, the watcher saw nothing yet.
        site.touched = []
        site.rebuilder.reset(configuration: try Fixture.configuration(site.root, incremental: true, logger: site.logger))
        try site.rebuildMatchesFullBuild(Comment(rawValue: edit.name + " (first serve build)"))
        try site.write("_posts/2024-03-01-three.md", "---\nlayout: post\ntitle: Three, again\n---\nThird post.\n")
        try site.rebuildMatchesFullBuild(Comment(rawValue: edit.name + " (next serve build)"))
    }

    /// Five posts, each showing its neighbours' titles and the two newest posts; an index of all.
    static let blog: [String: String] = {
        var files = [
            "_config.yml": "title: Blog\ntime: 2024-06-01 12:00:00\ntimezone: UTC\n",
            "_layouts/post.html": """
                {{ page.previous.title }} < {{ page.title }} > {{ page.next.title }}
                {{ content }}{% for post in site.posts limit: 2 %}{{ post.title }} {% endfor %}
                """,
            "index.html": "---\n---\n{% for post in site.posts %}{{ post.title }} {% endfor %}",
            "about.md": "---\n---\nAbout {{ site.title }}.\n",
        ]
        for n in 1...5 { files["_posts/2024-0\(n)-01-p\(n).md"] = "---\nlayout: post\ntitle: P\(n)\n---\nBody \(n).\n" }
        return files
    }()

    @Test func anEditedPostRendersOnlyWhatShowsIt() throws {
        let site = try Fixture(IncrementalBuildTests.blog)
        #expect(try site.build().rendered.count == 7)

        try site.write("_posts/2024-02-01-p2.md", "---\nlayout: post\ntitle: P2\n---\nBody two, edited.\n")
        // The neighbours and the index read its title, which did not change; nothing shows its body elsewhere.
        #expect(try site.build().rendered == ["2024/02/01/p2.html"])
        try site.destinationMatchesFullBuild("a body")

        try site.write("_posts/2024-02-01-p2.md", "---\nlayout: post\ntitle: P2, renamed\n---\nBody two, edited.\n")
        // The neighbours and the index show its title.
        #expect(try site.build().rendered == ["2024/01/01/p1.html", "2024/02/01/p2.html", "2024/03/01/p3.html", "index.html"])
        try site.destinationMatchesFullBuild("a title")

        try site.write("_posts/2024-02-01-p2.md", "---\nlayout: post\ntitle: P2, renamed\nmood: calm\n---\nBody two, edited.\n")
        // A field nobody shows still counts as the post's fields (they are not told apart one by one).
        #expect(try site.build().rendered == ["2024/01/01/p1.html", "2024/02/01/p2.html", "2024/03/01/p3.html", "index.html"])
        try site.destinationMatchesFullBuild("a new field")

        try site.write("_posts/2024-05-01-p5.md", "---\nlayout: post\ntitle: P5, renamed\n---\nBody 5.\n")
        // The newest post's title is on every post.
        #expect(try site.build().rendered == (1...5).map { "2024/0\($0)/01/p\($0).html" } + ["index.html"])
        try site.destinationMatchesFullBuild("the newest post's title")

        try site.write("_layouts/post.html", "{{ page.title }}\n{{ content }}\n")
        #expect(try site.build().rendered == (1...5).map { "2024/0\($0)/01/p\($0).html" })
        try site.destinationMatchesFullBuild("the posts' layout")

        try site.write("_posts/2024-06-01-p6.md", "---\nlayout: post\ntitle: P6\n---\nBody 6.\n")
        #expect(try site.build().rendered == ["2024/06/01/p6.html", "index.html"])
        try site.destinationMatchesFullBuild("a new post, with a layout that reads no other post")
    }

    /// Index pages showing excerpts and a feed showing content: a body edit renders the post, the
    /// index page with its excerpt and the feed — whose other posts come from the previous render.
    @Test func aBodyEditRendersThePagesShowingItsText() throws {
        var files = IncrementalBuildTests.blog
        files["_config.yml"]! += "url: https://example.com\nplugins: [jekyll-feed, jekyll-paginate]\npaginate: 2\n"
        files["index.html"] = "---\n---\n{% for post in paginator.posts %}{{ post.title }}: {{ post.excerpt }}{% endfor %}"
        let site = try Fixture(files)
        _ = try site.build()

        try site.write("_posts/2024-03-01-p3.md", "---\nlayout: post\ntitle: P3\n---\nBody three, edited.\n")
        let rendered = try site.build().rendered
        #expect(rendered == ["2024/03/01/p3.html", "feed.xml", "page2/index.html"])
        try site.destinationMatchesFullBuild("a body shown in an excerpt and the feed")
        let feed = String(decoding: try FileSystem.read(Path.join(site.source, "_site/feed.xml")), as: UTF8.self)
        #expect(feed.contains("Body three, edited.") && feed.contains("Body 5."))

        try site.write("_posts/2024-05-01-p5.md", "---\nlayout: post\ntitle: P5\n---\nBody five, edited.\n")
        #expect(try site.build().rendered == ["2024/05/01/p5.html", "feed.xml", "index.html"])
        try site.destinationMatchesFullBuild("another body, with the first edit's render carried in the feed")
    }

    /// Without this, the tests above could pass with builds that render everything.
    @Test func unchangedDocumentsKeepTheirOutput() throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        // A file nothing will render again: an incremental build keeps it as it is, as Jekyll does.
        let plain = Path.join(site.source, "_site/plain.html")
        try Fixture.write(plain, "kept\n")
        try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\nEdited.\n")
        try site.incrementalBuild()
        #expect(String(decoding: try FileSystem.read(plain), as: UTF8.self) == "kept\n")
        #expect(String(decoding: try FileSystem.read(Path.join(site.source, "_site/2024/02/01/two.html")), as: UTF8.self)
            .contains("Edited."))
    }

    /// A stylesheet is kept while the files it imported (wherever they are) and the files it may
    /// import from the Sass folder are as they were: a post's edit leaves it alone.
    @Test func aStylesheetIsKeptWhileItsImportsAreAsTheyWere() throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        let css = Path.join(site.source, "_site/css/main.css")
        func modified() throws -> Date? { try FileManager.default.attributesOfItem(atPath: css)[.modificationDate] as? Date }
        let before = try modified()
        Thread.sleep(forTimeInterval: 0.02)
        try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\nEdited.\n")
        try site.incrementalBuild()
        #expect(try modified() == before)
        try site.destinationMatchesFullBuild("a post's body")

        try site.write("styles/_extra.scss", "p { margin: 3px; }\n")
        try site.incrementalBuild()
        #expect(try modified() != before)
        #expect(String(decoding: try FileSystem.read(css), as: UTF8.self).contains("3px"))
        try site.destinationMatchesFullBuild("an imported partial")
    }

    /// An incremental build updates the destination in place (a full build stages a new one and
    /// swaps it in): the folder stays, a kept output is not written again.
    @Test func anIncrementalBuildWritesInPlace() throws {
        let site = try Fixture(IncrementalBuildTests.site)
        try site.incrementalBuild()
        let destination = Path.join(site.source, "_site")
        func identity(_ path: String) throws -> [FileAttributeKey: Any] { try FileManager.default.attributesOfItem(atPath: path) }
        let folder = try identity(destination)[.systemFileNumber] as? Int
        let about = Path.join(destination, "about/index.html")
        let aboutBefore = try identity(about)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\nEdited in place.\n")
        try site.incrementalBuild()
        #expect(try identity(destination)[.systemFileNumber] as? Int == folder)
        #expect(try identity(about)[.modificationDate] as? Date == aboutBefore)
        try site.destinationMatchesFullBuild("in place")
        // A full build still stages and swaps.
        try SiteBuild.build(try Fixture.configuration(site.root, logger: site.logger), plugins: JekyllPlugins.all, logger: site.logger)
        #expect(try identity(destination)[.systemFileNumber] as? Int != folder)
    }
}
