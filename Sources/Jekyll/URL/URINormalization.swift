import Foundation

/// URI parsing and normalization as Jekyll's URL filters get them from Addressable: the scheme and
/// host lowercased, a default port dropped, `.` and `..` segments resolved, and each component
/// percent-encoded the canonical way (unreserved characters decoded, the rest encoded in upper case
/// after Unicode compatibility normalization).
public struct URIReference: Sendable, Equatable {
    public var scheme: String?
    public var authority: String?
    public var path: String
    public var query: String?
    public var fragment: String?

    /// Splits a URI reference (RFC 3986, appendix B).
    public init(_ text: String) {
        var rest = Substring(text)
        if let colon = rest.firstIndex(of: ":"),
           !rest[..<colon].isEmpty, !rest[..<colon].contains(where: { "/?#".contains($0) }) {
            scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(where: { "/?#".contains($0) }) ?? afterSlashes.endIndex
            authority = String(afterSlashes[..<end])
            rest = afterSlashes[end...]
        }
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        path = String(rest)
    }

    /// Has a scheme (`https:`, `mailto:`).
    public var isAbsolute: Bool { scheme != nil }

    public var description: String {
        var s = ""
        if let scheme { s += scheme + ":" }
        if let authority { s += "//" + authority }
        s += path
        if let query { s += "?" + query }
        if let fragment { s += "#" + fragment }
        return s
    }

    /// Addressable's `normalize`.
    public func normalized() -> URIReference {
        var n = self
        n.scheme = scheme.map { $0.lowercased() }
        if let authority { n.authority = URIReference.normalizeAuthority(authority, scheme: n.scheme) }
        var p = path
        if scheme == nil, !p.hasPrefix("/"), let colon = p.firstIndex(of: ":"),
           !p[..<colon].contains("/") {
            p.replaceSubrange(colon...colon, with: "%2F")
        }
        p = p.trimmingCharacters(in: .whitespaces)
        p = p.split(separator: "/", omittingEmptySubsequences: false)
            .map { URIReference.normalizeComponent(String($0), allowed: URIReference.isPathCharacter) }
            .joined(separator: "/")
        p = URIReference.removeDotSegments(p)
        if p.isEmpty, let s = n.scheme, ["http", "https", "ftp", "tftp"].contains(s) { p = "/" }
        n.path = p
        if let query {
            let q = query.split(separator: "&", omittingEmptySubsequences: false).map {
                URIReference.normalizeComponent(String($0), allowed: URIReference.isQueryCharacter, leaveEncoded: "+")
            }.joined(separator: "&")
            n.query = q.isEmpty ? nil : q
        }
        if let fragment {
            let f = URIReference.normalizeComponent(fragment, allowed: { URIReference.isPathCharacter($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") })
            n.fragment = f.isEmpty ? nil : f
        }
        return n
    }

    static func normalizeAuthority(_ authority: String, scheme: String?) -> String {
        var userinfo: String?
        var hostPort = Substring(authority)
        if let at = hostPort.lastIndex(of: "@") {
            userinfo = String(hostPort[..<at])
            hostPort = hostPort[hostPort.index(after: at)...]
        }
        var host = String(hostPort)
        var port: String?
        if let colon = hostPort.lastIndex(of: ":"), !hostPort[colon...].contains("]") {
            host = String(hostPort[..<colon])
            port = String(hostPort[hostPort.index(after: colon)...])
        }
        host = normalizeComponent(host, allowed: { isUnreserved($0) || isSubDelimiter($0) || "[:]".utf8.contains($0) })
            .lowercased()
        let defaults = ["http": "80", "https": "443", "ftp": "21", "tftp": "69", "ssh": "22"]
        if let p = port, p.isEmpty || (scheme.flatMap { defaults[$0] } == p) { port = nil }
        var out = ""
        if let userinfo {
            out += normalizeComponent(userinfo, allowed: { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }) + "@"
        }
        out += host
        if let port { out += ":" + port }
        return out
    }

    /// Decodes every `%XX` (but those standing for `leaveEncoded` characters), applies Unicode
    /// compatibility normalization, and encodes every byte `allowed` rejects.
    static func normalizeComponent(_ component: String, allowed: (UInt8) -> Bool, leaveEncoded: String = "") -> String {
        var decoded: [UInt8] = []
        let bytes = Array(component.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let hi = URLPath.hexValue(bytes[i + 1]), let lo = URLPath.hexValue(bytes[i + 2]) {
                let b = hi << 4 | lo
                if leaveEncoded.utf8.contains(b) {
                    decoded.append(contentsOf: bytes[i...(i + 2)])
                } else {
                    decoded.append(b)
                }
                i += 3
            } else {
                decoded.append(bytes[i]); i += 1
            }
        }
        var text = decoded
        if let s = String(validating: decoded, as: UTF8.self) {
            text = Array(s.precomposedStringWithCompatibilityMapping.utf8)
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var j = 0
        while j < text.count {
            let b = text[j]
            // An encoded leave-alone character stays as it is.
            if b == UInt8(ascii: "%"), !leaveEncoded.isEmpty, j + 2 < text.count,
               let hi = URLPath.hexValue(text[j + 1]), let lo = URLPath.hexValue(text[j + 2]),
               leaveEncoded.utf8.contains(hi << 4 | lo) {
                out.append(contentsOf: text[j...(j + 2)]); j += 3; continue
            }
            URLPath.append(b, allowed: allowed, to: &out)
            j += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isUnreserved(_ b: UInt8) -> Bool { URLPath.isUnreserved(b) }
    static func isSubDelimiter(_ b: UInt8) -> Bool { URLPath.isSubDelimiter(b) }

    /// pchar: unreserved, sub-delimiters, `:` and `@`.
    static func isPathCharacter(_ b: UInt8) -> Bool {
        isUnreserved(b) || isSubDelimiter(b) || b == UInt8(ascii: ":") || b == UInt8(ascii: "@")
    }

    /// What a query pair keeps: pchar, `/`, `?`, without `&` and `;`.
    static func isQueryCharacter(_ b: UInt8) -> Bool {
        (isPathCharacter(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "?")) && b != UInt8(ascii: "&")
            && b != UInt8(ascii: ";")
    }

    /// RFC 3986's dot-segment removal, with Addressable's extra rule for leading `/..`.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        var result = ""
        while !input.isEmpty {
            if input.hasPrefix("../") { input = input.dropFirst(3) }
            else if input.hasPrefix("./") { input = input.dropFirst(2) }
            else if input.hasPrefix("/./") { input = input.dropFirst(2) }
            else if input == "/." { input = "/" }
            else if input.hasPrefix("/../") { input = input.dropFirst(3); if !output.isEmpty { output.removeLast() } }
            else if input == "/.." { input = "/"; if !output.isEmpty { output.removeLast() } }
            else if input == "." || input == ".." { input = "" }
            else {
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        result = output.joined()
        return result
    }
}
