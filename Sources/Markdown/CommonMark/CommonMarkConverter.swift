import CCmarkGFM
import Foundation

/// `markdown: CommonMark` (jekyll-commonmark) and `markdown: CommonMarkGhPages`
/// (jekyll-commonmark-ghpages): cmark-gfm's own HTML, with the options and extensions named in the
/// site's `commonmark:` settings (none by default), and code blocks printed the way those plugins
/// print them. GhPages also gives headers ids, with kramdown's classic algorithm run on the
/// header's HTML.
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
        let renderFlags = flags(Self.renderOptions)
        let config = Cmark.Configuration(options: flags(Self.parseOptions), extensions: extensions)
        return Cmark.withParser(markdown, config) { parser, document in
            var usedIDs: [String: Int] = [:]
            rewrite(document, renderFlags: renderFlags, usedIDs: &usedIDs)
            let html = cmark_render_html(document, renderFlags, cmark_parser_get_syntax_extensions(parser))!
            defer { free(html) }
            return String(cString: html)
        }
    }

    /// Replaces code blocks (and, for GitHub Pages, headers) by custom blocks carrying the
    /// plugins' markup; cmark prints a custom block's text as it is.
    private func rewrite(_ node: OpaquePointer, renderFlags: Int32, usedIDs: inout [String: Int]) {
        var child = cmark_node_first_child(node)
        while let c = child {
            let next = cmark_node_next(c)
            switch cmark_node_get_type(c) {
            case CMARK_NODE_CODE_BLOCK:
                replace(c, enter: codeBlock(c, renderFlags: renderFlags), exit: "")
            case CMARK_NODE_HEADING where flavor == .gitHubPages:
                var content = ""
                var inline = cmark_node_first_child(c)
                while let i = inline {
                    if let h = cmark_render_html(i, renderFlags, nil) { content += String(cString: h); free(h) }
                    inline = cmark_node_next(i)
                }
                let id = Self.classicID(content, &usedIDs)
                let level = cmark_node_get_heading_level(c)
                replace(c, enter: "<h\(level)\(sourcepos(c, renderFlags)) id=\"\(id)\">\(content)</h\(level)>", exit: "")
            default:
                rewrite(c, renderFlags: renderFlags, usedIDs: &usedIDs)
            }
            child = next
        }
    }

    private func replace(_ node: OpaquePointer, enter: String, exit: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, enter)
        cmark_node_set_on_exit(custom, exit)
        cmark_node_insert_before(node, custom)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    private func sourcepos(_ node: OpaquePointer, _ flags: Int32) -> String {
        guard flags & CMARK_OPT_SOURCEPOS != 0 else { return "" }
        return " data-sourcepos=\"\(cmark_node_get_start_line(node)):\(cmark_node_get_start_column(node))-\(cmark_node_get_end_line(node)):\(cmark_node_get_end_column(node))\""
    }

    private func codeBlock(_ node: OpaquePointer, renderFlags: Int32) -> String {
        let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let hl = highlighter ?? PlainCodeHighlighter()
        let preLang = renderFlags & CMARK_OPT_GITHUB_PRE_LANG != 0
        let pos = sourcepos(node, renderFlags)
        switch flavor {
        case .commonMark:
            let lang = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init)
            var out = "<div class=\""
            if let lang { out += "language-\(lang) " }
            out += "highlighter-rouge\"><div class=\"highlight\"><pre\(pos) class=\"highlight\""
            let dataLang = lang.map { " data-lang=\"\($0)\"" } ?? ""
            out += preLang ? dataLang + "><code>" : "><code" + dataLang + ">"
            let tokens = lang.flatMap { hl.lexer(for: $0) }.map { hl.highlight(code, lexer: $0) } ?? Escape.all(code)
            return out + tokens + "</code></pre></div></div>"
        case .gitHubPages:
            let lang = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," }).first.map(String.init)
            if let lang, let lexer = hl.lexer(for: lang) {
                return "<div class=\"language-\(lang) highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>"
                    + hl.highlight(code, lexer: lexer) + "</code></pre></div></div>"
            }
            let escaped = Escape.all(code).replacingOccurrences(of: "\"", with: "&quot;")
            if preLang {
                return "<pre\(pos)" + (lang.map { " lang=\"\($0)\"" } ?? "") + "><code>" + escaped + "</code></pre>"
            }
            return "<pre\(pos)><code" + (lang.map { " class=\"language-\($0)\">" } ?? ">") + escaped + "</code></pre>"
        }
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
