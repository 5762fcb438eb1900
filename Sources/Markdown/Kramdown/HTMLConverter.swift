/// Prints a kramdown tree as kramdown's HTML converter does: block elements indented two spaces
/// per level, a newline for every run of blank lines, and kramdown's markup for every element.
final class HTMLConverter {
    let ctx: SpanParser.Context
    let highlighter: CodeHighlighter?
    var options: KramdownOptions { ctx.options }
    /// The elements being converted, innermost last (`@stack`).
    var stack: [Element] = []
    var footnoteCounter: Int
    var footnotes: [(name: String, content: Element, number: Int, repeats: Int)] = []
    var footnoteIndex: [String: Int] = [:]
    var toc: [(level: Int, id: String, children: [Element])] = []
    /// The TOC list: its type, attributes and the marker left where it goes.
    var tocRequest: (ordered: Bool, attrs: Attributes)? = nil
    var footnoteLocationRequested = false
    var usedIDs: [String: Int] = [:]
    static let tocMarker = "\u{E001}kramdown-toc\u{E001}"
    static let footnotesMarker = "\u{E001}kramdown-footnotes\u{E001}"

    init(context: SpanParser.Context, highlighter: CodeHighlighter?) {
        self.ctx = context
        self.highlighter = highlighter
        self.footnoteCounter = context.options.footnoteNr
    }

    /// `convert_root`: the document, then the footnotes (at the end, or where a `{:footnotes}`
    /// list asked for them), and the table of contents where `{:toc}` stood.
    func convertDocument(_ root: Element) -> String {
        var result = inner(root, -2)
        let notes = footnoteContent()
        if footnoteLocationRequested {
            result = result.replacingFirst(Self.footnotesMarker, with: notes)
        } else {
            result += notes
        }
        if let request = tocRequest {
            let tree = tocTree(ordered: request.ordered, attrs: request.attrs)
            let text = tree.children.isEmpty ? "" : convert(tree, 0)
            result = result.replacingFirst(Self.tocMarker, with: text)
        }
        return result
    }

    func inner(_ el: Element, _ indent: Int) -> String {
        var result = ""
        stack.append(el)
        for child in el.children { result += convert(child, indent + 2) }
        stack.removeLast()
        return result
    }

    func convert(_ el: Element, _ indent: Int) -> String {
        switch el.kind {
        case .root: return inner(el, indent)
        case .blank: return "\n"
        case .text: return Escape.text(el.value)
        case .p: return paragraph(el, indent)
        case .codeblock: return codeblock(el, indent)
        case .blockquote: return indentedBlock("blockquote", el.attrs, inner(el, indent), indent)
        case .header: return header(el, indent)
        case .hr: return String(repeating: " ", count: indent) + "<hr" + el.attrs.html + " />\n"
        case .ul, .ol: return list(el, indent)
        case .dl: return indentedBlock("dl", el.attrs, inner(el, indent), indent)
        case .li, .dd: return listItem(el, indent)
        case .dt: return dt(el, indent)
        case .htmlElement: return htmlElement(el, indent)
        case .xmlComment, .xmlPI:
            if el.block && !parentIsRawHTML { return String(repeating: " ", count: indent) + el.value + "\n" }
            return el.value
        case .table, .thead, .tbody, .tfoot, .tr:
            return indentedBlock(Self.tableTag(el.kind), el.attrs, inner(el, indent), indent)
        case .td: return tableCell(el, indent)
        case .comment:
            if el.block { return String(repeating: " ", count: indent) + "<!-- " + el.value + " -->\n" }
            return "<!-- " + el.value + " -->"
        case .math: return math(el, indent)
        case .raw:
            guard el.rawTypes.isEmpty || el.rawTypes.contains("html") else { return "" }
            return el.value + (el.block ? "\n" : "")
        case .eob, .rawText: return ""
        default: return span(el, indent)
        }
    }

    var parentIsRawHTML: Bool {
        guard let last = stack.last else { return false }
        return last.kind == .htmlElement && last.contentModel == .raw
    }

    static func tableTag(_ k: Element.Kind) -> String {
        switch k {
        case .table: return "table"
        case .thead: return "thead"
        case .tbody: return "tbody"
        case .tfoot: return "tfoot"
        default: return "tr"
        }
    }

    func blockHTML(_ name: String, _ attrs: Attributes, _ body: String, _ indent: Int) -> String {
        String(repeating: " ", count: indent) + "<" + name + attrs.html + ">" + body + "</" + name + ">\n"
    }

    func indentedBlock(_ name: String, _ attrs: Attributes, _ body: String, _ indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return pad + "<" + name + attrs.html + ">\n" + body + pad + "</" + name + ">\n"
    }

    private func paragraph(_ el: Element, _ indent: Int) -> String {
        if el.transparent { return inner(el, indent) }
        if el.children.count == 1, let img = el.children.first, img.kind == .img, img.ial?.refs.contains("standalone") == true {
            return standaloneImage(el, img, indent)
        }
        return blockHTML("p", el.attrs, inner(el, indent), indent)
    }

    private func standaloneImage(_ p: Element, _ img: Element, _ indent: Int) -> String {
        var figure = p.attrs
        var image = img.attrs
        if let c = image["class"], figure["class"] == nil { image["class"] = nil; figure["class"] = c }
        if let i = image["id"], figure["id"] == nil { image["id"] = nil; figure["id"] = i }
        let pad = String(repeating: " ", count: indent + 2)
        let body = pad + "<img" + image.html + " />\n" + pad + "<figcaption>" + (image["alt"] ?? "") + "</figcaption>\n"
        return indentedBlock("figure", figure, body, indent)
    }

