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
        // commonmarker's Ruby renderer applies the tag filter itself (to start tags only)
        let config = Cmark.Configuration(options: flags(Self.parseOptions), extensions: extensions.filter { $0 != "tagfilter" })
        return Cmark.withParser(markdown, config) { parser, document in
            let state = RewriteState(renderFlags: renderFlags, tagfilter: extensions.contains("tagfilter"))
            rewrite(document, state)
            // raw HTML that the options omit is rewritten by `rewrite`; rendering itself is
            // unsafe so that the markup put into HTML nodes comes out as it is
            let html = cmark_render_html(document, renderFlags | CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser))!
            defer { free(html) }
            return String(cString: html)
        }
    }

    private final class RewriteState {
        let renderFlags: Int32
        let tagfilter: Bool
        var usedIDs: [String: Int] = [:]
        var footnoteIndex = 0
        init(renderFlags: Int32, tagfilter: Bool) {
            self.renderFlags = renderFlags
            self.tagfilter = tagfilter
        }
    }

    /// Replaces nodes whose HTML jekyll-commonmark (through commonmarker's Ruby renderer) prints
    /// differently from cmark-gfm's C renderer by custom nodes carrying that HTML: code blocks,
    /// footnotes, tag-filtered raw HTML, and for GitHub Pages headers with ids.
    private func rewrite(_ node: OpaquePointer, _ state: RewriteState) {
        var child = cmark_node_first_child(node)
        while let c = child {
            let next = cmark_node_next(c)
            switch cmark_node_get_type(c) {
            case CMARK_NODE_CODE_BLOCK:
                replace(c, enter: codeBlock(c, renderFlags: state.renderFlags), exit: "")
            case CMARK_NODE_HEADING where flavor == .gitHubPages:
                var content = ""
                var inline = cmark_node_first_child(c)
                while let i = inline {
                    if let h = cmark_render_html(i, state.renderFlags, nil) { content += String(cString: h); free(h) }
                    inline = cmark_node_next(i)
                }
                let id = Self.classicID(content, &state.usedIDs)
                let level = cmark_node_get_heading_level(c)
                replace(c, enter: "<h\(level)\(sourcepos(c, state.renderFlags)) id=\"\(id)\">\(content)</h\(level)>", exit: "")
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if state.renderFlags & CMARK_OPT_UNSAFE == 0 {
                    _ = cmark_node_set_literal(c, "<!-- raw HTML omitted -->")
                } else if state.tagfilter {
                    // the literal is printed as it is (the C renderer's own filter is not attached)
                    let literal = cmark_node_get_literal(c).map { String(cString: $0) } ?? ""
                    _ = cmark_node_set_literal(c, Self.tagfilter(literal))
                }
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                let n = cmark_node_get_literal(c).map { String(cString: $0) } ?? ""
                rawInline(c, "<sup class=\"footnote-ref\"><a href=\"#fn\(n)\" id=\"fnref\(n)\">\(n)</a></sup>")
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                rewrite(c, state)
                footnoteDefinition(c, state, isLast: next == nil)
            default:
                rewrite(c, state)
            }
            child = next
        }
    }

    /// commonmarker's footnote list: `<section class="footnotes">` around an `<ol>`, items
    /// `fnN`, and the back link at the end of the last paragraph (or after the last block).
    private func footnoteDefinition(_ node: OpaquePointer, _ state: RewriteState, isLast: Bool) {
        state.footnoteIndex += 1
        let n = state.footnoteIndex
        let backlink = "<a href=\"#fnref\(n)\" class=\"footnote-backref\">\u{21A9}</a>"
        var exit = "</li>"
        if let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH,
           let link = cmark_node_new(CMARK_NODE_HTML_INLINE) {
            _ = cmark_node_set_literal(link, " " + backlink)
            cmark_node_append_child(last, link)
        } else {
            exit = backlink + "\n</li>"
        }
        if isLast { exit += "\n</ol>\n</section>" }
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, (n == 1 ? "<section class=\"footnotes\">\n<ol>\n" : "") + "<li id=\"fn\(n)\">")
        cmark_node_set_on_exit(custom, exit)
        while let c = cmark_node_first_child(node) {
            cmark_node_unlink(c)
            cmark_node_append_child(custom, c)
        }
        cmark_node_insert_before(node, custom)
        cmark_node_unlink(node)
        cmark_node_free(node)
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

    /// Puts markup where an inline node was, as an HTML node (table cells take no custom nodes).
    private func rawInline(_ node: OpaquePointer, _ markup: String) {
        guard let html = cmark_node_new(CMARK_NODE_HTML_INLINE) else { return }
        _ = cmark_node_set_literal(html, markup)
        cmark_node_insert_before(node, html)
        cmark_node_unlink(node)
        cmark_node_free(node)
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
