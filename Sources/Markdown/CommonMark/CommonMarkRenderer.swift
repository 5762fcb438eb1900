import CCmarkGFM

/// Prints cmark-gfm's tree the way jekyll-commonmark prints it: through commonmarker's Ruby
/// `HtmlRenderer` (which differs from cmark-gfm's C renderer in its footnotes, tag filter, image
/// alt text and line layout), with jekyll-commonmark's Rouge code wrappers, or with
/// jekyll-commonmark-ghpages' header ids and code blocks for GitHub Pages.
struct CommonMarkRenderer {
    let flavor: CommonMarkConverter.Flavor
    let sourcepos: Bool, hardbreaks: Bool, nobreaks: Bool, allowsRawHTML: Bool, githubPreLang: Bool
    let tagfilter: Bool
    let highlighter: any CodeHighlighter
    var out = HTMLBuffer()
    var inTight = false
    var inPlain = false
    var footnoteIndex = 0
    var writtenFootnoteIndex = 0
    var usedIDs: [String: Int] = [:]
    var alignments: [UInt8] = []
    var needsCloseTbody = false
    var inHeader = false
    var columnIndex = 0

    // MARK: the renderer's plumbing

    /// `cr`: a newline unless the output is empty or already ends with one.
    mutating func cr() {
        if out.count > 0 && out.last != Byte.newline { out.append(Byte.newline) }
    }

    mutating func block(_ body: (inout CommonMarkRenderer) -> Void) {
        cr()
        body(&self)
        cr()
    }

