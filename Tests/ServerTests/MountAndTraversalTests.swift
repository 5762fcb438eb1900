import Foundation
import Testing
@testable import Server

@Suite("Base URL mount")
struct BaseURLMountTests {
    static let site = ["index.html": "home", "posts/index.html": "posts", "about.html": "about",
                       "404.html": "missing page"]

    @Test("the site answers under its base URL only", arguments: [
        ("/blog/", 200, "home"),
        ("/blog/about", 200, "about"),
        ("/blog/posts/", 200, "posts"),
        ("/", 404, "missing page"),
        ("/about", 404, "missing page"),
        ("/blogabout", 404, "missing page"),
    ])
    func mounted(target: String, status: Int, body: String) async throws {
        try await withServer(files: Self.site, baseURL: "/blog/") { _, addresses, _ in
            let response = try await RawHTTP.request(port: addresses.port, target: target)
            #expect(response.status == status)
            #expect(response.text == body)
        }
    }

    @Test("the mount point and its folders redirect to their slashed form", arguments: [
        ("/blog", "/blog/"), ("/blog/posts", "/blog/posts/"),
    ])
    func redirects(target: String, location: String) async throws {
        try await withServer(files: Self.site, baseURL: "blog") { _, addresses, _ in
            #expect(addresses.url == "http://127.0.0.1:\(addresses.port)/blog/")
            let response = try await RawHTTP.request(port: addresses.port, target: target)
            #expect(response.status == 301)
            #expect(response.header("Location") == location)
        }
    }
}

@Suite("Requests that try to leave the served folder")
struct TraversalTests {
    /// A secret beside the served folder, which no request may reach.
    static func withSecretBeside(_ body: (Int, SiteFixture) async throws -> Void) async throws {
        try await withServer(files: ["index.html": "home", "sub/page.html": "page"]) { _, addresses, site in
            let secret = site.root + "-secret.txt"
            try Data("TOP SECRET".utf8).write(to: URL(fileURLWithPath: secret))
            defer { try? FileManager.default.removeItem(atPath: secret) }
            try await body(addresses.port, site)
        }
    }

    @Test("un-normalised and encoded traversal is refused with 400", arguments: [
        "/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
        "/sub/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/sub%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt", "/sub\\..\\..\\secret.txt", "/sub/%00.html", "/%zz", "/%c0%ae%c0%ae/secret.txt",
        "/sub/..", "/..",
    ])
    func refused(target: String) async throws {
        try await Self.withSecretBeside { port, _ in
            let response = try await RawHTTP.request(port: port, target: target)
            #expect(response.status == 400)
            #expect(!response.text.contains("TOP SECRET"))
        }
    }

    @Test("targets that are not paths are refused", arguments: ["*", "secret.txt", "http://127.0.0.1/../x"])
    func notOriginForm(target: String) async throws {
        try await Self.withSecretBeside { port, _ in
            let response = try await RawHTTP.request(port: port, target: target)
            #expect(response.status == 400)
            #expect(!response.text.contains("TOP SECRET"))
        }
    }

    @Test("a symlink resolving outside the folder is refused with 403; one inside is served")
    func symlinks() async throws {
        try await Self.withSecretBeside { port, site in
            let fileManager = FileManager.default
            try fileManager.createSymbolicLink(atPath: site.root + "/leak.txt", withDestinationPath: site.root + "-secret.txt")
            try fileManager.createSymbolicLink(atPath: site.root + "/outside", withDestinationPath: "/etc")
            try fileManager.createSymbolicLink(atPath: site.root + "/alias.html", withDestinationPath: "sub/page.html")
            try fileManager.createSymbolicLink(atPath: site.root + "/subalias", withDestinationPath: "sub")

            let leak = try await RawHTTP.request(port: port, target: "/leak.txt")
            #expect(leak.status == 403)
            #expect(!leak.text.contains("TOP SECRET"))
            #expect(try await RawHTTP.request(port: port, target: "/outside/passwd").status == 403)
            #expect(try await RawHTTP.request(port: port, target: "/outside/").status == 403)
            #expect(try await RawHTTP.request(port: port, target: "/alias").text == "page")
            #expect(try await RawHTTP.request(port: port, target: "/subalias/page").text == "page")
        }
    }
}
