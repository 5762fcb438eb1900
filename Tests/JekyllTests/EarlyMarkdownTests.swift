import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// A Markdown page converted by the walk before reading stands in for the render's own
/// conversion only when the render would convert exactly the same text.
@Suite struct EarlyMarkdownTests {
    static let files = [
        "_config.yml": "title: Pages\n",
        "_pages/plain.md": "---\ntitle: Plain\n---\n# Plain\n\nSome *text* [link](/x).\n",
        "liquid.md": "---\n---\n# {{ site.title }}\n",
        "nofront.md": "# No front matter\n",
        "third.md": "---\n---\nThird *page*.\n",
        "_posts/2020-01-01-post.md": "---\n---\nA post.\n",
    ]

    /// The site of `files` after the walk (on a second core) has finished, then read.
    static func walkedAndRead(_ files: [String: String]) throws -> (EarlyConversions, Site, SiteSetup) {
        let root = NSTemporaryDirectory() + "kyll-early-md-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger)
        let early = EarlyConversions(conversion: setup.converters.sass, markdown: setup.converters.markdown, cores: 2)
        early.startLooking(configuration: setup.site.configuration)
        early.waitUntilLooked()
        var site = setup.site
        try SiteReader(logger: logger).read(&site)
        return (early, site, setup)
    }

    @Test func theWalkConvertsLiquidFreePagesOnly() throws {
        var files = Self.files
        files["_config.yml"] = "title: Pages\ninclude: [_pages]\n"
        let (early, site, setup) = try Self.walkedAndRead(files)
        let pages = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.relativePath, $0) })
        let plain = try #require(pages["_pages/plain.md"])
        let converted = try #require(early.markdownResult(for: plain.content, page: plain))
        #expect(converted == (try setup.converters.markdown.convertReportingWarnings(plain.content)))
        #expect(converted.html.contains("<em>text</em>"))
        // Another text or another page converts afresh; Liquid may change the text.
        #expect(early.markdownResult(for: plain.content + "\nmore", page: plain) == nil)
        var moved = plain
        moved.path += ".other"
        #expect(early.markdownResult(for: plain.content, page: moved) == nil)
        let liquid = try #require(pages["liquid.md"])
        #expect(early.markdownResult(for: liquid.content, page: liquid) == nil)
        // Posts are no pages; a file without front matter is a static file.
        for post in site.posts { #expect(early.markdownResult(for: post.content, page: post) == nil) }
        #expect(pages["nofront.md"] == nil)
    }

    /// At most `EarlyMarkdown.limit` pages are converted early; the others as before.
    @Test func theWalkConvertsAFewPagesAtMost() throws {
        var files = ["_config.yml": "title: Many\n"]
        for i in 0..<5 { files["page\(i).md"] = "---\n---\nPage \(i).\n" }
        let (early, site, _) = try Self.walkedAndRead(files)
        #expect(site.pages.count == 5)
        #expect(site.pages.filter { early.hasConvertedMarkdown(path: $0.path) }.count == EarlyMarkdown.limit)
        // The others are converted by whoever renders them.
        for page in site.pages where !early.hasConvertedMarkdown(path: page.path) {
            #expect(early.markdownResult(for: page.content, page: page) == nil)
        }
    }

    /// A build of `files` on `cores` whose walk has finished before the read begins: each output's
    /// text by path, and the paths of the pages whose early conversion the render took.
    /// `earlyLaunch`: runs the early conversions' jobs (nil: on threads of their own).
    static func build(_ files: [String: String], cores: Int,
                      earlyLaunch: (@Sendable (@escaping @Sendable () -> Void) -> Void)? = nil)
        throws -> (outputs: [String: String], taken: [String]) {
        let root = NSTemporaryDirectory() + "kyll-early-build-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger,
                                  looksForStylesheets: true, cores: cores, earlyLaunch: earlyLaunch)
        let early = setup.converters.earlyConversions
        early.waitUntilLooked()
        _ = try SiteBuild.build(configuration, setup: setup, timer: PhaseTimer(), logger: logger, progress: nil)
        let out = Path.join(root, "site/_site")
        var outputs: [String: String] = [:]
        for path in FileSystem.walkFiles(out) {
            outputs[path] = String(decoding: try FileSystem.read(Path.join(out, path)), as: UTF8.self)
        }
        let source = setup.site.configuration.source
        let taken = files.keys.sorted().filter { early.markdownWasTaken(path: Path.join(source, $0)) }
        return (outputs, taken)
    }

    /// On two cores the render takes the walk's conversion of each Liquid-free page, and the site
    /// is what one core builds, converting every page in the render.
    @Test func pagesBuildTheSameWithEarlyConversions() throws {
        var files = Self.files
        files["_config.yml"] = "title: Pages\ninclude: [_pages]\n"
        let early = try Self.build(files, cores: 2)
        // The post may have been converted ahead of the render too (see `convertAhead`).
        #expect(early.taken.filter { !$0.hasPrefix("_posts/") } == ["_pages/plain.md", "third.md"])
        let late = try Self.build(files, cores: 1)
        #expect(late.taken.isEmpty)
        #expect(early.outputs == late.outputs)
        #expect(early.outputs["_pages/plain.html"]?.contains("<h1 id=\"plain\">Plain</h1>") == true)
        #expect(early.outputs["liquid.html"]?.contains("<h1 id=\"pages\">Pages</h1>") == true)
        #expect(early.outputs["third.html"]?.contains("<p>Third <em>page</em>.</p>") == true)
    }
}

