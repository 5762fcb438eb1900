import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// `SiteRebuilder` (what `kyll serve` rebuilds with): after every kind of edit, the destination it
/// updates in place must equal a fresh full build of the same source, file for file and byte for
/// byte; it must report exactly the files whose bytes changed.
@Suite(.serialized) struct SiteRebuilderTests {
    static let site: [String: String] = [
        "_config.yml": """
            title: Rebuilds
            url: https://example.com
            time: 2024-06-01 12:00:00
            timezone: UTC
            plugins: [jekyll-feed, jekyll-sitemap, jekyll-paginate]
            paginate: 2
            collections:
              notes:
                output: true
            """,
        "_layouts/default.html": """
            <html><head><link rel="stylesheet" href="{{ '/css/main.css' | relative_url }}"></head>
            <body>{% include nav.html %}{{ content }}</body></html>
            """,
        "_layouts/post.html": """
            ---
            layout: default
            ---
            <h1>{{ page.title }}</h1>{{ content }}
            {% if page.previous %}<a href="{{ page.previous.url }}">{{ page.previous.title }}</a>{% endif %}
            {% if page.next %}<a href="{{ page.next.url }}">{{ page.next.title }}</a>{% endif %}
            """,
        "_includes/nav.html": "<nav>{% for item in site.data.nav %}<a href=\"{{ item.url }}\">{{ item.title }}</a>{% endfor %}</nav>",
        "_data/nav.yml": "- title: Home\n  url: /\n- title: About\n  url: /about/\n",
        "_sass/_colors.scss": "$accent: #336699;\n",
        "css/main.scss": "---\n---\n@import \"colors\";\nbody { color: $accent; }\n",
        "index.html": """
            ---
            layout: default
            ---
            {% for post in paginator.posts %}<p>{{ post.title }}: {{ post.excerpt }}</p>{% endfor %}
            """,
        "about.md": "---\nlayout: default\ntitle: About\npermalink: /about/\n---\nAbout *us*.\n",
        "static.txt": "plain\n",
        "_notes/first.md": "---\nlayout: default\ntitle: First note\n---\nA note.\n",
        "_posts/2024-01-01-one.md": "---\nlayout: post\ntitle: One\n---\nFirst post.\n\nMore of one.\n",
        "_posts/2024-02-01-two.md": "---\nlayout: post\ntitle: Two\n---\nSecond post.\n",
        "_posts/2024-03-01-three.md": "---\nlayout: post\ntitle: Three\n---\nThird post.\n",
    ]

    @Sendable static func everyFile(_ path: String) -> Bool { true }

    /// A source folder written from `files`, with a rebuilder building it into `_site`.
    final class Fixture {
        let root: String
        let logger = Logger(sink: { _, _ in })
        let rebuilder: SiteRebuilder
        /// The files written or removed since the last build, as a watcher reports them.
        var touched: Set<String> = []
        /// Whether builds trust `touched` to name every change (as `kyll serve` trusts its watcher).
        var trustsTouched = false
        /// Trusting `touched`, the files whose every change it names (not those reached through a link).
        var watched: @Sendable (String) -> Bool = SiteRebuilderTests.everyFile

        init(_ files: [String: String]) throws {
            root = NSTemporaryDirectory() + "kyll-rebuild-" + UUID().uuidString
            for (path, text) in files { try Fixture.write(Path.join(root, "site", path), text) }
            rebuilder = SiteRebuilder(configuration: try Fixture.configuration(root, logger: logger),
                                      plugins: JekyllPlugins.all, logger: logger)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        var source: String { Path.join(root, "site") }

        static func configuration(_ root: String, destination: String = "site/_site", incremental: Bool = false,
                                  logger: Logger) throws -> Configuration {
            var options = BuildOptions(workingDirectory: root)
            options.source = "site"
            options.destination = destination
            if incremental { options.incremental = true }
            return try ConfigurationLoader(options: options, logger: logger).load()
        }

        static func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: Path.dirname(path), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }

        func write(_ path: String, _ text: String) throws {
            try Fixture.write(Path.join(source, path), text)
            touched.insert(path)
        }

        func remove(_ path: String) throws {
            try FileManager.default.removeItem(atPath: Path.join(source, path))
            touched.insert(path)
        }

        func build() throws -> SiteRebuilder.Result {
            defer { touched = [] }
            if trustsTouched { return try rebuilder.build(changed: touched, watched: watched) }
            return try rebuilder.build(changed: touched)
        }

        /// A one-shot `kyll build` of `files` into a folder of its own: each output's text, by path.
        static func buildOnce(_ files: [String: String], plugins: [any JekyllPlugin] = []) throws -> [String: String] {
            let root = NSTemporaryDirectory() + "kyll-once-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: root) }
            for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
            let logger = Logger(sink: { _, _ in })
            let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
            try SiteBuild.build(configuration, plugins: JekyllPlugins.all + plugins, logger: logger)
            let out = Path.join(root, "site/_site")
            var texts: [String: String] = [:]
            for path in FileSystem.walkFiles(out) {
                texts[path] = String(decoding: try FileSystem.read(Path.join(out, path)), as: UTF8.self)
            }
            return texts
        }

