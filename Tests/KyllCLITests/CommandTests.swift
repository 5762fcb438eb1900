import Foundation
import Testing

/// `kyll build` and `kyll clean` as commands: banner, flags, errors and exit statuses.
@Suite struct CommandTests {
    static let site = """
        -- _config.yml --
        title: Commands
        url: https://example.com
        -- index.md --
        ---
        layout: plain
        ---
        Base: {{ '/x.css' | relative_url }} Title: {{ site.title }}
        -- _layouts/plain.html --
        <body>{{ content }}</body>
        """

    func makeSite(_ text: String = CommandTests.site) throws -> (TemporaryDirectory, URL) {
        let folder = try TemporaryDirectory("kyll-cmd")
        let source = folder.sub("site")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FixtureSite(text).write(into: source)
        return (folder, source)
    }

    func read(_ url: URL) -> String? {
        (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func bannerLinesAsJekyllPrintsThem() throws {
        let (folder, source) = try makeSite()
        defer { withExtendedLifetime(folder) {} }
        let result = KyllRunner.run(["build"], in: source)
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "Configuration file: \(source.path)/_config.yml")
        #expect(lines.contains("            Source: \(source.path)"))
        #expect(lines.contains("       Destination: \(source.path)/_site"))
        #expect(lines.contains(" Incremental build: disabled. Enable with --incremental"))
        #expect(lines.contains("      Generating... "))
        #expect(lines.contains { $0.hasPrefix("                    done in ") && $0.hasSuffix(" seconds.") })
        #expect(lines.last == " Auto-regeneration: disabled. Use --watch to enable.")
        #expect(read(source.appendingPathComponent("_site/index.html"))?.contains("Base: /x.css Title: Commands") == true)
    }

    @Test func quietPrintsNothing() throws {
        let (folder, source) = try makeSite()
        defer { withExtendedLifetime(folder) {} }
        let result = KyllRunner.run(["build", "-q"], in: source)
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
    }

    @Test func baseurlAndSeveralConfigFiles() throws {
        let (folder, source) = try makeSite()
        defer { withExtendedLifetime(folder) {} }
        let extra = folder.url.appendingPathComponent("extra.yml")
        try Data("title: Overridden\n".utf8).write(to: extra)
        let out = folder.sub("out")
        let result = KyllRunner.run(["build", "-q", "-b", "/blog", "-d", out.path, "--config", "_config.yml,\(extra.path)"],
                                    in: source)
        #expect(result.status == 0, "\(result.output)")
        #expect(read(out.appendingPathComponent("index.html")) == "<body><p>Base: /blog/x.css Title: Overridden</p>\n</body>\n")
    }

    @Test func malformedConfigurationIsALocatedErrorAndKeepsTheSite() throws {
        let (folder, source) = try makeSite()
        defer { withExtendedLifetime(folder) {} }
        let site = source.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: site.appendingPathComponent("old.html"))
        try Data("title: x\nfoo: [a, b\nbar: 1\n".utf8).write(to: source.appendingPathComponent("_config.yml"))
        let result = KyllRunner.run(["build"], in: source)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("_config.yml:3:4: error: did not find expected ',' or ']'") == true, "\(result.output)")
        #expect(lines.count > 2 && lines[1] == "bar: 1" && lines[2] == "   ^", "\(result.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["old.html"])
    }

    @Test func malformedFrontMatterIsALocatedErrorWhenStrictAndKeepsTheSite() throws {
        let (folder, source) = try makeSite()
        defer { withExtendedLifetime(folder) {} }
        #expect(KyllRunner.run(["build", "-q"], in: source).status == 0)
        let built = read(source.appendingPathComponent("_site/index.html"))
        try Data("---\ntitle: [x\n---\nhi\n".utf8).write(to: source.appendingPathComponent("index.md"))
        let result = KyllRunner.run(["build", "--strict_front_matter"], in: source)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("index.md:3:1: error: did not find expected ',' or ']'"), "\(result.output)")
        #expect(result.standardError.contains("\n---\n^"), "\(result.output)")
        #expect(result.standardError.contains("\nindex.md:2:8: note: a flow sequence started here\ntitle: [x\n       ^"),
                "\(result.output)")
        #expect(read(source.appendingPathComponent("_site/index.html")) == built)
    }

    @Test func malformedFrontMatterIsALocatedWarningAsInJekyll() throws {
        let (folder, source) = try makeSite()
        defer { withExtendedLifetime(folder) {} }
        try Data("---\ntitle: [x\n---\nhi\n".utf8).write(to: source.appendingPathComponent("index.md"))
        let result = KyllRunner.run(["build"], in: source)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.standardError.contains("YAML Exception reading \(source.path)/index.md: "), "\(result.output)")
        #expect(result.standardError.contains("\nindex.md:3:1: warning: did not find expected ',' or ']'"), "\(result.output)")
        // The body is still built, without the front matter's data.
        #expect(read(source.appendingPathComponent("_site/index.html"))?.contains("<p>hi</p>") == true)
    }

    @Test func liquidErrorsNameTheFileLineAndColumnCountingFrontMatter() throws {
        let (folder, source) = try makeSite("""
            -- index.html --
            ---
            title: x
            ---
            one
            {% if %}
            """)
        defer { withExtendedLifetime(folder) {} }
        let result = KyllRunner.run(["build", "-q"], in: source)
        #expect(result.status == 1)
        // Jekyll's own line first (lines counted after the front matter), then the located error.
        #expect(result.standardError.contains("Liquid Exception: Liquid syntax error (line 2): "), "\(result.output)")
        #expect(result.standardError.contains("\nindex.html:5:4: error: "), "\(result.output)")
        #expect(result.standardError.contains("\n{% if %}\n   ^"), "\(result.output)")
    }

    @Test func cleanRemovesTheSiteAndCachesOnly() throws {
        let (folder, source) = try makeSite()
        defer { withExtendedLifetime(folder) {} }
        #expect(KyllRunner.run(["build", "-q"], in: source).status == 0)
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: source.appendingPathComponent("_site/index.html").path))
        #expect(fm.fileExists(atPath: source.appendingPathComponent(".jekyll-cache").path))
        let result = KyllRunner.run(["clean"], in: source)
        #expect(result.status == 0)
        #expect(!fm.fileExists(atPath: source.appendingPathComponent("_site").path))
        #expect(!fm.fileExists(atPath: source.appendingPathComponent(".jekyll-cache").path))
        #expect(fm.fileExists(atPath: source.appendingPathComponent("index.md").path))
        #expect(fm.fileExists(atPath: source.appendingPathComponent("_layouts/plain.html").path))
        #expect(result.standardOutput.contains("Cleaner: Removing \(source.path)/_site..."))
    }

    @Test func destinationMayNotContainTheSource() throws {
        let (folder, source) = try makeSite()
        defer { withExtendedLifetime(folder) {} }
        let result = KyllRunner.run(["build", "-d", source.deletingLastPathComponent().path], in: source)
        #expect(result.status == 1)
        #expect(result.standardError.contains("Destination directory cannot be or contain the Source directory."))
    }
}