extension EarlyMarkdownTests {
    @Test(arguments: [("", "", true), ("a", "a", true), ("a", "b", false), ("ab", "a", false), ("é", "e\u{301}", false),
                      ("long text " + String(repeating: "x", count: 100), "long text " + String(repeating: "x", count: 100), true)])
    func textsAreComparedByBytes(first: String, second: String, same: Bool) {
        #expect(EarlyMarkdown.sameBytes(first, second) == same)
    }
}

extension EarlyMarkdownTests {
    /// The search through a page's bytes finds what the character-by-character test found.
    @Test(arguments: ["{", "a{", "{%", "x{ {y", "{{", "}{", String(repeating: "a{ ", count: 200) + "{%",
                      String(repeating: "é{ ", count: 200), "{\u{301}{"])
    func liquidMarkupFoundInLongTextsToo(text: String) {
        var afterBrace = false
        var holds = false
        for byte in text.utf8 {
            if afterBrace && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%")) { holds = true }
            afterBrace = byte == UInt8(ascii: "{")
        }
        #expect(Document.hasLiquidConstruct(text) == holds)
    }
}

/// Documents converted ahead of the render, between the read and the render (`convertAhead`).
extension EarlyMarkdownTests {
    static let posts = [
        "_config.yml": "title: Posts\n",
        "_posts/2020-01-01-first.md": "---\n---\nThe *first* post.\n",
        "_posts/2020-01-02-liquid.md": "---\n---\n# {{ site.title }}\n",
        "_posts/2020-01-03-raw.md": "---\nrender_with_liquid: false\n---\nShown as {{ written }}.\n",
        "_posts/2020-01-04-last.md": "---\n---\nThe *last* post.\n",
        "page.md": "---\n---\nA *page*.\n",
    ]

    /// The site of `posts`, read, and early conversions whose jobs run when `launch` says.
    static func readForAhead(cores: Int = 2, launch: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void)
        throws -> (EarlyConversions, Site, SiteSetup) {
        let root = NSTemporaryDirectory() + "kyll-early-ahead-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in posts { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger)
        let early = EarlyConversions(conversion: setup.converters.sass, markdown: setup.converters.markdown, cores: cores,
                                     launch: launch)
        var site = setup.site
        try SiteReader(logger: logger).read(&site)
        return (early, site, setup)
    }

    /// Every document whose render converts its body unchanged is converted, and the render takes
    /// the conversion for that text only; a body with Liquid markup is left to the render.
    @Test func documentsWithoutLiquidAreConvertedAhead() throws {
        let (early, site, setup) = try Self.readForAhead(launch: { $0() })
        #expect(early.convertAhead(site))
        let documents = Dictionary(uniqueKeysWithValues: (site.posts + site.pages).map { ($0.relativePath, $0) })
        for name in ["_posts/2020-01-01-first.md", "_posts/2020-01-03-raw.md", "_posts/2020-01-04-last.md", "page.md"] {
            let doc = try #require(documents[name])
            let converted = try #require(early.markdownResult(for: doc.content, page: doc))
            #expect(converted == (try setup.converters.markdown.convertReportingWarnings(doc.content)))
            #expect(early.markdownResult(for: doc.content + "\nmore", page: doc) == nil)
        }
        let liquid = try #require(documents["_posts/2020-01-02-liquid.md"])
        #expect(early.markdownResult(for: liquid.content, page: liquid) == nil)
        #expect(try #require(documents["_posts/2020-01-03-raw.md"]).content.contains("{{ written }}"))
    }

