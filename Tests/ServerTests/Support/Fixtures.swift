import Foundation
@testable import Server

/// A temporary folder filled with files, removed when the value is dropped by `withSite`.
struct SiteFixture {
    let root: String

    init(files: [String: String]) throws {
        root = NSTemporaryDirectory() + "kyll-server-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (path, contents) in files { try write(path, contents) }
    }

    func write(_ path: String, _ contents: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// Runs `body` with a server on a free loopback port serving a fixture; stops and cleans up after.
func withServer<T>(files: [String: String], baseURL: String = "", liveReload: ServerConfiguration.LiveReload? = nil,
                   headers: [String: String] = [:],
                   _ body: (SiteServer, SiteServer.Addresses, SiteFixture) async throws -> T) async throws -> T {
    let site = try SiteFixture(files: files)
    defer { site.remove() }
    let server = SiteServer(configuration: ServerConfiguration(
        root: site.root, host: "127.0.0.1", port: 0, baseURL: baseURL, liveReload: liveReload, headers: headers))
    let addresses = try await server.start()
    do {
        let result = try await body(server, addresses, site)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

let plainPage = "<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>hello</p></body></html>\n"
