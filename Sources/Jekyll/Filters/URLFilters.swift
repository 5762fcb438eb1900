import Foundation
import Liquid
import ValidUTF8

/// Jekyll's URL and escaping filters: `relative_url`, `absolute_url`, `strip_index`, `uri_escape`,
/// `cgi_escape`, `xml_escape`.
enum URLFilters {
    static func register(into env: inout LiquidEnvironment) {
        env.register(filter: "relative_url", arity: 0...0) { input, _, context in
            // A path from the root without a base URL (most of a list page's calls) is given back
            // as the same value, neither read out of it nor wrapped again.
            if case .string(let text) = input, SiteURL.returnsUnchanged(text, baseurl: context.withJekyll { $0.baseurl } ?? nil) {
                return input
            }
            guard !input.isNil else { return .nil }
            return .string(relativeURL(input, context))
        }
        env.register(filter: "absolute_url", arity: 0...0) { input, _, context in
            guard !input.isNil else { return .nil }
            return .string(absoluteURL(input, context))
        }
        env.register(filter: "strip_index", arity: 0...0) { input, _, _ in
            let s = input.rubyString
            guard !input.isNil, !s.isEmpty else { return .nil }
            for suffix in ["/index.html", "/index.htm"] where s.hasSuffix(suffix) {
                return .string(String(s.dropLast(suffix.count)) + "/")
            }
            return input
        }
        env.register(filter: "uri_escape", arity: 0...0) { input, _, _ in
            .string(URIReference.normalizeComponent(input.rubyString, allowed: {
                URLPath.isUnreserved($0) || URLPath.isSubDelimiter($0) || ":/?#[]@".utf8.contains($0)
            }))
        }
        env.register(filter: "cgi_escape", arity: 0...0) { input, _, _ in
            .string(EscapingFilters.urlEncode(input.rubyString))
        }
        env.register(filter: "xml_escape", arity: 0...0) { input, _, _ in
            input.isNil ? .string("") : .string(XML.escape(input.rubyString))
        }
    }

    /// An object with a `url` (a document, a static file) stands for its URL; a page is a hash and
    /// stands for its text.
    static func urlString(_ input: Value, _ context: RenderContext) -> String {
        if case .drop(let d) = input, !(d is PageDrop), let url = try? d.value(forKey: "url", in: context), !url.isNil {
            return url.rubyString
        }
        return input.rubyString
    }

    static func relativeURL(_ input: Value, _ context: RenderContext) -> String {
        SiteURL.relative(urlString(input, context), baseurl: context.withJekyll { $0.baseurl } ?? nil)
    }

    static func absoluteURL(_ input: Value, _ context: RenderContext) -> String {
        // The two fields, not a copy of the whole configuration.
        let site = context.jekyll?.site
        return SiteURL.absolute(urlString(input, context), url: site?.configuration.url, baseurl: site?.configuration.baseurl)
    }
}

/// Site URLs as Jekyll's `relative_url` and `absolute_url` make them.
public enum SiteURL {
    /// The base URL (without a trailing slash) before a path, normalized.
    public static func relative(_ text: String, baseurl: String?) -> String {
        if hasNoBase(baseurl) {
            // No base (most sites): a plain path itself, given a leading slash; `//` would read
            // as a host and goes the long way.
            switch plainPathStart(text) {
            case .empty?, .rooted?: return text
            case .relative?: return "/" + text
            case .doubleSlash?, nil: break
            }
        } else if isPlainPath(text) {
            // No scheme, query, fragment, escapes or dot segments: normalizing would change nothing.
            var base = baseurl ?? ""
            if base.hasSuffix("/") { base.removeLast() }
            let joined = ensureLeadingSlash(base) + ensureLeadingSlash(text)
            if isPlainPath(joined) && !startsWithTwoSlashes(joined) { return joined }
        }
        if URIReference(text).isAbsolute { return text }
        var base = baseurl ?? ""
        if base.hasSuffix("/") { base.removeLast() }
        // `+`, not `[…].joined()`: see `RedirectFrom.layout` in JekyllPlugins.
        return URIReference(ensureLeadingSlash(base) + ensureLeadingSlash(text)).normalized().description
    }

