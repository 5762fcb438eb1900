import ValidUTF8

/// Fills a permalink template (`/:categories/:year/:title:output_ext`) and sanitizes the result, as
/// Jekyll's `URL` class does. A front-matter permalink wins over the template and is filled the same way.
public enum URLTemplate {
    /// An unknown placeholder in a template filled from a document.
    public struct UnknownPlaceholder: Error, Sendable {
        public let names: [String]
        public var message: String {
            "The URL template doesn't have \(names.joined(separator: " or ")) keys. Check your permalink template!"
        }
    }

    /// The way pages and static files fill a template: each known placeholder in turn is replaced
    /// everywhere (a nil value removes `/:name` instead), stopping once no `:` is left.
    public static func fill(_ template: String, orderedPlaceholders: [(String, String?)]) -> String {
        var result = template
        for (name, value) in orderedPlaceholders {
            guard result.utf8.contains(UInt8(ascii: ":")) else { break }
            if let value {
                result = result.replacingAll(":" + name, with: URLPath.escape(value))
            } else {
                result = result.replacingAll("/:" + name, with: "")
            }
        }
        return result
    }

    /// The way documents fill a template: every `:name` (lowercase letters and underscores) is looked
    /// up; a name ending in `_` may also stand for the name without it (`:month_:day`). A nil lookup
    /// means the placeholder does not exist.
    public static func fill(_ template: String, lookup: (String) -> String?) throws(UnknownPlaceholder) -> String {
        var template = template  // not copied: `withUTF8` copies only a string not stored as UTF-8
        return try template.withUTF8 { bytes in
            Result { () throws(UnknownPlaceholder) in try fill(bytes, lookup: lookup) }
        }.get()
    }

    private static func fill(_ bytes: UnsafeBufferPointer<UInt8>, lookup: (String) -> String?) throws(UnknownPlaceholder) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: ":") else { out.append(bytes[i]); i += 1; continue }
            var j = i + 1
            while j < bytes.count && (isLowercaseLetter(bytes[j]) || bytes[j] == UInt8(ascii: "_")) { j += 1 }
            guard j > i + 1 else { out.append(bytes[i]); i += 1; continue }
            // Decoded, not copied unchecked: a short name is then a small string, which the
            // lookup's comparisons take a faster path for.
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            if let value = lookup(name) {
                appendEscaped(value, to: &out)
            } else if bytes[j - 1] == UInt8(ascii: "_"), let value = lookup(String(name.dropLast())) {
                appendEscaped(value, to: &out)
                // The `_` the winning name did not cover stays as it is.
                out.append(UInt8(ascii: "_"))
            } else {
                throw UnknownPlaceholder(names: bytes[j - 1] == UInt8(ascii: "_") ? [name, String(name.dropLast())] : [name])
            }
            i = j
        }
        // The template's bytes cut at ASCII `:` and whole values (escaped or not): valid UTF-8.
        // Marked ASCII when it is (nearly always), which keeps the string's later comparisons
        // and suffix tests on their fast paths.
        return out.withUnsafeBufferPointer { url in
            String(validUTF8: url, isASCII: UnsafeRawBufferPointer(url).isAllASCII)
        }
    }

    /// A value's bytes appended as one contiguous run: `append(contentsOf: value.utf8)` went
    /// through the generic sequence path, ~200 instructions a placeholder. A value needing no
    /// escape (most are: years, slugs, categories) is copied as it is checked. A function of its
    /// own, not a closure over `out`, which kept the buffer in a box checked on every access.
    private static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        var value = value
        let copied = value.withUTF8 { bytes in
            guard bytes.allSatisfy(URLPath.isPlainPathByte) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        guard !copied else { return }
        var escaped = URLPath.escape(value)
        escaped.withUTF8 { out.append(contentsOf: $0) }
    }

    private static func isLowercaseLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    /// The built-in permalink styles and what they stand for.
    public static func styleTemplate(_ style: String) -> String? {
        switch style {
        case "none": return "/:categories/:title:output_ext"
        case "date": return "/:categories/:year/:month/:day/:title:output_ext"
        case "ordinal": return "/:categories/:year/:y_day/:title:output_ext"
        case "pretty": return "/:categories/:year/:month/:day/:title/"
        case "weekdate": return "/:categories/:year/W:week/:short_day/:title:output_ext"
        default: return nil
        }
    }

    /// Jekyll's `add_permalink_suffix`: pages and collection documents take the ending of the site's
    /// permalink style (a trailing slash, or `:output_ext`).
    public static func addSuffix(_ template: String, style: String) -> String {
        switch style {
        case "pretty": return template + "/"
        case "date", "ordinal", "none": return template + ":output_ext"
        default:
            var t = template
            if style.hasSuffix("/") { t += "/" }
            if style.hasSuffix(":output_ext") { t += ":output_ext" }
            return t
        }
    }
}
