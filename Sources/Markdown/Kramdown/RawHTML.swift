/// Block-level HTML read the way kramdown's HTML parser reads it: the element runs to its
/// matching close tag (not to a blank line), nested tags become a tree, unclosed tags are closed,
/// and everything is printed again in kramdown's normalised form.
final class HTMLNode {
    enum Kind { case element, text, comment, rawText, markdownBlock, markdownSpan }
    let kind: Kind
    var name: String
    var attrs = Attributes()
    var children: [HTMLNode] = []
    var contentModel: HTMLScanner.ContentModel = .raw
    var isClosed = false
    var value = ""

    init(_ kind: Kind, _ name: String = "", value: String = "") {
        self.kind = kind
        self.name = name
        self.value = value
    }
}

/// Parses raw HTML from a byte buffer, kramdown-style (`parse_raw_html` and friends).
struct RawHTMLParser {
    let src: Bytes
    var pos: Int
    var parseBlockHTML = false

    init(_ src: Bytes, at pos: Int) {
        self.src = src
        self.pos = pos
    }

    /// Parses the element whose start tag is at `pos`. Returns the element; `pos` is left after it
    /// (after its close tag; trailing whitespace handling is the caller's).
    mutating func element(tag: HTMLScanner.Tag, inRaw: Bool) -> HTMLNode {
        let name = HTMLScanner.normalizedName(tag.name)
        let isHTML = HTMLScanner.known.contains(name)
        let el = HTMLNode(.element, name)
        el.attrs = HTMLScanner.attributes(src.string(tag.attributes), lowercase: isHTML)
        pos = tag.end
        var closed = tag.selfClosed
        if !closed && HTMLScanner.withoutBody.contains(name) { closed = true }
        if name == "script" || name == "style" {
            // raw text up to the close tag
            if let (s, e) = findClose(name, caseInsensitive: true) {
                el.children.append(HTMLNode(.rawText, value: src.string(pos..<s)))
                pos = e
            } else {
                el.children.append(HTMLNode(.rawText, value: src.string(pos..<src.count)))
                pos = src.count
            }
            el.contentModel = .raw
            el.isClosed = false
            return el
        }
        var model: HTMLScanner.ContentModel = inRaw ? .raw : (parseBlockHTML ? HTMLScanner.contentModel(name) : .raw)
        if let md = el.attrs["markdown"] {
            el.attrs["markdown"] = nil
            switch md {
            case "0": model = .raw
            case "1": model = HTMLScanner.contentModel(name)
            case "span": model = .span
            case "block": model = .block
            default: break
            }
        }
        el.contentModel = model
        el.isClosed = closed
        guard !closed else { return el }
        switch model {
        case .block:
            // the markdown content runs to the matching close tag; skip trailing whitespace
            var p = pos
            while p < src.count, src[p] == Byte.space || src[p] == Byte.tab { p += 1 }
            if p < src.count, src[p] == Byte.newline { pos = p + 1 }
            let (s, e) = findMatchingClose(name, isHTML: isHTML)
            el.children.append(HTMLNode(.markdownBlock, value: src.string(pos..<s)))
            pos = e
        case .span:
            if let (s, e) = findClose(name, caseInsensitive: true) {
                el.children.append(HTMLNode(.markdownSpan, value: src.string(pos..<s)))
                pos = e
            } else {
                el.children.append(HTMLNode(.markdownSpan, value: src.string(pos..<src.count)))
                pos = src.count
            }
        case .raw:
            parseRaw(into: el, isHTML: isHTML)
        }
        return el
    }

