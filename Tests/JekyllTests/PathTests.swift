import Testing
@testable import Jekyll

@Suite struct PathTests {
    @Test(arguments: [
        ("foo.", "."), (".profile", ""), (".a.b", ".b"), ("a.b.c", ".c"), ("a/b.c/d", ""), ("foo..", "."),
        ("index.html", ".html"),
        // Ruby (3.x) finds dots code point by code point, so a dot with a combining mark is one.
        ("a.\u{301}", ".\u{301}"), ("..\u{301}x", ""), (".\u{301}.b", ".b"),
    ])
    func extname(path: String, expected: String) {
        #expect(Path.extname(path) == expected)
    }

    @Test(arguments: [
        (".hidden", true), ("a/.b", true), ("a/b/.c/d", true), ("dir/", false), ("a.b/c.d", false), ("", false),
        ("a/b", false), ("posts/2014-01-01-a.md", false), ("a//.x", true), ("a/./b", true), ("x/", false),
    ])
    func hiddenComponents(path: String, hidden: Bool) {
        #expect(Path.hasHiddenComponent(path) == hidden)
    }

    @Test(arguments: [
        ("/site/_posts/a.md", "/site", "_posts/a.md"), ("/site/_posts/a.md", "/site/", "_posts/a.md"),
        ("/site", "/site", ""), ("/site/", "/site/", ""), ("/sitex/a", "/site", nil), ("/sit", "/site", nil),
        ("/a", "", "a"), ("", "", ""), ("a", "", nil),
        // Bytes, as Ruby compares them: a combining mark after the slash does not hide the prefix.
        ("/site/\u{301}a", "/site", "\u{301}a"), ("/sit\u{e9}/a", "/site\u{301}", nil),
    ] as [(String, String, String?)])
    func relative(path: String, base: String, expected: String?) {
        #expect(Path.relative(path, to: base) == expected)
    }

    @Test func basenameAndDirname() {
        #expect(Path.basenameWithoutExtension("a/b.c.d") == "b.c")
        #expect(Path.basenameWithoutExtension(".profile") == ".profile")
        #expect(Path.basenameWithoutExtension("/site/_posts/2014-01-01-a.b.md/") == "2014-01-01-a.b")
        #expect(Path.basenameWithoutExtension("foo.") == "foo")
        #expect(Path.basenameWithoutExtension("a/..b") == "..b")
        #expect(Path.basenameWithoutExtension("/") == "/")
        #expect(Path.basenameWithoutExtension("") == "")
        #expect(Path.basenameWithoutExtension("x.\u{301}") == "x")
        #expect(Path.basenameWithoutExtension("\u{600}.md") == "\u{600}")
        #expect(Path.basename("a.b/") == "a.b")
        #expect(Path.dirname("a") == ".")
        #expect(Path.dirname("/a") == "/")
        #expect(Path.dirname("a/b/") == "a")
    }

    /// Long paths (searched eight bytes at a time from the end) split where a byte-by-byte search
    /// splits them, wherever their last slash and dot are.
    @Test func longPathsSplitAtTheirLastSlashAndDot() {
        for length in 1...40 {
            for slash in [-1] + Array(0..<length) {
                for dot in [-1, 0, length / 2, length - 1] where dot != slash {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if slash >= 0 { bytes[slash] = UInt8(ascii: "/") }
                    if dot >= 0 { bytes[dot] = UInt8(ascii: ".") }
                    let path = String(decoding: bytes, as: UTF8.self)
                    let name = slash >= 0 && slash < length - 1 ? String(path.utf8.dropFirst(slash + 1))! : nil
                    if let name { #expect(Path.basename(path) == name, "\(path)") }
                    if slash < 0 {
                        #expect(Path.basename(path) == path)
                        let ext = dot > 0 ? String(path.utf8.dropFirst(dot))! : ""
                        #expect(Path.extname(path) == ext, "\(path)")
                    }
                }
            }
        }
    }

    /// Ruby's `File.dirname` and `File.basename` (checked with ruby 3), split on the `/` byte.
    @Test(arguments: [
        ("", ".", ""), ("/", "/", "/"), ("//", "/", "/"), ("a", ".", "a"), ("/a", "/", "a"), ("a/", ".", "a"),
        ("a//b", "a", "b"), ("///a//", "/", "a"), ("a/b/c.d", "a/b", "c.d"), ("/é/ü.md", "/é", "ü.md"), ("x//", ".", "x"),
        ("/\u{301}/a", "/\u{301}", "a"),
    ])
    func dirnameAndBasename(path: String, dirname: String, basename: String) {
        #expect(Path.dirname(path) == dirname)
        #expect(Path.basename(path) == basename)
    }

    @Test func join() {
        #expect(Path.join("a/", "/b") == "a/b")
        #expect(Path.join("", "a") == "/a")
        #expect(Path.join("a", "") == "a/")
        #expect(Path.join("/", "a") == "/a")
        #expect(Path.join("a//", "b") == "a//b")
        #expect(Path.join("a/", "///b") == "a/b")
        #expect(Path.join("a", "/b") == "a/b")
        #expect(Path.join("a", "b/") == "a/b/")
        #expect(Path.join("", "") == "/")
        #expect(Path.join("/", "/") == "/")
        #expect(Path.join("/site/caf\u{E9}", "\u{FC}ber.md") == "/site/caf\u{E9}/\u{FC}ber.md")
        #expect(Path.join("/a long folder name/with more than fifteen bytes", "and a file.md")
                == "/a long folder name/with more than fifteen bytes/and a file.md")
    }