extension CommandTests {
    @Test func keepFilesSurviveAndStaleFilesGo() throws {
        let (folder, source) = try makeSite("""
            -- _config.yml --
            keep_files: [.git, kept]
            -- index.html --
            ---
            ---
            home
            """)
        defer { withExtendedLifetime(folder) {} }
        let site = source.appendingPathComponent("_site")
        #expect(KyllRunner.run(["build", "-q"], in: source).status == 0)
        let fm = FileManager.default
        try fm.createDirectory(at: site.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("git".utf8).write(to: site.appendingPathComponent(".git/config"))
        try Data("kept".utf8).write(to: site.appendingPathComponent("kept-file.txt"))
        try Data("stale".utf8).write(to: site.appendingPathComponent("stale.html"))
        #expect(KyllRunner.run(["build", "-q"], in: source).status == 0)
        #expect(read(site.appendingPathComponent(".git/config")) == "git")
        #expect(read(site.appendingPathComponent("kept-file.txt")) == "kept")
        #expect(!fm.fileExists(atPath: site.appendingPathComponent("stale.html").path))
        #expect(read(site.appendingPathComponent("index.html")) == "home\n")
        // Nothing of the staging folder is left beside the site.
        #expect(try fm.contentsOfDirectory(atPath: source.path).filter { $0.contains(".kyll-") } == [])
    }

    @Test func permalinksCannotWriteOutsideTheDestination() throws {
        let (folder, source) = try makeSite("""
            -- evil.html --
            ---
            permalink: /../../../outside.html
            ---
            evil
            """)
        defer { withExtendedLifetime(folder) {} }
        #expect(KyllRunner.run(["build", "-q"], in: source).status == 0)
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: folder.url.appendingPathComponent("outside.html").path))
        #expect(!fm.fileExists(atPath: source.appendingPathComponent("outside.html").path))
        #expect(fm.fileExists(atPath: source.appendingPathComponent("_site/outside.html").path))
    }
}

