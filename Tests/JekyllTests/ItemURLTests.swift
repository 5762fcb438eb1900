import Liquid
import Testing
@testable import Jekyll

/// Items' URLs, whose placeholders are told by their bytes and written straight into the URL: what
/// Jekyll 4.3.1 makes of them, and the same as the placeholders' values as strings give.
@Suite struct ItemURLTests {
    static let posts = CollectionInfo(label: "posts", metadata: OrderedHash([("output", .bool(true))]))
    /// 2014-01-01 13:13:00 UTC, a Wednesday.
    static let date = TimeValue(seconds: 1_388_581_980, utcOffset: 0, zone: .utc)

    private func post(_ name: String, _ data: [(String, Value)], date: TimeValue? = ItemURLTests.date) -> Document {
        var doc = Document(kind: .item(collection: "posts"), path: "/site/_posts/" + name,
                           relativePath: "_posts/" + name, name: name, content: "")
        doc.data = OrderedHash(data)
        doc.date = date
        doc.outputExtension = ".html"
        return doc
    }

    private func url(_ doc: Document, _ template: String) throws -> String {
        var doc = doc
        doc.data["permalink"] = .string(template)
        return try doc.itemURL(collection: Self.posts, permalinkStyle: "date", siteTime: Self.date)
    }

    /// The URL from the placeholders' values as strings (`urlPlaceholder`).
    private func urlFromStrings(_ doc: Document, _ template: String) throws -> String {
        let clock = WallClock(doc.date ?? Self.date)
        let filled = try URLTemplate.fill(template) { doc.urlPlaceholder($0, collection: Self.posts, clock: clock) }
        return URLPath.sanitize(filled)
    }

    static let templates = [
        "/:categories/:year/:month/:day/:title/", "/:categories/:year/:month/:day/:title:output_ext",
        "/:year/:i_month/:i_day/:short_year/:hour:minute:second/", "/:month_:day_/:slug/", "/:collection/:name/",
        "/:categories/:year/:y_day/:title:output_ext", "/:year/W:week/:w_day/:short_day/:long_day/:title",
        "/:short_month/:long_month/:w_year/:slugified_categories/:path/", "/x:/:Year/:title.html", "/:year_/:day_/x",
    ]

    static let documents: [(name: String, data: [(String, Value)])] = [
        ("2014-01-01-lessons-workflow.md", [("categories", .array(["Life"])), ("slug", "Lessons Workflow")]),
        ("2014-01-01-lessons-workflow.md", [("categories", .array(["A b", "b", "a b"])), ("title", "T")]),
        ("2014-01-01-naïve café.md", [("categories", .array([]))]),
        ("note.markdown", [("categories", "one"), ("slug", .nil)]),
        ("2015-12-10-mountain-careful-theme-go.md", [("categories", .array(["life"])), ("slug", "mountain-careful-theme-go")]),
        ("2015-12-10-x.md", [("categories", .array(["news", "news", "Life", "a?b"])), ("slug", "Go--On-")]),
        ("2015-12-10-y.md", [("categories", .array(["a#b"])), ("slug", .int(42))]),
        ("2015-12-10-z.md", [("categories", .array([.int(7), "", "x/y"]))]),
    ]

    @Test(arguments: ItemURLTests.templates)
    func bytesAndStringsAgree(template: String) throws {
        for (name, data) in Self.documents {
            for date in [Self.date, TimeValue(seconds: -30_610_224_000, utcOffset: 0, zone: .utc),
                         TimeValue(seconds: 253_402_300_800, utcOffset: 3_600, zone: .fixedOffset)] {
                let doc = post(name, data, date: date)
                #expect(try url(doc, template) == urlFromStrings(doc, template), "\(template) of \(name), \(date)")
            }
        }
    }