    @Test func sanitizedPathsStayInside() {
        #expect(Path.sanitized(base: "/site", "../../etc/passwd") == "/site/etc/passwd")
        #expect(Path.sanitized(base: "/site", "/site/a") == "/site/a")
        #expect(Path.sanitized(base: "/site", "~/x") == "/site/~/x")
        #expect(Path.sanitized(base: "/site", "a/./b/../c") == "/site/a/c")
        #expect(Path.sanitized(base: "/site", nil) == "/site")
    }

    /// Paths `expand` returns unchanged (or only without a trailing slash) take a shortcut; the
    /// rest are resolved.
    @Test(arguments: [
        ("/a/b", "/a/b", Path.ExpandedForm?.some(.same)), ("/", "/", .same), ("/a/", "/a", .withTrailingSlash),
        ("/a//b", "/a/b", nil), ("/a/./b", "/a/b", nil), ("/a/../b", "/b", nil), ("/a/.b", "/a/.b", .same),
        ("/a/..b/c..", "/a/..b/c..", .same), ("/a/b.", "/a/b.", .same), ("a/b", "/a/b", nil), ("/.", "/", nil),
        ("/..", "/", nil), ("/a/.", "/a", nil), ("/a/..", "/", nil), ("//", "/", nil), ("", "/", nil),
        ("/é/ü.html", "/é/ü.html", .same), ("/a/b/", "/a/b", .withTrailingSlash), ("/a/b//", "/a/b", nil),
        ("/a/./", "/a", nil), ("/life/2014/01/01/x/", "/life/2014/01/01/x", .withTrailingSlash),
        // a `/` followed by a combining mark (one Swift character) still ends a `..` (found by the
        // url fuzz target: the `..` was kept and the file system climbed out of the destination)
        ("/a/b/../\u{064B}/c", "/a/\u{064B}/c", nil), ("/a/..\u{064B}/b", "/a/..\u{064B}/b", .same),
        ("/x/../\u{0301}../../\u{0301}", "/\u{0301}", nil),
    ])
    func expand(path: String, expected: String, shortcut: Path.ExpandedForm?) {
        #expect(Path.expand(path) == expected)
        #expect(Path.expandedForm(path) == shortcut)
        #expect(Path.sanitized(base: "/", path) == (path.hasPrefix("/") ? expected : Path.expand("/" + path)))
    }

    /// The shortcut of long paths (looked at eight pairs of bytes at a time) is the one their
    /// components give, wherever in them a `//`, `/.`, `/..` or trailing slash falls.
    @Test func expandedFormOfLongPaths() {
        func reference(_ path: String) -> Path.ExpandedForm? {
            guard path.hasPrefix("/") else { return nil }
            if path == "/" { return .same }
            let components = path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            for (i, component) in components.enumerated() {
                if component.isEmpty { return i == components.count - 1 ? .withTrailingSlash : nil }
                if component.elementsEqual(".".utf8) || component.elementsEqual("..".utf8) { return nil }
            }
            return .same
        }
        let base = "/life/2014/01/01/lessons-workflow-theme-slow-tools"
        var paths = [base, base + "/", base + "//", base + "/.", base + "/..", base + "/.x", base + "/x."]
        for at in base.utf8.indices.dropFirst() {
            for insert in ["/", "/.", "/./", "/../", "//", ".", "é"] {
                var changed = base
                changed.insert(contentsOf: insert, at: at)
                paths.append(changed)
            }
        }
        for path in paths { #expect(Path.expandedForm(path) == reference(path), "\(path)") }
    }

    @Test(arguments: [
        ("a//b", "a/b"), ("//", "/"), ("a/b", "a/b"), ("///a///b//", "/a/b/"), ("é//ü", "é/ü"), ("", ""), ("/", "/"),
        ("/\u{301}//a", "/\u{301}/a"),
    ])
    func squeezeSlashes(path: String, expected: String) {
        #expect(Path.squeezeSlashes(path) == expected)
    }

    @Test(arguments: [
        ("*.md", "/s/a.md", true, false), ("/s/*.md", "/s/a/b.md", true, false), ("/s/[ab]*", "/s/bc", true, true),
        ("/s/[!a]*", "/s/ab", false, false), ("/s/a?c", "/s/a/c", true, false), ("/s/**/x", "/s/x", false, true),
        ("/s/**/x", "/s/a/b/x", true, true), ("/s/\\*", "/s/*", true, true), ("/s/[a-c]x", "/s/bx", true, true),
        ("/s/*", "/s/.hidden", true, false), ("*", ".a", false, false),
    ])
    func fnmatchLikeRuby(pattern: String, string: String, plain: Bool, pathname: Bool) {
        #expect(GlobPattern.matches(pattern, string) == plain)
        #expect(GlobPattern.matches(pattern, string, options: .pathname) == pathname)
    }
}

@Suite struct URLTests {
    @Test(arguments: [
        ("/a b/c", "/a%20b/c"), ("/ü/x", "/%C3%BC/x"), ("/a?b", "/a?b"), ("/a#b#c", "/a%23b%23c"),
        ("/%41", "/%2541"), ("/[x]", "/%5Bx%5D"), ("/a+b&c=d", "/a+b&c=d"), ("/~x!$&()*,;=@", "/~x!$&()*,;=@"),
        ("/a\\b", "/a%5Cb"), ("ü?x#y#z[1]", "%C3%BC?x%23y%23z%5B1%5D"), ("/plain-path.html", "/plain-path.html"),
    ])
    func escape(path: String, expected: String) {
        #expect(URLPath.escape(path) == expected)
    }

