import Foundation
import Hummingbird
import NIOPosix

/// Answers requests from the served folder like GitHub Pages: see `SiteResolver` for how paths map to
/// files, `Validators` for 304s and ranges. Only GET and HEAD are served.
struct StaticSiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: ServerState
    /// Files up to this size are read whole; larger ones (videos, archives) are streamed.
    static let wholeFileLimit: Int64 = 8 << 20

    func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            return Self.plain(.methodNotAllowed, "405 Method Not Allowed", head: isHead, extra: [.allow: "GET, HEAD"])
        }
        let path: RequestPath
        do {
            path = try RequestPath(target: request.head.path ?? "")
        } catch {
            return Self.plain(.badRequest, "400 Bad Request", head: isHead)
        }
        guard let sitePath = state.pathUnderMount(path) else {
            return try await notFound(head: isHead, context: context)
        }
        if sitePath.segments.isEmpty && !sitePath.hasTrailingSlash && !state.baseSegments.isEmpty {
            return redirect(to: path, head: isHead)
        }
        switch SiteResolver(root: state.root).resolve(sitePath) {
        case .file(let file, let status):
            return try await serve(file: file, status: status, request: request, context: context)
        case .redirectToFolder:
            return redirect(to: path, head: isHead)
        case .forbidden:
            return Self.plain(.forbidden, "403 Forbidden", head: isHead)
        case .notFound:
            return try await notFound(head: isHead, context: context)
        }
    }

    /// 301 to the same path with a slash, as both `jekyll serve` and GitHub Pages answer. The
    /// `Location` is rebuilt from decoded segments, so it can never point to another host.
    private func redirect(to path: RequestPath, head: Bool) -> Response {
        var response = Self.plain(.movedPermanently, "301 Moved Permanently", head: head)
        response.headers[.location] = path.encoded(trailingSlash: true)
        // Browsers keep 301s forever; during development a folder may later become a page.
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    /// The site's `404.html` with status 404 (the live reload script and overlay put in, so a page that
    /// comes back reloads by itself), or a minimal page when the site has none.
    private func notFound(head: Bool, context: Context) async throws -> Response {
        var body: [UInt8]
        if case .file(let file, _) = SiteResolver(root: state.root).notFoundPage(),
           let bytes = try await Self.read(file) {
            body = bytes
        } else {
            body = Array("<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>404 Not Found</h1>\n".utf8)
        }
        if let injection = state.injection() {
            body = HTMLInjection.inject(injection.snippet, into: body)
        }
        var headers = baseHeaders(contentType: MediaTypes.contentType(forFileName: "404.html", charset: state.charset))
        headers[.contentLength] = String(body.count)
        return Response(status: .notFound, headers: headers, body: head ? ResponseBody() : Self.body(body))
    }

    private func serve(file: String, status: FileStatus, request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        let mediaType = MediaTypes.mediaType(forFileName: fileName)
        var headers = baseHeaders(contentType: MediaTypes.contentType(forFileName: fileName, charset: state.charset))

        if MediaTypes.isHTML(mediaType), let injection = state.injection() {
            let validators = Validators(size: status.size, modificationNanoseconds: status.modificationNanoseconds,
                                        variant: injection.variant)
            headers[.eTag] = validators.etag
            if validators.isNotModified(ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: nil) {
                return Response(status: .notModified, headers: headers)
            }
            guard let bytes = try await Self.read(file) else { return try await notFound(head: isHead, context: context) }
            let page = HTMLInjection.inject(injection.snippet, into: bytes)
            headers[.contentLength] = String(page.count)
            return Response(status: .ok, headers: headers, body: isHead ? ResponseBody() : Self.body(page))
        }

        let validators = Validators(size: status.size, modificationNanoseconds: status.modificationNanoseconds, variant: nil)
        headers[.eTag] = validators.etag
        if let lastModified = validators.lastModified { headers[.lastModified] = HTTPDate.format(lastModified) }
        if validators.isNotModified(ifNoneMatch: request.headers[.ifNoneMatch],
                                    ifModifiedSince: request.headers[.ifModifiedSince]) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.acceptRanges] = "bytes"
        var range = ByteRangeRequest(header: request.headers[.range], size: status.size)
        if range != .whole && !validators.allowsRange(ifRange: request.headers[.ifRange]) { range = .whole }
        let selected: ClosedRange<Int64>?
        switch range {
        case .whole:
            selected = status.size > 0 ? 0...(status.size - 1) : nil
        case .part(let part):
            selected = part
            headers[.contentRange] = "bytes \(part.lowerBound)-\(part.upperBound)/\(status.size)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(status.size)"
            headers[.contentLength] = "0"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
        let statusCode: HTTPResponse.Status = range == .whole ? .ok : .partialContent
        let length = selected.map { $0.upperBound - $0.lowerBound + 1 } ?? 0
        headers[.contentLength] = String(length)
        guard !isHead, let selected else { return Response(status: statusCode, headers: headers) }

        if status.size > Self.wholeFileLimit {
            let body = try await FileIO().loadFile(path: file, range: Int(selected.lowerBound)...Int(selected.upperBound),
                                                   context: context)
            return Response(status: statusCode, headers: headers, body: body)
        }
        guard let bytes = try await Self.read(file), Int64(bytes.count) == status.size else {
            // The file changed between stat and read (a build is writing): let the browser ask again.
            return Self.plain(.serviceUnavailable, "503 Service Unavailable", head: false, extra: [.retryAfter: "1"])
        }
        let slice = bytes[Int(selected.lowerBound)...Int(selected.upperBound)]
        return Response(status: statusCode, headers: headers, body: Self.body(slice))
    }

    private func baseHeaders(contentType: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        // A development server: let browsers keep files but ask every time (cheap with 304s).
        headers[.cacheControl] = "no-cache"
        for (name, value) in state.headers.sorted(by: { $0.key < $1.key }) {
            if let fieldName = HTTPFields.Element.Name(name) { headers[fieldName] = value }
        }
        return headers
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, head: Bool,
                      extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.contentLength] = String(text.utf8.count + 1)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : body(Array((text + "\n").utf8)))
    }

    static func body(_ bytes: some Collection<UInt8>) -> ResponseBody {
        ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
    }

    /// Reads a whole file off the event loop; nil when it vanished meanwhile.
    static func read(_ path: String) async throws -> [UInt8]? {
        try await NIOThreadPool.singleton.runIfActive {
            FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
    }
}
