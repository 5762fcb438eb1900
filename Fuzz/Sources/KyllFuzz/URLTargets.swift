import FuzzSupport
import JekyllSubset

enum URLTargets {
    /// Input lines: a permalink template, then placeholder values. The filled URL, and the output
    /// path made of it as the writer makes it, must stay inside the destination whatever they hold.
    static let urls: FuzzTarget = { bytes in
        let lines = text(bytes).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let template = lines[0]
        let values = Array(lines.dropFirst())
        func value(_ i: Int) -> String? { i < values.count ? values[i] : nil }

        let names = ["path", "basename", "output_ext", "title", "slug", "categories", "year", "name"]
        let pageURL = URLPath.sanitize(URLTemplate.fill(template, orderedPlaceholders: [
            ("path", value(0)), ("basename", value(1)), ("output_ext", value(2)),
        ]))
        checkInsideDestination(pageURL)
        if let filled = try? URLTemplate.fill(template, writing: { name, url in
            guard let given = names.firstIndex(of: String(decoding: name, as: UTF8.self)).flatMap(value) else { return false }
            url.appendEscaped(Slugify.slugify(given, mode: "pretty", cased: true))
            return true
        }) {
            checkInsideDestination(URLPath.sanitize(filled))
        }
        for mode in Slugify.modes { _ = Slugify.slugify(template, mode: mode) }
        _ = URLPath.unescape(URLPath.escape(template))
        _ = URIReference(template).normalized().description
        // A questionable path joined under a base never leaves it.
        let sanitized = Path.sanitized(base: "/site/src", template)
        if !isInside(sanitized, "/site/src") { violated("\(template) → \(sanitized)") }
    }

    /// Whether `path` is `folder` or below it, compared as the file system compares paths: as bytes
    /// (a `/` followed by a combining mark is one Swift character, but still a separator).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.utf8.starts(with: (folder + "/").utf8)
    }

    /// The writer's rule (Document.destinationPath): the URL unescaped and sanitized under `/`.
    static func checkInsideDestination(_ url: String) {
        let relative = Path.sanitized(base: "/", URLPath.unescape(url))
        let absolute = Path.join("/dest", relative)
        let resolved = Path.expand(absolute, relativeTo: "/")
        if !isInside(resolved, "/dest") { violated("\(url) writes to \(resolved)") }
        if relative.utf8.split(separator: UInt8(ascii: "/")).contains(where: { $0.elementsEqual("..".utf8) }) {
            violated("\(url) keeps a .. segment: \(relative)")
        }
    }
}
