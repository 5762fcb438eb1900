/// Span-level elements, HTML elements and code.
extension HTMLConverter {
    func span(_ el: Element, _ indent: Int) -> String {
        switch el.kind {
        case .codespan: return codespan(el)
        case .em: return "<em" + el.attrs.html + ">" + inner(el, indent) + "</em>"
        case .strong: return "<strong" + el.attrs.html + ">" + inner(el, indent) + "</strong>"
        case .a: return "<a" + el.attrs.html + ">" + inner(el, indent) + "</a>"
        case .img: return "<img" + el.attrs.html + " />"
        case .br: return "<br />"
        case .entity:
            guard let e = el.entity else { return "" }
            return e.output(options.entityOutput, original: el.original)
        case .smartQuote:
            let name = options.smartQuotes[el.quote.rawValue]
            let e = Entity.named(name) ?? UInt32(name).map { Entity.numeric($0) } ?? Entity(codePoint: 0x2019, name: "rsquo")
            return e.output(options.entityOutput)
        case .typographic: return typographic(el)
        case .footnote: return footnoteMarker(el)
        case .abbreviation:
            var attrs = ctx.abbreviations[el.value]?.eob.attrs ?? Attributes()
            let title = ctx.abbreviations[el.value]?.title ?? ""
            if !title.isEmpty { attrs["title"] = title }
            return "<abbr" + attrs.html + ">" + el.value + "</abbr>"
        default:
            return inner(el, indent)
        }
    }

    private func typographic(_ el: Element) -> String {
        let key: String
        let names: [String]
        switch el.typographic {
        case .mdash: key = "mdash"; names = ["mdash"]
        case .ndash: key = "ndash"; names = ["ndash"]
        case .hellip: key = "hellip"; names = ["hellip"]
        case .laquoSpace: key = "laquo_space"; names = ["laquo", "nbsp"]
        case .raquoSpace: key = "raquo_space"; names = ["nbsp", "raquo"]
        case .laquo: key = "laquo"; names = ["laquo"]
        case .raquo: key = "raquo"; names = ["raquo"]
        }
        if let custom = options.typographicSymbols[key] { return Escape.text(custom) }
        return names.compactMap { Entity.named($0)?.output(options.entityOutput) }.joined()
    }

    func htmlElement(_ el: Element, _ indent: Int) -> String {
        let res = inner(el, indent)
        if !el.block {
            if res.isEmpty && HTMLScanner.withoutBody.contains(el.value) { return "<" + el.value + el.attrs.html + " />" }
            return "<" + el.value + el.attrs.html + ">" + res + "</" + el.value + ">"
        }
        let inRaw = parentIsRawHTML
        var output = inRaw ? "" : String(repeating: " ", count: indent)
        output += "<" + el.value + el.attrs.html
        if el.isClosed && el.contentModel == .raw {
            output += " />"
        } else if !res.isEmpty && el.contentModel != .block {
            output += ">" + res + "</" + el.value + ">"
        } else if !res.isEmpty {
            var body = Substring(res)
            if body.hasSuffix("\n") { body = body.dropLast() }
            output += ">\n" + body + "\n" + String(repeating: " ", count: indent) + "</" + el.value + ">"
        } else if HTMLScanner.withoutBody.contains(el.value) {
            output += " />"
        } else {
            output += "></" + el.value + ">"
        }
        if !inRaw { output += "\n" }
        return output
    }

    // MARK: code

    /// `extract_code_language`: the first `language-…` class.
    static func codeLanguage(_ attrs: Attributes) -> String? {
        guard let cls = attrs["class"] else { return nil }
        var start = cls.startIndex
        while let r = cls.range(of: "language-", range: start..<cls.endIndex) {
            let atBoundary = r.lowerBound == cls.startIndex || !cls[cls.index(before: r.lowerBound)].isWordCharacter
            let name = cls[r.upperBound...].prefix { !$0.isWhitespace }
            if atBoundary, !name.isEmpty { return String(name) }
            start = r.upperBound
        }
        return nil
    }

