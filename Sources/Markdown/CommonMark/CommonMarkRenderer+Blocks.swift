import CCmarkGFM

/// Code blocks, tables, footnotes and URL escaping for `CommonMarkRenderer`.
extension CommonMarkRenderer {
    /// jekyll-commonmark's code block: Rouge's wrappers, the language as `data-lang`, plain text
    /// for languages Rouge does not know.
    mutating func code(_ node: OpaquePointer) {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let lang = Self.firstWord(info, separators: [Byte.space, Byte.tab, Byte.newline, 0x0B, 0x0C, Byte.cr])
        let code = Self.literal(node)
        block { r in
            r.out.append("<div class=\"")
            if let lang { r.out.append("language-" + lang + " ") }
            r.out.append("highlighter-rouge\"><div class=\"highlight\"><pre" + r.position(node) + " class=\"highlight\"")
            let dataLang = lang.map { " data-lang=\"" + $0 + "\"" } ?? ""
            r.out.append(r.githubPreLang ? dataLang + "><code>" : "><code" + dataLang + ">")
            if let lang, let lexer = r.highlighter.lexer(for: lang) {
                r.out.append(r.highlighter.highlight(code, lexer: lexer))
            } else {
                r.out.escape(code, mode: .all)
            }
            r.out.append("</code></pre></div></div>")
        }
    }

    /// jekyll-commonmark-ghpages' code block: Rouge's full markup when Rouge knows the language
    /// (the first word, split at blanks or commas), else commonmarker's `<pre>` — printed without
    /// the line breaks other blocks get around them.
    mutating func gitHubPagesCode(_ node: OpaquePointer) {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let lang = Self.firstWord(info, separators: [Byte.space, Byte.tab, Byte.newline, 0x0B, 0x0C, Byte.cr, 0x2C])
        let code = Self.literal(node)
        if let lang, let lexer = highlighter.lexer(for: lang) {
            return block { r in
                r.out.append("<div class=\"language-" + lang + " highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>")
                r.out.append(r.highlighter.highlight(code, lexer: lexer))
                r.out.append("</code></pre></div></div>")
            }
        }
        if githubPreLang {
            out.append("<pre" + position(node) + (lang.map { " lang=\"" + $0 + "\"" } ?? "") + "><code>")
        } else {
            out.append("<pre" + position(node) + "><code" + (lang.map { " class=\"language-" + $0 + "\">" } ?? ">"))
        }
        out.escape(code, mode: .cmark)
        out.append("</code></pre>")
    }

    /// Ruby's `split(pattern)[0]`: the text before the first separator, nil for an empty string.
    static func firstWord(_ s: String, separators: [UInt8]) -> String? {
        guard !s.isEmpty else { return nil }
        let b = Array(s.utf8)
        var i = 0
        while i < b.count, !separators.contains(b[i]) { i += 1 }
        if i == 0 {
            // a leading separator gives an empty first field, which Ruby drops with the rest
            var j = 0
            while j < b.count, separators.contains(b[j]) { j += 1 }
            guard j < b.count else { return nil }
            return ""
        }
        return b.string(0..<i)
    }

    // MARK: tables

    mutating func table(_ node: OpaquePointer) {
        let count = Int(cmark_gfm_extensions_get_table_columns(node))
        alignments = cmark_gfm_extensions_get_table_alignments(node).map { a in (0..<count).map { a[$0] } } ?? []
        needsCloseTbody = false
        out.append("<table" + position(node) + ">\n")
        children(node)
        if needsCloseTbody { out.append("</tbody>\n") }
        out.append("</table>\n")
    }

    mutating func tableRow(_ node: OpaquePointer) {
        columnIndex = 0
        if cmark_gfm_extensions_get_table_row_is_header(node) != 0 {
            inHeader = true
            out.append("<thead>\n<tr" + position(node) + ">\n")
            children(node)
            out.append("</tr>\n</thead>\n")
            inHeader = false
            return
        }
        if !inHeader && !needsCloseTbody {
            needsCloseTbody = true
            out.append("<tbody>\n")
        }
        out.append("<tr" + position(node) + ">\n")
        children(node)
        out.append("</tr>\n")
    }

    mutating func tableCell(_ node: OpaquePointer) {
        var align = ""
        if columnIndex < alignments.count {
            switch alignments[columnIndex] {
            case UInt8(ascii: "l"): align = " align=\"left\""
            case UInt8(ascii: "r"): align = " align=\"right\""
            case UInt8(ascii: "c"): align = " align=\"center\""
            default: break
            }
        }
        out.append((inHeader ? "<th" : "<td") + align + position(node) + ">")
        children(node)
        out.append(inHeader ? "</th>\n" : "</td>\n")
        columnIndex += 1
    }

    // MARK: footnotes

    mutating func footnoteDefinition(_ node: OpaquePointer) {
        if footnoteIndex == 0 { out.append("<section class=\"footnotes\">\n<ol>\n") }
        footnoteIndex += 1
        out.append("<li id=\"fn\(footnoteIndex)\">\n")
        children(node)
        if footnoteBacklink() { out.append("\n") }
        out.append("</li>\n")
    }

    /// The back link of the current footnote, once.
    mutating func footnoteBacklink() -> Bool {
        guard writtenFootnoteIndex != footnoteIndex else { return false }
        writtenFootnoteIndex = footnoteIndex
        out.append("<a href=\"#fnref\(footnoteIndex)\" class=\"footnote-backref\">\u{21A9}</a>")
        return true
    }

    // MARK: escaping

    /// cmark's `houdini_escape_href`: `&` and `'` as entities, ASCII outside the URL-safe set
    /// and every non-ASCII byte as `%XX`, everything else (`%` included) as it is.
    static func escapeHref(_ url: String, into out: inout HTMLBuffer) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        for c in url.utf8 {
            switch c {
            case Byte.amp: out.append("&amp;")
            case Byte.apos: out.append("&#x27;")
            case 0x21, 0x23...0x25, 0x28...0x3B, 0x3D, 0x3F...0x5A, 0x5F, 0x61...0x7A, 0x7E:
                out.append(c)
            default:
                out.append(Byte.percent)
                out.append(hex[Int(c >> 4)])
                out.append(hex[Int(c & 0x0F)])
            }
        }
    }
}
