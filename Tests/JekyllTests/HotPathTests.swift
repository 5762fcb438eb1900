import CByteScan
import Foundation
import Liquid
import Testing
@testable import Jekyll

/// Paths the build takes thousands of times per site, rewritten for speed: the fast cases (plain
/// ASCII) and the slow ones (escapes, dot segments, Unicode) must give what they gave before.
@Suite struct HotPathTests {
    @Test(arguments: [
        ("/assets/css/main.css", "/assets/css/main.css"),
        ("/a/./b/../c", "/a/c"),
        ("/a/..", "/"),
        ("/.well-known/x", "/.well-known/x"),
        ("/a b/ü", "/a%20b/%C3%BC"),
        ("/x%7e%2f", "/x~%2F"),
        ("/tags/#c++", "/tags/#c++"),
        ("/p?q=a b&r", "/p?q=a%20b&r"),
    ])
    func uriNormalization(input: String, expected: String) {
        #expect(URIReference(input).normalized().description == expected)
    }

    @Test(arguments: [
        ("https://example.com/a", "https", "example.com", "/a"),
        ("mailto:me@example.com", "mailto", nil, "me@example.com"),
        ("/a:b/c", nil, nil, "/a:b/c"),
        ("a/b:c", nil, nil, "a/b:c"),
        ("//cdn.example/x", nil, "cdn.example", "/x"),
    ] as [(String, String?, String?, String)])
    func uriSplitting(input: String, scheme: String?, authority: String?, path: String) {
        let uri = URIReference(input)
        #expect(uri.scheme == scheme)
        #expect(uri.authority == authority)
        #expect(uri.path == path)
    }

    @Test(arguments: [
        ("/about/", "/blog", "/blog/about/"),
        ("about", "/blog/", "/blog/about"),
        ("https://x.org/a", "/blog", "https://x.org/a"),
        ("/a/./b", "/blog", "/blog/a/b"),
        ("/.well-known/x", nil, "/.well-known/x"),
        ("/a b", "", "/a%20b"),
    ] as [(String, String?, String)])
    func relativeURL(path: String, baseurl: String?, expected: String) {
        #expect(SiteURL.relative(path, baseurl: baseurl) == expected)
    }

    /// Without a base URL the path comes back as it is (given a leading slash); `//` and dot
    /// segments still go through normalization.
    @Test(arguments: [
        ("/about/", nil), ("about", ""), ("", "/"), ("/", nil), ("//x/y", ""), ("/a/./b", nil),
        ("a/../b", "/"), ("/p?q", nil), ("/a b", nil), ("/x", "/blog"),
    ] as [(String, String?)])
    func relativeURLWithoutBase(path: String, baseurl: String?) {
        // The definition: base and path joined with slashes, normalized.
        var base = baseurl ?? ""
        if base.hasSuffix("/") { base.removeLast() }
        let joined = [base, path].map(SiteURL.ensureLeadingSlash).joined()
        #expect(SiteURL.relative(path, baseurl: baseurl) == URIReference(joined).normalized().description)
    }

    /// The two-byte test of a leading `//` agrees with `hasPrefix` (short, long, non-ASCII texts).
    @Test(arguments: ["", "/", "//", "///", "/a", "a/", "a//", "//cdn.org/x", "/é", "é//", "/" + String(repeating: "x", count: 40)])
    func startsWithTwoSlashes(text: String) {
        #expect(SiteURL.startsWithTwoSlashes(text) == text.hasPrefix("//"))
    }

    /// `absolute_url` joins a plain origin and a plain path without normalizing: the same as
    /// normalizing the joined text (the definition), for plain and for other inputs.
    @Test(arguments: [
        ("/about/", "https://example.com", nil), ("about", "https://example.com", "/blog"),
        ("/a/", "https://Example.com", nil), ("/a/", "https://example.com:443", nil),
        ("/a/", "https://example.com/", "/b/"), ("/a b/", "https://example.com", nil),
        ("", "https://example.com", nil), ("/.well-known/x", "http://x.org", nil),
        ("//cdn/x", "https://example.com", nil), ("/a/", "HTTP://x.org", nil), ("/p", "https://x-y.org", ""),
        ("/a/", "http://localhost:4000", nil), ("/a/", "http://localhost:80", nil), ("/a/", "https://x.org:80", nil),
        ("/a/", "http://x.org:443", "/b"), ("/a/", "http://x.org:04000", nil), ("/a/", "http://x.org:65535", nil),
    ] as [(String, String, String?)])
    func absoluteURLIsTheNormalizedJoin(path: String, url: String, baseurl: String?) {
        let normalized = URIReference(url + SiteURL.relative(path, baseurl: baseurl)).normalized().description
        #expect(SiteURL.absolute(path, url: url, baseurl: baseurl) == normalized)
    }

