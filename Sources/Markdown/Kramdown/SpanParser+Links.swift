/// Links and images, span-level HTML, and span extensions (`{::comment}`, span IALs).
extension SpanParser {
    static func normalizeLinkID(_ s: String) -> String {
        var out = ""
        var inSpace = false
        for ch in s.unicodeScalars {
            if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" || ch == "\u{0B}" || ch == "\u{0C}" {
                if !inSpace { out += " " }
                inSpace = true
            } else {
                out.unicodeScalars.append(ch)
                inSpace = false
            }
        }
        return out.lowercased()
    }

    /// Removes kramdown (non-GFM) escapes: `\\`, `\.`, `\*` … (not `\~`).
    static func unescapeKramdown(_ s: String) -> String {
        let b = s.bytes
        guard b.contains(Byte.backslash) else { return s }
        var out = Bytes()
        var i = 0
        while i < b.count {
            if b[i] == Byte.backslash, let n = b.at(i + 1), n != Byte.tilde, isEscapable(n, gfm: false) {
                out.append(n); i += 2
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func parseLink() {
        let start = pos
        let isImage = src[pos] == Byte.bang
        let resultEnd = pos + (isImage ? 2 : 1)
        pos = resultEnd
        let contentStart = pos
        if !isImage && (inside(.img) || inside(.a)) {
            addText(start, resultEnd)
            return
        }
        let el = Element(isImage ? .img : .a)
        var count = 1
        let found = parseSpans(el, hasStop: true, stop: { p, i in
            p.src[i] == Byte.rbracket || p.src[i] == Byte.lbracket || (p.src[i] == Byte.bang && p.src.at(i + 1) == Byte.lbracket)
        }, parsers: nil, accept: {
            count += src[pos] == Byte.rbracket ? -1 : 1
            var images = 0
            if !el.hasPendingText { for c in el.children where c.kind == .img { images += 1 } }
            return count - images == 0
        })
        guard found else {
            pos = resultEnd
            addText(start, resultEnd)
            return
        }
        // the text as written: an image's alt, or a reference's id (not needed for inline links)
        let contentEnd = pos
        var alt: String { Self.unescapeKramdown(src.string(contentStart..<contentEnd)) }
        pos += 1  // the closing bracket
        // reference: `[text][id]`, `[text] [id]`, `[text][]` or `[text]` not followed by `(`
        var refID: String? = nil
        var isReference = false
        do {
            var j = pos
            while j < src.count, Byte.isSpace(src[j]) { j += 1 }
            if src.at(j) == Byte.lbracket {
                var k = j + 1
                while k < src.count, src[k] != Byte.rbracket { k += 1 }
                if k < src.count {
                    if k > j + 1 { refID = src.string(j + 1..<k) }
                    isReference = true
                    pos = k + 1
                }
            }
        }
        if isReference || src.at(pos) != Byte.lparen {
            let id = Self.normalizeLinkID(refID ?? alt)
            if let def = context.linkDefinitions[id] {
                addLink(el, def.url, def.title, alt: alt, ial: def.eob?.ial)
            } else {
                if refID == nil { warn("No link definition for link ID '\(id)' found", at: start) }
                pos = resultEnd
                addText(start, resultEnd)
            }
            return
        }
        // inline: `(<url>)`, `(url)`, `(url "title")`
        var url = ""
        if src.hasPrefix("(<", at: pos), let close = src[(pos + 2)...].firstIndex(where: { $0 == Byte.gt || $0 == Byte.newline }),
           src[close] == Byte.gt {
            url = src.string(pos + 2..<close)
            pos = close + 1
            if src.at(pos) == Byte.rparen {
                pos += 1
                addLink(el, url, nil, alt: alt, ial: nil)
                return
            }
        } else {
            let open = pos
            var depth = 0
            var j = pos
            var stoppedOnSpace = false
            var matchedAny = false
            while j < src.count {
                let c = src[j]
                if c == Byte.lparen { depth += 1; matchedAny = true }
                else if c == Byte.rparen { depth -= 1; matchedAny = true; if depth == 0 { break } }
                else if Byte.isSpace(c), let q = src.at(j + 1), q == Byte.quote || q == Byte.apos {
                    stoppedOnSpace = true; matchedAny = true; break
                }
                j += 1
            }
            if !matchedAny || j >= src.count {
                // scan_until failed on the last try: the URL is what was collected so far
                pos = resultEnd
                addText(start, resultEnd)
                return
            }
            // stripped of Ruby's spaces before it becomes a string (one string made, not two)
            var urlStart = open + 1, urlEnd = j
            while urlStart < urlEnd, Byte.isSpace(src[urlStart]) { urlStart += 1 }
            while urlEnd > urlStart, Byte.isSpace(src[urlEnd - 1]) { urlEnd -= 1 }
            url = src.string(urlStart..<urlEnd)
            pos = j + 1
            if depth == 0 && !stoppedOnSpace {
                addLink(el, url, nil, alt: alt, ial: nil)
                return
            }
            pos = j + 1
        }
        // \s*?(["'])(.+?)\1\s*?\)
        var j = pos
        while j < src.count, Byte.isSpace(src[j]) { j += 1 }
        if let q = src.at(j), q == Byte.quote || q == Byte.apos {
            var k = j + 2
            while k < src.count {
                if src[k] == q {
                    var m = k + 1
                    while m < src.count, Byte.isSpace(src[m]) { m += 1 }
                    if src.at(m) == Byte.rparen {
                        let title = src.string(j + 1..<k)
                        pos = m + 1
                        addLink(el, url, title, alt: alt, ial: nil)
                        return
                    }
                }
                k += 1
            }
        }
        pos = resultEnd
        addText(start, resultEnd)
    }

    private func addLink(_ el: Element, _ href: String, _ title: String?, alt: @autoclosure () -> String, ial: IAL?) {
        if let ial {
            el.ial = ial
            el.attrs = context.resolve(ial, onto: el.attrs)
        }
        if el.kind == .a {
            el.attrs["href"] = href
        } else {
            el.attrs["src"] = href
            el.attrs["alt"] = alt()
            el.children = []
        }
        if let title { el.attrs["title"] = title }
        tree.children.append(el)
    }
}
