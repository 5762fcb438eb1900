import Jekyll
import Liquid

/// jemoji: `:name:` in the text of an HTML page becomes GitHub's image of that emoji,
/// `<img class="emoji" title=":name:" alt=":name:" src="…/emoji/unicode/1f604.png" height="20" width="20">`,
/// except inside `pre`, `code` and `tt`. Images come from GitHub's asset host, `ASSET_HOST_URL`,
/// or `emoji: src:`. As with jekyll-mentions, a body with an emoji is written back the way the
/// plugin's HTML parser writes it (`HTMLFragment`). Debian has no jemoji; see README.md for the
/// emoji list and how far it matches the gem's.
public struct Emoji: JekyllPlugin {
    public init() {}
    public var name: String { "jemoji" }

    static let ignoredParents: Set<String> = ["pre", "code", "tt"]

    /// Alias → image file name (without `.png`).
    static let files: [String: String] = {
        var files: [String: String] = [:]
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { files[String(parts[0])] = String(parts[1]) }
        }
        return files
    }()

    public var rewritesOutput: Bool { true }

    public func postRender(_ output: String, document: Document, site: SiteSnapshot) throws(BuildError) -> String {
        // postRender sees pages and the items that are written, as the plugin's hook does.
        guard document.outputExtension == ".html" || (document.permalink?.hasSuffix("/") ?? false),
              Emoji.firstEmoji(in: output) != nil else { return output }
        let root = Emoji.assetRoot(site.configuration)
        return BodyRewrite.apply(to: output) { body in
            HTMLFragment.rewrite(body) { text, ancestors in
                guard text.contains(":"), !ancestors.contains(where: Emoji.ignoredParents.contains) else { return nil }
                return Emoji.replace(text, root: root)
            }
        }
    }

    /// `emoji: src:` from the configuration, else `ASSET_HOST_URL` or GitHub's asset host, with
    /// the icons path.
    static func assetRoot(_ configuration: Configuration) -> String {
        if let src = configuration["emoji"]?.orderedHash?["src"] { return src.rubyString }
        if let host = FileSystem.environment("ASSET_HOST_URL"), !host.isEmpty {
            return (host.hasSuffix("/") ? String(host.dropLast()) : host) + "/images/icons/"
        }
        return "https://github.githubassets.com/images/icons/"
    }

    /// The range of the first `:alias:` with a known alias.
    static func firstEmoji(in text: Substring) -> (range: Range<String.Index>, alias: String)? {
        var search = text
        while let open = search.firstIndex(of: ":") {
            let after = search[search.index(after: open)...]
            guard let close = after.firstIndex(of: ":") else { return nil }
            let alias = String(after[..<close])
            if files[alias] != nil { return (open..<after.index(after: close), alias) }
            search = after[close...]
        }
        return nil
    }

    static func firstEmoji(in text: String) -> (range: Range<String.Index>, alias: String)? {
        firstEmoji(in: text[...])
    }

    /// The text with each emoji as its image, escaped as the parser writes text; nil if none.
    static func replace(_ text: String, root: String) -> String? {
        var out = ""
        var rest = text[...]
        var found = false
        while let (range, alias) = firstEmoji(in: rest) {
            found = true
            out += HTMLFragment.escapeText(String(rest[..<range.lowerBound]))
            let src = Path.join(root, "emoji/unicode/\(files[alias]!).png")
            out += "<img class=\"emoji\" title=\":\(alias):\" alt=\":\(alias):\" src=\"\(HTMLFragment.uriEscaped(src))\""
                + " height=\"20\" width=\"20\">"
            rest = rest[range.upperBound...]
        }
        return found ? out + HTMLFragment.escapeText(String(rest)) : nil
    }
}
