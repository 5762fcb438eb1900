import Foundation
import Testing
@testable import Server

@Suite("Serving a folder like GitHub Pages")
struct StaticServingTests {
    static let site: [String: String] = [
        "index.html": "<p>home</p>",
        "about.html": "<p>about</p>",
        "folder/index.html": "<p>folder index</p>",
        "empty-folder/.keep": "",
        "assets/site.css": "body{}",
        "assets/app.js": "1",
        "assets/data.json": "{}",
        "assets/logo.svg": "<svg/>",
        "assets/photo.png": "PNG",
        "assets/feed.xml": "<rss/>",
        "assets/noextension": "x",
        "docs/page.xhtml": "<html/>",
        "a b/c%d.html": "<p>spaces</p>",
        "404.html": "<h1>custom missing</h1>",
    ]

    @Test("paths map to files", arguments: [
        ("/", 200, "<p>home</p>"),
        ("/index.html", 200, "<p>home</p>"),
        ("/about", 200, "<p>about</p>"),
        ("/about.html", 200, "<p>about</p>"),
        ("/folder/", 200, "<p>folder index</p>"),
        ("/folder/index.html", 200, "<p>folder index</p>"),
        ("/folder/index", 200, "<p>folder index</p>"),
        ("/docs/page", 200, "<html/>"),
        ("/a%20b/c%25d.html", 200, "<p>spaces</p>"),
        ("/a%20b/c%25d", 200, "<p>spaces</p>"),
        ("/about/", 404, "<h1>custom missing</h1>"),
        ("/about.html/", 404, "<h1>custom missing</h1>"),
        ("/missing", 404, "<h1>custom missing</h1>"),
        ("/empty-folder/", 404, "<h1>custom missing</h1>"),
        ("/assets/", 404, "<h1>custom missing</h1>"),
        ("/index.html?x=1", 200, "<p>home</p>"),
        ("//folder//index.html", 200, "<p>folder index</p>"),
        ("/./about", 200, "<p>about</p>"),
    ])
    func paths(target: String, status: Int, body: String) async throws {
        try await withServer(files: Self.site) { _, addresses, _ in
            let response = try await RawHTTP.request(port: addresses.port, target: target)
            #expect(response.status == status)
            #expect(response.text == body)
        }
    }

    @Test("a folder without its slash redirects with 301, keeping the query")
    func folderRedirect() async throws {
        try await withServer(files: Self.site) { _, addresses, _ in
            let response = try await RawHTTP.request(port: addresses.port, target: "/folder?x=1")
            #expect(response.status == 301)
            #expect(response.header("Location") == "/folder/?x=1")
            let spaced = try await RawHTTP.request(port: addresses.port, target: "/a%20b")
            #expect(spaced.status == 301)
            #expect(spaced.header("Location") == "/a%20b/")
            // A path that would be protocol-relative is rebuilt from its segments.
            let doubled = try await RawHTTP.request(port: addresses.port, target: "//folder")
            #expect(doubled.header("Location") == "/folder/")
        }
    }

    @Test("without a 404.html the answer is a small 404 page")
    func plainNotFound() async throws {
        try await withServer(files: ["index.html": "x"]) { _, addresses, _ in
            let response = try await RawHTTP.request(port: addresses.port, target: "/nothing")
            #expect(response.status == 404)
            #expect(response.text.contains("404 Not Found"))
        }
    }

    @Test("content types carry the charset for text, as jekyll serve sends them", arguments: [
        ("/", "text/html; charset=utf-8"),
        ("/about", "text/html; charset=utf-8"),
        ("/assets/site.css", "text/css; charset=utf-8"),
        ("/assets/app.js", "application/javascript; charset=utf-8"),
        ("/assets/data.json", "application/json; charset=utf-8"),
        ("/assets/logo.svg", "image/svg+xml"),
        ("/assets/photo.png", "image/png"),
        ("/assets/feed.xml", "application/xml"),
        ("/assets/noextension", "application/octet-stream"),
        ("/docs/page.xhtml", "application/xhtml+xml"),
        ("/missing", "text/html; charset=utf-8"),
    ])
    func contentTypes(target: String, contentType: String) async throws {
        try await withServer(files: Self.site) { _, addresses, _ in
            let response = try await RawHTTP.request(port: addresses.port, target: target)
            #expect(response.header("Content-Type") == contentType)
        }
    }

    @Test("HEAD gives GET's headers and no body")
    func head() async throws {
        try await withServer(files: Self.site) { _, addresses, _ in
            let get = try await RawHTTP.request(port: addresses.port, target: "/assets/site.css")
            let head = try await RawHTTP.request(port: addresses.port, target: "/assets/site.css", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == "6")
            #expect(head.header("ETag") == get.header("ETag"))
            #expect(head.header("Content-Type") == get.header("Content-Type"))
            let missing = try await RawHTTP.request(port: addresses.port, target: "/missing", method: "HEAD")
            #expect(missing.status == 404)
            #expect(missing.body.isEmpty)
        }
    }

