import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// A stylesheet page compiled while the site is read stands in for the render's own compile only
/// when the render would compile exactly the same text.
@Suite struct EarlyConversionsTests {
    @Test(arguments: [
        ("a { color: red; }", false),
        ("a { b { c: d } }", false),
        ("a { color: { red } }", false),
        ("a { color: {{ site.color }}; }", true),
        ("{% if true %}a { b: c }{% endif %}", true),
        ("a{{b", true),
        ("", false),
    ])
    func liquidMarkupIsAnOutputOrATagOpening(text: String, holds: Bool) {
        #expect(Document.hasLiquidConstruct(text) == holds)
    }

    static let files = [
        "_config.yml": "title: Styles\ncolor: teal\nexclude: [skipped]\n",
        "assets/css/deep.scss": "---\n---\n@import \"shared\";\n.deep { width: $width; }\n",
        "skipped/excluded.scss": "---\n---\n.excluded { a: b }\n",
        "_drafts/hidden.scss": "---\n---\n.hidden { a: b }\n",
        "_sass/_shared.scss": "$width: 10px;\n",
        "plain.scss": "---\n---\n@import \"shared\";\n.plain { width: $width; }\n",
        "liquid.scss": "---\n---\n@import \"shared\";\n.liquid { color: {{ site.color }}; width: $width; }\n",
        "indented.sass": "---\n---\n.indented\n  color: red\n",
    ]

