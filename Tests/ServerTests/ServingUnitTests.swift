import Testing
@testable import Server

@Suite("Request paths")
struct RequestPathTests {
    @Test("targets split into decoded segments", arguments: [
        ("/", [], true, nil),
        ("/a/b", ["a", "b"], false, nil),
        ("/a/b/", ["a", "b"], true, nil),
        ("//a///b", ["a", "b"], false, nil),
        ("/./a/.", ["a"], false, nil),
        ("/a%20b/%C3%A9t%C3%A9", ["a b", "été"], false, nil),
        ("/a?x=1&y=%2F", ["a"], false, "x=1&y=%2F"),
        ("/a#frag", ["a"], false, nil),
        ("/...", ["..."], false, nil),
        ("/..a/b..", ["..a", "b.."], false, nil),
    ] as [(String, [String], Bool, String?)])
    func parses(target: String, segments: [String], trailingSlash: Bool, query: String?) throws {
        let path = try RequestPath(target: target)
        #expect(path.segments == segments)
        #expect(path.hasTrailingSlash == trailingSlash)
        #expect(path.query == query)
    }

    @Test("unsafe targets are rejected", arguments: [
        ("/..", RequestPath.Rejection.parentSegment),
        ("/a/../b", .parentSegment),
        ("/%2e%2E/x", .parentSegment),
        ("/.%2e", .parentSegment),
        ("/a%2fb", .encodedSeparator),
        ("/a%2Fb", .encodedSeparator),
        ("/a%5cb", .encodedSeparator),
        ("/a\\b", .forbiddenCharacter),
        ("/a%00b", .forbiddenCharacter),
        ("/a%0", .invalidPercentEncoding),
        ("/a%g0", .invalidPercentEncoding),
        ("/%ff", .invalidPercentEncoding),
        ("*", .notOriginForm),
        ("a/b", .notOriginForm),
        ("", .notOriginForm),
    ])
    func rejects(target: String, rejection: RequestPath.Rejection) {
        #expect(throws: rejection) { try RequestPath(target: target) }
    }

    @Test("redirect locations are re-encoded and never protocol-relative")
    func encoding() throws {
        #expect(try RequestPath(target: "//evil.example/x").encoded(trailingSlash: true) == "/evil.example/x/")
        #expect(try RequestPath(target: "/a%20b/%C3%A9?q=1").encoded(trailingSlash: true) == "/a%20b/%C3%A9/?q=1")
        #expect(RequestPath(segments: [], hasTrailingSlash: false).encoded(prefix: ["blog"], trailingSlash: true)
            == "/blog/")
        #expect(RequestPath(segments: ["a\"b<c"], hasTrailingSlash: false).encoded(trailingSlash: false) == "/a%22b%3Cc")
    }
}

@Suite("Validators, dates and ranges")
struct ValidatorTests {
    @Test("HTTP dates format and parse as IMF-fixdate", arguments: [
        (0 as Int64, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_798_761_599, "Thu, 31 Dec 2026 23:59:59 GMT"),
        (4_107_542_400, "Mon, 01 Mar 2100 00:00:00 GMT"),
    ])
    func dates(seconds: Int64, text: String) {
        #expect(HTTPDate.format(seconds) == text)
        #expect(HTTPDate.parse(text) == seconds)
    }