    /// `parse_raw_html`: text, comments, instructions and nested elements up to `</name>`.
    mutating func parseRaw(into el: HTMLNode, isHTML: Bool) {
        var textStart = pos
        func flush(_ end: Int) {
            if end > textStart { appendText(el, src.string(textStart..<end)) }
        }
        while pos < src.count {
            guard src[pos] == Byte.lt, startsRaw(pos) else { pos += 1; continue }
            flush(pos)
            if let e = HTMLScanner.comment(src, pos) ?? HTMLScanner.instruction(src, pos) {
                el.children.append(HTMLNode(.comment, value: src.string(pos..<e)))
                pos = e
            } else if let tag = HTMLScanner.tag(src, pos) {
                let child = element(tag: tag, inRaw: true)
                el.children.append(child)
            } else if let (e, n) = HTMLScanner.closeTag(src, pos) {
                let name = HTMLScanner.known.contains(el.name) ? n.lowercased() : n
                if name == el.name {
                    pos = e
                    return
                }
                appendText(el, src.string(pos..<e))
                pos = e
            } else {
                appendText(el, "<")
                pos += 1
            }
            textStart = pos
        }
        flush(pos)
    }

    private func startsRaw(_ i: Int) -> Bool {
        guard let n = src.at(i + 1) else { return false }
        return n == Byte.slash || n == Byte.question || src.hasPrefix("!--", at: i + 1) || HTMLScanner.nameEnd(src, i + 1) != nil
    }

    private func appendText(_ el: HTMLNode, _ s: String) {
        if let last = el.children.last, last.kind == .text { last.value += s }
        else { el.children.append(HTMLNode(.text, value: s)) }
    }

    /// The first `</name\s*>` after `pos`: (start, end).
    func findClose(_ name: String, caseInsensitive: Bool) -> (Int, Int)? {
        var i = pos
        while i < src.count {
            if src[i] == Byte.lt, src.at(i + 1) == Byte.slash, let (e, n) = HTMLScanner.closeTag(src, i),
               caseInsensitive ? n.lowercased() == name.lowercased() : n == name {
                return (i, e)
            }
            i += 1
        }
        return nil
    }

    /// The close tag matching the element opened just before `pos`, counting nested elements of
    /// the same name (kramdown's block parser stops at the close tag of the element it is in).
    func findMatchingClose(_ name: String, isHTML: Bool) -> (Int, Int) {
        var depth = 1
        var i = pos
        while i < src.count {
            if src[i] == Byte.lt {
                if let (e, n) = HTMLScanner.closeTag(src, i), (isHTML ? n.lowercased() : n) == name {
                    depth -= 1
                    if depth == 0 { return (i, e) }
                    i = e; continue
                }
                if let t = HTMLScanner.tag(src, i), HTMLScanner.normalizedName(t.name) == name, !t.selfClosed {
                    depth += 1
                    i = t.end; continue
                }
            }
            i += 1
        }
        return (src.count, src.count)
    }
}

/// Printing of raw HTML nodes, as kramdown's `convert_html_element` does for block elements.
enum RawHTMLWriter {
    /// `top` elements get the indentation and a final newline; nested ones inside raw content don't.
    static func write(_ el: HTMLNode, indent: Int, top: Bool, markdown: (HTMLNode, Int) -> String) -> String {
        var res = ""
        for c in el.children {
            switch c.kind {
            case .text: res += Escape.text(c.value)
            case .rawText: res += c.value
            case .comment: res += c.value
            case .element: res += write(c, indent: indent + 2, top: false, markdown: markdown)
            case .markdownBlock, .markdownSpan: res += markdown(c, indent + 2)
            }
        }
        var out = top ? String(repeating: " ", count: indent) : ""
        out += "<\(el.name)\(el.attrs.html)"
        if el.isClosed && el.contentModel == .raw {
            out += " />"
        } else if !res.isEmpty && el.contentModel != .block {
            out += ">\(res)</\(el.name)>"
        } else if !res.isEmpty {
            var body = res
            if body.hasSuffix("\n") { body.removeLast() }
            out += ">\n\(body)\n" + String(repeating: " ", count: indent) + "</\(el.name)>"
        } else if HTMLScanner.withoutBody.contains(el.name) {
            out += " />"
        } else {
            out += "></\(el.name)>"
        }
        if top { out += "\n" }
        return out
    }
}