    @Test("other methods are refused with 405")
    func methods() async throws {
        try await withServer(files: Self.site) { _, addresses, _ in
            let response = try await RawHTTP.request(port: addresses.port, target: "/", method: "POST")
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
        }
    }

    @Test("conditional GETs answer 304 by ETag and by date, and 200 once the file changes")
    func conditional() async throws {
        try await withServer(files: Self.site) { _, addresses, site in
            let first = try await RawHTTP.request(port: addresses.port, target: "/assets/site.css")
            let etag = try #require(first.header("ETag"))
            let lastModified = try #require(first.header("Last-Modified"))
            #expect(first.header("Cache-Control") == "no-cache")
            let byTag = try await RawHTTP.request(port: addresses.port, target: "/assets/site.css",
                                            headers: ["If-None-Match": etag])
            #expect(byTag.status == 304)
            #expect(byTag.body.isEmpty)
            #expect(byTag.header("ETag") == etag)
            let byWeakTagInList = try await RawHTTP.request(port: addresses.port, target: "/assets/site.css",
                                                      headers: ["If-None-Match": "\"other\", W/\(etag)"])
            #expect(byWeakTagInList.status == 304)
            let byDate = try await RawHTTP.request(port: addresses.port, target: "/assets/site.css",
                                             headers: ["If-Modified-Since": lastModified])
            #expect(byDate.status == 304)
            let tagWins = try await RawHTTP.request(port: addresses.port, target: "/assets/site.css",
                                              headers: ["If-None-Match": "\"other\"", "If-Modified-Since": lastModified])
            #expect(tagWins.status == 200)

            try site.write("assets/site.css", "body{color:red}")
            let changed = try await RawHTTP.request(port: addresses.port, target: "/assets/site.css",
                                              headers: ["If-None-Match": etag])
            #expect(changed.status == 200)
            #expect(changed.text == "body{color:red}")
            #expect(changed.header("ETag") != etag)
        }
    }

    @Test("byte ranges are served for media, with 416 past the end")
    func ranges() async throws {
        try await withServer(files: ["video.mp4": "0123456789"]) { _, addresses, _ in
            let part = try await RawHTTP.request(port: addresses.port, target: "/video.mp4", headers: ["Range": "bytes=2-5"])
            #expect(part.status == 206)
            #expect(part.text == "2345")
            #expect(part.header("Content-Range") == "bytes 2-5/10")
            let suffix = try await RawHTTP.request(port: addresses.port, target: "/video.mp4", headers: ["Range": "bytes=-3"])
            #expect(suffix.text == "789")
            let beyond = try await RawHTTP.request(port: addresses.port, target: "/video.mp4", headers: ["Range": "bytes=20-"])
            #expect(beyond.status == 416)
            #expect(beyond.header("Content-Range") == "bytes */10")
            let stale = try await RawHTTP.request(port: addresses.port, target: "/video.mp4",
                                            headers: ["Range": "bytes=2-5", "If-Range": "\"old\""])
            #expect(stale.status == 200)
            #expect(stale.text == "0123456789")
        }
    }

    @Test("files change between requests, and a new root is picked up")
    func servedFromDisk() async throws {
        try await withServer(files: ["index.html": "one"]) { server, addresses, site in
            #expect(try await RawHTTP.request(port: addresses.port, target: "/").text == "one")
            try site.write("index.html", "two")
            #expect(try await RawHTTP.request(port: addresses.port, target: "/").text == "two")

            // A staging folder renamed into place is served at once.
            let staging = try SiteFixture(files: ["index.html": "three"])
            try FileManager.default.removeItem(atPath: site.root)
            try FileManager.default.moveItem(atPath: staging.root, toPath: site.root)
            #expect(try await RawHTTP.request(port: addresses.port, target: "/").text == "three")

            let other = try SiteFixture(files: ["index.html": "four"])
            defer { other.remove() }
            server.setRoot(other.root)
            #expect(try await RawHTTP.request(port: addresses.port, target: "/").text == "four")
        }
    }

    @Test("configured headers are added to file responses")
    func extraHeaders() async throws {
        try await withServer(files: ["index.html": "x"], headers: ["X-Frame-Options": "DENY"]) { _, addresses, _ in
            let response = try await RawHTTP.request(port: addresses.port, target: "/")
            #expect(response.header("X-Frame-Options") == "DENY")
        }
    }
}