    /// Whether `relative` gives `text` back as it is because there is no base URL and it is empty
    /// or a plain path from the root.
    @inline(__always)
    static func returnsUnchanged(_ text: String, baseurl: String?) -> Bool {
        guard hasNoBase(baseurl) else { return false }
        switch plainPathStart(text) {
        case .empty?, .rooted?: return true
        case .relative?, .doubleSlash?, nil: return false
        }
    }

    /// No base URL: none, empty or `/`.
    @inline(__always)
    static func hasNoBase(_ baseurl: String?) -> Bool {
        guard let baseurl else { return true }
        return baseurl.isEmpty || baseurl == "/"
    }

    /// Whether a text starts with `//` (read as a host): its first two bytes, where the generic
    /// `starts(with:)` cost ~200 instructions on each of a list page's `relative_url`s.
    @inline(__always)
    static func startsWithTwoSlashes(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        return bytes.next() == UInt8(ascii: "/") && bytes.next() == UInt8(ascii: "/")
    }

    /// `/` and the path characters but `:`, as two bit masks over ASCII (one test a byte); a test
    /// checks them against `URIReference.isPathCharacter`.
    static let plainPathBytes: (low: UInt64, high: UInt64) = (0x2bff_ffd2_0000_0000, 0x47ff_fffe_87ff_ffff)

    @inline(__always)
    static func isPlainPathByte(_ b: UInt8) -> Bool {
        b < 64 ? plainPathBytes.low & (1 << UInt64(b)) != 0
            : b < 128 && plainPathBytes.high & (1 << UInt64(b - 64)) != 0
    }

    /// The site's `url` before the relative URL, normalized.
    public static func absolute(_ text: String, url: String?, baseurl: String?) -> String {
        // A path from the root has no scheme: no need to parse it to know.
        if text.utf8.first != UInt8(ascii: "/"), URIReference(text).isAbsolute { return text }
        guard let url, !url.isEmpty else { return relative(text, baseurl: baseurl) }
        let path = relative(text, baseurl: baseurl)
        // `https://example.com` and `/a/plain/path`: normalizing the two joined would change nothing.
        if path.utf8.first == UInt8(ascii: "/"), isPlainPath(path), isPlainOrigin(url) { return url + path }
        return URIReference(url + path).normalized().description
    }

    /// The site's URL when `absolute` of any plain path from the root (`isPlainRootPath`) is that
    /// URL followed by the path — no base URL, an origin normalizing leaves alone — else nil: a
    /// caller making many such URLs joins the two without asking again.
    public static func absolutePrefix(url: String?, baseurl: String?) -> String? {
        guard hasNoBase(baseurl), let url, !url.isEmpty, isPlainOrigin(url) else { return nil }
        return url
    }

    /// `absolute` of `path` made without asking again, for a caller holding the site's
    /// `absolutePrefix`: that prefix and a plain path from the root (not `//`, read as a host)
    /// joined; nil without a prefix or for any other text.
    public static func joined(prefix: String?, _ path: String) -> String? {
        guard let prefix, isPlainRootPath(path) else { return nil }
        return prefix + path
    }

    /// A path from the root (not `//`, read as a host) that `relative` and `absolute` give back as
    /// it is without a base URL.
    public static func isPlainRootPath(_ text: String) -> Bool {
        plainPathStart(text) == .rooted
    }