    /// The pages as the build reads them, each offered to an early compiler (on two cores, whatever
    /// the machine's) as the build does.
    static func readPages(_ root: String) throws -> (ContentConverters, EarlyConversions, [String: Document]) {
        for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger)
        var site = setup.site
        var reader = SiteReader(logger: logger)
        let early = EarlyConversions(conversion: setup.converters.sass, cores: 2)
        reader.pageRead = early.starter(for: site.converters)
        try reader.read(&site)
        return (setup.converters, early, Dictionary(uniqueKeysWithValues: site.pages.map { ($0.name, $0) }))
    }

    @Test func onlyTheSameInputTakesTheEarlyResult() throws {
        let root = NSTemporaryDirectory() + "kyll-early-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (converters, early, pages) = try Self.readPages(root)
        let plain = try #require(pages["plain.scss"]), indented = try #require(pages["indented.sass"])
        let compiled = try #require(early.stylesheetResult(for: plain.content, syntax: .scss, page: plain))
        #expect(compiled.css == (try converters.sass.convert(plain.content, syntax: .scss, page: plain)).css)
        #expect(compiled.css.contains("width: 10px"))
        #expect(early.stylesheetResult(for: indented.content, syntax: .sass, page: indented)?.css.contains("color: red") == true)
        // Another text, another syntax or another page compiles afresh.
        #expect(early.stylesheetResult(for: plain.content + "\n.more { a: b }", syntax: .scss, page: plain) == nil)
        #expect(early.stylesheetResult(for: plain.content, syntax: .sass, page: plain) == nil)
        var renamed = plain
        renamed.name = "other.scss"
        #expect(early.stylesheetResult(for: plain.content, syntax: .scss, page: renamed) == nil)
        // Liquid may change the text: not compiled early.
        let liquid = try #require(pages["liquid.scss"])
        #expect(early.stylesheetResult(for: liquid.content, syntax: .scss, page: liquid) == nil)
    }

    /// The walk started before reading finds the stylesheets the reader will read (in any folder the
    /// reader enters), and nothing in excluded or special folders.
    @Test func theWalkBeforeReadingStartsWhatTheReaderWillRead() throws {
        let root = NSTemporaryDirectory() + "kyll-early-walk-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in Self.files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: JekyllPlugins.all, logger: logger)
        let early = EarlyConversions(conversion: setup.converters.sass, cores: 2)
        early.startLooking(configuration: setup.site.configuration)
        early.waitUntilLooked()
        var site = setup.site
        try SiteReader(logger: logger).read(&site)  // no hook: only the walk started anything
        let pages = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.relativePath, $0) })
        for (path, syntax) in [("assets/css/deep.scss", ConverterKind.scss), ("plain.scss", .scss), ("indented.sass", .sass)] {
            let page = try #require(pages[path])
            #expect(early.stylesheetResult(for: page.content, syntax: syntax, page: page) != nil, "\(path)")
        }
        let liquid = try #require(pages["liquid.scss"])
        #expect(early.stylesheetResult(for: liquid.content, syntax: .scss, page: liquid) == nil)
        #expect(pages["skipped/excluded.scss"] == nil)
        for path in ["skipped/excluded.scss", "_drafts/hidden.scss", "liquid.scss"] {
            #expect(!early.hasStarted(path: Path.join(setup.site.configuration.source, path)), "\(path)")
        }
        #expect(early.hasStarted(path: Path.join(setup.site.configuration.source, "assets/css/deep.scss")))
    }

    /// The usual places (`assets/css/main.scss`…) are compiled before the walk lists anything, but
    /// only where the walk and the reader would go: not into an excluded folder, an excluded file or
    /// the destination.
    @Test(arguments: [
        ("", "assets/css/main.scss", true),
        ("", "assets/main.scss", true),
        ("", "assets/css/style.scss", true),
        ("exclude: [assets]\n", "assets/css/main.scss", false),
        ("exclude: [assets/css/main.scss]\n", "assets/css/main.scss", false),
        ("exclude: [assets/css]\n", "assets/main.scss", true),
        ("", "assets/main.scss", false),  // built into site/assets (below)
    ])
    func aUsualPlaceIsCompiledFirstWhereTheReaderGoes(config: String, path: String, compiled: Bool) throws {
        let root = NSTemporaryDirectory() + "kyll-early-usual-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try SiteRebuilderTests.Fixture.write(Path.join(root, "site/_config.yml"), "title: Usual\n" + config)
        try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), "---\n---\n.usual { a: b }\n")
        let logger = Logger(sink: { _, _ in })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, destination: compiled || path != "assets/main.scss"
                                                                         ? "site/_site" : "site/assets", logger: logger)
        let setup = try SiteSetup(configuration: configuration, plugins: [], logger: logger)
        let parts = path.split(separator: "/").map(String.init)
        let usual = ("/" + parts.dropLast().joined(separator: "/"), parts.last!)
        #expect(EarlyConversions.usualStylesheets.contains { $0 == usual })
        #expect(EarlyConversions.walkReaches(usual, filter: EntryFilter(configuration: setup.site.configuration),
                                             configuration: setup.site.configuration) == compiled)
        let early = EarlyConversions(conversion: setup.converters.sass, cores: 2)
        early.startLooking(configuration: setup.site.configuration)
        early.waitUntilLooked()
        #expect(early.hasStarted(path: Path.join(setup.site.configuration.source, path)) == compiled)
        guard compiled else { return }
        var site = setup.site
        try SiteReader(logger: logger).read(&site)
        let page = try #require(site.pages.first { $0.relativePath == path })
        #expect(early.stylesheetResult(for: page.content, syntax: .scss, page: page)?.css.contains(".usual") == true)
    }

    @Test func stylesheetsBuildTheSameWithAndWithoutLiquid() throws {
        let out = try SiteRebuilderTests.Fixture.buildOnce(Self.files)
        #expect(out["plain.css"]?.contains(".plain { width: 10px; }") == true)
        #expect(out["liquid.css"]?.contains(".liquid { color: teal; width: 10px; }") == true)
        #expect(out["indented.css"]?.contains(".indented { color: red; }") == true)
        #expect(out["assets/css/deep.css"]?.contains(".deep { width: 10px; }") == true)
        #expect(out["skipped/excluded.css"] == nil)
    }
}

extension EarlyConversionsTests {
    /// A stylesheet the reader reaches while the walk runs is compiled on the walk's thread once
    /// the walk has compiled what it found; one reached after the walk starts a thread of its own.
    @Test func aStylesheetReadDuringTheWalkWaitsForTheWalksThread() throws {
        let root = NSTemporaryDirectory() + "kyll-early-walk-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (converters, _, pages) = try Self.readPages(root)
        let held = Locked<[@Sendable () -> Void]>([])
        let early = EarlyConversions(conversion: converters.sass, cores: 2, launch: { job in held.withLock { $0.append(job) } })
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: Logger(sink: { _, _ in }))
        early.startLooking(configuration: configuration)
        let plain = try #require(pages["plain.scss"]), indented = try #require(pages["indented.sass"])
        early.start(plain, chain: [.scss, .identity])
        #expect(held.withLock(\.count) == 1)
        #expect(!early.hasCompiled(path: plain.path))
        let walk = held.withLock { $0[0] }
        walk()
        early.waitUntilLooked()
        #expect(early.hasCompiled(path: plain.path))
        let compiled = try #require(early.stylesheetResult(for: plain.content, syntax: .scss, page: plain))
        #expect(compiled.css.contains(".plain { width: 10px; }"))
        // The walk registered the others it found; a page at a new path after the walk gets a thread.
        #expect(early.hasCompiled(path: indented.path))
        var moved = indented
        moved.path += ".moved.sass"
        early.start(moved, chain: [.sass, .identity])
        #expect(held.withLock(\.count) == 2)
    }
}