    /// Jekyll 4.3.1's URLs for a post `2014-01-01-lessons-workflow.md` of 2014-01-01 13:13 UTC.
    @Test(arguments: [
        ("/:categories/:year/:month/:day/:title/", "/life/2014/01/01/Lessons-Workflow/"),
        ("/:categories/:year/:month/:day/:title:output_ext", "/life/2014/01/01/Lessons-Workflow.html"),
        ("/:year/:i_month/:i_day/:short_year/:hour:minute:second/", "/2014/1/1/14/131300/"),
        ("/:month_:day_/:slug/", "/01_01_/lessons-workflow/"),
        ("/:collection/:name/", "/posts/2014-01-01-lessons-workflow/"),
        ("/:year/:y_day/:w_day/:short_day/:week", "/2014/001/3/Wed/01"),
        ("/x:/:Year/:title.html", "/x:/:Year/Lessons-Workflow.html"),
    ])
    func jekyllURLs(template: String, expected: String) throws {
        let doc = post("2014-01-01-lessons-workflow.md", [("categories", .array(["Life"])), ("slug", "Lessons Workflow")])
        #expect(try url(doc, template) == expected)
    }

    /// A dashed-words source is its own pretty, cased slug (what lets `:title` skip slugifying).
    @Test(arguments: ["lessons-workflow", "A1-b2-C3", "x", "a--b", "-a", "a-", "a b", "a_b", "naïve", "a.b", ""])
    func dashedWordsAreTheirOwnSlug(source: String) {
        var bytes = source
        let dashed = bytes.withUTF8 { Document.isDashedWords($0) }
        #expect(dashed == ["lessons-workflow", "A1-b2-C3", "x"].contains(source))
        if dashed { #expect(Slugify.slugify(source, mode: "pretty", cased: true) == source) }
    }

    /// Eight bytes at a time, as a byte at a time: every ASCII byte and a second dash at each place
    /// of slugs long enough to take whole words, across the words' edges too.
    @Test func dashedWordsWordByWord() {
        func reference(_ bytes: [UInt8]) -> Bool {
            guard let first = bytes.first, first != 0x2D, bytes.last != 0x2D else { return false }
            return zip(bytes, bytes.dropFirst()).allSatisfy { !($0 == 0x2D && $1 == 0x2D) }
                && bytes.allSatisfy { $0 == 0x2D || URLPath.isAlphanumeric($0) }
        }
        let base = Array("lessons-workflow-theme-9-Z".utf8)
        var cases: [[UInt8]] = []
        for at in base.indices {
            for byte in UInt8(0)...UInt8(0xFF) {
                var changed = base
                changed[at] = byte
                cases.append(changed)
            }
            var twoDashes = base
            twoDashes[at] = 0x2D
            if at + 1 < base.count { twoDashes[at + 1] = 0x2D }
            cases.append(twoDashes)
        }
        for bytes in cases + (1...base.count).map { Array(base.prefix($0)) } {
            let dashed = bytes.withUnsafeBufferPointer { Document.isDashedWords($0) }
            #expect(dashed == reference(bytes), "\(bytes)")
        }
    }

    @Test func categoriesLowercasedOnce() throws {
        let doc = post("2014-01-01-a.md", [("categories", .array(["B", "a", "b"])), ("slug", "a")])
        #expect(try url(doc, "/:categories/:title/") == "/b/a/a/")
    }

    @Test func unknownPlaceholder() {
        let doc = post("2014-01-01-a.md", [])
        let error = #expect(throws: BuildError.self) { try url(doc, "/:nope_/") }
        #expect(error?.message == "The URL template doesn't have nope_ or nope keys. Check your permalink template!")
    }

    @Test(arguments: WallClockTests.times)
    func numericPlaceholdersWritten(_ time: TimeValue) {
        let clock = WallClock(time)
        for name in WallClock.placeholderFormats.keys.sorted() + ["title", "yea", "years"] {
            let written = try? URLTemplate.fill(":" + name) { bytes, url in clock.writeNumericPlaceholder(bytes, to: &url) }
            if let written {
                #expect(written == clock.placeholder(name), "\(name) of \(time)")
            } else {
                // Only names of the clock's other fields, and years outside 1000–9999, are left to it.
                #expect(!["year", "month", "day", "i_month", "i_day", "short_year", "hour", "minute", "second"].contains(name)
                        || !(1000...9999).contains(time.components.year), "\(name) of \(time)")
            }
        }
    }
}
