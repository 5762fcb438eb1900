import Foundation
import Testing
@testable import KyllCLI
import Jekyll
import Liquid
import Server

/// `kyll serve` as a whole: it builds, serves the site like GitHub Pages on a free loopback port,
/// rebuilds when the source changes, reloads browsers, and shows a failed build over the last good
/// pages until it is fixed.
@Suite struct ServeTests {
    static let site = """
        -- _config.yml --
        title: Serving
        url: https://example.com
        -- _layouts/default.html --
        <!DOCTYPE html>
        <html><head><link rel="stylesheet" href="{{ '/css/site.css' | relative_url }}"></head>
        <body>{% include nav.html %}{{ content }}</body></html>
        -- _includes/nav.html --
        <nav>{{ site.title }}</nav>
        -- index.html --
        ---
        layout: default
        ---
        <h1>Home</h1>
        <p id="url">{{ site.url }}|{{ "/x" | absolute_url }}</p>
        {% for post in site.posts %}<a href="{{ post.url | relative_url }}">{{ post.title }}</a>{% endfor %}
        -- about.md --
        ---
        layout: default
        title: About
        ---
        About *us*.
        -- docs/index.md --
        ---
        layout: default
        ---
        Docs.
        -- 404.html --
        ---
        layout: default
        ---
        <p>Nothing here.</p>
        -- css/site.css --
        h1 { color: red; }
        -- _posts/2024-01-01-hello.md --
        ---
        layout: default
        title: Hello
        ---
        Hello *world*.
        """

    @Test func servesTheBuiltSiteLikeGitHubPages() async throws {
        let serve = try await ServeHarness.start(ServeTests.site)
        let home = try await serve.get("/")
        #expect(home.status == 200)
        #expect(home.body.contains("<h1>Home</h1>") && home.body.contains("Hello</a>"))
        #expect(home.header("content-type") == "text/html; charset=utf-8")
        // In development `url` points at the server (Jekyll: localhost for 127.0.0.1).
        #expect(home.body.contains("<p id=\"url\">http://localhost:\(serve.port)|http://localhost:\(serve.port)/x</p>"))

        #expect(try await serve.get("/about").body.contains("About <em>us</em>."))
        #expect(try await serve.get("/about.html").status == 200)
        let folder = try await serve.get("/docs")
        #expect(folder.status == 301 && folder.header("location") == "/docs/")
        #expect(try await serve.get("/docs/").body.contains("Docs."))
        let missing = try await serve.get("/nothing/here")
        #expect(missing.status == 404 && missing.body.contains("Nothing here."))
        #expect(try await serve.get("/css/site.css").header("content-type") == "text/css; charset=utf-8")
        for probe in ["/../_config.yml", "/%2e%2e/_config.yml", "/%2E%2E/_config.yml", "/css/..%2f..%2f_config.yml",
                      "/css/%2e%2e%2f%2e%2e%2f_config.yml", "/css/%2e%2e/%2e%2e/_config.yml", "/css/..%5c..%5c_config.yml",
                      "//etc/passwd", "/%2fetc%2fpasswd", "/css/%252e%252e/_config.yml"] {
            let reply = try await serve.get(probe)
            #expect(reply.status == 400 || reply.status == 404, "\(probe) → \(reply.status)")
            #expect(!reply.body.contains("title: Serving") && !reply.body.contains("root:x:"), "\(probe)")
        }
        #expect(await serve.shutdown() == 0)
    }

    @Test func symlinksOutOfTheDestinationAreRefused() async throws {
        let serve = try await ServeHarness.start(ServeTests.site)
        let destination = serve.source.appendingPathComponent("_site").path
        let manager = FileManager.default
        // A folder and a file outside the destination, and a link that stays inside it.
        try manager.createSymbolicLink(atPath: destination + "/outside", withDestinationPath: serve.source.path)
        try manager.createSymbolicLink(atPath: destination + "/config.txt", withDestinationPath: "../_config.yml")
        try manager.createSymbolicLink(atPath: destination + "/inside.css", withDestinationPath: "css/site.css")
        for probe in ["/outside/_config.yml", "/outside/", "/config.txt", "/%6futside/_config.yml", "/outside%2f_config.yml"] {
            let reply = try await serve.get(probe)
            #expect([400, 403, 404].contains(reply.status), "\(probe) → \(reply.status)")
            #expect(!reply.body.contains("title: Serving"), "\(probe)")
        }
        #expect(try await serve.get("/inside.css").body == "h1 { color: red; }\n")
        await serve.shutdown()
    }

