/// kyll's own doctor check: every `href` and `src` in the site's HTML that points into the site
/// (a relative URL, a path from the root, or an absolute URL on `url`) names a file the build
/// writes — as GitHub Pages resolves paths: `dir/` serves `dir/index.html`, and `page` serves
/// `page.html` or `page/index.html`. Links to other hosts, other schemes and fragments of the same
/// page are not followed.
public struct LinkCheck: Sendable {
    public struct BrokenLink: Sendable, Equatable, CustomStringConvertible {
        /// The HTML file holding the link, relative to the destination.
        public var file: String
        public var line: Int
        public var column: Int
        /// The source file it was made from.
        public var origin: String
        /// The attribute's value, as written.
        public var target: String
        public var reason: String

        public var description: String { "\(file):\(line):\(column): '\(target)' \(reason) (from \(origin))" }
    }

    /// Destination-relative paths of every file written.
    let written: Set<String>
    /// The host of `url` (lowercased, with the port): absolute links to it are checked.
    let siteOrigin: String?
    /// `baseurl` without its trailing slash; "" when the site is at the root.
    let baseurl: String

    public init(written: Set<String>, url: String?, baseurl: String?) {
        self.written = written
        siteOrigin = url.flatMap(LinkCheck.origin(of:))
        var base = baseurl ?? ""
        while base.hasSuffix("/") { base.removeLast() }
        if !base.isEmpty, !base.hasPrefix("/") { base = "/" + base }
        self.baseurl = base
    }

    /// The broken links of one HTML file.
    func check(html: [UInt8], file: String, origin: String) -> [BrokenLink] {
        var broken: [BrokenLink] = []
        var base: String?
        for link in HTMLLinkScanner(html).links() {
            if link.tag == "base", link.attribute == "href" {
                base = link.value
                continue
            }
            if let reason = problem(with: link.value, in: file, base: base) {
                broken.append(BrokenLink(file: file, line: link.line, column: link.column, origin: origin,
                                         target: link.value, reason: reason))
            }
        }
        return broken
    }

    /// Why `target`, found in `file`, does not lead to a written file; nil when it does or when it
    /// points out of the site.
    func problem(with target: String, in file: String, base: String?) -> String? {
        let trimmed = target.trimming(" \t\n\r")
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        var path: String
        if let origin = LinkCheck.origin(of: trimmed) {
            guard origin == siteOrigin else { return nil }
            path = LinkCheck.afterOrigin(trimmed)
        } else if LinkCheck.hasScheme(trimmed) {
            return nil
        } else if trimmed.hasPrefix("/") {
            path = trimmed
        } else {
            // Relative to the page's folder as served (under `baseurl`), or to `<base href>`.
            if let base, let resolved = resolvedAgainstBase(base) {
                path = resolved + trimmed
            } else {
                path = baseurl + "/" + LinkCheck.folder(of: file) + trimmed
            }
        }
        path = LinkCheck.normalized(URLPath.unescape(LinkCheck.withoutQueryAndFragment(path)))
        if !baseurl.isEmpty {
            guard path == baseurl || path.hasPrefix(baseurl + "/") else {
                return "is outside the site's baseurl '\(baseurl)'"
            }
            path = String(path.dropFirst(baseurl.count))
        }
        return exists(path) ? nil : "is not a file the site writes"
    }

    /// The folder (ending in `/`, "" for the root) a `<base href>` names, when it is in the site.
    private func resolvedAgainstBase(_ base: String) -> String? {
        var path = base
        if let origin = LinkCheck.origin(of: base) {
            guard origin == siteOrigin else { return nil }
            path = LinkCheck.afterOrigin(base)
        }
        guard path.hasPrefix("/") else { return nil }
        if !path.hasSuffix("/") { path = Path.dirname(path) + "/" }
        return path == "//" ? "/" : path
    }

    /// Whether a path from the site's root (`/about/`, `/feed.xml`) is served from a written file.
    func exists(_ path: String) -> Bool {
        let relative = String(path.drop { $0 == "/" })
        if relative.isEmpty { return written.contains("index.html") }
        if relative.hasSuffix("/") { return written.contains(relative + "index.html") }
        return written.contains(relative) || written.contains(relative + ".html")
            || written.contains(relative + "/index.html")
    }

    // MARK: URL pieces

    /// The host (with its port, lowercased) of an absolute http(s) URL or a scheme-relative one: a
    /// link to the site's host counts as internal whatever its scheme.
    static func origin(of url: String) -> String? {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("//") {
            rest = lower.dropFirst(2)
        } else {
            return nil
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : String(host)
    }

    /// The path and what follows it, after the scheme and host.
    static func afterOrigin(_ url: String) -> String {
        var rest = Substring(url)
        if let range = rest.range(of: "//") { rest = rest[range.upperBound...] }
        let path = rest.drop { $0 != "/" && $0 != "?" && $0 != "#" }
        return path.hasPrefix("/") ? String(path) : "/" + path
    }

    /// `mailto:`, `tel:`, `javascript:`, `data:` … (a first segment with a colon and no slash).
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    static func withoutQueryAndFragment(_ url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }

    /// The URL folder of a written file: `blog/post.html` → `blog/`, `index.html` → "".
    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[...slash])
    }

    /// `.` and `..` segments resolved as a browser does (never above the root); keeps a trailing `/`.
    static func normalized(_ path: String) -> String {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            switch part {
            case ".":
                if isLast { segments.append("") }
            case "..":
                if !segments.isEmpty { segments.removeLast() }
                if isLast { segments.append("") }
            default:
                segments.append(part)
            }
        }
        return "/" + segments.joined(separator: "/")
    }
}
