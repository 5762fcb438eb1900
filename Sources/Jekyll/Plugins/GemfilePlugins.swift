/// The gems a `Gemfile` puts in its `jekyll_plugins` group, read as text: Jekyll has Bundler
/// require that group, so those plugins are on whatever the configuration says.
///
/// Understood forms: `group :jekyll_plugins do … end` (also with other groups beside it), and
/// `gem "name", group: :jekyll_plugins` / `:group => …` / `groups: [...]` on one line.
public enum GemfilePlugins {
    public static func names(inGemfile text: String) -> [String] {
        var names: [String] = []
        // One entry per open `do` block: whether it is a jekyll_plugins group.
        var blocks: [Bool] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = strippingComment(String(rawLine)).trimming(" \t\r")
            guard !line.isEmpty else { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == "," })
            if words.first == "end" {
                if !blocks.isEmpty { blocks.removeLast() }
                continue
            }
            if words.first == "group" || (words.first.map { $0.hasPrefix("group(") } ?? false) {
                let opens = words.last == "do" || line.contains(" do |")
                if opens { blocks.append(groupNames(in: line).contains("jekyll_plugins")) }
                continue
            }
            if words.first == "gem", let name = firstString(in: line) {
                let inGroup = blocks.contains(true) || groupNames(in: afterFirstString(line)).contains("jekyll_plugins")
                if inGroup && !names.contains(name) { names.append(name) }
            }
            if words.last == "do" || line.contains(" do |") { blocks.append(false) }
        }
        return names
    }

    /// The plugins the `github-pages` gem switches on.
    public static let githubPagesDefaults = [
        "jekyll-coffeescript", "jekyll-commonmark-ghpages", "jekyll-gist", "jekyll-github-metadata",
        "jekyll-paginate", "jekyll-relative-links", "jekyll-optional-front-matter", "jekyll-readme-index",
        "jekyll-default-layout", "jekyll-titles-from-headings",
    ]

    /// `:name` symbols (and `"name"` strings after `group`) on a line.
    static func groupNames(in line: String) -> [String] {
        var result: [String] = []
        var rest = Substring(line)
        while let i = rest.firstIndex(where: { $0 == ":" || $0 == "\"" || $0 == "'" }) {
            let quote = rest[i]
            rest = rest[rest.index(after: i)...]
            if quote == ":" {
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty { result.append(String(name)) }
                rest = rest[name.endIndex...]
            } else if let close = rest.firstIndex(of: quote) {
                result.append(String(rest[..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        return result
    }

    static func firstString(in line: String) -> String? {
        guard let open = line.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return nil }
        let quote = line[open]
        let rest = line[line.index(after: open)...]
        guard let close = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<close])
    }

    static func afterFirstString(_ line: String) -> String {
        guard let open = line.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return "" }
        let rest = line[line.index(after: open)...]
        guard let close = rest.firstIndex(of: line[open]) else { return "" }
        return String(rest[rest.index(after: close)...])
    }

    /// The line without a `#` comment (a `#` inside quotes stays).
    static func strippingComment(_ line: String) -> String {
        var quote: Character?
        for i in line.indices {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return String(line[..<i])
            }
        }
        return line
    }
}
