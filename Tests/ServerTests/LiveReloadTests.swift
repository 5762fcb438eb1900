import Foundation
import Testing
@testable import Server

@Suite("Live reload")
struct LiveReloadTests {
    static let site = [
        "index.html": plainPage,
        "css/site.css": "body{}",
        "bare.html": "<p>no body tag</p>",
        "upper.html": "<HTML><BODY><p>x</p></BODY></HTML>",
    ]

    @Test("a connected browser is told to reload after notifyReload", arguments: [nil, 0] as [Int?])
    func reload(port: Int?) async throws {
        try await withServer(files: Self.site, liveReload: .init(port: port)) { server, addresses, _ in
            let liveReloadPort = try #require(addresses.liveReloadPort)
            #expect((port == nil) == (liveReloadPort == addresses.port))
            let client = try await LiveReloadClient.connect(port: liveReloadPort)
            defer { client.close() }
            #expect(server.liveReloadConnectionCount == 1)
            server.notifyReload(changedPaths: ["index.html", "css/site.css"])
            let message = try await client.next()
            #expect(LiveReloadMessage.decodeReload(message)! == ("/index.html", false))
        }
    }

    @Test("a reload sent right after the handshake is never lost")
    func noLostReloadAfterHandshake() async throws {
        try await withServer(files: Self.site, liveReload: .init(port: 0)) { server, addresses, _ in
            for _ in 0..<40 {
                let client = try await LiveReloadClient.connect(port: addresses.liveReloadPort!)
                defer { client.close() }
                server.notifyReload(changedPaths: ["index.html"])
                #expect(try await client.next(within: 5).contains("reload"))
            }
        }
    }

    @Test("stylesheet-only changes ask for a stylesheet swap, under the base URL")
    func cssOnly() async throws {
        try await withServer(files: Self.site, baseURL: "/blog", liveReload: .init(port: 0)) { server, addresses, _ in
            let client = try await LiveReloadClient.connect(port: addresses.liveReloadPort!)
            defer { client.close() }
            server.notifyReload(changedPaths: ["css/site.css", "css/print.css"])
            #expect(LiveReloadMessage.decodeReload(try await client.next())! == ("/blog/css/site.css", true))
            #expect(LiveReloadMessage.decodeReload(try await client.next())! == ("/blog/css/print.css", true))
            // Nothing changed and no overlay came or went: nothing is sent, and the next message is
            // the next change's.
            server.notifyReload(changedPaths: [])
            server.notifyReload(changedPaths: ["index.html"])
            #expect(LiveReloadMessage.decodeReload(try await client.next())! == ("/blog/index.html", false))
        }
    }

    @Test("every connected browser gets the message; closed ones are forgotten")
    func severalClients() async throws {
        try await withServer(files: Self.site, liveReload: .init(port: 0)) { server, addresses, _ in
            let first = try await LiveReloadClient.connect(port: addresses.liveReloadPort!)
            let second = try await LiveReloadClient.connect(port: addresses.liveReloadPort!)
            server.notifyReload(changedPaths: ["index.html"])
            #expect(try await first.next().contains("reload"))
            #expect(try await second.next().contains("reload"))
            first.close()
            #expect(await eventually { server.liveReloadConnectionCount == 1 })
            second.close()
            #expect(await eventually { server.liveReloadConnectionCount == 0 })
        }
    }

    @Test("stopping the server closes live reload connections")
    func stopCloses() async throws {
        let site = try SiteFixture(files: Self.site)
        defer { site.remove() }
        let server = SiteServer(configuration: .init(root: site.root, port: 0, liveReload: .init(port: 0)))
        let addresses = try await server.start()
        let client = try await LiveReloadClient.connect(port: addresses.liveReloadPort!)
        let started = ContinuousClock.now
        await server.stop()
        await client.waitUntilClosed()
        // Generous: a loaded CI machine is slow, but a server that left the socket to the client or an
        // idle timeout would take far longer (or hang the test).
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(server.addresses == nil)

        // The same server starts again (kyll serve restarts it when the configuration changes).
        let again = try await server.start()
        let reconnected = try await LiveReloadClient.connect(port: again.liveReloadPort!)
        defer { reconnected.close() }
        server.notifyReload(changedPaths: ["index.html"])
        #expect(try await reconnected.next().contains("reload"))
        await #expect(throws: SiteServer.StartError.alreadyStarted) { try await server.start() }
        await server.stop()
    }

    @Test("the live reload port answers plain requests with 404")
    func plainRequestOnLiveReloadPort() async throws {
        try await withServer(files: Self.site, liveReload: .init(port: 0)) { _, addresses, _ in
            let response = try await RawHTTP.request(port: addresses.liveReloadPort!, target: "/livereload")
            #expect(response.status == 404)
        }
    }

    @Test("HTML pages get the script before </body> or at the end; other files are untouched")
    func injection() async throws {
        try await withServer(files: Self.site, liveReload: .init(port: 0)) { _, addresses, _ in
            let port = addresses.liveReloadPort!
            let page = try await RawHTTP.request(port: addresses.port, target: "/").text
            #expect(page.contains("var livereloadPort = \(port);"))
            #expect(page.hasSuffix("</script>\n</body></html>\n"))
            let bare = try await RawHTTP.request(port: addresses.port, target: "/bare.html").text
            #expect(bare.hasPrefix("<p>no body tag</p><script>"))
            let upper = try await RawHTTP.request(port: addresses.port, target: "/upper.html").text
            #expect(upper.hasSuffix("</script>\n</BODY></HTML>"))
            let missing = try await RawHTTP.request(port: addresses.port, target: "/missing")
            #expect(missing.text.contains("livereloadPort"))
            let css = try await RawHTTP.request(port: addresses.port, target: "/css/site.css")
            #expect(css.text == "body{}")
        }
    }

    @Test("without live reload pages go out unchanged")
    func noInjection() async throws {
        try await withServer(files: Self.site) { _, addresses, _ in
            let response = try await RawHTTP.request(port: addresses.port, target: "/")
            #expect(response.text == plainPage)
            #expect(response.header("Last-Modified") != nil)
        }
    }

    @Test("a second server cannot take a port in use")
    func portInUse() async throws {
        try await withServer(files: Self.site, liveReload: .init(port: 0)) { _, addresses, site in
            let clash = SiteServer(configuration: .init(root: site.root, port: 0,
                                                        liveReload: .init(port: addresses.liveReloadPort!)))
            await #expect(throws: (any Error).self) { try await clash.start() }
            #expect(clash.addresses == nil)
        }
    }
}