    /// Stopped before it began, it converts nothing: the render converts every document.
    @Test func conversionAheadStopsWhenTheRenderBegins() throws {
        let held = Locked<[@Sendable () -> Void]>([])
        let (early, site, _) = try Self.readForAhead(launch: { job in held.withLock { $0.append(job) } })
        #expect(early.convertAhead(site))
        early.stopConvertingAhead()
        for job in held.withLock({ $0 }) { job() }
        #expect(held.withLock(\.count) == 1)
        for doc in site.posts + site.pages { #expect(early.markdownResult(for: doc.content, page: doc) == nil) }
    }

    /// The posts as soon as they are read, the other documents after the read: documents given
    /// while the thread runs join its queue (one thread, converting them before the earlier ones).
    @Test func documentsGivenLaterJoinTheRunningConversion() throws {
        let held = Locked<[@Sendable () -> Void]>([])
        let (early, site, _) = try Self.readForAhead(launch: { job in held.withLock { $0.append(job) } })
        #expect(early.convertAhead(site.posts, converters: site.converters))
        #expect(early.convertAhead(site, except: ["posts"]))
        #expect(held.withLock(\.count) == 1)
        for job in held.withLock({ $0 }) { job() }
        for doc in site.posts + site.pages where !doc.rendersLiquid {
            #expect(early.markdownResult(for: doc.content, page: doc) != nil)
        }
        // Once its queue is empty the thread ends; documents given later start another.
        #expect(early.convertAhead(site.pages, converters: site.converters))
        #expect(held.withLock(\.count) == 2)
    }

    /// An eighth of the documents given (four at least) are converted at most, the last first.
    @Test func aFewOfManyDocumentsAreConvertedAhead() throws {
        let (early, site, _) = try Self.readForAhead(launch: { $0() })
        var posts: [Document] = []
        for i in 0..<48 {
            var post = site.posts[0]
            post.path += ".\(i)"
            post.content = "Post *\(i)*.\n"
            posts.append(post)
        }
        _ = early.convertAhead(posts, converters: site.converters)
        let converted = posts.indices.filter { early.markdownResult(for: posts[$0].content, page: posts[$0]) != nil }
        #expect(converted == Array(42..<48))
    }

    /// On one core nothing is converted ahead (there is no other core to do it).
    @Test func nothingIsConvertedAheadOnOneCore() throws {
        let held = Locked<[@Sendable () -> Void]>([])
        let (early, site, _) = try Self.readForAhead(cores: 1, launch: { job in held.withLock { $0.append(job) } })
        #expect(!early.convertAhead(site))
        #expect(held.withLock(\.isEmpty))
    }

    /// A build that fails after its posts were read (in `_data`, read last) stops the conversion
    /// ahead it started for them: its thread, still queued, converts nothing.
    @Test func aBuildFailingBeforeItsRenderStopsTheConversionAhead() throws {
        var files = Self.posts
        for day in 10...28 { files["_posts/2021-01-\(day)-post.md"] = "---\n---\nPost *\(day)*.\n" }
        files["_data/broken.yml"] = "a: [\n"
        let root = NSTemporaryDirectory() + "kyll-early-failed-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let held = Locked<[@Sendable () -> Void]>([])
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger,
                                  looksForStylesheets: true, cores: 2,
                                  earlyLaunch: { job in held.withLock { $0.append(job) } })
        #expect(throws: BuildError.self) {
            try SiteBuild.build(configuration, setup: setup, timer: PhaseTimer(), logger: logger, progress: nil)
        }
        #expect(held.withLock(\.count) == 2)  // the walk, and the conversion ahead of the posts
        for job in held.withLock({ $0 }) { job() }
        let early = setup.converters.earlyConversions
        let source = setup.site.configuration.source
        for name in files.keys where name.hasPrefix("_posts/") {
            #expect(!early.hasConvertedMarkdown(path: Path.join(source, name)))
        }
        #expect(early.hasConvertedMarkdown(path: Path.join(source, "page.md")))  // the walk's
    }

    /// A site of posts builds the same on two cores, its render taking the conversions made
    /// ahead of it (run in place here, so that they are made before the render begins), as on one.
    @Test func postsBuildTheSameConvertedAhead() throws {
        var files = Self.posts
        for day in 10...28 { files["_posts/2021-01-\(day)-post.md"] = "---\n---\nPost *\(day)*, [link](/x).\n" }
        let ahead = try Self.build(files, cores: 2, earlyLaunch: { $0() })
        let late = try Self.build(files, cores: 1)
        // Four of the 23 posts as they are read (an eighth, four at least), the last first; after
        // the read four more: the other posts wait with the page, which the walk had converted.
        #expect(ahead.taken == (21...28).map { "_posts/2021-01-\($0)-post.md" } + ["page.md"])
        #expect(late.taken.isEmpty)
        #expect(ahead.outputs == late.outputs)
        #expect(ahead.outputs["2020/01/04/last.html"]?.contains("<p>The <em>last</em> post.</p>") == true)
    }
}