    private func header(_ el: Element, _ indent: Int) -> String {
        var attrs = el.attrs
        if options.autoIDs && attrs["id"] == nil {
            attrs["id"] = generateID(el.rawText ?? "")
        }
        if let id = attrs["id"], options.tocLevels.contains(el.level),
           !(attrs["class"] ?? "").split(separator: " ").contains("no_toc") {
            toc.append((el.level, id, el.children))
        }
        let level = min(max(el.level + options.headerOffset, 1), 6)
        return blockHTML("h\(level)", attrs, inner(el, indent), indent)
    }

    /// `generate_id`: kramdown's own algorithm (used for headers the GFM pass did not reach).
    func generateID(_ text: String) -> String {
        var id = Self.basicID(text)
        if id.isEmpty { id = "section" }
        if let n = usedIDs[id] {
            usedIDs[id] = n + 1
            id += "-\(n + 1)"
        } else {
            usedIDs[id] = 0
        }
        return options.autoIDPrefix + id
    }

    /// `basic_generate_id`: from the first ASCII letter on, only letters, digits, spaces and
    /// hyphens, spaces made hyphens, lower-cased.
    static func basicID(_ text: String) -> String {
        var out = Bytes()
        var lineStart = true
        var skipping = true
        for b in text.utf8 {
            if b == Byte.newline { lineStart = true; skipping = true; out.append(b); continue }
            if lineStart && skipping {
                if !Byte.isAlpha(b) { continue }
                skipping = false
            }
            lineStart = false
            out.append(b)
        }
        var id = ""
        for b in out where Byte.isAlpha(b) || Byte.isDigit(b) || b == Byte.space || b == Byte.dash {
            id.unicodeScalars.append(Unicode.Scalar(b == Byte.space ? Byte.dash : (Byte.isAlpha(b) ? b | 0x20 : b)))
        }
        return id
    }

    private func list(_ el: Element, _ indent: Int) -> String {
        if tocRequest == nil, el.ial?.refs.contains("toc") == true {
            tocRequest = (el.kind == .ol, el.attrs)
            return Self.tocMarker
        }
        if !footnoteLocationRequested, el.ial?.refs.contains("footnotes") == true {
            footnoteLocationRequested = true
            return Self.footnotesMarker
        }
        return indentedBlock(el.kind == .ol ? "ol" : "ul", el.attrs, inner(el, indent), indent)
    }

    private func listItem(_ el: Element, _ indent: Int) -> String {
        let tag = el.kind == .dd ? "dd" : "li"
        let pad = String(repeating: " ", count: indent)
        var output = pad + "<" + tag + el.attrs.html + ">"
        let res = inner(el, indent)
        if el.children.isEmpty || (el.children[0].kind == .p && el.children[0].transparent) {
            output += res
            if res.utf8.last == Byte.newline { output += pad }
        } else {
            output += "\n" + res + pad
        }
        return output + "</" + tag + ">\n"
    }

    private func dt(_ el: Element, _ indent: Int) -> String {
        var attrs = el.attrs
        if attrs["id"] == nil, let dl = stack.last, let refs = dl.ial?.refs {
            // `\Aauto_ids(?:-([\w-]+))?`
            for ref in refs where ref.hasPrefix("auto_ids") {
                var prefix = ""
                let rest = ref.utf8.dropFirst(8)
                if rest.first == Byte.dash {
                    prefix = String(Substring(rest.dropFirst().prefix { Byte.isWord($0) || $0 == Byte.dash }))
                }
                attrs["id"] = (prefix + Self.basicID(el.rawText ?? "")).lstripped
                break
            }
        }
        return blockHTML("dt", attrs, inner(el, indent), indent)
    }

    private func tableCell(_ el: Element, _ indent: Int) -> String {
        let res = inner(el, indent)
        let isHead = stack.count >= 2 && stack[stack.count - 2].kind == .thead
        var attrs = el.attrs
        if stack.count >= 3, let row = stack.last, let index = row.children.firstIndex(where: { $0 === el }) {
            let alignment = stack[stack.count - 3].alignment
            if index < alignment.count, alignment[index] != .none {
                let a: String
                switch alignment[index] {
                case .left: a = "left"
                case .center: a = "center"
                default: a = "right"
                }
                attrs["style"] = (attrs["style"].map { $0 + "; " } ?? "") + "text-align: " + a
            }
        }
        return blockHTML(isHead ? "th" : "td", attrs, res.isEmpty ? Entity.nbsp.output(options.entityOutput) : res, indent)
    }

    private func math(_ el: Element, _ indent: Int) -> String {
        if options.mathEngine == .mathjax {
            let value = Escape.all(el.value)
            let result = el.block ? "\\[" + value + "\\]\n" : "\\(" + value + "\\)"
            if el.attrs.isEmpty { return result }
            if el.block { return blockHTML("div", el.attrs, result, indent) }
            return "<span" + el.attrs.html + ">$" + el.value + "$</span>"
        }
        var attrs = el.attrs
        attrs["class"] = ((attrs["class"] ?? "") + " kdmath").lstripped
        if el.block { return blockHTML("div", attrs, "$$\n" + el.value + "\n$$", indent) }
        return "<span" + attrs.html + ">$" + el.value + "$</span>"
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(r, with: replacement)
        return copy
    }
}