    @Test func bannerAsJekyllPrintsIt() async throws {
        let serve = try await ServeHarness.start(ServeTests.site, arguments: ["-l", "--livereload-port", "0"])
        let lines = serve.log.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("            Source: \(serve.source.path)"))
        #expect(lines.contains(" Auto-regeneration: enabled for '\(serve.source.path)'"))
        #expect(lines.contains("LiveReload address: http://127.0.0.1:\(serve.liveReloadPort ?? -1)"))
        #expect(lines.contains("    Server address: http://127.0.0.1:\(serve.port)"))
        #expect(lines.last == "  Server running... press ctrl-c to stop.")
        #expect(await serve.shutdown() == 0)
    }

    @Test func baseurlMountsTheSite() async throws {
        let serve = try await ServeHarness.start(ServeTests.site, arguments: ["-b", "/blog"])
        let home = try await serve.get("/blog/")
        #expect(home.status == 200 && home.body.contains("href=\"/blog/css/site.css\""))
        #expect(home.body.contains("|http://localhost:\(serve.port)/blog/x</p>"))
        #expect(try await serve.get("/blog/about").status == 200)
        #expect(try await serve.get("/about").status == 404)
        #expect(serve.log.text.contains("Server address: http://127.0.0.1:\(serve.port)/blog/"))
        await serve.shutdown()
    }

    @Test func productionKeepsTheConfiguredURL() throws {
        var overrides = ServeOverrides()
        overrides.port = 4001
        let given: Value = ["url": "https://example.com", "host": "0.0.0.0", "port": "4000"]
        let configuration = Configuration(hash: given.orderedHash!)
        #expect(overrides.apply(to: configuration, jekyllEnvironment: "production")["url"] == "https://example.com")
        let development = overrides.apply(to: configuration, jekyllEnvironment: nil)
        #expect(development["url"] == "http://0.0.0.0:4001")
        #expect(development["port"] == "4001" && development["serving"] == true && development["watch"] == true)
        #expect(development["livereload_port"] == 35729)
    }

    @Test func anEditIsServedAndReloadsTheBrowser() async throws {
        let serve = try await ServeHarness.start(ServeTests.site, arguments: ["-l", "--livereload-port", "0"])
        let browser = try await ReloadListener.connect(port: try #require(serve.liveReloadPort))
        try serve.write("_posts/2024-01-01-hello.md", "---\nlayout: default\ntitle: Hello again\n---\nHello *world*.\n")
        let reload = try await browser.next()
        #expect(reload?.contains("\"command\":\"reload\"") == true && reload?.contains("\"liveCSS\":false") == true, "\(reload ?? "none")")
        #expect(try await serve.get("/").body.contains("Hello again</a>"))
        #expect(try await serve.get("/2024/01/01/hello").body.contains("Hello <em>world</em>."))

        // A stylesheet alone is swapped in place.
        try serve.write("css/site.css", "h1 { color: blue; }\n")
        // Saving the post may have taken the watcher two batches; the swap is the message naming the stylesheet.
        let swap = try await browser.next { $0.contains("/css/site.css") }
        #expect(swap?.contains("\"path\":\"/css/site.css\"") == true && swap?.contains("\"liveCSS\":true") == true,
                "\(swap ?? "none")")
        #expect(try await serve.get("/css/site.css").body == "h1 { color: blue; }\n")
        browser.close()
        await serve.shutdown()
    }

    @Test func aRebuildThatWritesNothingReloadsNothing() async throws {
        let serve = try await ServeHarness.start(ServeTests.site, arguments: ["-l", "--livereload-port", "0"])
        let browser = try await ReloadListener.connect(port: try #require(serve.liveReloadPort))
        // Saved as it was, as an editor may: the rebuild writes no file.
        try serve.write("_includes/nav.html", "<nav>{{ site.title }}</nav>\n")
        try serve.write("_drafts/idea.md", "---\ntitle: Not built without --drafts\n---\n")
        #expect(try await browser.next(seconds: 2) == nil)
        // The first message after that is the stylesheet's, not a late reload.
        try serve.write("css/site.css", "h1 { color: green; }\n")
        let swap = try await browser.next()
        #expect(swap?.contains("\"path\":\"/css/site.css\"") == true && swap?.contains("\"liveCSS\":true") == true,
                "\(swap ?? "none")")
        browser.close()
        await serve.shutdown()
    }

    @Test func aBrokenFileShowsTheOverlayUntilItIsFixed() async throws {
        let serve = try await ServeHarness.start(ServeTests.site)
        try serve.write("_includes/nav.html", "<nav>\n{{ site.title }}\n{% for x in site.posts %}\n</nav>\n")
        let broken = try await serve.waitFor("/about") { $0.body.contains("kyll-build-error") }
        #expect(broken.body.contains("_includes/nav.html:3:"), "\(broken.body)")
        #expect(broken.body.contains("&#39;for&#39; tag was never closed") || broken.body.contains("'for' tag was never closed"))
        #expect(broken.body.contains("{% for x in site.posts %}"))
        #expect(broken.body.contains("included from"))
        // The last good page is still served under it.
        #expect(broken.body.contains("About <em>us</em>."))

        try serve.write("_includes/nav.html", "<nav>fixed {{ site.title }}</nav>\n")
        let fixed = try await serve.waitFor("/about") { !$0.body.contains("kyll-build-error") }
        #expect(!fixed.body.contains("kyll-build-error"))
        #expect(fixed.body.contains("<nav>fixed Serving</nav>"))
        await serve.shutdown()
    }

    @Test func aConfigurationChangeReadsItAgain() async throws {
        let serve = try await ServeHarness.start(ServeTests.site)
        try serve.write("_config.yml", "title: Renamed\nurl: https://example.com\nexclude: [docs]\n")
        let home = try await serve.waitFor("/") { $0.body.contains("<nav>Renamed</nav>") }
        #expect(home.body.contains("<nav>Renamed</nav>"))
        #expect(try await serve.get("/docs/").status == 404)
        await serve.shutdown()
    }

    @Test func noWatchServesWithoutRebuilding() async throws {
        let serve = try await ServeHarness.start(ServeTests.site, arguments: ["--no-watch"])
        #expect(serve.log.text.contains("Auto-regeneration: disabled. Use --watch to enable."))
        try serve.write("index.html", "---\n---\nchanged\n")
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await serve.get("/").body.contains("<h1>Home</h1>"))
        await serve.shutdown()
    }

    @Test(arguments: [
        (["--livereload-port", "35800"], "require the --livereload option"),
        (["--livereload-ignore", "*.css"], "require the --livereload option"),
    ])
    func liveReloadOptionsNeedLiveReload(arguments: [String], message: String) async throws {
        do {
            let serve = try await ServeHarness.start(ServeTests.site, arguments: arguments)
            await serve.shutdown()
            Issue.record("kyll serve started with \(arguments)")
        } catch let failure as ServeHarness.ServeFailure {
            #expect(failure.log.contains(message))
        }
    }

    @Test func watchIgnoresOutputCachesAndEditorFiles() {
        let given: Value = ["source": "/s", "destination": "/s/_site", "exclude": ["drafts/", "Gemfile"],
                            "include": [".htaccess"], "cache_dir": ".jekyll-cache"]
        let configuration = Configuration(hash: given.orderedHash!)
        let ignore = WatchIgnore(configuration: configuration)
        for path in ["_site", "_site/index.html", "._site.kyll-staging", ".git", ".git/HEAD", ".jekyll-cache/x",
                     ".jekyll-metadata", "drafts/a.md", "Gemfile", "_posts/.a.md.swp", "a.md~", "#a.md#",
                     "_posts/.#a.md", "4913"] {
            #expect(ignore.ignores(path), "\(path)")
        }
        for path in ["index.md", "_posts/a.md", "_config.yml", ".htaccess", "_data/x.yml", "assets/site.css"] {
            #expect(!ignore.ignores(path), "\(path)")
        }
    }

    /// A rebuild trusts the watcher only for files a watch sees change: not through a link.
    @Test func watchedFilesAreThoseReachedWithoutALink() throws {
        let root = NSTemporaryDirectory() + "kyll-watched-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/s/_posts", withIntermediateDirectories: true)
        for file in ["s/_posts/a.md", "s/index.md", "elsewhere/b.md"] { fm.createFile(atPath: root + "/" + file, contents: Data()) }
        try fm.createSymbolicLink(atPath: root + "/s/linked", withDestinationPath: root + "/elsewhere")
        try fm.createSymbolicLink(atPath: root + "/s/link.md", withDestinationPath: root + "/elsewhere/b.md")
        let given: Value = ["source": .string(root + "/s"), "destination": .string(root + "/s/_site")]
        let watched = WatchedFiles(WatchIgnore(configuration: Configuration(hash: given.orderedHash!)))
        for path in ["_posts/a.md", "index.md", "_posts/new.md"] { #expect(watched.watches(path), "\(path)") }
        for path in ["linked/b.md", "link.md", "_site/index.html"] { #expect(!watched.watches(path), "\(path)") }
    }

    @Test func buildErrorsBecomeOverlayReports() {
        let frames = BuildErrorReport.frames("included from _includes/a.html:3:7")
            + BuildErrorReport.frames("in layout _layouts/default.html, rendering _posts/x.md")
        #expect(frames == [.init(label: "included from", file: "_includes/a.html", line: 3, column: 7),
                           .init(label: "in layout", file: "_layouts/default.html"),
                           .init(label: "rendering", file: "_posts/x.md")])
        var error = BuildError("Unknown tag 'x'", at: FileLocation(path: "/nowhere/a.md", line: 9, column: 4),
                               sourceLine: "{% x %}")
        error.chain = ["included from b.md:1:1"]
        let report = BuildErrorReport(error, source: "/nowhere")
        #expect(report.location == "a.md:9:4")
        #expect(report.excerpt == [.init(number: 9, text: "{% x %}")])
        #expect(report.chain.first?.file == "b.md")
    }
}
