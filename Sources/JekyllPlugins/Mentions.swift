import Foundation
import Jekyll
import Liquid

/// jekyll-mentions: `@name` in the text of an HTML page becomes a link to the user's GitHub
/// profile (or `jekyll-mentions: base_url` / a string base), except inside `pre`, `code`, `a`,
/// `style` and `script`. When the page's body has a mention, the plugin writes the whole body
/// back through its HTML parser (see `HTMLFragment`); the head is left alone.
public struct Mentions: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-mentions" }

    /// `@name` after the start of a line or a non-word character, not before `/`, and not
    /// running into a word character (dots may follow).
    static let pattern = try! NSRegularExpression(
        pattern: #"(?:^|[^a-zA-Z0-9_])@((?>[a-zA-Z0-9_][a-zA-Z0-9_-]*))(?!/)(?=\.+[ \t]|\.+[^a-zA-Z0-9_]|\.+$|[^0-9a-zA-Z_.]|$)"#,
        options: [.anchorsMatchLines, .useUnixLineSeparators, .caseInsensitive])
    static let reservedLogins: Set<String> = ["mention", "mentions", "mentioned", "mentioning"]
    static let ignoredParents: Set<String> = ["pre", "code", "a", "style", "script"]

    public var rewritesOutput: Bool { true }

    public func postRender(_ output: String, document: Document, site: SiteSnapshot) throws(BuildError) -> String {
        guard output.contains("@"), isMentionable(document) else { return output }
        let base = try baseURL(document, site: site)
        return BodyRewrite.apply(to: output) { body in
            guard Mentions.matches(body) else { return nil }
            return HTMLFragment.rewrite(body) { text, ancestors in
                guard text.contains("@"), !ancestors.contains(where: Mentions.ignoredParents.contains) else { return nil }
                let encoded = HTMLFragment.escapeText(text)
                let linked = Mentions.link(encoded, base: base)
                return linked == encoded ? nil : linked
            }
        }
    }

    func isMentionable(_ doc: Document) -> Bool {
        guard doc.data["jekyll-mentions"] != .bool(false) else { return false }
        return doc.outputExtension == ".html" || (doc.permalink?.hasSuffix("/") ?? false)
    }

    func baseURL(_ doc: Document, site: SiteSnapshot) throws(BuildError) -> String {
        let setting = doc.data["jekyll-mentions"] ?? site.configuration["jekyll-mentions"] ?? .nil
        switch setting {
        case .nil: break
        case .string(let s): return s
        case .hash(let h): if let base = h["base_url"] { return base.rubyString }
        default:
            throw BuildError("Your jekyll-mentions config has to either be a string or a hash. "
                             + "It's a \(setting.rubyClassName) right now.")
        }
        let ssl = FileSystem.environment("SSL") ?? "", host = FileSystem.environment("GITHUB_HOSTNAME") ?? ""
        if !ssl.isEmpty && !host.isEmpty {
            return (ssl == "true" ? "https://" : "http://") + (host.hasSuffix("/") ? String(host.dropLast()) : host)
        }
        return "https://github.com"
    }

    static func matches(_ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    /// The text with each mention linked.
    static func link(_ text: String, base: String) -> String {
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let login = ns.substring(with: match.range(at: 1))
            guard !reservedLogins.contains(login.lowercased()) else { continue }
            let at = match.range(at: 1).location - 1
            out += ns.substring(with: NSRange(location: last, length: at - last))
            let url = base + (base.hasSuffix("/") || base.hasSuffix("~") ? "" : "/") + login
            out += "<a href=\"\(HTMLFragment.uriEscaped(HTMLFragment.escapeText(url)))\" class=\"user-mention\">@\(login)</a>"
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }
}

/// jekyll-mentions and jemoji change only what is between `<body …>` (and the blank space after
/// it) and `</body>` when the output has a body; otherwise all of it.
enum BodyRewrite {
    static func apply(to output: String, _ rewrite: (String) -> String?) -> String {
        guard let open = output.range(of: "<body"), let close = output[open.upperBound...].firstIndex(of: ">") else {
            return rewrite(output) ?? output
        }
        var bodyStart = output.index(after: close)
        while bodyStart < output.endIndex, " \t\n\r\u{0B}\u{0C}".contains(output[bodyStart]) || output[bodyStart] == "\r\n" { bodyStart = output.index(after: bodyStart) }
        let tail = output[bodyStart...]
        let end = tail.range(of: "</body>")?.lowerBound ?? tail.endIndex
        guard let body = rewrite(String(tail[..<end])) else { return output }
        return String(output[..<bodyStart]) + body + String(tail[end...])
    }
}