    @Test("malformed dates are ignored", arguments: [
        "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Sun, 06 Nov 1994 08:49:37 PST",
        "Sun, 32 Nov 1994 08:49:37 GMT", "", "garbage",
    ])
    func badDates(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test("If-None-Match and If-Modified-Since")
    func conditions() {
        let validators = Validators(size: 10, modificationNanoseconds: 784_111_777_500_000_000, variant: nil)
        #expect(validators.lastModified == 784_111_777)
        let tag = validators.etag
        #expect(validators.isNotModified(ifNoneMatch: tag, ifModifiedSince: nil))
        #expect(validators.isNotModified(ifNoneMatch: "*", ifModifiedSince: nil))
        #expect(validators.isNotModified(ifNoneMatch: "\"x\", W/\(tag)", ifModifiedSince: nil))
        #expect(!validators.isNotModified(ifNoneMatch: "\"x\"", ifModifiedSince: "Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(validators.isNotModified(ifNoneMatch: nil, ifModifiedSince: "Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(!validators.isNotModified(ifNoneMatch: nil, ifModifiedSince: "Sun, 06 Nov 1994 08:49:36 GMT"))
        #expect(!validators.isNotModified(ifNoneMatch: nil, ifModifiedSince: "nonsense"))

        let injected = Validators(size: 10, modificationNanoseconds: 784_111_777_500_000_000, variant: 3)
        #expect(injected.lastModified == nil)
        #expect(injected.etag != tag)
        #expect(!injected.isNotModified(ifNoneMatch: nil, ifModifiedSince: "Sun, 06 Nov 1994 08:49:37 GMT"))
    }

    @Test("Range headers", arguments: [
        (nil, ByteRangeRequest.whole),
        ("bytes=0-0", .part(0...0)),
        ("bytes=2-", .part(2...9)),
        ("bytes=5-100", .part(5...9)),
        ("bytes=-4", .part(6...9)),
        ("bytes=-40", .part(0...9)),
        ("bytes=10-", .unsatisfiable),
        ("bytes=-0", .unsatisfiable),
        ("bytes=4-2", .whole),
        ("bytes=0-1,4-5", .whole),
        ("items=0-1", .whole),
        ("bytes=a-b", .whole),
    ] as [(String?, ByteRangeRequest)])
    func ranges(header: String?, expected: ByteRangeRequest) {
        #expect(ByteRangeRequest(header: header, size: 10) == expected)
    }
}

@Suite("Media types and injection")
struct MediaAndInjectionTests {
    @Test("content types", arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("INDEX.HTM", "text/html; charset=utf-8"),
        ("a.css", "text/css; charset=utf-8"),
        ("a.min.js", "application/javascript; charset=utf-8"),
        ("a.js.map", "application/json; charset=utf-8"),
        ("site.webmanifest", "application/manifest+json; charset=utf-8"),
        ("feed.xml", "application/xml"),
        ("atom.atom", "application/atom+xml"),
        ("a.svg", "image/svg+xml"),
        ("a.woff2", "font/woff2"),
        ("a.wasm", "application/wasm"),
        ("a.mp4", "video/mp4"),
        ("CNAME", "application/octet-stream"),
        (".htaccess", "application/octet-stream"),
        ("archive.unknown", "application/octet-stream"),
    ])
    func types(name: String, contentType: String) {
        #expect(MediaTypes.contentType(forFileName: name, charset: "utf-8") == contentType)
    }

    @Test("the snippet goes before the last </body>, or at the end", arguments: [
        ("<body>a</body>", "<body>aX</body>"),
        ("<body>a</body >\n", "<body>aX</body >\n"),
        ("<BODY>a</Body>", "<BODY>aX</Body>"),
        ("<p>a</body><p>b</body>", "<p>a</body><p>bX</body>"),
        ("<p>no body", "<p>no bodyX"),
        ("<p></bodyguard>", "<p></bodyguard>X"),
        ("", "X"),
    ])
    func injection(page: String, expected: String) {
        let result = HTMLInjection.inject(Array("X".utf8), into: Array(page.utf8))
        #expect(String(decoding: result, as: UTF8.self) == expected)
    }

    @Test("HTML escaping")
    func escaping() {
        #expect(escapeHTML("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test("LiveReload messages")
    func messages() {
        #expect(LiveReloadMessage.decodeHello(#"{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}"#)
            == .init(overlayGeneration: nil))
        #expect(LiveReloadMessage.decodeHello(
            #"{"command":"hello","protocols":["http://livereload.com/protocols/official-7"],"kyllOverlayGeneration":3}"#)
            == .init(overlayGeneration: 3))
        #expect(LiveReloadMessage.decodeHello(#"{"command":"hello","protocols":["http://example.com/other"]}"#) == nil)
        #expect(LiveReloadMessage.decodeHello("not json") == nil)
        #expect(LiveReloadMessage.reload(path: "/a \"b\".css", liveCSS: true)
            == #"{"command":"reload","liveCSS":true,"path":"/a \"b\".css"}"#)
        #expect(LiveReloadMessage.hello.contains(#""serverName":"kyll""#))
    }
}
