import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// A one-shot build writes each page into the staging folder as soon as it is rendered
/// (`StagedOutputs`): what a template reads of another page's `output` is unchanged, a failure
/// leaves the previous site as it was, and a site whose outputs need settling at write time (a
/// shared path, a file that is another's folder) is written at the end as before.
@Suite struct StagedOutputsTests {
    /// A source folder with a previous `_site` in it.
    final class Scratch {
        let root = NSTemporaryDirectory() + "kyll-staged-" + UUID().uuidString
        let logger = Logger(sink: { _, _ in })
        var destination: String { Path.join(root, "site/_site") }

        init(_ files: [String: String]) throws {
            for (path, text) in files { try SiteRebuilderTests.Fixture.write(Path.join(root, "site", path), text) }
            try SiteRebuilderTests.Fixture.write(Path.join(destination, "old.html"), "previous build\n")
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func build() throws {
            let configuration = try SiteRebuilderTests.Fixture.configuration(root, logger: logger)
            try SiteBuild.build(configuration, plugins: JekyllPlugins.all, logger: logger)
        }

        func text(_ path: String) -> String? {
            (try? FileSystem.read(Path.join(destination, path))).map { String(decoding: $0, as: UTF8.self) }
        }

        /// Staging or retired folders left beside the destination.
        func leftBeside() -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Path.dirname(destination))) ?? []
            return names.filter { $0.hasPrefix("._site.kyll-") }
        }
    }

    static let blog: [String: String] = [
        "_config.yml": "title: Staged\n",
        "_layouts/default.html": "<body>{{ content }}</body>\n",
        "_posts/2024-01-02-first.md": "---\nlayout: default\ntitle: First é\n---\nHello *there*.\n",
        "_posts/2024-01-03-second.md": "---\nlayout: default\ntitle: Second\n---\nAgain.\n",
    ]

    @Test func aLaterPageReadsAnEarlierOutputFromTheStagingFolder() throws {
        // Jekyll renders posts before pages: the page sees both posts' full outputs.
        let scratch = try Scratch(Self.blog.merging([
            "index.html": "---\n---\n{% for post in site.posts %}[{{ post.output }}|{{ post.output | size }}]{% endfor %}\n",
        ]) { $1 })
        try scratch.build()
        let first = "<body><p>Hello <em>there</em>.</p>\n</body>\n"
        let second = "<body><p>Again.</p>\n</body>\n"
        #expect(scratch.text("2024/01/02/first.html") == first)
        #expect(scratch.text("2024/01/03/second.html") == second)
        #expect(scratch.text("index.html") == "[\(second)|\(second.unicodeScalars.count)][\(first)|\(first.unicodeScalars.count)]\n")
        #expect(scratch.text("old.html") == nil)
        #expect(scratch.leftBeside() == [])
    }

    /// A page's outermost layout writes its buffer into the file without joining it (its long
    /// `content` a run of its own); a plugin that rewrites outputs (jemoji) still sees the whole
    /// text; a rebuild links the unchanged file.
    @Test(arguments: [false, true])
    func anOutputWrittenFromItsLayoutsBufferIsTheWholeText(rewritten: Bool) throws {
        let body = String(repeating: "Grüße, *Welt* – ", count: 400)
        let scratch = try Scratch([
            "_config.yml": rewritten ? "title: Staged\nplugins: [jemoji]\n" : "title: Staged\n",
            "_layouts/default.html": "<html><body>{{ page.title }} :+1:\n{{ content }}</body></html>\n",
            "_layouts/post.html": "---\nlayout: default\n---\n<article>{{ content }}</article>",
            "_posts/2024-01-02-long.md": "---\nlayout: post\ntitle: Long é\n---\n" + body + "\n",
        ])
        try scratch.build()
        let html = try #require(scratch.text("2024/01/02/long.html"))
        #expect(html.hasPrefix("<html><body>Long é "))
        #expect(html.contains("<img class=\"emoji\" title=\":+1:\"") == rewritten)
        #expect(html.contains("Long é :+1:\n<article><p>Grüße, <em>Welt</em> – Grüße") == !rewritten)
        #expect(html.contains("Grüße, <em>Welt</em> –</p>\n</article>"))
        #expect(html.hasSuffix("</body></html>\n"))
        #expect(html.utf8.count > 8_000)
        let path = Path.join(scratch.destination, "2024/01/02/long.html")
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        try scratch.build()
        #expect(scratch.text("2024/01/02/long.html") == html)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == before)
    }

    /// A post whose layout printed its long content as it is keeps only where that content stands
    /// in its written file; a later page that shows the content (and the excerpt made from it)
    /// reads it back from there. (The short post after it is the one whose last layout input the
    /// page's own Liquid could see, Jekyll's leaked `content`: the long one's is not kept.)
    @Test func aLaterPageReadsAnEarlierPostsContentBackFromItsOutput() throws {
        let body = String(repeating: "Grüße, *Welt* – ", count: 400)
        let scratch = try Scratch([
            "_config.yml": "title: Staged\n",
            "_layouts/default.html": "<html><body>{{ page.title }}\n{{ content }}</body></html>\n",
            "_layouts/post.html": "---\nlayout: default\n---\n<article>{{ content }}</article>",
            "_posts/2024-01-02-long.md": "---\nlayout: post\ntitle: Long é\n---\nFirst words.\n\n" + body + "\n",
            "_posts/2024-01-03-short.md": "---\nlayout: default\ntitle: Short\n---\nAgain.\n",
            "index.html": "---\nlayout: default\n---\n{% for post in site.posts %}[{{ post.excerpt }}|{{ post.content }}]{% endfor %}\n",
        ])
        try scratch.build()
        let content = "<p>First words.</p>\n\n<p>" + String(repeating: "Grüße, <em>Welt</em> – ", count: 400)
            .trimmingCharacters(in: .whitespaces) + "</p>\n"
        #expect(scratch.text("2024/01/02/long.html") == "<html><body>Long é\n<article>" + content + "</article></body></html>\n")
        #expect(scratch.text("index.html") == "<html><body>\n[<p>Again.</p>\n|<p>Again.</p>\n]"
            + "[<p>First words.</p>\n|" + content + "]\n</body></html>\n")
    }

    /// The content is read from the file the first time it is asked for, then kept: a template that
    /// shows it on every page does not read the file again.
    @Test func stagedContentIsReadOnceThenKept() throws {
        let root = NSTemporaryDirectory() + "kyll-staged-content-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try SiteRebuilderTests.Fixture.write(Path.join(root, "a/page.html"), "<main><p>Grüße</p></main>")
        let content = StagedContent(folder: try FileSystem.Folder(root), path: "a/page.html", offset: 6,
                                    count: "<p>Grüße</p>".utf8.count)
        #expect(content.text == "<p>Grüße</p>")
        try SiteRebuilderTests.Fixture.write(Path.join(root, "a/page.html"), "<main><p>other</p></main>")
        #expect(content.text == "<p>Grüße</p>")
    }

    /// Only the run that is the content's own storage locates it: equal bytes elsewhere do not.
    @Test func theContentIsLocatedByItsStorageNotByItsBytes() {
        var content = String(repeating: "held content ", count: 400)
        let copy = Array(content.utf8)
        content.withUTF8 { text in
            copy.withUnsafeBytes { equal in
                let head = UnsafeRawBufferPointer(rebasing: equal[..<5])
                let held = UnsafeRawBufferPointer(text)
                #expect(StagedOutputs.offset(of: held, in: [head, equal, held, head]) == 5 + equal.count)
                #expect(StagedOutputs.offset(of: held, in: [head, equal]) == nil)
                #expect(StagedOutputs.offset(of: held, in: [UnsafeRawBufferPointer(rebasing: held[..<100])]) == nil)
            }
        }
    }

    @Test func aFailedRenderLeavesThePreviousSiteAndNoStagingFolder() throws {
        // The posts are rendered (and staged) before the page that fails.
        let scratch = try Scratch(Self.blog.merging(["broken.html": "---\n---\n{% if %}\n"]) { $1 })
        #expect(throws: BuildError.self) { try scratch.build() }
        #expect(scratch.text("old.html") == "previous build\n")
        #expect(scratch.text("2024/01/02/first.html") == nil)
        #expect(scratch.leftBeside() == [])
    }

    @Test func outputsSharingAPathAreWrittenAtTheEndAndTheLastWins() throws {
        let scratch = try Scratch(Self.blog.merging([
            "_config.yml": "title: Staged\npermalink: /same.html\n",
            "index.html": "---\n---\n{% for post in site.posts %}[{{ post.output }}]{% endfor %}\n",
        ]) { $1 })
        try scratch.build()
        let first = "<body><p>Hello <em>there</em>.</p>\n</body>\n"
        let second = "<body><p>Again.</p>\n</body>\n"
        #expect(scratch.text("same.html") == second)
        #expect(scratch.text("index.html") == "[\(second)][\(first)]\n")
    }

    @Test func aFileThatIsAnotherOutputsFolderIsRefusedBeforeAnythingIsWritten() throws {
        let scratch = try Scratch([
            "a": "a static file\n",
            "page.html": "---\npermalink: /a/index.html\n---\nin a\n",
        ])
        do {
            try scratch.build()
            Issue.record("the build succeeded")
        } catch let error as BuildError {
            #expect("\(error)".contains("is also the folder of"))
        }
        #expect(scratch.text("old.html") == "previous build\n")
        #expect(scratch.leftBeside() == [])
    }

    /// Static files are copied into the staging folder by render workers left without a document:
    /// each arrives once, with its bytes and its source's modification time, on a first build and
    /// on one over a previous site.
    @Test func staticFilesAreCopiedWithTheirTimes() throws {
        let scratch = try Scratch(Self.blog.merging([
            "index.html": "---\n---\n{{ site.static_files | size }}\n",
            "a.txt": "plain\n",
            "assets/img/b.png": "not really a png\n",
            "assets/js/deep/c.js": "var c = 1;\n",
        ]) { $1 })
        let sources = ["a.txt", "assets/img/b.png", "assets/js/deep/c.js"]
        let past = Date(timeIntervalSince1970: 1_600_000_000.25)
        for name in sources {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: Path.join(scratch.root, "site", name))
        }
        // First into no destination at all, then over that site.
        try FileManager.default.removeItem(atPath: scratch.destination)
        for _ in 0..<2 {
            try scratch.build()
            #expect(scratch.text("index.html") == "3\n")
            for name in sources {
                #expect(scratch.text(name) == (try? String(contentsOfFile: Path.join(scratch.root, "site", name), encoding: .utf8)))
                let copied = try FileManager.default.attributesOfItem(atPath: Path.join(scratch.destination, name))
                #expect((copied[.modificationDate] as? Date) == past, "\(name)")
            }
            #expect(scratch.leftBeside() == [])
        }
    }
}
