/// Printing span elements as kramdown's converter prints them.
extension KramdownRenderer {
    func renderSpans(_ spans: [Span], block: Bool = false) -> String {
        var out = ""
        for s in spans { out += renderSpan(s) }
        return out
    }

    func renderSpan(_ s: Span) -> String {
        switch s.kind {
        case .text:
            return Escape.text(s.value)
        case .codespan:
            var attrs = s.attrs
            var lang: String? = nil
            if let cls = attrs["class"] {
                for word in cls.split(separator: " ") where word.hasPrefix("language-") {
                    lang = String(word.dropFirst(9)); break
                }
            }
            if let html = highlight(s.value, language: lang, block: false) {
                var cls = ((attrs["class"] ?? "") + " highlighter-rouge").trimmingCharacters(in: " ")
                if let shown = lang ?? options.spanHighlighting.defaultLang {
                    if lang != nil {
                        cls = cls.split(separator: " ").map { $0.hasPrefix("language-") ? "language-\(shown)" : String($0) }.joined(separator: " ")
                    } else {
                        cls = "language-\(shown) " + cls
                    }
                }
                attrs["class"] = cls
                return "<code\(attrs.html)>\(html)</code>"
            }
            return "<code\(attrs.html)>\(Escape.all(s.value))</code>"
        case .em: return "<em\(s.attrs.html)>\(renderSpans(s.children))</em>"
        case .strong: return "<strong\(s.attrs.html)>\(renderSpans(s.children))</strong>"
        case .a: return "<a\(s.attrs.html)>\(renderSpans(s.children))</a>"
        case .img: return "<img\(s.attrs.html) />"
        case .br: return "<br />"
        case .entity:
            guard let e = s.entity else { return "" }
            return e.output(options.entityOutput, original: s.original)
        case .smartQuote:
            let name = options.smartQuotes[s.quote.rawValue]
            let e = Entity.named(name) ?? UInt32(name).map { Entity.numeric($0) } ?? Entity(codePoint: 0x2019, name: "rsquo")
            return e.output(options.entityOutput)
        case .typographic:
            let names: [String]
            switch s.typographic {
            case .mdash: names = ["mdash"]
            case .ndash: names = ["ndash"]
            case .hellip: names = ["hellip"]
            case .laquoSpace: names = ["laquo", "nbsp"]
            case .raquoSpace: names = ["nbsp", "raquo"]
            case .laquo: names = ["laquo"]
            case .raquo: names = ["raquo"]
            }
            return names.compactMap { Entity.named($0)?.output(options.entityOutput) }.joined()
        case .math:
            switch options.mathEngine {
            case .mathjax:
                if s.attrs.isEmpty { return "\\(" + Escape.all(s.value) + "\\)" }
                return "<span\(s.attrs.html)>$\(s.value)$</span>"
            case .none:
                var a = s.attrs
                a["class"] = ((a["class"] ?? "") + " kdmath").trimmingCharacters(in: " ")
                return "<span\(a.html)>$\(s.value)$</span>"
            }
        case .footnote:
            return footnoteReference(s.value)
        case .htmlElement:
            let res = renderSpans(s.children)
            if res.isEmpty && HTMLScanner.withoutBody.contains(s.value) { return "<\(s.value)\(s.attrs.html) />" }
            return "<\(s.value)\(s.attrs.html)>\(res)</\(s.value)>"
        case .xmlComment:
            return s.value
        case .comment:
            return "<!-- \(s.value) -->"
        case .raw:
            let types = (s.original ?? "").split(separator: " ")
            return types.isEmpty || types.contains("html") ? s.value : ""
        case .abbreviation:
            let title = abbreviations.last { $0.0 == s.value }?.1 ?? ""
            var a = s.attrs
            if !title.isEmpty { a["title"] = title }
            return "<abbr\(a.html)>\(s.value)</abbr>"
        case .root:
            return renderSpans(s.children)
        }
    }
}