/// What runs on another thread, given the cores: on one, libdispatch's pool has one thread, which
/// may be the build's own, so nothing the build waits for may be queued for it.
@Suite struct OneCoreSchedulingTests {
    @Test func oneCoreCompilesNoStylesheetEarly() throws {
        let root = NSTemporaryDirectory() + "kyll-early-one-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (converters, _, pages) = try EarlyConversionsTests.readPages(root)
        let launched = Locked(0)
        let early = EarlyConversions(conversion: converters.sass, cores: 1, launch: { _ in launched.withLock { $0 += 1 } })
        let plain = try #require(pages["plain.scss"])
        let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: Logger(sink: { _, _ in }))
        early.startLooking(configuration: configuration)
        early.start(plain, chain: [.scss, .identity])
        #expect(launched.withLock { $0 } == 0)
        #expect(!early.hasStarted(path: plain.path))
        #expect(early.stylesheetResult(for: plain.content, syntax: .scss, page: plain) == nil)
    }

    /// A compile whose job is still queued (every pool thread busy) is made by the render that
    /// wants it, not waited for; the job, run later, does nothing.
    @Test(.timeLimit(.minutes(1))) func aQueuedCompileIsMadeByItsRender() throws {
        let root = NSTemporaryDirectory() + "kyll-early-held-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (converters, _, pages) = try EarlyConversionsTests.readPages(root)
        let held = Locked<[@Sendable () -> Void]>([])
        let early = EarlyConversions(conversion: converters.sass, cores: 2, launch: { job in held.withLock { $0.append(job) } })
        let plain = try #require(pages["plain.scss"])
        early.start(plain, chain: [.scss, .identity])
        #expect(early.hasStarted(path: plain.path))
        let compiled = try #require(early.stylesheetResult(for: plain.content, syntax: .scss, page: plain))
        #expect(compiled.css.contains(".plain { width: 10px; }"))
        for job in held.withLock({ $0 }) { job() }
        #expect(early.stylesheetResult(for: plain.content, syntax: .scss, page: plain)?.css == compiled.css)
    }

    @Test func oneCoreRunsBothStepsHereInOrder() throws {
        let caller = pthread_self()
        let order = Locked<[String]>([])
        let (a, b) = try TwoCores.both(cores: 1, { () throws(BuildError) -> Bool in
            order.withLock { $0.append("first") }
            return pthread_equal(pthread_self(), caller) != 0
        }, {
            order.withLock { $0.append("second") }
            return pthread_equal(pthread_self(), caller) != 0
        })
        #expect(a && b)
        #expect(order.withLock { $0 } == ["first", "second"])
    }

    @Test(arguments: [(2, nil, 2), (1, nil, 1), (2, 1, 1), (0, nil, 1), (8, 3, 3), (2, 0, 1)] as [(Int, Int?, Int)])
    func coresAreTheAffinityWithinTheQuota(allowed: Int, quota: Int?, cores: Int) {
        #expect(ProcessorCount.cores(allowed: allowed, quota: quota) == cores)
    }
}

/// The early walk's own thread, which a one-shot build leaves waiting for the process's exit.
@Suite struct ThreadOfItsOwnTests {
    final class Held: Sendable {}

    /// The waiting thread has run its job and let go of what the job held.
    @Test(.timeLimit(.minutes(1))) func aThreadLeftWaitingReleasesItsJob() {
        let ran = DispatchSemaphore(value: 0)
        weak var weakHeld: Held?
        do {
            let held = Held()
            weakHeld = held
            ThreadOfItsOwn.run({ withExtendedLifetime(held) { _ = ran.signal() } }, waitsForExit: true)
        }
        ran.wait()
        // Released on the thread right after the job returns.
        for _ in 0..<10_000 where weakHeld != nil { usleep(100) }
        #expect(weakHeld == nil)
    }
}