extension CommandTests {
    @Test func unchangedFilesAreNotRewritten() throws {
        let (folder, source) = try makeSite("""
            -- a.html --
            ---
            ---
            same
            -- b.html --
            ---
            ---
            {{ site.title }}
            -- static.txt --
            static
            """)
        defer { withExtendedLifetime(folder) {} }
        let site = source.appendingPathComponent("_site")
        func inode(_ name: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(name).path)[.systemFileNumber]
                 as? Int) ?? -1
        }
        #expect(KyllRunner.run(["build", "-q"], in: source).status == 0)
        let (a, b, s) = (try inode("a.html"), try inode("b.html"), try inode("static.txt"))
        try Data("title: Changed\n".utf8).write(to: source.appendingPathComponent("_config.yml"))
        #expect(KyllRunner.run(["build", "-q"], in: source).status == 0)
        #expect(try inode("a.html") == a)
        #expect(try inode("static.txt") == s)
        #expect(try inode("b.html") != b)
        #expect(read(site.appendingPathComponent("b.html")) == "Changed\n")
    }
}

/// The progress line: drawn on a terminal (here a pseudo-terminal made by `script`), erased when
/// the build ends, and never written to a pipe.
@Suite struct ProgressLineTests {
    static func site(pages: Int) -> String {
        "-- _config.yml --\ntitle: Many\n" + (0..<pages).map { "-- p\($0).md --\n---\n---\n# Page \($0)\n{{ site.title }}\n" }.joined()
    }

    @Test func drawnOnATerminalOnly() throws {
        let kyll = try #require(KyllExecutable.path)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let folder = try TemporaryDirectory("kyll-progress")
        try FixtureSite(Self.site(pages: 300)).write(into: folder.url)
        let typescript = folder.url.appendingPathComponent("typescript")
        let command = "KYLL_PROGRESS_DELAY=0 '\(kyll)' build 2>/dev/tty"
        let terminal = try runProgram("/usr/bin/script", ["-qec", command, typescript.path], directory: folder.url)
        #expect(terminal.status == 0, "\(terminal.output)")
        let seen = (try? String(contentsOf: typescript, encoding: .utf8)) ?? ""
        #expect(seen.contains("Rendering... "), "\(seen)")
        #expect(seen.contains("/300"), "\(seen)")
        // Erased before the last lines, not drawn again.
        let lastErase = try #require(seen.range(of: "\r\u{1B}[K", options: .backwards))
        #expect(!seen[lastErase.upperBound...].contains("Rendering..."), "\(seen)")
        #expect(seen[lastErase.upperBound...].contains("Auto-regeneration: disabled."), "\(seen)")

        let piped = try runProgram(kyll, ["build"], directory: folder.url, environment: ["KYLL_PROGRESS_DELAY": "0"])
        #expect(piped.status == 0)
        #expect(!piped.output.contains("Rendering..."))
        #expect(!piped.output.contains("\u{1B}[K"))
    }
}
