import Foundation
import Testing

/// Jekyll's command line, command by command and flag by flag: each case runs the kyll executable
/// and Jekyll 4.3.1 with the same arguments, each in its own copy of a small site, and compares the
/// exit status, the files left in the folder afterwards (and the bytes of the built pages), and the
/// key lines both must print.
@Suite struct CommandLineDifferentialTests {
    static let site = """
        -- _config.yml --
        title: Flags
        url: https://example.com
        -- index.html --
        ---
        ---
        {{ site.title }} {{ jekyll.environment }} {{ '/x.css' | relative_url }} {% for p in site.posts %}[{{ p.title }}]{% endfor %}
        -- _posts/2020-01-01-old.md --
        ---
        title: Old
        ---
        old
        -- _posts/2020-02-01-newer.md --
        ---
        title: Newer
        ---
        newer
        -- _posts/2999-01-01-future.md --
        ---
        title: Future
        ---
        future
        -- _posts/2020-03-01-hidden.md --
        ---
        title: Hidden
        published: false
        ---
        hidden
        -- _drafts/draft.md --
        ---
        title: Draft
        ---
        draft
        -- _alt/default.html --
        ALT {{ content }}
        -- page.md --
        ---
        layout: default
        ---
        A *page*.
        -- extra.yml --
        title: Extra
        -- _plug/README --
        not a plugin
        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        /// Substrings both outputs must contain ("" for none).
        var lines: [String] = []
        /// Substrings neither output may contain.
        var linesNeither: [String] = []
        var environment: [String: String] = [:]
        /// Files written into the site before running (txtar), for the cases that need more.
        var extraFiles: String = ""
        /// Compare the files in the folder after the run.
        var compareFiles = true
        /// A difference in the files left that is known and not fixed yet (the test then expects it).
        var knownDifference: String? = nil
        /// Files kyll writes and Debian's Jekyll does not, on purpose: kyll's listing must be
        /// Jekyll's plus exactly these.
        var kyllAlsoWrites: [String] = []
        var testDescription: String { name }
    }

    static let banner = ["Configuration file:", "Source:", "Destination:", "Incremental build: disabled",
                         "Generating...", "done in", "Auto-regeneration: disabled. Use --watch to enable."]

    static let cases: [Case] = [
        Case(name: "build", arguments: ["build"], lines: banner),
        Case(name: "b", arguments: ["b"], lines: banner),
        Case(name: "build with extra words", arguments: ["build", "extra"], lines: banner),
        Case(name: "quiet", arguments: ["build", "-q"]),
        Case(name: "quiet long", arguments: ["build", "--quiet"]),
        Case(name: "verbose", arguments: ["build", "-V"], lines: banner),
        Case(name: "trace", arguments: ["build", "-t"], lines: banner),
        Case(name: "source and destination", arguments: ["build", "-s", ".", "-d", "public"], lines: banner),
        Case(name: "long source and destination", arguments: ["build", "--source", ".", "--destination", "out/site"]),
        Case(name: "config list", arguments: ["build", "--config", "_config.yml,extra.yml"], lines: ["extra.yml"]),
        Case(name: "missing config", arguments: ["build", "--config", "nope.yml"], lines: ["nope.yml' could not be found"]),
        Case(name: "baseurl", arguments: ["build", "-b", "/base"]),
        Case(name: "baseurl long", arguments: ["build", "--baseurl", "/base/"]),
        Case(name: "drafts", arguments: ["build", "-D"]),
        Case(name: "drafts long", arguments: ["build", "--drafts"]),
        // With --future Jekyll never reads the draft's date before sorting: it sorts by path.
        Case(name: "drafts and future", arguments: ["build", "--drafts", "--future"]),
        Case(name: "future", arguments: ["build", "--future"]),
        Case(name: "unpublished", arguments: ["build", "--unpublished"]),
        Case(name: "limit_posts", arguments: ["build", "--limit_posts", "1"]),
        Case(name: "limit_posts negative", arguments: ["build", "--limit_posts", "-1"],
             lines: ["limit_posts must be a non-negative number"], linesNeither: ["Source:", "Generating..."]),
        Case(name: "safe", arguments: ["build", "--safe"], lines: banner),
        Case(name: "plugins", arguments: ["build", "-p", "_plug"]),
        Case(name: "plugins long", arguments: ["build", "--plugins", "_plug,_other"]),
        Case(name: "layouts", arguments: ["build", "--layouts", "_alt"]),
        Case(name: "incremental", arguments: ["build", "-I"], lines: ["Incremental build: enabled"]),
        Case(name: "profile", arguments: ["build", "--profile"], lines: ["Filename", "Count", "Bytes", "TOTAL"]),
        Case(name: "strict_front_matter", arguments: ["build", "--strict_front_matter"], lines: banner),
        Case(name: "strict_front_matter with bad front matter", arguments: ["build", "--strict_front_matter"],
             extraFiles: "-- bad.md --\n---\ntitle: [x\n---\nbad\n", compareFiles: false),
        Case(name: "disable-disk-cache", arguments: ["build", "--disable-disk-cache"]),
        Case(name: "no-watch", arguments: ["build", "--no-watch"], lines: banner),
        Case(name: "force_polling", arguments: ["build", "--force_polling"], lines: banner),
        Case(name: "lsi", arguments: ["build", "--lsi"], lines: ["Generating..."]),
        Case(name: "JEKYLL_ENV", arguments: ["build"], environment: ["JEKYLL_ENV": "production"]),
        Case(name: "Liquid error", arguments: ["build"], lines: ["Liquid Exception:"],
             extraFiles: "-- broken.html --\n---\n---\n{% if %}\n", compareFiles: false),
        Case(name: "bad flag", arguments: ["build", "--bogus"],
             lines: ["| Error:  Whoops, we can't understand your command.", "--bogus",
                     "| Error:  Run your command again with the --help switch to see available options."]),
        // Jekyll stops with an uncaught OptionParser exception here; only the status is compared.
        Case(name: "missing value", arguments: ["build", "--limit_posts"], lines: ["--limit_posts"]),
        Case(name: "unknown command", arguments: ["frobnicate"], lines: ["fatal: '", " frobnicate' could not be found."]),
        Case(name: "no command", arguments: [], lines: ["A subcommand is required."]),
        Case(name: "version", arguments: ["--version"], lines: ["4.3.1"]),
        Case(name: "version short", arguments: ["-v"]),
        Case(name: "help", arguments: ["help"], lines: ["build", "clean", "doctor", "new-theme"]),
        Case(name: "help build", arguments: ["help", "build"],
             lines: ["--destination", "--drafts", "--limit_posts", "--strict_front_matter", "--disable-disk-cache"]),
        Case(name: "help unknown", arguments: ["help", "nothing"],
             lines: ["Hmm... we don't know what the 'nothing' command is.", "Valid commands:"]),
        Case(name: "build help", arguments: ["build", "--help"], lines: ["--baseurl", "--unpublished"]),
        Case(name: "clean", arguments: ["clean"],
             lines: ["Cleaner: Nothing to do for", "Nothing to do for .sass-cache."]),
        Case(name: "clean after build", arguments: ["clean"], lines: ["Cleaner: Removing"],
             extraFiles: "-- _site/old.html --\nold\n-- .jekyll-cache/x --\nx\n"),
        Case(name: "clean with build flags", arguments: ["clean", "-q", "--drafts", "-w", "--force_polling"]),
        Case(name: "doctor", arguments: ["doctor"], lines: ["Your test results", "are in. Everything looks fine."]),
        Case(name: "hyde", arguments: ["hyde"], lines: ["Everything looks fine."]),
        Case(name: "doctor with global options", arguments: ["doctor", "--safe", "-t", "--config", "_config.yml"]),
        Case(name: "doctor rejects -q", arguments: ["doctor", "-q"], lines: ["Whoops"]),
        Case(name: "doctor without url", arguments: ["doctor", "--config", "extra.yml"],
             lines: ["Warning: You didn't set an URL in the config file",
                     "Your site URL does not seem to be absolute"]),
        Case(name: "doctor conflicts", arguments: ["doctor"],
             lines: ["Conflict: The following destination is shared by multiple files."],
             extraFiles: "-- one.md --\n---\npermalink: /same.html\n---\n1\n-- two.md --\n---\npermalink: /same.html\n---\n2\n"),
        Case(name: "doctor case", arguments: ["doctor"], lines: ["The following URLs only differ by case."],
             extraFiles: "-- a.md --\n---\npermalink: /Case/\n---\n1\n-- b.md --\n---\npermalink: /case/\n---\n2\n"),
        Case(name: "doctor relative permalinks", arguments: ["doctor", "--config", "_config.yml,rel.yml"],
             lines: ["Deprecation: Your site still uses relative permalinks"],
             extraFiles: "-- rel.yml --\nrelative_permalinks: true\n"),
        Case(name: "doctor posts outside collections_dir", arguments: ["doctor", "--config", "_config.yml,cd.yml"],
             lines: ["Detected '_posts' directory outside custom `collections_dir`!"],
             extraFiles: "-- cd.yml --\ncollections_dir: my\n-- my/.keep --\n"),
        // The starter site's `.gitignore` is in the RubyGems gem's template (lib/site_template/.gitignore)
        // but not in Debian's package of it, so Debian's `jekyll new` writes none; kyll writes the gem's.
        Case(name: "new", arguments: ["new", "fresh", "--skip-bundle"],
             lines: ["New jekyll site installed in", "Bundle install skipped."], kyllAlsoWrites: ["fresh/.gitignore"]),
        Case(name: "new blank", arguments: ["new", "blank", "--blank"], lines: ["New jekyll site installed in"]),
        Case(name: "new into a folder that is not empty", arguments: ["new", "_posts", "--skip-bundle"],
             lines: ["exists and is not empty."]),
        Case(name: "new force", arguments: ["new", "_posts", "--force", "--skip-bundle"],
             lines: ["New jekyll site installed in"], kyllAlsoWrites: ["_posts/.gitignore"]),
        Case(name: "new-theme", arguments: ["new-theme", "my-theme"], lines: ["Your new Jekyll theme, my-theme,"]),
    ]

    @Test(.enabled(if: Oracle.shouldRun, "Jekyll 4.3.1 is not installed (KYLL_REQUIRE_ORACLE=1 makes this a failure)"),
          arguments: cases)
    func sameAsJekyll(_ c: Case) throws {
        guard let jekyll = Oracle.require(), let kyll = KyllExecutable.path else {
            if KyllExecutable.path == nil { Issue.record("the kyll executable was not found") }
            return
        }
        let folder = try TemporaryDirectory("kyll-flags")
        func prepare(_ name: String) throws -> URL {
            let site = folder.sub(name)
            try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
            try FixtureSite(Self.site + "\n" + c.extraFiles).write(into: site)
            return site
        }
        let jekyllSite = try prepare("jekyll"), kyllSite = try prepare("kyll")
        // The two programs run at once, each in its own copy of the site.
        let jekyllEnvironment = c.environment.merging(Oracle.offlineEnvironment) { _, oracle in oracle }
        let (expected, actual) = try Self.concurrently(
            { try runProgram(jekyll, c.arguments, directory: jekyllSite, environment: jekyllEnvironment) },
            { try runProgram(kyll, c.arguments, directory: kyllSite, environment: c.environment) })
        let context = "jekyll (\(expected.status)):\n\(expected.output)\nkyll (\(actual.status)):\n\(actual.output)"
        #expect(actual.status == expected.status, "\(context)")
        for line in c.lines {
            #expect(expected.output.withoutColors.contains(line), "Jekyll does not print '\(line)': \(context)")
            #expect(actual.output.withoutColors.contains(line), "kyll does not print '\(line)': \(context)")
        }
        for line in c.linesNeither {
            #expect(!expected.output.withoutColors.contains(line), "Jekyll prints '\(line)': \(context)")
            #expect(!actual.output.withoutColors.contains(line), "kyll prints '\(line)': \(context)")
        }
        if expected.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            #expect(actual.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(context)")
        }
        guard c.compareFiles else { return }
        if let known = c.knownDifference {
            withKnownIssue(Comment(rawValue: known)) {
                Self.compareFiles(jekyllSite, kyllSite, kyllAlsoWrites: c.kyllAlsoWrites, context: context)
            }
        } else {
            Self.compareFiles(jekyllSite, kyllSite, kyllAlsoWrites: c.kyllAlsoWrites, context: context)
        }
    }

    /// Runs `first` on another thread while `second` runs on this one.
    static func concurrently<A, B>(_ first: @escaping @Sendable () throws -> A,
                                   _ second: () throws -> B) throws -> (A, B) {
        let box = ResultBox<A>()
        Thread.detachNewThread {
            box.result = Result { try first() }
            box.done.signal()
        }
        let b = Result { try second() }
        box.done.wait()
        return (try box.result!.get(), try b.get())
    }

    /// One thread's result, handed over by the semaphore's signal.
    private final class ResultBox<A>: @unchecked Sendable {
        var result: Result<A, any Error>?
        let done = DispatchSemaphore(value: 0)
    }

    /// The same files and folders (but for `kyllAlsoWrites`), and the same bytes in the built pages
    /// and in the cache's `.gitignore`. The other files' contents are not compared: `new`'s starter
    /// files hold kyll's own text (the project writes its own prose, never Jekyll's).
    static func compareFiles(_ jekyllSite: URL, _ kyllSite: URL, kyllAlsoWrites: [String], context: String) {
        let jekyllFiles = Self.listing(jekyllSite), kyllFiles = Self.listing(kyllSite)
        let expectedFiles = jekyllFiles.union(kyllAlsoWrites)
        for extra in kyllAlsoWrites {
            #expect(!jekyllFiles.contains(extra), "Jekyll now writes \(extra) too: \(context)")
        }
        #expect(kyllFiles == expectedFiles, "\(context)\nonly Jekyll: \(expectedFiles.subtracting(kyllFiles).sorted())\nonly kyll: \(kyllFiles.subtracting(expectedFiles).sorted())")
        for path in jekyllFiles.intersection(kyllFiles).sorted() where Self.comparesBytes(path) {
            let a = try? Data(contentsOf: jekyllSite.appendingPathComponent(path))
            let b = try? Data(contentsOf: kyllSite.appendingPathComponent(path))
            #expect(a == b, "\(path) differs: \(context)")
        }
    }

    /// Where Jekyll's Ruby classes keep their caches (`Jekyll--Cache`, `Jekyll--Converters--Markdown`,
    /// …, one folder per class holding Marshal dumps named by SHA-256 of the key).
    static let rubyCaches = ".jekyll-cache/Jekyll/Cache/"

    /// The files and folders under `root`, with three things left out or blurred, each for a reason:
    /// - in `.jekyll-cache/Jekyll/Cache`, everything but `Jekyll--Cache` (the folder every run with
    ///   a disk cache makes, which kyll makes too): the other class folders and all the cached
    ///   entries are Ruby Marshal data that kyll neither reads nor writes;
    /// - what is inside `.git` (new-theme runs `git init`; git's own files say nothing of the scaffold);
    /// - the date in the name of `new`'s first post, `_posts/YYYY-MM-DD-welcome-to-jekyll.markdown`:
    ///   it is the day each program ran, and the two runs may straddle midnight.
    static func listing(_ root: URL) -> Set<String> {
        var paths: Set<String> = []
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        while let path = walker.nextObject() as? String {
            if path.contains("/.git/") { continue }
            if let cache = path.firstRange(of: rubyCaches), path[cache.upperBound...] != "Jekyll--Cache" { continue }
            paths.insert(Self.withoutPostDate(path))
        }
        return paths
    }

    static func withoutPostDate(_ path: String) -> String {
        let suffix = "-welcome-to-jekyll.markdown"
        guard path.hasSuffix(suffix), let posts = path.range(of: "_posts/", options: .backwards) else { return path }
        let name = path[posts.upperBound...]
        let date = name.dropLast(suffix.count)
        guard date.count == 10, date.allSatisfy({ $0.isNumber || $0 == "-" }) else { return path }
        return path[..<posts.upperBound] + "DATE" + suffix
    }

    static func comparesBytes(_ path: String) -> Bool {
        if path.hasSuffix(".jekyll-cache/.gitignore") { return true }
        return (path.hasSuffix(".html") || path.hasSuffix(".xml"))
            && (path.hasPrefix("_site/") || path.hasPrefix("public/") || path.hasPrefix("out/"))
    }
}

extension String {
    /// Without the terminal colour escapes Jekyll's and kyll's loggers add.
    var withoutColors: String {
        var out = ""
        var inEscape = false
        for c in self {
            if inEscape {
                if c.isLetter { inEscape = false }
            } else if c == "\u{1B}" {
                inEscape = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
