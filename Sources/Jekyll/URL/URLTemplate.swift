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
    /// up; a name ending in `_` may also stand for the name without it (`:month_:day`). Each
    /// placeholder's value is written into the URL by `write`, which is given the name's bytes and
    /// returns false, having written nothing, when there is no such placeholder: a document's
    /// values (date fields, slugs) go in without a string made for each name and value.
    public static func fill(_ template: String,
                            writing write: (_ name: UnsafeBufferPointer<UInt8>, _ url: inout Output) -> Bool)
        throws(UnknownPlaceholder) -> String {
        var template = template  // not copied: `withUTF8` copies only a string not stored as UTF-8
        return try template.withUTF8 { bytes in
            Result { () throws(UnknownPlaceholder) in try fill(bytes, writing: write) }
        }.get()
    }

    /// A URL being filled: the template's bytes and the placeholders' values as the URL shows them.
    public struct Output {
        fileprivate var bytes: [UInt8]

        /// A value escaped as a path. A function taking the buffer `inout`, not a closure over it
        /// (which kept it in a box checked on every access); a value needing no escape (most are:
        /// years, slugs, categories) is copied as it is checked, in one contiguous run
        /// (`append(contentsOf: value.utf8)` went through the generic sequence path).
        public mutating func appendEscaped(_ value: String) {
            var value = value
            let copied = value.withUTF8 { valueBytes in
                guard valueBytes.allSatisfy(URLPath.isPlainPathByte) else { return false }
                bytes.append(contentsOf: valueBytes)
                return true
            }
            guard !copied else { return }
            var escaped = URLPath.escape(value)
            escaped.withUTF8 { bytes.append(contentsOf: $0) }
        }

        /// Bytes that need no escape, as they are.
        public mutating func appendUnescaped(_ value: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: value)
        }

        /// A number that is not negative in decimal, zero-padded to `width` digits (which need
        /// no escape).
        public mutating func appendDigits(_ number: Int, width: Int) {
            precondition(number >= 0)
            var count = 1
            var divisor = 1
            while number / divisor >= 10 { count += 1; divisor *= 10 }
            for _ in count..<max(width, count) { bytes.append(UInt8(ascii: "0")) }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: (number / divisor) % 10))
                divisor /= 10
            }
        }
    }

    private static func fill(_ bytes: UnsafeBufferPointer<UInt8>,
                             writing write: (UnsafeBufferPointer<UInt8>, inout Output) -> Bool) throws(UnknownPlaceholder) -> String {
        var out = Output(bytes: [])
        out.bytes.reserveCapacity(bytes.count + 32)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: ":") else { out.bytes.append(bytes[i]); i += 1; continue }
            var j = i + 1
            while j < bytes.count && (isLowercaseLetter(bytes[j]) || bytes[j] == UInt8(ascii: "_")) { j += 1 }
            guard j > i + 1 else { out.bytes.append(bytes[i]); i += 1; continue }
            let name = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j])
            if write(name, &out) {
            } else if bytes[j - 1] == UInt8(ascii: "_"), write(UnsafeBufferPointer(rebasing: name.dropLast()), &out) {
                // The `_` the winning name did not cover stays as it is.
                out.bytes.append(UInt8(ascii: "_"))
            } else {
                let shown = String(decoding: name, as: UTF8.self)
                throw UnknownPlaceholder(names: bytes[j - 1] == UInt8(ascii: "_") ? [shown, String(shown.dropLast())] : [shown])
            }
            i = j
        }
        // The template's bytes cut at ASCII `:` and whole values (escaped or not): valid UTF-8.
        // Marked ASCII when it is (nearly always), which keeps the string's later comparisons
        // and suffix tests on their fast paths.
        return out.bytes.withUnsafeBufferPointer { url in
            String(validUTF8: url, isASCII: UnsafeRawBufferPointer(url).isAllASCII)
        }
    }

    /// Whether a placeholder's name (its bytes) is `word`: the length first, then the bytes.
    public static func name(_ name: UnsafeBufferPointer<UInt8>, is word: StaticString) -> Bool {
        guard name.count == word.utf8CodeUnitCount else { return false }
        for i in 0..<name.count where name[i] != word.utf8Start[i] { return false }
        return true
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