    mutating func children(_ node: OpaquePointer) {
        var child = cmark_node_first_child(node)
        while let c = child {
            render(c)
            child = cmark_node_next(c)
        }
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func typeString(_ node: OpaquePointer) -> String { String(cString: cmark_node_get_type_string(node)) }

    func position(_ node: OpaquePointer) -> String {
        guard sourcepos else { return "" }
        return " data-sourcepos=\"\(cmark_node_get_start_line(node)):\(cmark_node_get_start_column(node))-"
            + "\(cmark_node_get_end_line(node)):\(cmark_node_get_end_column(node))\""
    }

    // MARK: nodes

    mutating func render(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        if inPlain && type != CMARK_NODE_TEXT && type != CMARK_NODE_SOFTBREAK { return children(node) }
        switch type {
        case CMARK_NODE_DOCUMENT:
            children(node)
            if writtenFootnoteIndex > 0 { out.append("</ol>\n</section>\n") }
        case CMARK_NODE_HEADING: heading(node)
        case CMARK_NODE_PARAGRAPH: paragraph(node)
        case CMARK_NODE_LIST: list(node)
        case CMARK_NODE_ITEM: listItem(node)
        case CMARK_NODE_BLOCK_QUOTE:
            block { r in
                r.out.append("<blockquote" + r.position(node) + ">\n")
                r.children(node)
                r.out.append("</blockquote>")
            }
        case CMARK_NODE_THEMATIC_BREAK:
            block { r in r.out.append("<hr" + r.position(node) + " />") }
        case CMARK_NODE_CODE_BLOCK:
            flavor == .gitHubPages ? gitHubPagesCode(node) : code(node)
        case CMARK_NODE_HTML_BLOCK:
            block { r in r.rawHTML(node) }
        case CMARK_NODE_HTML_INLINE: rawHTML(node)
        case CMARK_NODE_EMPH: wrap(node, "em")
        case CMARK_NODE_STRONG: wrap(node, "strong")
        case CMARK_NODE_LINK: link(node)
        case CMARK_NODE_IMAGE: image(node)
        case CMARK_NODE_TEXT: out.escape(Self.literal(node), mode: .cmark)
        case CMARK_NODE_CODE:
            out.append("<code>")
            out.escape(Self.literal(node), mode: .cmark)
            out.append("</code>")
        case CMARK_NODE_LINEBREAK: out.append("<br />\n")
        case CMARK_NODE_SOFTBREAK: out.append(hardbreaks ? "<br />\n" : nobreaks ? " " : "\n")
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            let n = Self.literal(node)
            out.append("<sup class=\"footnote-ref\"><a href=\"#fn" + n + "\" id=\"fnref" + n + "\">" + n + "</a></sup>")
        case CMARK_NODE_FOOTNOTE_DEFINITION: footnoteDefinition(node)
        default:
            if type == kyll_node_type_strikethrough() { wrap(node, "del") }
            else if type == kyll_node_type_table() { table(node) }
            else if type == kyll_node_type_table_row() { tableRow(node) }
            else if type == kyll_node_type_table_cell() { tableCell(node) }
            else { children(node) }
        }
    }

    mutating func wrap(_ node: OpaquePointer, _ tag: String) {
        out.append("<" + tag + ">")
        children(node)
        out.append("</" + tag + ">")
    }

    mutating func heading(_ node: OpaquePointer) {
        let level = String(cmark_node_get_heading_level(node))
        block { r in
            guard r.flavor == .gitHubPages else {
                r.out.append("<h" + level + r.position(node) + ">")
                r.children(node)
                r.out.append("</h" + level + ">")
                return
            }
            // jekyll-commonmark-ghpages: kramdown's classic id made from the header's HTML
            let saved = r.out
            r.out = HTMLBuffer()
            r.children(node)
            let content = r.out.string
            r.out = saved
            let id = CommonMarkConverter.classicID(content, &r.usedIDs)
            r.out.append("<h" + level + r.position(node) + " id=\"" + id + "\">" + content + "</h" + level + ">")
        }
    }

    mutating func paragraph(_ node: OpaquePointer) {
        let parent = cmark_node_parent(node)
        if inTight, let parent, cmark_node_get_type(parent) != CMARK_NODE_BLOCK_QUOTE {
            return children(node)
        }
        block { r in
            r.out.append("<p" + r.position(node) + ">")
            r.children(node)
            if let parent, cmark_node_get_type(parent) == CMARK_NODE_FOOTNOTE_DEFINITION, cmark_node_next(node) == nil {
                r.out.append(" ")
                _ = r.footnoteBacklink()
            }
            r.out.append("</p>")
        }
    }

    mutating func list(_ node: OpaquePointer) {
        let saved = inTight
        inTight = cmark_node_get_list_tight(node) != 0
        block { r in
            if cmark_node_get_list_type(node) == CMARK_BULLET_LIST {
                r.out.append("<ul" + r.position(node) + ">\n")
                r.children(node)
                r.out.append("</ul>")
            } else {
                let start = cmark_node_get_list_start(node)
                r.out.append(start == 1 ? "<ol" + r.position(node) + ">\n" : "<ol start=\"\(start)\"" + r.position(node) + ">\n")
                r.children(node)
                r.out.append("</ol>")
            }
        }
        inTight = saved
    }

    mutating func listItem(_ node: OpaquePointer) {
        block { r in
            var open = "<li" + r.position(node)
            if Self.typeString(node) == "tasklist" {
                let state = cmark_gfm_extensions_get_tasklist_item_checked(node) ? "checked=\"\" disabled=\"\"" : "disabled=\"\""
                open += "><input type=\"checkbox\" " + state + " /> "
            } else {
                open += ">"
            }
            r.out.append(open)
            r.children(node)
            r.out.append("</li>")
        }
    }

    mutating func rawHTML(_ node: OpaquePointer) {
        guard allowsRawHTML else { return out.append("<!-- raw HTML omitted -->") }
        let html = Self.literal(node)
        out.append(tagfilter ? CommonMarkConverter.tagfilter(html) : html)
    }

    mutating func link(_ node: OpaquePointer) {
        out.append("<a href=\"")
        if let url = cmark_node_get_url(node) { Self.escapeHref(String(cString: url), into: &out) }
        out.append(Byte.quote)
        title(node)
        out.append(Byte.gt)
        children(node)
        out.append("</a>")
    }

    mutating func image(_ node: OpaquePointer) {
        out.append("<img src=\"")
        Self.escapeHref(cmark_node_get_url(node).map { String(cString: $0) } ?? "", into: &out)
        out.append("\" alt=\"")
        let saved = inPlain
        inPlain = true
        children(node)
        inPlain = saved
        out.append(Byte.quote)
        title(node)
        out.append(" />")
    }

    mutating func title(_ node: OpaquePointer) {
        guard let t = cmark_node_get_title(node), t.pointee != 0 else { return }
        out.append(" title=\"")
        out.escape(String(cString: t), mode: .cmark)
        out.append(Byte.quote)
    }
}
