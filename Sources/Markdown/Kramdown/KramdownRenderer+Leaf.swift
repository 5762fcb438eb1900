/// Paragraphs, headers and code blocks.
extension KramdownRenderer {
    func paragraph(_ n: CmarkNode, attrs: Attributes, indent: Int, containers: [Container], prefix: String = "") -> String {
        let text = rawText(n.startLine, lastContentLine(n), containers)
        let spans = parseSpans(text, classic: false)
        return String(repeating: " ", count: indent) + "<p\(attrs.html)>" + prefix + renderSpans(spans, block: true) + "</p>\n"
    }

    /// The spans of a block's raw text, with kramdown's later passes applied (GFM hard breaks,
    /// abbreviations).
    func parseSpans(_ text: String, classic: Bool) -> [Span] {
        let root = Span(.root)
        let spans = SpanParser.parse(text, context: context, into: root)
        var result = spans
        if options.input == .gfm { result = GFMLineBreaks.apply(result, hardWrap: options.hardWrap, block: true) }
        if !abbreviations.isEmpty { result = Abbreviations.apply(result, abbreviations) }
        return result
    }

    func heading(_ n: CmarkNode, ial: IAL?, indent: Int, containers: [Container], previous: CmarkNode?) -> String {
        let first = text(ofLine: n.startLine, containers)
        let pad = String(repeating: " ", count: indent)
        var level = n.headingLevel
        var content: String
        if first.hasPrefix("#") {
            // GFM ATX: `#{1,6}[\t ]+(.*)`, then a trailing `{#id}` and closing hashes go
            var b = Substring(first)
            var hashes = 0
            while b.first == "#" { b.removeFirst(); hashes += 1 }
            guard b.first == " " || b.first == "\t" else {
                return paragraph(n, attrs: resolved(ial), indent: indent, containers: containers)
            }
            level = hashes
            content = String(b).trimmingCharacters(in: " \t")
        } else {
            // setext: one text line, an underline at column 0, and a block boundary before
            let adjacent = previous.map { lastContentLine($0) + 1 == n.startLine } ?? false
            let underLine = lastContentLine(n)
            let under = text(ofLine: underLine, containers)
            if underLine - n.startLine != 1 || adjacent || under.hasPrefix(" ") {
                return paragraph(n, attrs: resolved(ial), indent: indent, containers: containers)
            }
            content = first.trimmingCharacters(in: " \t")
        }
        var attrs = Attributes()
        var explicitID: String? = nil
        if let (stripped, id) = Self.headerID(content) {
            content = stripped
            explicitID = id
        }
        if first.hasPrefix("#") {
            // `[\t ]#+\z` and the space before it
            let trimmed = content.reversed().drop { $0 == "#" }
            if trimmed.count < content.count, let before = trimmed.first, before == " " || before == "\t" {
                content = String(trimmed.reversed()).trimmingCharacters(in: " \t")
            }
            if content.isEmpty { return paragraph(n, attrs: resolved(ial), indent: indent, containers: containers) }
        }
        let spans = parseSpans(content, classic: false)
        if let id = explicitID { attrs["id"] = id }
        attrs.apply(IAL(attributes: resolved(ial)))
        var outAttrs = attrs
        if options.autoIDs && outAttrs["id"] == nil {
            let raw = HeaderIDs.rawText(spans)
            let id = useClassicIDs ? HeaderIDs.classic(raw, &classicIDs) : HeaderIDs.gfm(raw, &gfmIDs)
            var withID = Attributes()
            withID["id"] = options.autoIDPrefix + id
            for (k, v) in outAttrs.pairs { withID[k] = v }
            outAttrs = withID
        }
        if let id = outAttrs["id"], !id.isEmpty, options.tocLevels.contains(level),
           !(outAttrs["class"] ?? "").split(separator: " ").contains("no_toc") {
            toc.append((level, id, spans))
        }
        let shown = min(max(level + options.headerOffset, 1), 6)
        return pad + "<h\(shown)\(outAttrs.html)>" + renderSpans(spans) + "</h\(shown)>\n"
    }