    /// Where the site has an `absolutePrefix`, a plain path from the root joined to it is what
    /// `absolute` gives (`{% seo %}` joins a page's canonical URL so).
    @Test(arguments: [
        ("/about/", "https://example.com", nil), ("/a-b/c/", "https://example.com", ""), ("/a/", "http://localhost:4000", "/"),
        ("/a/", "https://Example.com", nil), ("/a/", "https://example.com:443", nil), ("/a/", "https://example.com/", nil),
        ("/a/", "https://example.com", "/blog"), ("/a b/", "https://example.com", nil), ("//cdn/x", "https://example.com", nil),
        ("/.well-known/x", "http://x.org", nil), ("about", "https://example.com", nil), ("/ü", "https://example.com", nil),
        ("", "https://example.com", nil), ("/p", "", nil),
    ] as [(String, String, String?)])
    func absolutePrefixJoinsPlainPaths(path: String, url: String, baseurl: String?) {
        let prefix = SiteURL.absolutePrefix(url: url, baseurl: baseurl)
        #expect((SiteURL.joined(prefix: prefix, path) == nil) == (prefix == nil || !SiteURL.isPlainRootPath(path)))
        guard let joined = SiteURL.joined(prefix: prefix, path) else { return }
        #expect(joined == SiteURL.absolute(path, url: url, baseurl: baseurl))
    }

