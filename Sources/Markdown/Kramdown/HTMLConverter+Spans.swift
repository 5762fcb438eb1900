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
        // not entered on the stack: what the stack is read for (table cells, terms, a comment's
        // raw HTML parent) never stands inside an emphasis or a link
        convertChildren(of: el, indent + 2)
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

    /// Where `/\blanguage-\S+/` first matches in `cls` (`\S` is Ruby's: not ASCII whitespace):
    /// the range of the whole match and of the name.
    static func languageClass(_ cls: String) -> (whole: Range<Int>, name: Range<Int>)? {
        // the class's bytes read in place, compared with the key where its first byte is (the
        // character before a match read from its last four bytes: a UTF-8 character is no longer)
        var cls = cls
        return cls.withUTF8 { b in
            let key: StaticString = "language-"
            let k = key.utf8CodeUnitCount, first = key.utf8Start[0]
            var i = 0
            while i + k < b.count {
                if b[i] == first, (1..<k).allSatisfy({ b[i + $0] == key.utf8Start[$0] }),
                   i == 0 || !(Array(b[max(0, i - 4)..<i]).scalar(before: min(i, 4))?.isWordClass ?? false) {
                    var e = i + k
                    while e < b.count, !Byte.isSpace(b[e]) { e += 1 }
                    if e > i + k { return (i..<e, (i + k)..<e) }
                }
                i += 1
            }
            return nil
        }
    }

    /// `extract_code_language`: the first `language-…` class.
    static func codeLanguage(_ attrs: Attributes) -> String? {
        guard let cls = attrs["class"], let m = languageClass(cls) else { return nil }
        return Array(cls.utf8).string(m.name)
    }

    /// `add_syntax_highlighter_to_class_attr`: appends the highlighter class, then names the
    /// language in front (replacing a leading `language-…`).
    static func addHighlighterClass(_ attrs: inout Attributes, language: String?) {
        guard let existing = attrs["class"] else {
            // most code blocks once their language class is taken out: nothing to strip or replace
            attrs["class"] = language.map(highlighterClass) ?? "highlighter-rouge"
            return
        }
        var cls = (existing + " highlighter-rouge").lstripped
        if let language {
            if let m = languageClass(cls), m.whole.lowerBound == 0 {
                cls = "language-" + language + Array(cls.utf8).string(m.whole.upperBound..<cls.utf8.count)
            } else {
                cls = "language-" + language + " " + cls
            }
        }
        attrs["class"] = cls
    }

    /// `"language-" + language + " highlighter-rouge"` in one piece (two appends, each growing
    /// the string, cost ~700 instructions a code block).
    static func highlighterClass(_ language: String) -> String {
        let prefix: StaticString = "language-", suffix: StaticString = " highlighter-rouge"
        var language = language
        return language.withUTF8 { name in
            String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + name.count + suffix.utf8CodeUnitCount) { out in
                var n = 0
                func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
                    (out.baseAddress! + n).update(from: from, count: bytes.count)
                    n += bytes.count
                }
                put(UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
                put(name)
                put(UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
                return n
            }
        }
    }

    /// The Rouge lexer kramdown would use, or nil when it prints the code plainly.
    func lexer(language: String?, block: Bool, code: String) -> String? {
        guard ctx.options.syntaxHighlighter == .rouge else { return nil }
        // only the three fields needed are read (a copy of the highlighter options retains every
        // string in them, and this runs for every code span)
        let disable = block ? ctx.options.blockHighlighting.disable : ctx.options.spanHighlighting.disable
        let guessLang = block ? ctx.options.blockHighlighting.guessLang : ctx.options.spanHighlighting.guessLang
        let defaultLang = block ? ctx.options.blockHighlighting.defaultLang : ctx.options.spanHighlighting.defaultLang
        // With neither a language nor a default, Rouge guesses (when guessing is on).
        guard !disable, let name = language ?? defaultLang ?? (guessLang ? "guess" : nil) else { return nil }
        let lexer: String?
        if PlainCodeHighlighter.guesses(name) {
            lexer = (highlighter ?? PlainCodeHighlighter()).lexer(for: name, code: code)
        } else if let last = lastLexer, last.name == name {
            // most code of a page names one language, or none
            lexer = last.lexer
        } else if let cached = lexerCache[name] {
            lexer = cached
            lastLexer = (name, cached)
        } else {
            lexer = (highlighter ?? PlainCodeHighlighter()).lexer(for: name)
            lexerCache[name] = .some(lexer)
            lastLexer = (name, lexer)
        }
        guard let lexer, !(lexer == "plaintext" && !guessLang) else { return nil }
        return lexer
    }

    /// The opening tag every code span without attributes gets, when that does not depend on
    /// its code (nil when it does).
    func plainCodeSpanOpening() -> UnsafeBufferPointer<UInt8>? {
        if let known = plainCodeSpanOpen { return known }
        setPlainCodeSpanOpening(makePlainCodeSpanOpening())
        return plainCodeSpanOpen ?? nil
    }

    /// `plainCodeSpanOpening()` worked out: the tag is the same for every code span when the
    /// default language's lexer prints no token markup and no lexer is guessed from the code.
    /// The options no longer change once the tree is converted.
    func makePlainCodeSpanOpening() -> Bytes? {
        guard let lang = options.spanHighlighting.defaultLang, !options.spanHighlighting.lineNumbers,
              !PlainCodeHighlighter.guesses(lang), let lexer = lexer(language: nil, block: false, code: ""),
              highlighter?.escapesPlainly(lexer: lexer) ?? true else { return nil }
        var tag = HTMLBuffer()
        tag.append("<code class=\"language-")
        tag.escape(lang, mode: .attribute)
        tag.append(" highlighter-rouge\">")
        return tag.bytes
    }

    /// `codespan` of a code span without attributes whose code is `code`.
    func codespan(code: UnsafeBufferPointer<UInt8>) {
        if let open = plainCodeSpanOpening() {
            out.append(open)
            out.escape(bytes: code, mode: .all)
            out.append("</code>")
            return
        }
        codespan(Element(.codespan, String(decoding: code, as: UTF8.self)))
    }

    func codespan(_ el: Element) {
        if el.attrs.isEmpty, let open = plainCodeSpanOpening() {
            out.append(open)
            el.withText { out.escape(bytes: $0, mode: .all) }
            out.append("</code>")
            return
        }
        if el.attrs.isEmpty, let lang = options.spanHighlighting.defaultLang, !options.spanHighlighting.lineNumbers,
           let lexer = lexer(language: nil, block: false, code: el.value),
           highlighter?.escapesPlainly(lexer: lexer) ?? true {
            // the common case: no attributes, the default language, no token markup (Rouge's
            // plain-text lexer, or no highlighter)
            out.append("<code class=\"language-")
            out.escape(lang, mode: .attribute)
            out.append(" highlighter-rouge\">")
            out.escape(el.value, mode: .all)
            out.append("</code>")
            return
        }
        var attrs = el.attrs
        let lang = Self.codeLanguage(attrs)
        let lexer = lexer(language: lang, block: false, code: el.value)
        if lexer != nil { Self.addHighlighterClass(&attrs, language: lang ?? options.spanHighlighting.defaultLang) }
        out.append("<code")
        out.attributes(attrs)
        out.append(Byte.gt)
        if let lexer {
            out.append(highlighted(el.value, lexer: lexer, options.spanHighlighting))
        } else {
            out.escape(el.value, mode: .all)
        }
        out.append("</code>")
    }

    func codeblock(_ el: Element, _ indent: Int) {
        var attrs = el.attrs
        var lang: String? = nil
        if let cls = attrs["class"], let m = Self.languageClass(cls) {
            // `extract_code_language!`: the first language class names the language and leaves
            // the attributes (most blocks' class is that one alone: no copy of it to cut)
            var b = cls
            lang = b.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[m.name]), as: UTF8.self) }
            if m.whole == 0..<cls.utf8.count {
                // a class alone (most blocks' attributes): a new empty set, not a copy to remove it from
                if attrs.pairs.count == 1 { attrs = Attributes() } else { attrs["class"] = nil }
            } else {
                var rest = Array(cls.utf8)
                rest.removeSubrange(m.whole)
                let stripped = String(decoding: rest, as: UTF8.self).stripped
                attrs["class"] = stripped.isEmpty ? nil : stripped
            }
        }
        out.spaces(indent)
        if let lexer = lexer(language: el.lang ?? lang, block: true, code: el.value) {
            // the fields read in place (a copy of the highlighter options retains every string in them)
            Self.addHighlighterClass(&attrs, language: lang ?? ctx.options.blockHighlighting.defaultLang)
            out.append("<div")
            out.attributes(attrs)
            out.append(Byte.gt)
            let wrap = ctx.options.blockHighlighting.wrap
            if wrap {
                out.append("<div class=\"highlight\"><pre class=\"")
                out.append(ctx.options.blockHighlighting.cssClass)
                out.append("\"><code>")
            }
            if ctx.options.blockHighlighting.lineNumbers || !appendHighlighted(el.value, lexer: lexer) {
                out.append(highlighted(el.value, lexer: lexer, ctx.options.blockHighlighting))
            }
            if wrap { out.append("</code></pre></div>") }
            out.spaces(indent)
            out.append("</div>\n")
            return
        }
        var result = Escape.all(el.value)
        if result.hasSuffix("\n") { result.removeLast() }
        if let cls = el.attrs["class"], Self.hasWord(cls, "show-whitespaces") {
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

    /// Rouge's markup for code (escaped text without a highlighter), in a line-number table
    /// when asked for.
    func highlighted(_ code: String, lexer: String, _ opts: KramdownOptions.HighlighterOptions) -> String {
        let markup = highlighter?.highlight(code, lexer: lexer) ?? Escape.all(code)
        return opts.lineNumbers ? opts.table.wrap(markup) : markup
    }

    /// Rouge's markup for `code` written straight into the output, when the highlighter can
    /// (no string made and copied); false, with nothing written, when it cannot.
    func appendHighlighted(_ code: String, lexer: String) -> Bool {
        guard let highlighter else { return false }
        return out.appendInPlace { highlighter.highlight(code, lexer: lexer, into: $0) }
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