        /// `kyll build --incremental` into `_site`.
        func incrementalBuild() throws {
            let configuration = try Fixture.configuration(root, incremental: true, logger: logger)
            try SiteBuild.build(configuration, plugins: JekyllPlugins.all, logger: logger)
        }

        /// Reads the configuration again, as `kyll serve` does when `_config.yml` changes.
        func reloadConfiguration() throws {
            rebuilder.reset(configuration: try Fixture.configuration(root, logger: logger))
        }

        /// A fresh `kyll build` of the source into another folder.
        func fullBuild() throws -> String {
            let destination = Path.join(root, "full-\(UUID().uuidString.prefix(6))")
            let configuration = try Fixture.configuration(root, destination: destination, logger: logger)
            try SiteBuild.build(configuration, plugins: JekyllPlugins.all, logger: logger)
            return destination
        }

        /// Compares the destination with a fresh full build of the source.
        func destinationMatchesFullBuild(_ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let served = Fixture.contents(of: Path.join(source, "_site"))
            let full = Fixture.contents(of: try fullBuild())
            #expect(served.keys.sorted() == full.keys.sorted(), comment, sourceLocation: sourceLocation)
            for (path, bytes) in full where served[path] != bytes {
                let served = String(decoding: served[path] ?? [], as: UTF8.self)
                Issue.record("\(comment.map { "\($0): " } ?? "")\(path) differs from a full build:\n\(served)",
                             sourceLocation: sourceLocation)
            }
        }

        /// Every file under a folder with its bytes.
        static func contents(of folder: String) -> [String: [UInt8]] {
            var files: [String: [UInt8]] = [:]
            for path in FileSystem.walkFiles(folder) { files[path] = try? FileSystem.read(Path.join(folder, path)) }
            return files
        }

        /// Builds, then compares the destination with a full build; returns what the rebuild changed.
        @discardableResult
        func rebuildMatchesFullBuild(_ comment: Comment? = nil) throws -> DestinationChanges {
            let result = try build()
            try destinationMatchesFullBuild(comment)
            return result.changes
        }
    }

    /// Also when the rebuilds look only at the files the watcher named (the stamps of the others
    /// kept from before).
    @Test(arguments: [false, true])
    func everyKindOfEditEndsAsAFullBuild(trustingTheWatcher: Bool) throws {
        let site = try Fixture(SiteRebuilderTests.site)
        site.trustsTouched = trustingTheWatcher
        let first = try site.rebuildMatchesFullBuild("first build")
        #expect(first.written.contains("index.html") && first.written.contains("css/main.css"))

        #expect(try site.rebuildMatchesFullBuild("nothing changed").isEmpty)

        try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\nSecond post, edited.\n")
        let body = try site.rebuildMatchesFullBuild("a post's body")
        #expect(body.written.contains("2024/02/01/two.html"))
        #expect(!body.written.contains("css/main.css"))

        try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two (renamed)\n---\nSecond post, edited.\n")
        let title = try site.rebuildMatchesFullBuild("a post's title")
        // Its neighbours show the title.
        #expect(title.written.contains("2024/01/01/one.html") && title.written.contains("2024/03/01/three.html"))

        try site.write("_layouts/post.html", "---\nlayout: default\n---\n<h2>{{ page.title }}</h2>{{ content }}\n")
        try site.rebuildMatchesFullBuild("a layout")
        try site.write("_includes/nav.html", "<nav class=\"top\">{% for item in site.data.nav %}{{ item.title }} {% endfor %}</nav>")
        try site.rebuildMatchesFullBuild("an include")
        try site.write("_data/nav.yml", "- title: Home\n  url: /\n- title: Notes\n  url: /notes/\n")
        try site.rebuildMatchesFullBuild("a data file")

        try site.write("_sass/_colors.scss", "$accent: #993366;\n")
        let sass = try site.rebuildMatchesFullBuild("a Sass partial")
        #expect(sass.written.allSatisfy { $0.hasPrefix("css/") }, "\(sass)")

        try site.write("_posts/2024-04-01-four.md", "---\nlayout: post\ntitle: Four\n---\nFourth post.\n")
        let added = try site.rebuildMatchesFullBuild("a new post")
        #expect(added.written.contains("2024/04/01/four.html") && added.written.contains("page2/index.html"))
        try site.remove("_posts/2024-01-01-one.md")
        let removed = try site.rebuildMatchesFullBuild("a removed post")
        #expect(removed.removed == ["2024/01/01/one.html"])

        try site.write("assets/new.txt", "new\n")
        try site.rebuildMatchesFullBuild("a new static file")
        try site.remove("static.txt")
        #expect(try site.rebuildMatchesFullBuild("a removed static file").removed == ["static.txt"])

        try site.remove("about.md")
        try site.write("about-us.md", "---\nlayout: default\ntitle: About\n---\nAbout *us*.\n")
        try site.rebuildMatchesFullBuild("a renamed page (its folder goes)")
        #expect(!FileSystem.exists(Path.join(site.source, "_site/about")))

        try site.write("_notes/first.md", "---\nlayout: default\ntitle: First note\n---\nA note, edited.\n")
        try site.rebuildMatchesFullBuild("a collection item")
        try site.write("plain.html", "no front matter\n")
        try site.rebuildMatchesFullBuild("a new file without front matter")
        try site.write("plain.html", "---\n---\nnow a page: {{ site.title }}\n")
        try site.rebuildMatchesFullBuild("a static file becomes a page")

        try site.write("_config.yml", SiteRebuilderTests.site["_config.yml"]!.replacingOccurrences(of: "Rebuilds", with: "Renamed"))
        try site.reloadConfiguration()
        try site.rebuildMatchesFullBuild("the configuration")
    }