    @Test func unescapeAndSanitize() {
        #expect(URLPath.unescape("/a%20b") == "/a b")
        #expect(URLPath.unescape("/%C3%BC") == "/ü")
        #expect(URLPath.unescape("/%zz") == "/%zz")
        #expect(URLPath.sanitize("../../x..y/./z//w") == "/x/y/z/w")
    }

    /// URLs already in sanitized form come back as they are; the rest get Jekyll's treatment.
    @Test(arguments: [
        ("/a/b/", "/a/b/"), ("a", "/a"), ("", "/"), ("/a/../b", "/a/b"), ("/a/./b", "/a/b"), ("/a.b/c.", "/a.b/c."),
        ("/a../", "/a/"), ("//a", "/a"), ("/a//b", "/a/b"), ("/life/2014/01/01/lessons/", "/life/2014/01/01/lessons/"),
        ("/%C3%BC.html", "/%C3%BC.html"), ("/x.", "/x."),
    ])
    func sanitize(url: String, expected: String) {
        #expect(URLPath.sanitize(url) == expected)
        #expect(URLPath.isSanitized(url) == (url == expected))
    }

    @Test(arguments: [
        ("/:year_:month/", "/2024_01/"), ("/:year_/", "/2024_/"), ("/:a_b_/", "/AB_/"), ("/:month:day", "/0105"),
        ("/x:/:Y/", "/x:/:Y/"),
    ])
    func fillUnderscoreNames(template: String, expected: String) throws {
        let values = ["year": "2024", "month": "01", "day": "05", "a_b": "AB"]
        #expect(try URLTemplate.fill(template) { values[$0] } == expected)
    }

    @Test(arguments: [("/:nope/", ["nope"]), ("/:nope_/", ["nope_", "nope"])])
    func unknownPlaceholders(template: String, names: [String]) {
        do throws(URLTemplate.UnknownPlaceholder) {
            _ = try URLTemplate.fill(template) { _ in nil }
            Issue.record("filled an unknown placeholder")
        } catch {
            #expect(error.names == names)
        }
    }

    @Test func fillFromHash() {
        let url = URLTemplate.fill("/:path/:basename:output_ext",
                                   orderedPlaceholders: [("path", "/a b"), ("basename", nil), ("output_ext", ".html")])
        #expect(URLPath.sanitize(url) == "/a%20b.html")
    }

    @Test func fillFromLookup() throws {
        let values = ["year": "2024", "month": "01", "day": "05", "title": "hello world", "categories": ""]
        let url = try URLTemplate.fill("/:categories/:year/:month_:day/:title.html") { values[$0] }
        #expect(URLPath.sanitize(url) == "/2024/01_05/hello%20world.html")
        #expect(throws: URLTemplate.UnknownPlaceholder.self) {
            try URLTemplate.fill("/:nope/") { values[$0] }
        }
    }

    /// The filled URL is made from the template's bytes and the values' without checking them as
    /// UTF-8 again: non-ASCII text around placeholders and in values comes out whole.
    @Test func fillKeepsNonASCIIWhole() throws {
        let values = ["title": "naïve café", "slug": "東京", "year": "2024"]
        let url = try URLTemplate.fill("/über/:year/:slug-:title/ü") { values[$0] }
        #expect(url == "/über/2024/%E6%9D%B1%E4%BA%AC-na%C3%AFve%20caf%C3%A9/ü")
    }

    @Test func styles() {
        #expect(URLTemplate.addSuffix("/:path/:basename", style: "pretty") == "/:path/:basename/")
        #expect(URLTemplate.addSuffix("/:path/:basename", style: "date") == "/:path/:basename:output_ext")
        #expect(URLTemplate.addSuffix("/:path/:basename", style: "weekdate") == "/:path/:basename")
        #expect(URLTemplate.addSuffix("/:path/:basename", style: "/:year/:title/") == "/:path/:basename/")
    }
}
