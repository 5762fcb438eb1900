/// Escaping and cleaning of URL paths the way Jekyll does it (through Addressable): placeholders in
/// permalinks are percent-encoded as URI path segments, and destinations are computed from the
/// unescaped URL.
public enum URLPath {
    /// Percent-encodes a path, query and fragment as Jekyll's `URL.escape_path` does: a `?` starts the
    /// query and a `#` the fragment (the first `#` is then encoded as well).
    public static func escape(_ path: String) -> String {
        if path.isEmpty || isPlain(path) { return path }
        let bytes = Array(path.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        // Path up to `?` or `#`.
        while i < bytes.count && bytes[i] != UInt8(ascii: "?") && bytes[i] != UInt8(ascii: "#") {
            append(bytes[i], allowed: isPathByte, to: &out); i += 1
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: "?") {
            out.append(bytes[i]); i += 1
            while i < bytes.count && bytes[i] != UInt8(ascii: "#") {
                append(bytes[i], allowed: isQueryByte, to: &out); i += 1
            }
        }
        if i < bytes.count {
            // The fragment separator: Jekyll replaces the first `#` with `%23` afterwards.
            out.append(contentsOf: Array("%23".utf8)); i += 1
            while i < bytes.count { append(bytes[i], allowed: isQueryByte, to: &out); i += 1 }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` sequences (invalid ones stay as they are).
    public static func unescape(_ path: String) -> String {
        let percent = UInt8(ascii: "%")
        guard path.utf8.withContiguousStorageIfAvailable({ $0.contains(percent) }) ?? path.utf8.contains(percent) else {
            return path
        }
        let bytes = Array(path.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) {
                out.append(hi << 4 | lo); i += 3
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Jekyll's URL sanitizing: a leading slash, every `..` turned into `/`, `./` removed, runs of
    /// slashes squeezed — so that no generated URL climbs out of the site.
    public static func sanitize(_ url: String) -> String {
        if isSanitized(url) { return url }
        var s = "/" + url
        s = s.replacingAll("..", with: "/")
        s = s.replacingAll("./", with: "")
        return Path.squeezeSlashes(s)
    }

    /// Whether `sanitize` would give `url` back unchanged: it starts with `/` and has no `..`,
    /// `./` or `//` (the common case of every filled permalink).
    static func isSanitized(_ url: String) -> Bool {
        var url = url
        return url.withUTF8 { bytes in
            guard bytes.first == UInt8(ascii: "/") else { return false }
            // Only a `.` or `/` can end such a pair (indices, not a slice's iterator: ~13
            // instructions a byte).
            var i = 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: ".") || b == UInt8(ascii: "/") {
                    let previous = bytes[i &- 1]
                    if previous == UInt8(ascii: ".") || (previous == UInt8(ascii: "/") && b == UInt8(ascii: "/")) { return false }
                }
                i &+= 1
            }
            return true
        }
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func append(_ b: UInt8, allowed: (UInt8) -> Bool, to out: inout [UInt8]) {
        if allowed(b) {
            out.append(b)
        } else {
            out.append(UInt8(ascii: "%"))
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0xF)])
        }
    }

    /// `[a-zA-Z0-9./-]`: paths made only of these are left alone.
    /// Whether no byte needs escaping, checked over the contiguous bytes (the `UTF8View` iterator
    /// cost ~20 instructions a byte here).
    private static func isPlain(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { $0.allSatisfy(isPlainPathByte) }
    }

    static func isPlainPathByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "/") || b == UInt8(ascii: "-")
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// RFC 3986 unreserved characters.
    static func isUnreserved(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "~")
    }

    static func isSubDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// Characters a path keeps as they are: pchar and `/`.
    static func isPathByte(_ b: UInt8) -> Bool {
        isUnreserved(b) || isSubDelimiter(b) || b == UInt8(ascii: ":") || b == UInt8(ascii: "@")
            || b == UInt8(ascii: "/")
    }

    /// Characters a query or fragment keeps: pchar, `/` and `?`.
    static func isQueryByte(_ b: UInt8) -> Bool { isPathByte(b) || b == UInt8(ascii: "?") }
}
