import Foundation
import Testing
@testable import Server

/// A browser reloading while a build fails (or is fixed) can load its page before the overlay
/// changes and connect after the reload about it was broadcast; its hello names the page's overlay
/// generation so the server can still have it reload.
@Suite("Live reload of pages that missed an overlay change")
struct StalePageReloadTests {
    static let site = ["index.html": plainPage, "css/site.css": "body{}"]

    /// The overlay generation the injected script of `page` sends in its hello.
    static func overlayGeneration(of page: String) -> UInt64? {
        guard let start = page.range(of: "var overlayGeneration = ")?.upperBound,
              let end = page[start...].firstIndex(of: ";") else { return nil }
        return UInt64(page[start..<end])
    }

    @Test("a page served before an error is set, or cleared, is reloaded when it connects after the broadcast",
          arguments: [nil, 0] as [Int?])
    func staleReloaded(port: Int?) async throws {
        try await withServer(files: Self.site, baseURL: "/blog", liveReload: .init(port: port)) { server, addresses, _ in
            let liveReloadPort = try #require(addresses.liveReloadPort)
            let good = try await RawHTTP.request(port: addresses.port, target: "/blog/")
            let goodGeneration = try #require(Self.overlayGeneration(of: good.text))

            // The build fails after the page was served, before its script connected.
            server.showBuildError(ErrorOverlayTests.report)
            let late = try await LiveReloadClient.connect(port: liveReloadPort, overlayGeneration: goodGeneration)
            #expect(LiveReloadMessage.decodeReload(try await late.next(within: 5))! == ("/blog/", false))
            late.close()

            let broken = try await RawHTTP.request(port: addresses.port, target: "/blog/")
            #expect(broken.text.contains(ErrorOverlay.elementID))
            let brokenGeneration = try #require(Self.overlayGeneration(of: broken.text))
            #expect(brokenGeneration != goodGeneration)

            // The next build succeeds after the page with the overlay was served.
            server.clearBuildError()
            server.notifyReload(changedPaths: ["index.html"])
            let lateAgain = try await LiveReloadClient.connect(port: liveReloadPort, overlayGeneration: brokenGeneration)
            defer { lateAgain.close() }
            #expect(LiveReloadMessage.decodeReload(try await lateAgain.next(within: 5))! == ("/blog/", false))
        }
    }

    @Test("a page served with the current overlay state, or a client that names none, is not reloaded at hello")
    func currentNotReloaded() async throws {
        try await withServer(files: Self.site, liveReload: .init(port: 0)) { server, addresses, _ in
            server.showBuildError(ErrorOverlayTests.report)
            let page = try await RawHTTP.request(port: addresses.port, target: "/")
            let generation = try #require(Self.overlayGeneration(of: page.text))
            let current = try await LiveReloadClient.connect(port: addresses.liveReloadPort!, overlayGeneration: generation)
            defer { current.close() }
            let extensionClient = try await LiveReloadClient.connect(port: addresses.liveReloadPort!)
            defer { extensionClient.close() }
            // The first message each gets is this stylesheet swap: no reload came before it.
            server.notifyReload(changedPaths: ["css/site.css"])
            #expect(LiveReloadMessage.decodeReload(try await current.next())! == ("/css/site.css", true))
            #expect(LiveReloadMessage.decodeReload(try await extensionClient.next())! == ("/css/site.css", true))
        }
    }

    @Test("the injected script sends the page's overlay generation, which the entity tag follows")
    func pageCarriesGeneration() async throws {
        try await withServer(files: Self.site, liveReload: .init(port: 0)) { server, addresses, _ in
            let before = try await RawHTTP.request(port: addresses.port, target: "/")
            #expect(before.text.contains("var overlayGeneration = 0;\n"))
            #expect(before.text.contains("kyllOverlayGeneration: overlayGeneration"))
            server.showBuildError(ErrorOverlayTests.report)
            let after = try await RawHTTP.request(port: addresses.port, target: "/")
            #expect(after.text.contains("var overlayGeneration = 1;\n"))
            #expect(after.header("ETag") != before.header("ETag"))
            // A cached copy naming the old generation is not revalidated as current.
            let revalidated = try await RawHTTP.request(port: addresses.port, target: "/",
                                                        headers: ["If-None-Match": before.header("ETag")!])
            #expect(revalidated.status == 200)
            #expect(Self.overlayGeneration(of: revalidated.text) == 1)
        }
    }
}