    /// Trusting the watcher, a rebuild does not look at a file it did not name (the point of it:
    /// no `stat` per file); without it, the change is found from the file's stamp.
    @Test func aTrustedWatcherIsNotSecondGuessed() throws {
        let site = try Fixture(SiteRebuilderTests.site)
        site.trustsTouched = true
        try site.build()
        try site.build()
        let post = "_posts/2024-03-01-three.md"
        try Fixture.write(Path.join(site.source, post), "---\nlayout: post\ntitle: Three\n---\nNot reported, longer.\n")
        #expect(try site.build().changes.isEmpty)
        site.trustsTouched = false
        #expect(try site.build().changes.written.contains("2024/03/01/three.html"))
        try site.destinationMatchesFullBuild("after an untrusted rebuild")
    }

    @Test func aFailedBuildLeavesTheDestinationAsItWas() throws {
        let site = try Fixture(SiteRebuilderTests.site)
        try site.build()
        let before = Fixture.contents(of: Path.join(site.source, "_site"))
        try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\n{% if broken %}\n")
        #expect(throws: BuildError.self) { try site.build() }
        #expect(Fixture.contents(of: Path.join(site.source, "_site")) == before)
        try site.write("_posts/2024-02-01-two.md", "---\nlayout: post\ntitle: Two\n---\nFixed.\n")
        let fixed = try site.rebuildMatchesFullBuild("fixed")
        #expect(fixed.written.contains("2024/02/01/two.html"))
    }

    /// Trusting the watcher, the rebuild does not look at the destination: `checkOutputs` (which
    /// `kyll serve` runs after such a rebuild) finds what changed there.
    @Test(arguments: [false, true])
    func filesChangedBehindItsBackAreWrittenAgain(trustingTheWatcher: Bool) throws {
        let site = try Fixture(SiteRebuilderTests.site)
        site.trustsTouched = trustingTheWatcher
        try site.build()
        try site.build()
        let destination = Path.join(site.source, "_site")
        try FileSystem.remove(Path.join(destination, "about/index.html"))
        try Fixture.write(Path.join(destination, "static.txt"), "tampered\n")
        if trustingTheWatcher {
            #expect(try site.build().changes.isEmpty, "not looked at")
            #expect(site.rebuilder.checkOutputs() == ["about/index.html", "static.txt"])
        }
        let changes = try site.rebuildMatchesFullBuild("repaired")
        #expect(changes.written == ["about/index.html", "static.txt"])
    }

    /// A rebuild removes only what it wrote: a folder someone put in an output's place keeps their
    /// files. A rebuild that makes that output fails (as Jekyll's does: it will not write over a
    /// folder), one that no longer makes it leaves the folder.
    @Test func aFolderInAnOutputsPlaceIsNotRemovedWhole() throws {
        let site = try Fixture(SiteRebuilderTests.site)
        try site.build()
        let theirs = Path.join(site.source, "_site/static.txt/theirs.txt")
        try FileSystem.remove(Path.join(site.source, "_site/static.txt"))
        try Fixture.write(theirs, "not made by the site\n")
        do {
            _ = try site.build()
            Issue.record("wrote static.txt over a folder with files in it")
        } catch let error as BuildError {
            #expect(error.message == "could not write static.txt: a folder with files in it is in its place")
        }
        #expect(FileSystem.isFile(theirs))
        try site.remove("static.txt")
        try site.build()
        #expect(FileSystem.isFile(theirs))
    }

    @Test func keptFilesStayWhenTheirSourceGoes() throws {
        var files = SiteRebuilderTests.site
        files["_config.yml"]! += "\nkeep_files: [static.txt]\n"
        let site = try Fixture(files)
        try site.build()
        try site.remove("static.txt")
        let changes = try site.build()
        #expect(changes.changes.removed.isEmpty)
        #expect(FileSystem.isFile(Path.join(site.source, "_site/static.txt")))
    }
}