    /// `add_syntax_highlighter_to_class_attr`: appends the highlighter class, then names the
    /// language in front (replacing a leading `language-…`).
    static func addHighlighterClass(_ attrs: inout Attributes, language: String?) {
        var cls = ((attrs["class"] ?? "") + " highlighter-rouge").lstripped
        if let language {
            if cls.hasPrefix("language-"), let end = cls.firstIndex(where: { $0.isWhitespace }) ?? Optional(cls.endIndex),
               end > cls.index(cls.startIndex, offsetBy: 9) {
                cls = "language-" + language + cls[end...]
            } else {
                cls = "language-" + language + " " + cls
            }
        }
        attrs["class"] = cls
    }

    /// kramdown's Rouge call: the token markup, or nil when the code is printed plainly. Also
    /// returns the default language of the highlighter options in use.
    func highlight(_ code: String, language: String?, block: Bool) -> (String?, String?) {
        guard options.syntaxHighlighter == .rouge else { return (nil, nil) }
        let opts = block ? options.blockHighlighting : options.spanHighlighting
        guard let name = language ?? opts.defaultLang ?? (opts.guessLang ? "" : nil) else { return (nil, opts.defaultLang) }
        let hl = highlighter ?? PlainCodeHighlighter()
        guard !opts.disable, let lexer = hl.lexer(for: name), !(lexer == "plaintext" && !opts.guessLang) else {
            return (nil, opts.defaultLang)
        }
        return (hl.highlight(code, lexer: lexer), opts.defaultLang)
    }

    func codespan(_ el: Element) -> String {
        var attrs = el.attrs
        let lang = Self.codeLanguage(attrs)
        let (html, defaultLang) = highlight(el.value, language: lang, block: false)
        if let html {
            Self.addHighlighterClass(&attrs, language: lang ?? defaultLang)
            return "<code" + attrs.html + ">" + html + "</code>"
        }
        return "<code" + attrs.html + ">" + Escape.all(el.value) + "</code>"
    }

    func codeblock(_ el: Element, _ indent: Int) -> String {
        var attrs = el.attrs
        let lang = Self.codeLanguage(attrs)
        if lang != nil, let cls = attrs["class"] {
            // `extract_code_language!`: the first language class leaves the attributes
            var words = cls
            if let r = words.range(of: "language-" + lang!) { words.removeSubrange(r) }
            let rest = words.stripped
            attrs["class"] = rest.isEmpty ? nil : rest
        }
        let pad = String(repeating: " ", count: indent)
        let (html, defaultLang) = highlight(el.value, language: el.lang ?? lang, block: true)
        if let html {
            Self.addHighlighterClass(&attrs, language: lang ?? defaultLang)
            return pad + "<div" + attrs.html + "><div class=\"highlight\"><pre class=\"highlight\"><code>" + html
                + "</code></pre></div>" + pad + "</div>\n"
        }
        var result = Escape.all(el.value)
        if result.hasSuffix("\n") { result.removeLast() }
        if let cls = el.attrs["class"], cls.split(separator: " ").contains("show-whitespaces") {
            result = Self.showWhitespace(result)
        }
        var codeAttrs = Attributes()
        if let lang { codeAttrs["class"] = "language-" + lang }
        return pad + "<pre" + attrs.html + "><code" + codeAttrs.html + ">" + result + "\n</code></pre>\n"
    }

    /// The `show-whitespaces` class: every space and tab marked, with `-l`/`-r` for leading and
    /// trailing runs.
    static func showWhitespace(_ s: String) -> String {
        var out = ""
        for line in s.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.offset > 0 { out += "\n" }
            let chars = Array(line.element)
            var i = 0
            while i < chars.count {
                guard chars[i] == " " || chars[i] == "\t" else { out.append(chars[i]); i += 1; continue }
                var j = i
                while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
                let suffix = i == 0 ? "-l" : (j == chars.count ? "-r" : "")
                for c in chars[i..<j] {
                    out += c == "\t" ? "<span class=\"ws-tab\(suffix)\">\t</span>" : "<span class=\"ws-space\(suffix)\">&#8901;</span>"
                }
                i = j
            }
        }
        return out
    }
}

private extension Character {
    var isWordCharacter: Bool { isLetter || isNumber || self == "_" }
}