    /// `[\t ]{#id}` at the end of a header's text.
    static func headerID(_ s: String) -> (String, String)? {
        guard s.hasSuffix("}"), let open = s.range(of: "{#", options: .backwards) else { return nil }
        guard open.lowerBound > s.startIndex else { return nil }
        let before = s[s.index(before: open.lowerBound)]
        guard before == " " || before == "\t" else { return nil }
        let id = String(s[open.upperBound..<s.index(before: s.endIndex)])
        guard let f = id.unicodeScalars.first, f == ":" || f == "_" || f.properties.isAlphabetic else { return nil }
        guard id.unicodeScalars.allSatisfy({ $0 == ":" || $0 == "_" || $0 == "-" || $0 == "." || $0.properties.isAlphabetic
            || $0.properties.numericType != nil || $0 == "\u{B7}" }) else { return nil }
        let text = String(s[..<s.index(before: open.lowerBound)]).trimmingCharacters(in: " \t")
        return (text, id)
    }

    func codeBlock(_ n: CmarkNode, attrs: Attributes, indent: Int, containers: [Container]) -> String {
        var lang: String? = nil
        var langOption: String? = nil
        var a = Attributes()
        if n.fenced, let info = n.fenceInfo?.trimmingCharacters(in: " \t"), !info.isEmpty {
            langOption = String(info.split(separator: " ").first ?? "")
            lang = String(langOption!.split(separator: "?", maxSplits: 1).first ?? "")
            a["class"] = "language-" + lang!
        }
        a.apply(IAL(attributes: attrs))
        // extract_code_language!: the language class leaves the attributes
        if let cls = a["class"], let r = cls.range(of: "language-") , r.lowerBound == cls.startIndex || cls[cls.index(before: r.lowerBound)] == " " {
            let rest = cls[r.upperBound...]
            let name = String(rest.prefix { $0 != " " })
            if lang == nil { lang = name; langOption = name }
            var remaining = String(cls[..<r.lowerBound]) + String(rest.dropFirst(name.count))
            remaining = remaining.split(separator: " ").joined(separator: " ")
            a["class"] = remaining.isEmpty ? nil : remaining
        }
        let code = codeText(n, containers: containers)
        let pad = String(repeating: " ", count: indent)
        if let html = highlight(code, language: langOption, block: true) {
            var cls = (a["class"] ?? "") + " highlighter-rouge"
            cls = cls.trimmingCharacters(in: " ")
            let shown = lang ?? options.blockHighlighting.defaultLang
            if let shown { cls = "language-\(shown) " + cls }
            a["class"] = cls
            return pad + "<div\(a.html)><div class=\"highlight\"><pre class=\"highlight\"><code>" + html
                + "</code></pre></div>" + pad + "</div>\n"
        }
        var body = Escape.all(code)
        if body.hasSuffix("\n") { body.removeLast() }
        var codeAttrs = Attributes()
        if let lang { codeAttrs["class"] = "language-" + lang }
        return pad + "<pre\(a.html)><code\(codeAttrs.html)>" + body + "\n</code></pre>\n"
    }

    /// kramdown's Rouge call: nil when the code is printed without highlighting.
    func highlight(_ code: String, language: String?, block: Bool) -> String? {
        guard options.syntaxHighlighter == .rouge else { return nil }
        let opts = block ? options.blockHighlighting : options.spanHighlighting
        guard let name = language ?? opts.defaultLang else { return nil }
        if opts.disable { return nil }
        let hl = highlighter ?? PlainCodeHighlighter()
        guard let lexer = hl.lexer(for: name) else { return nil }
        if lexer == "plaintext" && !opts.guessLang { return nil }
        return hl.highlight(code, lexer: lexer)
    }
}

extension KramdownRenderer {
    /// A code block's text as kramdown reads it: fenced content is not de-indented; indented code
    /// loses one tab or four spaces per line.
    func codeText(_ n: CmarkNode, containers: [Container]) -> String {
        let last = lastContentLine(n)
        var out = ""
        if n.fenced {
            let closing = text(ofLine: last, containers)
            let closes = last > n.startLine && PrePass.opensFence(Array(closing.utf8), PrePass.leadingSpaces(Array(closing.utf8))) != nil
                || (last > n.startLine && closing.trimmingCharacters(in: " \t").allSatisfy { $0 == "`" || $0 == "~" })
            let end = closes ? last - 1 : last
            guard end > n.startLine else { return "" }
            for k in (n.startLine + 1)...end { out += text(ofLine: k, containers) + "\n" }
            // blank lines cmark counted into the block before the closing fence
            if closes, n.endLine > last { }
            return out
        }
        for k in n.startLine...last {
            var t = Substring(text(ofLine: k, containers))
            if t.first == "\t" { t = t.dropFirst() } else if t.hasPrefix("    ") { t = t.dropFirst(4) }
            out += t + "\n"
        }
        return out
    }
}
