import Liquid
import Markdown

/// `{% highlight lang [options] %}…{% endhighlight %}`: the body coloured by Rouge inside Jekyll's
/// `<figure class="highlight">`, in Rouge's line-number table when `linenos` is among the options.
/// With a highlighter other than Rouge the body is only HTML-escaped.
struct HighlightTag: TagNode {
    let language: String
    let lineNumbers: Bool
    let body: Block

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            guard let (lang, optionNames) = HighlightTag.parseMarkup(Array(tag.markup.trimming(" \t\n\r\u{0B}\u{0C}\0").utf8)) else {
                throw LiquidError(.syntax, "Syntax Error in tag 'highlight' while parsing the following markup:\n\n"
                                  + tag.markup + "\n\nValid syntax: highlight <lang> [linenos]\n")
            }
            let body = try parser.parseBody(of: tag)
            return HighlightTag(language: lang.lowercased(), lineNumbers: optionNames.contains("linenos"), body: body)
        }
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let prefix = (context["highlighter_prefix"] ?? .nil).isNil ? "" : context["highlighter_prefix"]!.rubyString
        let suffix = (context["highlighter_suffix"] ?? .nil).isNil ? "" : context["highlighter_suffix"]!.rubyString
        // Leading and trailing line terminators go (a CRLF is two of them, not one character).
        var scalars = Substring(try body.renderToString(context: context)).unicodeScalars
        while let f = scalars.first, f == "\n" || f == "\r" { scalars.removeFirst() }
        while let l = scalars.last, l == "\n" || l == "\r" { scalars.removeLast() }
        let code = String(scalars)
        let scope = context.jekyll
        var html: String
        // Jekyll answers `pygments` with Rouge too; any other highlighter only escapes.
        let highlighterName = scope?.site.configuration.highlighter ?? "rouge"
        if highlighterName == "rouge" || highlighterName == "pygments" {
            let highlighter: any CodeHighlighter = scope?.build.converters.highlighter ?? PlainCodeHighlighter()
            let lexer = highlighter.lexer(for: language, code: code) ?? "plaintext"
            html = highlighter.highlight(code, lexer: lexer)
            if lineNumbers { html = RougeTable.jekyllTag.wrap(html) }
        } else {
            html = HighlightTag.escapeHTML(code).trimming(" \t\n\r\u{0B}\u{0C}\0")
        }
        if html.hasSuffix("\n") { html.removeLast() }
        output.append(prefix + "<figure class=\"highlight\"><pre><code class=\"language-"
                      + language.replacingAll("+", with: "-") + "\" data-lang=\"" + language + "\">" + html
                      + "</code></pre></figure>" + suffix)
    }

    /// Jekyll's markup grammar: a language of `[A-Za-z0-9.+#_-]`, then options each after
    /// whitespace, as `name`, `name=word` or `name="1 2 3"` (numbers one whitespace apart).
    /// Returns the language and the option names, or nil for markup Jekyll rejects.
    static func parseMarkup(_ b: [UInt8]) -> (String, [String])? {
        func isWord(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var i = 0
        while i < b.count, isWord(b[i]) || b[i] == 0x2E || b[i] == 0x2B || b[i] == 0x23 || b[i] == 0x2D { i += 1 }
        guard i > 0 else { return nil }
        let language = String(decoding: b[0..<i], as: UTF8.self)
        var names: [String] = []
        while i < b.count {
            let spaces = i
            while i < b.count, isSpace(b[i]) { i += 1 }
            let nameStart = i
            while i < b.count, isWord(b[i]) { i += 1 }
            guard i > spaces, spaces < nameStart, i > nameStart else { return nil }
            names.append(String(decoding: b[nameStart..<i], as: UTF8.self))
            guard i < b.count, b[i] == 0x3D else { continue }
            i += 1
            if i < b.count, b[i] == 0x22 {
                i += 1
                while true {
                    let digits = i
                    while i < b.count, isDigit(b[i]) { i += 1 }
                    guard i > digits, i < b.count else { return nil }
                    if b[i] == 0x22 { i += 1; break }
                    guard isSpace(b[i]) else { return nil }
                    i += 1
                }
            } else {
                let value = i
                while i < b.count, isWord(b[i]) { i += 1 }
                guard i > value else { return nil }
            }
        }
        return (language, names)
    }

    /// Liquid's `h` (CGI.escapeHTML): `& < > " '` as entities.
    static func escapeHTML(_ s: String) -> String { EscapingFilters.escapeHTML(s) }
}
