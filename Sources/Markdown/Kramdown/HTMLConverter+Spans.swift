/// Span-level elements, HTML elements and code.
extension HTMLConverter {
    func span(_ el: Element, _ indent: Int) {
        switch el.kind {
        case .codespan: codespan(el)
        case .em: spanTag("em", el, indent)
        case .strong: spanTag("strong", el, indent)
        case .a: spanTag("a", el, indent)
        case .img:
            out.append("<img")
            out.attributes(el.attrs)
            out.append(" />")
        case .br: out.append("<br />")
        case .entity:
            guard let e = el.entity else { return }
            out.append(e.output(options.entityOutput, original: el.original))
        case .smartQuote:
            let name = options.smartQuotes[el.quote.rawValue]
            let e = Entity.named(name) ?? UInt32(name).map { Entity.numeric($0) } ?? Entity(codePoint: 0x2019, name: "rsquo")
            out.append(e.output(options.entityOutput))
        case .typographic: typographic(el)
        case .footnote: footnoteMarker(el)
        case .abbreviation:
            var attrs = ctx.abbreviations[el.value]?.eob.attrs ?? Attributes()
            let title = ctx.abbreviations[el.value]?.title ?? ""
            if !title.isEmpty { attrs["title"] = title }
            out.append("<abbr")
            out.attributes(attrs)
            out.append(Byte.gt)
            out.append(el.value)
            out.append("</abbr>")
        default:
            inner(el, indent)
        }
    }

    private func spanTag(_ name: StaticString, _ el: Element, _ indent: Int) {
        out.append(Byte.lt)
        out.append(name)
        out.attributes(el.attrs)
        out.append(Byte.gt)
        inner(el, indent)
        out.append("</")
        out.append(name)
        out.append(Byte.gt)
    }

    private func typographic(_ el: Element) {
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
        if !options.typographicSymbols.isEmpty, let custom = options.typographicSymbols[key] {
            return out.escape(custom, mode: .text)
        }
        for n in names { if let e = Entity.named(n) { out.append(e.output(options.entityOutput)) } }
    }

    func htmlElement(_ el: Element, _ indent: Int) {
        if !el.block {
            out.append(Byte.lt)
            out.append(el.value)
            out.attributes(el.attrs)
            out.append(Byte.gt)
            let start = out.count
            inner(el, indent)
            if out.count == start && HTMLScanner.withoutBody.contains(el.value) {
                out.truncate(to: start - 1)
                out.append(" />")
            } else {
                out.append("</")
                out.append(el.value)
                out.append(Byte.gt)
            }
            return
        }
        let inRaw = parentIsRawHTML
        if !inRaw { out.spaces(indent) }
        out.append(Byte.lt)
        out.append(el.value)
        out.attributes(el.attrs)
        let open = out.count
        out.append(el.contentModel == .block ? ">\n" : ">")
        let start = out.count
        inner(el, indent)
        let empty = out.count == start
        if el.isClosed && el.contentModel == .raw {
            out.truncate(to: open)
            out.append(" />")
        } else if !empty && el.contentModel != .block {
            out.append("</")
            out.append(el.value)
            out.append(Byte.gt)
        } else if !empty {
            if out.last == Byte.newline { out.truncate(to: out.count - 1) }
            out.append(Byte.newline)
            out.spaces(indent)
            out.append("</")
            out.append(el.value)
            out.append(Byte.gt)
        } else if HTMLScanner.withoutBody.contains(el.value) {
            out.truncate(to: open)
            out.append(" />")
        } else {
            out.truncate(to: open)
            out.append("></")
            out.append(el.value)
            out.append(Byte.gt)
        }
        if !inRaw { out.append(Byte.newline) }
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
        guard let lexer = lexer(language: language, block: block) else {
            return (nil, (block ? options.blockHighlighting : options.spanHighlighting).defaultLang)
        }
        let opts = block ? options.blockHighlighting : options.spanHighlighting
        return ((highlighter ?? PlainCodeHighlighter()).highlight(code, lexer: lexer), opts.defaultLang)
    }

    /// The Rouge lexer kramdown would use, or nil when it prints the code plainly.
    func lexer(language: String?, block: Bool) -> String? {
        guard options.syntaxHighlighter == .rouge else { return nil }
        let opts = block ? options.blockHighlighting : options.spanHighlighting
        guard !opts.disable, let name = language ?? opts.defaultLang ?? (opts.guessLang ? "" : nil) else { return nil }
        let lexer: String?
        if let cached = lexerCache[name] {
            lexer = cached
        } else {
            lexer = (highlighter ?? PlainCodeHighlighter()).lexer(for: name)
            lexerCache[name] = .some(lexer)
        }
        guard let lexer, !(lexer == "plaintext" && !opts.guessLang) else { return nil }
        return lexer
    }

    func codespan(_ el: Element) {
        if el.attrs.isEmpty, highlighter == nil, let lang = options.spanHighlighting.defaultLang,
           lexer(language: nil, block: false) != nil {
            // the common case: no attributes, the default language, no token markup
            out.append("<code class=\"language-")
            out.escape(lang, mode: .attribute)
            out.append(" highlighter-rouge\">")
            out.escape(el.value, mode: .all)
            out.append("</code>")
            return
        }
        var attrs = el.attrs
        let lang = Self.codeLanguage(attrs)
        let lexer = lexer(language: lang, block: false)
        if lexer != nil { Self.addHighlighterClass(&attrs, language: lang ?? options.spanHighlighting.defaultLang) }
        out.append("<code")
        out.attributes(attrs)
        out.append(Byte.gt)
        if let lexer, let highlighter { out.append(highlighter.highlight(el.value, lexer: lexer)) } else { out.escape(el.value, mode: .all) }
        out.append("</code>")
    }

    func codeblock(_ el: Element, _ indent: Int) {
        var attrs = el.attrs
        let lang = Self.codeLanguage(attrs)
        if lang != nil, let cls = attrs["class"] {
            // `extract_code_language!`: the first language class leaves the attributes
            var words = cls
            if let r = words.range(of: "language-" + lang!) { words.removeSubrange(r) }
            let rest = words.stripped
            attrs["class"] = rest.isEmpty ? nil : rest
        }
        let (html, defaultLang) = highlight(el.value, language: el.lang ?? lang, block: true)
        out.spaces(indent)
        if let html {
            Self.addHighlighterClass(&attrs, language: lang ?? defaultLang)
            out.append("<div")
            out.attributes(attrs)
            out.append("><div class=\"highlight\"><pre class=\"highlight\"><code>")
            out.append(html)
            out.append("</code></pre></div>")
            out.spaces(indent)
            out.append("</div>\n")
            return
        }
        var result = Escape.all(el.value)
        if result.hasSuffix("\n") { result.removeLast() }
        if let cls = el.attrs["class"], cls.split(separator: " ").contains("show-whitespaces") {
            result = Self.showWhitespace(result)
        }
        out.append("<pre")
        out.attributes(attrs)
        out.append("><code")
        if let lang {
            out.append(" class=\"")
            out.escape("language-" + lang, mode: .attribute)
            out.append(Byte.quote)
        }
        out.append(Byte.gt)
        out.append(result)
        out.append("\n</code></pre>\n")
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