    @Test func absolutePrefixOfPlainSitesOnly() {
        #expect(SiteURL.absolutePrefix(url: "https://example.com", baseurl: nil) == "https://example.com")
        #expect(SiteURL.absolutePrefix(url: "http://localhost:4000", baseurl: "/") == "http://localhost:4000")
        #expect(SiteURL.absolutePrefix(url: "https://example.com", baseurl: "/blog") == nil)
        #expect(SiteURL.absolutePrefix(url: "https://Example.com", baseurl: "") == nil)
        #expect(SiteURL.absolutePrefix(url: "", baseurl: "") == nil)
        #expect(SiteURL.isPlainRootPath("/a-b/c/") && !SiteURL.isPlainRootPath("//cdn/x") && !SiteURL.isPlainRootPath("a/")
            && !SiteURL.isPlainRootPath("/a/../b") && !SiteURL.isPlainRootPath("/a b"))
    }

    /// `date_to_xmlschema` written directly prints what the `strftime` pattern prints.
    @Test(arguments: [
        (Int64(0), 0), (1_700_000_000, 3600), (1_700_000_000, -18000), (-1_000_000_000, 19800),
        (253_402_300_799, 0), (-62_135_596_800, 0), (-62_135_596_801, 0), (1_600_000_000, -34200),
        (1_600_000_000, 45 * 60), (1_600_000_000, -(45 * 60)), (253_402_300_800, 0),
    ] as [(Int64, Int)])
    func xmlschema(seconds: Int64, offset: Int) {
        let time = TimeValue(seconds: seconds, utcOffset: offset, zone: .fixedOffset)
        #expect(DateFilters.xmlschema(time) == DateFilter.strftime(.time(time), "%Y-%m-%dT%H:%M:%S%:z"))
    }

    /// A document drop's keys are told apart by their hashes, then confirmed whole.
    @Test func documentDropMethods() {
        for key in DocumentDrop.methodKeys {
            #expect(DocumentDrop.method(key) != nil, "\(key)")
        }
        #expect(DocumentDrop.method("relative_path") == .path)
        #expect(DocumentDrop.method("next") == .next)
        #expect(DocumentDrop.method("name") == .name)
        #expect(DocumentDrop.method("collection") == .collection)
        #expect(DocumentDrop.method("categories") == .frontMatter)
        #expect(DocumentDrop.method("content") == .content)
        #expect(DocumentDrop.method("excerpt") == .excerpt)
        for key in ["", "nxme", "nexe", "layout", "tits", "n", "urls", "Url", "categorios", "collectiom", "dat\u{E9}", "path/"] {
            #expect(DocumentDrop.method(key) == nil, "\(key)")
        }
        // Exactly the rendered text's keys are recorded as reads of the rendered document.
        let rendered = DocumentDrop.methodKeys.filter { DocumentDrop.method($0)?.readsRendered == true }
        #expect(Set(rendered) == ["content", "output", "excerpt"])
    }

    /// Each method name has a slot of its own in the drop's table (no scan on a read); a table
    /// with more names than slots scans, and finds the same.
    @Test func documentDropMethodTable() {
        #expect(!DocumentDrop.MethodTable.shared.scans)
        #expect(DocumentDrop.namedMethod("title") == .frontMatter)
        let names = (0..<70).map { "key\($0)" }
        let crowded = DocumentDrop.MethodTable(names.map { ($0, .url) })
        #expect(crowded.scans)
        for name in names { #expect(crowded.method(name, hash: OrderedHash.storedHash(of: name)) == .url) }
        #expect(crowded.method("key70", hash: OrderedHash.storedHash(of: "key70")) == nil)
        // A name whose hash is given wrong is not taken for another.
        #expect(DocumentDrop.MethodTable.shared.method("url", hash: OrderedHash.storedHash(of: "date")) == nil)
    }

    /// The site drop's computed keys are told apart by length and a byte or two, then confirmed whole;
    /// every other key (the configuration's, a collection's label) is none of them.
    @Test func siteDropMethods() {
        for key in SiteDrop.methodKeys {
            #expect(SiteDrop.method(key) != nil, "\(key)")
        }
        #expect(SiteDrop.method("pages") == .pages)
        #expect(SiteDrop.method("posts") == .posts)
        #expect(SiteDrop.method("related_posts") == .relatedPosts)
        for key in ["", "p", "poses", "paces", "tams", "title", "url", "tag", "tagz", "Posts", "projects", "timed", "dat\u{E9}", "configs"] {
            #expect(SiteDrop.method(key) == nil, "\(key)")
        }
    }

    @Test func plainPathBytes() {
        for b in UInt8(0)...255 {
            let expected = b < 128 && b != UInt8(ascii: ":") && (b == UInt8(ascii: "/") || URIReference.isPathCharacter(b))
            #expect(SiteURL.isPlainPathByte(b) == expected, "byte \(b)")
        }
    }

    /// How a plain path starts, for `relative_url`; nil for one that is not plain.
    @Test(arguments: [
        ("", .empty), ("a", .relative), ("/", .rooted), ("//", .doubleSlash), ("/a/", .rooted), ("a//b", .relative),
        ("//cdn.org/x", .doubleSlash), ("/a:b", nil), (".", nil), ("/" + String(repeating: "x", count: 40), .rooted),
        (String(repeating: "ab", count: 20) + "/./", nil), ("//" + String(repeating: "x", count: 15) + "/.x", nil),
        (String(repeating: "x", count: 16), .relative), (String(repeating: "x", count: 15) + ".", .relative),
    ] as [(String, SiteURL.PlainPathStart?)])
    func plainPathStart(text: String, start: SiteURL.PlainPathStart?) {
        #expect(SiteURL.plainPathStart(text) == start)
    }

    /// Eight bytes at a time gives what byte by byte gives: strings of lengths around the word
    /// size, dot segments on either side of a word's edge, non-ASCII, bytes just outside the ranges.
    @Test func plainPathByWords() {
        func byteByByte(_ s: String) -> Bool {
            var previous = UInt8(ascii: "/")
            for b in s.utf8 {
                guard SiteURL.isPlainPathByte(b) else { return false }
                if b == UInt8(ascii: ".") && previous == UInt8(ascii: "/") { return false }
                previous = b
            }
            return true
        }
        let pieces = ["a", "z", "0", "9", "-", "/", ".", "_", ":", "%", "\u{E9}", "?", "`", "{", "@", ",", "A", "ab/", "/.", "1234567"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var plainCount = 0
        for _ in 0..<20_000 {
            var s = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(seed >> 60) {
                s += pieces[Int((seed >> UInt64(k * 3 % 55)) % UInt64(pieces.count))]
            }
            if byteByByte(s) { plainCount += 1 }
            #expect(SiteURL.isPlainPath(s) == byteByByte(s), "\(s)")
        }
        #expect(plainCount > 1000)
        #expect(SiteURL.isPlainPath("/life/2014/01/01/lessons-workflow-theme-slow-tools/"))
        #expect(!SiteURL.isPlainPath("/life/2014/01/01/lessons-workflow/./theme-slow-tools/"))
        #expect(!SiteURL.isPlainPath("/life/2014/01/01/lessons-workflow-theme-slow-tools/."))
        #expect(SiteURL.isPlainPath("/life/2014/01/01/lessons-workflow-theme-slow-tools/a.html"))
        // A dot segment at each position of texts one to three words long.
        for length in [7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 40] {
            for at in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                bytes[at] = UInt8(ascii: ".")
                if at > 0 { bytes[at - 1] = UInt8(ascii: "/") }
                let s = String(decoding: bytes, as: UTF8.self)
                #expect(!SiteURL.isPlainPath(s), "\(s)")
                if at > 0 { bytes[at - 1] = UInt8(ascii: "y") }
                #expect(SiteURL.isPlainPath(String(decoding: bytes, as: UTF8.self)) == (at > 0), "\(at) in \(length)")
            }
        }
    }

    /// `absolute_url`: the fast join of a plain origin and a plain path, and the normalizing one.
    @Test(arguments: [
        ("/about/", "https://example.com", "", "https://example.com/about/"),
        ("/about/", "https://Example.COM", "", "https://example.com/about/"),
        ("/about/", "https://example.com:443", "/blog", "https://example.com/blog/about/"),
        ("/a/./b/", "http://example.com", nil, "http://example.com/a/b/"),
        ("x y", "https://example.com", "/", "https://example.com/x%20y"),
        ("/p", "https://example.com/", "", "https://example.com//p"),
        ("https://other.org/Q", "https://example.com", "", "https://other.org/Q"),
        ("/p", "", "/base", "/base/p"),
        ("/ü", "https://example.com", nil, "https://example.com/%C3%BC"),
        ("/about/", "http://localhost:4000", "", "http://localhost:4000/about/"),
        ("/about/", "http://localhost:80", "", "http://localhost/about/"),
        ("/about/", "https://localhost:443", "", "https://localhost/about/"),
        ("/about/", "https://localhost:80", "", "https://localhost:80/about/"),
        ("/about/", "http://localhost:04000", "", "http://localhost:04000/about/"),
    ] as [(String, String, String?, String)])
    func absoluteURL(path: String, url: String, baseurl: String?, expected: String) {
        #expect(SiteURL.absolute(path, url: url, baseurl: baseurl) == expected)
    }

    @Test(arguments: [
        ("https://example.com", true), ("http://a-b.example.org", true), ("https://Example.com", false),
        ("https://example.com/", false), ("https://example.com:8080", true), ("http://localhost:80", false),
        ("https://x.org:443", false), ("http://x.org:443", true), ("http://x.org:0", false), ("http://x.org:08", false),
        ("http://x.org:", false), ("http://x.org:99999", false), ("http://x.org:1:2", false), ("ftp://x.org", false),
        ("https://", false), ("https://.x", false), ("https://x.", false), ("https://u@x.org", false),
        ("http://x.org:65535", true), ("http://x.org:65536", false), ("http://x.org:123456", false), ("http://x.org:8a", false),
        ("", false), ("http", false), ("http://localhost:41719", true), ("http://x:81/", false), ("http://:81", false),
    ])
    func plainOrigin(url: String, plain: Bool) {
        #expect(SiteURL.isPlainOrigin(url) == plain)
    }

    @Test func linkDefinitionsOfTheRest() {
        let tail = "text [a]\n[a]: http://x\n  [b]: y \"t\"\n    [c]: z\n[]: q\n[d]:\n[e] : no\r\n[f]: crlf\r\n"
        let found = Excerpt.linkDefinitions(in: tail[...]).map { [$0.label, $0.rest] }
        #expect(found == [["[a]", ": http://x"], ["[b]", ": y \"t\""], ["[f]", ": crlf\r"]])
    }

    /// Only lines with a `]:` are looked at: the definition on the text's first line, one whose
    /// line has another `]:` later, and none where the line's first `]` is not followed by `:`.
    @Test func linkDefinitionsFoundFromTheirColon() {
        let tail = "[z]: first\nx[0]: code\n[g] h]: no\n[h]: one]: two\nend ]:\n   [i]:last"
        let found = Excerpt.linkDefinitions(in: tail[...]).map { [$0.label, $0.rest] }
        #expect(found == [["[z]", ": first"], ["[h]", ": one]: two"], ["[i]", ":last"]])
    }

    @Test(arguments: [
        ("plain text", false), ("{{ x }}", true), ("a {% if %}", true), ("{ {", false), ("{", false),
        ("ends with {", false), ("{%", true), ("ü{{", true), ("{x{{", true), ("", false),
    ])
    func liquidConstruct(text: String, has: Bool) {
        #expect(Document.hasLiquidConstruct(text) == has)
    }

    /// `rendersLiquid` is worked out when the content is set, however it is set: made with it,
    /// replaced, changed in place, and in a copy changed apart from the document it came from.
    @Test func rendersLiquidFollowsTheContent() {
        var doc = Document(kind: .page, path: "/s/a.md", relativePath: "a.md", name: "a.md", content: "plain")
        #expect(!doc.rendersLiquid)
        doc.content = "now {{ page.title }}"
        #expect(doc.rendersLiquid)
        let before = doc
        doc.content.removeAll()
        #expect(!doc.rendersLiquid)
        #expect(before.rendersLiquid)
        doc.content.append("{% if x %}{% endif %}")
        #expect(doc.rendersLiquid)
        doc.data["render_with_liquid"] = .bool(false)
        #expect(!doc.rendersLiquid)
    }

    @Test(arguments: [("same bytes", "same bytes", true), ("", "", true), ("abc", "abd", false), ("ab", "abc", false)])
    func bytesEqual(a: String, b: String, equal: Bool) {
        var a = a, b = b
        #expect(a.withUTF8 { x in b.withUTF8 { y in ByteSearch.equal(x, y) } } == equal)
    }

    /// The excerpt cut matches code points as Ruby's `partition` does: `\r\n\n` holds `\n\n`,
    /// though Swift sees `\r\n` as one character.
    @Test(arguments: [
        ("one\n\ntwo", "\n\n", "one"),
        ("one\r\n\ntwo", "\n\n", "one\r"),
        ("no cut here", "\n\n", "no cut here"),
        ("ü<!--more-->rest", "<!--more-->", "ü"),
        ("cut at end\n\n", "\n\n", "cut at end"),
        ("[a] used\n\nrest\n[a]: /x\n[b]: /y", "\n\n", "[a] used\n\n[a]: /x"),
        ("a] used\n\nrest\n[a]: /x", "\n\n", "a] used"),
        ("x[a] used\n\nrest\n[a]: /x", "\n\n", "x[a] used\n\n[a]: /x"),
    ])
    func excerptCut(content: String, separator: String, excerpt: String) {
        #expect(Excerpt.extract(from: content, separator: separator).text == excerpt)
    }

    @Test(arguments: [
        ("plain/url/", "plain/url/"), ("a&b<c>\"d'e", "a&amp;b&lt;c&gt;&quot;d&apos;e"), ("ü & é", "ü &amp; é"),
        ("\r\n<", "\r\n&lt;"), ("", ""), ("&amp;", "&amp;amp;"),
    ])
    func xmlEscape(input: String, expected: String) {
        #expect(XML.escape(input) == expected)
    }

    /// Ruby's `gsub` with a plain string; a text without the target (looked for first) comes back as it is.
    @Test(arguments: [
        ("/a/index.html", "/a/"), ("/index.html/b/index.html", "//b/"), ("/a/b/", "/a/b/"), ("/index.htm", "/index.htm"),
        ("index.html", "index.html"), ("/index.html", "/"), ("ü/index.html", "ü/"), ("/index.html/index.html", "//"),
    ])
    func replacingAllIndex(input: String, expected: String) {
        #expect(input.replacingAll("/index.html", with: "/") == expected)
    }

    /// Ruby's `gsub(/\s+/, " ").strip` (ASCII whitespace only), fast path and slow.
    @Test(arguments: [
        ("plain words", "plain words"),
        ("", ""),
        ("  a \n  b\t c  ", "a b c"),
        ("a\r\nb", "a b"),
        ("x\u{0B}y\u{0C}z", "x y z"),
        ("trailing ", "trailing"),
        (" leading", "leading"),
        ("   ", ""),
        ("non\u{A0}breaking stays", "non\u{A0}breaking stays"),
        ("Zürich  ü", "Zürich ü"),
    ])
    func normalizedWhitespace(input: String, expected: String) {
        #expect(TextFilters.normalizeWhitespace(input) == expected)
    }

    /// Ruby's `split.length` by default; CJK characters count one each in "cjk" mode.
    @Test(arguments: [
        ("one two  three", nil, 3),
        ("", nil, 0),
        ("  lead and trail  ", nil, 3),
        ("a\tb\nc\r\nd\u{0B}e\u{0C}f", nil, 6),
        ("x\u{A0}y", nil, 1),
        ("日本語 hello 世界", "cjk", 6),
        ("日本語 hello 世界", nil, 3),
        (String(repeating: "word ", count: 41), nil, 41),
        // Past 255 blocks of 16 bytes, where the per-lane counts are added up and restarted.
        (String(repeating: "word ", count: 3000), nil, 3000),
        (String(repeating: "w", count: 4081) + String(repeating: " x", count: 800), nil, 801),
        (String(repeating: "ab\tcd  efghijklmnopqrstu\n", count: 7) + "x", nil, 22),
        ("                 spaces first, then seventeen words across the sixteen-byte blocks of the count a b c d e", nil, 17),
    ] as [(String, String?, Int)])
    func wordCounts(input: String, mode: String?, expected: Int) {
        #expect(TextFilters.wordCount(input, mode: mode) == expected)
    }

    /// The whole chunks of 256 bytes, the shorter chunk after them and the byte tail agree with a
    /// count byte by byte, for lengths across the blocks and chunks, spaces and words mixed; so do
    /// the vector count and each version of `CByteScan`'s this CPU has (64-byte steps, sixteens,
    /// the byte tail).
    @Test func wordCountsMatchByteByByteCount() {
        let pieces = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "a", "b", "ü", "\u{0}", "\u{1F}", "\u{0E}", "\u{08}", "語"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for length in Array(0...100) + [240, 255, 256, 257, 271, 272, 273, 511, 512, 527, 4064, 4065, 4080, 4096, 8130, 8200, 16_400] {
            for _ in 0..<4 {
                let text = (0..<length).map { _ in pieces[next() % pieces.count] }.joined()
                let bytes = Array(text.utf8)
                var expected = 0
                for (i, b) in bytes.enumerated() where !TextFilters.isSpace(b) && (i == 0 || TextFilters.isSpace(bytes[i - 1])) {
                    expected += 1
                }
                #expect(TextFilters.wordCount(text, mode: nil) == expected, "length \(length)")
                #expect(bytes.withUnsafeBufferPointer { TextFilters.vectorWordStarts(in: $0) } == expected, "length \(length)")
                for version in [KYLL_WORD_STARTS_BYTEWISE, KYLL_WORD_STARTS_SSE2, KYLL_WORD_STARTS_AVX2] {
                    var starts = 0
                    let ran = (bytes + [0]).withUnsafeBufferPointer { kyll_word_starts_using(version, $0.baseAddress!, bytes.count, &starts) }
                    if ran { #expect(starts == expected, "version \(version.rawValue), length \(length)") }
                }
            }
        }
    }
}
