import Foundation
import Testing
@testable import Server

@Suite("Build error overlay")
struct ErrorOverlayTests {
    static let report = BuildErrorReport(
        file: "_posts/2024-01-01-hello.md", line: 3, column: 7,
        message: "Liquid syntax error: Unknown tag 'iff' <here>",
        excerpt: [.init(number: 2, text: "Hello"), .init(number: 3, text: "{% iff x %}"), .init(number: 4, text: "Bye")],
        chain: [.init(label: "included from", file: "_includes/head.html", line: 12),
                .init(label: "in layout", file: "_layouts/default.html")])

    @Test("the markup shows location, escaped message, excerpt with caret, and the chain")
    func markup() {
        let html = ErrorOverlay.markup(for: Self.report)
        #expect(html.contains("_posts/2024-01-01-hello.md:3:7"))
        #expect(html.contains("Unknown tag &#39;iff&#39; &lt;here&gt;"))
        #expect(!html.contains("<here>"))
        #expect(html.contains("<span class=\"kyll-error-line\">&gt; 3 | {% iff x %}</span>\n"))
        // The caret sits under column 7 of the source line: 6 columns of gutter, then 6 spaces.
        #expect(html.contains("\n" + String(repeating: " ", count: 12) + "<span class=\"kyll-caret\">^</span>"))
        #expect(html.contains("  2 | Hello\n"))
        #expect(html.contains("<li>included from _includes/head.html:12</li>"))
        #expect(html.contains("<li>in layout _layouts/default.html</li>"))
    }

    @Test("while an error is set pages show the overlay and browsers reload; a clear removes it")
    func lifecycle() async throws {
        try await withServer(files: ["index.html": plainPage, "style.css": "b{}"], liveReload: .init(port: 0)) {
            server, addresses, _ in
            let client = try await LiveReloadClient.connect(port: addresses.liveReloadPort!)
            defer { client.close() }
            let before = try await RawHTTP.request(port: addresses.port, target: "/")
            #expect(!before.text.contains(ErrorOverlay.elementID))

            server.showBuildError(Self.report)
            #expect(LiveReloadMessage.decodeReload(try await client.next())?.liveCSS == false)
            let broken = try await RawHTTP.request(port: addresses.port, target: "/")
            #expect(broken.status == 200)
            #expect(broken.text.contains("<div id=\"\(ErrorOverlay.elementID)\""))
            #expect(broken.text.contains("<p>hello</p>"), "the last good page is still served")
            #expect(broken.header("ETag") != before.header("ETag"))
            // A browser revalidating its copy from before the failure gets the overlay, not a 304.
            let revalidated = try await RawHTTP.request(port: addresses.port, target: "/",
                                                        headers: ["If-None-Match": before.header("ETag")!])
            #expect(revalidated.status == 200)
            let missing = try await RawHTTP.request(port: addresses.port, target: "/nope")
            #expect(missing.text.contains(ErrorOverlay.elementID))
            let css = try await RawHTTP.request(port: addresses.port, target: "/style.css")
            #expect(css.text == "b{}")

            server.clearBuildError()
            #expect(server.buildError == nil)
            // Only a stylesheet changed, but open pages still show the overlay: a full reload is asked.
            server.notifyReload(changedPaths: ["style.css"])
            #expect(LiveReloadMessage.decodeReload(try await client.next())! == ("/style.css", false))
            let fixed = try await RawHTTP.request(port: addresses.port, target: "/")
            #expect(!fixed.text.contains(ErrorOverlay.elementID))
            #expect(fixed.header("ETag") != broken.header("ETag"))
            server.notifyReload(changedPaths: ["style.css"])
            #expect(LiveReloadMessage.decodeReload(try await client.next())! == ("/style.css", true))
        }
    }

    @Test("the overlay is shown without live reload too")
    func withoutLiveReload() async throws {
        try await withServer(files: ["index.html": plainPage]) { server, addresses, _ in
            server.showBuildError(Self.report)
            let page = try await RawHTTP.request(port: addresses.port, target: "/")
            #expect(page.text.contains(ErrorOverlay.elementID))
            #expect(!page.text.contains("livereloadPort"))
            server.clearBuildError()
            #expect(try await RawHTTP.request(port: addresses.port, target: "/").text == plainPage)
        }
    }
}
