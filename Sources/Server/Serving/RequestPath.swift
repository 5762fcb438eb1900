/// The path part of an HTTP request target, split into percent-decoded segments and checked for
/// anything that could address a file outside the served folder.
///
/// Browsers normalise `.` and `..` before they send a request, so a `..` segment, an encoded slash or
/// backslash, a NUL or a bare backslash can only come from a tool probing the server: such targets are
/// rejected outright (400) rather than normalised.
struct RequestPath: Equatable, Sendable {
    /// Decoded segments, empty segments and `.` dropped: `/a//b/./c` → `["a", "b", "c"]`.
    var segments: [String]
    /// Whether the path ended with `/` (a folder was asked for).
    var hasTrailingSlash: Bool
    /// The query string without `?`, kept for redirects.
    var query: String?

    enum Rejection: Error, Equatable {
        case notOriginForm
        case invalidPercentEncoding
        case forbiddenCharacter
        case encodedSeparator
        case parentSegment
    }

    /// Parses a raw request target such as `/blog/a%20b/?x=1`.
    init(target: String) throws(Rejection) {
        var path = Substring(target)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        var query: String?
        if let mark = path.firstIndex(of: "?") {
            query = String(path[path.index(after: mark)...])
            path = path[..<mark]
        }
        guard path.first == "/" else { throw .notOriginForm }

        var segments: [String] = []
        let rawSegments = path.split(separator: "/", omittingEmptySubsequences: true)
        for raw in rawSegments {
            let decoded = try Self.decode(raw)
            if decoded == "." { continue }
            if decoded == ".." { throw .parentSegment }
            segments.append(decoded)
        }
        self.segments = segments
        self.hasTrailingSlash = path.last == "/"
        self.query = query
    }

    init(segments: [String], hasTrailingSlash: Bool, query: String? = nil) {
        self.segments = segments
        self.hasTrailingSlash = hasTrailingSlash
        self.query = query
    }

    /// Percent-decodes one segment. Decoded `/`, `\` and NUL are refused: they would change which
    /// file the segment names. Bytes that are not valid UTF-8 are refused too.
    private static func decode(_ raw: Substring) throws(Rejection) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
                else { throw .invalidPercentEncoding }
                let decoded = high << 4 | low
                if decoded == UInt8(ascii: "/") || decoded == UInt8(ascii: "\\") { throw .encodedSeparator }
                if decoded == 0 { throw .forbiddenCharacter }
                bytes.append(decoded)
            case UInt8(ascii: "\\"), 0:
                throw .forbiddenCharacter
            default:
                bytes.append(byte)
            }
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .invalidPercentEncoding }
        return string
    }

    /// The path re-encoded for a `Location` header: segments joined by `/`, each percent-encoded, so a
    /// redirect can never become protocol-relative (`//host`) or carry raw control characters.
    func encoded(prefix: [String] = [], trailingSlash: Bool) -> String {
        var result = ""
        for segment in prefix + segments {
            result += "/" + Self.encode(segment)
        }
        if trailingSlash || result.isEmpty { result += "/" }
        if let query { result += "?" + query }
        return result
    }

    private static func encode(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            if isPathSafe(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return result
    }

    /// RFC 3986 `pchar` without `%`: unreserved, sub-delims, `:` and `@`.
    private static func isPathSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~!$&'()*+,;=:@".utf8.contains(byte)
        }
    }
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