    /// `http://` or `https://` and a lowercase host name, nothing else (no user or path), with
    /// maybe a port that is not the scheme's own (`kyll serve`'s `http://localhost:4000`):
    /// normalizing would drop a default port or a port's leading zeros.
    static func isPlainOrigin(_ url: String) -> Bool {
        // Over the bytes: asked once per URL of the sitemap and the feed, and the generic
        // `Substring.UTF8View` operations cost ~4,000 instructions a call.
        var url = url
        return url.withUTF8 { b in
            func starts(with prefix: StaticString) -> Bool {
                let n = prefix.utf8CodeUnitCount
                guard n <= b.count else { return false }
                for i in 0..<n where prefix.utf8Start[i] != b[i] { return false }
                return true
            }
            let start: Int, defaultPort: Int
            if starts(with: "https://") {
                (start, defaultPort) = (8, 443)
            } else if starts(with: "http://") {
                (start, defaultPort) = (7, 80)
            } else {
                return false
            }
            var hostEnd = b.count
            if let colon = (start..<b.count).first(where: { b[$0] == UInt8(ascii: ":") }) {
                let digits = b.count - colon - 1
                guard digits >= 1, digits <= 5, b[colon + 1] != UInt8(ascii: "0") else { return false }
                var port = 0
                for i in (colon + 1)..<b.count {
                    guard b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9") else { return false }
                    port = port * 10 + Int(b[i] - UInt8(ascii: "0"))
                }
                // Without leading zeros, the number is the scheme's port exactly when its text is.
                guard port <= 65535, port != defaultPort else { return false }
                hostEnd = colon
            }
            guard hostEnd > start, b[start] != UInt8(ascii: "."), b[hostEnd - 1] != UInt8(ascii: ".") else { return false }
            for i in start..<hostEnd {
                let c = b[i]
                guard (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                    || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") else { return false }
            }
            return true
        }
    }

    public static func absolute(_ text: String, _ configuration: Configuration) -> String {
        absolute(text, url: configuration.url, baseurl: configuration.baseurl)
    }

    static func ensureLeadingSlash(_ s: String) -> String {
        s.isEmpty || s.hasPrefix("/") ? s : "/" + s
    }
}

public enum XML {
    /// `&`, `<`, `>`, `"` and `'` as entities, as Jekyll's `xml_escape` (Ruby's XML attribute
    /// encoding) does.
    public static func escape(_ s: String) -> String {
        // Over bytes: the five are ASCII, and a sitemap escapes every URL of the site.
        func special(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
        }
        // Looked for in the bytes in place (the generic UTF-8 view's `contains` cost ~2,000
        // instructions a URL).
        var text = s
        guard text.withUTF8({ $0.contains(where: special) }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Jekyll's date filters: `date_to_xmlschema`, `date_to_rfc822`, `date_to_string`,
/// `date_to_long_string` — in the site's local time.
public enum DateFilters {
    static func register(into env: inout LiquidEnvironment) {
        env.register(filter: "date_to_xmlschema", arity: 0...0) { input, _, context in
            if printsEmpty(input) { return input }
            let t = try time(input, context)
            return .string(xmlschema(t))
        }
        env.register(filter: "date_to_rfc822", arity: 0...0) { input, _, context in
            if printsEmpty(input) { return input }
            let t = try time(input, context)
            return .string(format(t, "%a, %d %b %Y %H:%M:%S %z"))
        }
        env.register(filter: "date_to_string", arity: 0...2) { input, args, context in
            try stringify(input, month: "%b", type: args[0], style: args[1], context)
        }
        env.register(filter: "date_to_long_string", arity: 0...2) { input, args, context in
            try stringify(input, month: "%B", type: args[0], style: args[1], context)
        }
    }

    static func stringify(_ input: Value, month: String, type: Value, style: Value, _ context: RenderContext) throws -> Value {
        if printsEmpty(input) { return input }
        let t = try time(input, context)
        if type == .string("ordinal") {
            let day = t.components.day
            let ordinalDay = "\(day)\(ordinalSuffix(day))"
            if style == .string("US") { return .string(format(t, "\(month) \(ordinalDay), %Y")) }
            return .string(format(t, "\(ordinalDay) \(month) %Y"))
        }
        return .string(format(t, "%d \(month) %Y"))
    }

    /// Jekyll's `input.to_s.empty?` guard, without printing a time (the usual input) to ask.
    static func printsEmpty(_ input: Value) -> Bool {
        switch input {
        case .time, .date, .int, .float, .bool, .array, .hash: return false
        case .nil: return true
        case .string(let s): return s.isEmpty
        default: return input.rubyString.isEmpty
        }
    }

    static func ordinalSuffix(_ day: Int) -> String {
        if (11...13).contains(day % 100) { return "th" }
        switch day % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// Liquid's `to_date`, then local time (Jekyll's `time` helper).
    static func time(_ input: Value, _ context: RenderContext) throws -> TimeValue {
        SiteDateFilter.noteMoment(input, context)
        guard let time = localTime(input, clock: context.withJekyll({ $0.clock }) ?? SiteClock(identifier: nil)) else {
            // Jekyll's `InvalidDateError`, not one of Liquid's errors.
            throw LiquidError(.internal, invalidDateMessage(input))
        }
        return time
    }

    /// What `date_to_xmlschema` and the other date filters raise for a value that is no date.
    public static func invalidDateMessage(_ input: Value) -> String {
        "Invalid Date: '\(input.inspect)' is not a valid datetime."
    }

    /// Liquid's `to_date` of a value in the site's zone; nil for what is no date. A timestamp or
    /// a date string without a zone is read in the site's zone as `date` reads it (Jekyll sets
    /// the process's zone to the site's), not in the zone this process happens to have.
    static func localTime(_ input: Value, clock: SiteClock) -> TimeValue? {
        if let local = SiteDateFilter.localTime(input, clock: clock) { return local }
        switch DateFilter.toTime(input) {
        case .time(let t)?: return clock.localize(t)
        case .date(let d)?: return clock.midnight(d)
        default: return nil
        }
    }

    /// What `date_to_xmlschema` prints of a value in the site's zone, nil where it fails (no
    /// date): for the plugins whose templates print dates through that filter (jekyll-seo-tag,
    /// jekyll-sitemap), without a call of it.
    public static func xmlschema(_ input: Value, clock: SiteClock) -> String? {
        if case .time(let t) = input { return xmlschema(clock.localize(t)) }
        if printsEmpty(input) { return "" }
        return localTime(input, clock: clock).map(xmlschema)
    }

    static func format(_ t: TimeValue, _ pattern: String) -> String {
        DateFilter.strftime(.time(t), pattern) ?? ""
    }

    /// Ruby's `Time#xmlschema` of the time in local time (`date_to_xmlschema`), printed once a
    /// thread (`TimeTexts`).
    public static func xmlschema(_ t: TimeValue) -> String {
        let texts = TimeTexts.current
        if let known = texts.text(of: t, pattern: TimeTexts.xmlschemaPattern) { return known }
        let text = printedXMLSchema(t)
        texts.remember(text, of: t, pattern: TimeTexts.xmlschemaPattern)
        return text
    }

    private static func printedXMLSchema(_ t: TimeValue) -> String {
        let c = t.components
        guard c.year >= 0 && c.year <= 9999, abs(Int(t.utcOffset)) < 100 * 3600 else {
            return format(t, "%Y-%m-%dT%H:%M:%S%:z")
        }
        // What that pattern prints, 25 ASCII bytes written on the stack with constant divisors,
        // then copied into a string without the UTF-8 check `String(unsafeUninitializedCapacity:)`
        // made (every post is printed so several times: ~560 instructions a string).
        let offset = Int(t.utcOffset), offsetMagnitude = abs(offset)
        var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &text) { raw in
            let out = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            @inline(__always) func two(_ n: Int, at i: Int) {
                out[i] = UInt8(truncatingIfNeeded: 48 &+ n / 10)
                out[i &+ 1] = UInt8(truncatingIfNeeded: 48 &+ n % 10)
            }
            two(c.year / 100, at: 0)
            two(c.year % 100, at: 2)
            out[4] = UInt8(ascii: "-")
            two(c.month, at: 5)
            out[7] = UInt8(ascii: "-")
            two(c.day, at: 8)
            out[10] = UInt8(ascii: "T")
            two(c.hour, at: 11)
            out[13] = UInt8(ascii: ":")
            two(c.minute, at: 14)
            out[16] = UInt8(ascii: ":")
            two(c.second, at: 17)
            out[19] = offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            two(offsetMagnitude / 3600 % 100, at: 20)
            out[22] = UInt8(ascii: ":")
            two(offsetMagnitude % 3600 / 60, at: 23)
            let bytes = UnsafeBufferPointer(start: out, count: 25)
            return String(validUTF8: bytes, isASCII: true)
        }
    }
}
