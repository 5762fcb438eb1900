import CCmarkGFM
import Foundation

/// `markdown: CommonMark` (jekyll-commonmark) and `markdown: CommonMarkGhPages`
/// (jekyll-commonmark-ghpages): cmark-gfm parses with the options and extensions named in the
/// site's `commonmark:` settings (none by default), and `CommonMarkRenderer` prints the tree as
/// those plugins print it through commonmarker's Ruby renderer.
public struct CommonMarkConverter: Sendable {
    public enum Flavor: Sendable { case commonMark, gitHubPages }

    public var flavor: Flavor
    /// `commonmark.options`, e.g. `["UNSAFE", "FOOTNOTES", "SMART"]` (case-insensitive).
    public var options: [String]
    /// `commonmark.extensions`, e.g. `["table", "strikethrough", "autolink", "tagfilter", "tasklist"]`.
    public var extensions: [String]
    public var highlighter: (any CodeHighlighter)?

    public init(flavor: Flavor = .commonMark, options: [String] = [], extensions: [String] = [],
                highlighter: (any CodeHighlighter)? = nil) {
        self.flavor = flavor
        self.options = options
        self.extensions = extensions
        self.highlighter = highlighter
    }

    static let parseOptions: [String: Int32] = [
        "SOURCEPOS": CMARK_OPT_SOURCEPOS, "UNSAFE": CMARK_OPT_UNSAFE, "VALIDATE_UTF8": CMARK_OPT_VALIDATE_UTF8,
        "SMART": CMARK_OPT_SMART, "LIBERAL_HTML_TAG": CMARK_OPT_LIBERAL_HTML_TAG, "FOOTNOTES": CMARK_OPT_FOOTNOTES,
        "STRIKETHROUGH_DOUBLE_TILDE": CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE]
    static let renderOptions: [String: Int32] = [
        "SOURCEPOS": CMARK_OPT_SOURCEPOS, "HARDBREAKS": CMARK_OPT_HARDBREAKS, "UNSAFE": CMARK_OPT_UNSAFE,
        "NOBREAKS": CMARK_OPT_NOBREAKS, "VALIDATE_UTF8": CMARK_OPT_VALIDATE_UTF8, "SMART": CMARK_OPT_SMART,
        "GITHUB_PRE_LANG": CMARK_OPT_GITHUB_PRE_LANG, "LIBERAL_HTML_TAG": CMARK_OPT_LIBERAL_HTML_TAG,
        "FOOTNOTES": CMARK_OPT_FOOTNOTES, "STRIKETHROUGH_DOUBLE_TILDE": CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE,
        "TABLE_PREFER_STYLE_ATTRIBUTES": CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES,
        "FULL_INFO_STRING": CMARK_OPT_FULL_INFO_STRING]

    private func flags(_ table: [String: Int32]) -> Int32 {
        options.reduce(0) { $0 | (table[$1.uppercased()] ?? 0) }
    }

    public func convert(_ markdown: String) -> String {
        let render = flags(Self.renderOptions)
        // the tag filter is commonmarker's own (start tags only), applied by the renderer
        let config = Cmark.Configuration(options: flags(Self.parseOptions), extensions: extensions.filter { $0 != "tagfilter" })
        return Cmark.withParser(markdown, config) { _, document in
            var renderer = CommonMarkRenderer(
                flavor: flavor, sourcepos: render & CMARK_OPT_SOURCEPOS != 0, hardbreaks: render & CMARK_OPT_HARDBREAKS != 0,
                nobreaks: render & CMARK_OPT_NOBREAKS != 0, allowsRawHTML: render & CMARK_OPT_UNSAFE != 0,
                githubPreLang: render & CMARK_OPT_GITHUB_PRE_LANG != 0, tagfilter: extensions.contains("tagfilter"),
                highlighter: highlighter ?? PlainCodeHighlighter())
            renderer.out = HTMLBuffer(capacity: markdown.utf8.count + markdown.utf8.count / 2)
            renderer.render(document)
            return renderer.out.string
        }
    }

    /// commonmarker's tag filter: `<title`, `<textarea`, `<style`, `<xmp`, `<iframe`, `<noembed`,
    /// `<noframes`, `<script`, `<plaintext` (any case) before a space, `>` or `/>` lose their `<`.
    static func tagfilter(_ s: String) -> String {
        let names = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        let b = Array(s.utf8)
        var out = Bytes()
        var i = 0
        while i < b.count {
            if b[i] == Byte.lt {
                for name in names {
                    let n = Array(name.utf8)
                    guard i + 1 + n.count <= b.count, zip(b[(i + 1)...], n).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
                    let after = b.at(i + 1 + n.count)
                    if let a = after, Byte.isSpace(a) || a == Byte.gt || (a == Byte.slash && b.at(i + 2 + n.count) == Byte.gt) {
                        out += Array("&lt;".utf8)
                        i += 1
                        break
                    }
                }
                if i < b.count, b[i] == Byte.lt { out.append(Byte.lt); i += 1 }
                continue
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension CommonMarkConverter {
    /// kramdown's `generate_id` (what the GitHub Pages plugin uses for header ids).
    static func classicID(_ text: String, _ used: inout [String: Int]) -> String {
        var id = HTMLConverter.basicID(text)
        if id.isEmpty { id = "section" }
        if let n = used[id] {
            used[id] = n + 1
            return id + "-\(n + 1)"
        }
        used[id] = 0
        return id
    }
}
