/// Rouge's HTML formatter: each token becomes `<span class="CLS">text</span>`, plain text gets no
/// span, and only `&`, `<` and `>` are escaped. Consecutive tokens of one type share a span,
/// as Rouge's lexers merge them.
enum HTMLFormatter {
    /// `<span class="CLS">` for each token, as bytes.
    static let openTags: [[UInt8]] = Token.allCases.map { Array(#"<span class=""#.utf8) + Array($0.shortName.utf8) + Array(#"">"#.utf8) }
    static let closeTag: [UInt8] = Array("</span>".utf8)

    static func render(_ runs: [TokenRun], _ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        while i < runs.count {
            let token = runs[i].token
            var j = i + 1
            while j < runs.count && runs[j].token == token { j += 1 }
            if token == .text {
                for k in i..<j { appendEscaped(bytes, Int(runs[k].start), Int(runs[k].end), into: &out) }
            } else {
                openTags[Int(token.rawValue)].withUnsafeBufferPointer { out.append(contentsOf: $0) }
                for k in i..<j { appendEscaped(bytes, Int(runs[k].start), Int(runs[k].end), into: &out) }
                closeTag.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            }
            i = j
        }
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, into out: inout [UInt8]) {
        var plain = a
        for k in a..<b {
            let c = bytes[k]
            guard c == 38 || c == 60 || c == 62 else { continue }
            if plain < k { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<k])) }
            switch c {
            case 38: out.append(38); out.append(97); out.append(109); out.append(112); out.append(59)   // &amp;
            case 60: out.append(38); out.append(108); out.append(116); out.append(59)                   // &lt;
            default: out.append(38); out.append(103); out.append(116); out.append(59)                   // &gt;
            }
            plain = k + 1
        }
        if plain < b { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<b])) }
    }

    /// Escapes text the way Rouge does (`& < >` only).
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { buf in
            var out: [UInt8] = []
            out.reserveCapacity(buf.count + 16)
            appendEscaped(buf, 0, buf.count, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Rouge's `HTMLTable` formatter (what Jekyll's `{% highlight LANG linenos %}` prints): a one-row
/// table with a gutter of line numbers and the highlighted code. Jekyll passes
/// `gutterClass: "gutter"` and `codeClass: "code"`; the defaults are Rouge's own.
public struct HTMLTableFormatter: Sendable, Hashable {
    public var startLine: Int
    public var tableClass: String
    public var gutterClass: String
    public var codeClass: String

    public init(startLine: Int = 1, tableClass: String = "rouge-table",
                gutterClass: String = "rouge-gutter", codeClass: String = "rouge-code") {
        self.startLine = startLine
        self.tableClass = tableClass
        self.gutterClass = gutterClass
        self.codeClass = codeClass
    }

    /// The formatter Jekyll 4.3.1's `highlight` tag uses for `linenos`.
    public static let jekyll = HTMLTableFormatter(gutterClass: "gutter", codeClass: "code")

    /// The table for `code` highlighted by `lexer`.
    public func format(_ code: String, lexer: Lexer) -> String {
        var code = code
        return code.withUTF8 { buf in
            let runs = lexer.tokenize(buf)
            var inner: [UInt8] = []
            inner.reserveCapacity(buf.count * 2)
            HTMLFormatter.render(runs, buf, into: &inner)
            // Rouge counts the newlines in the tokens and adds a line when the last token does not
            // end with one.
            var lines = 0
            for run in runs {
                for k in Int(run.start)..<Int(run.end) where buf[k] == 10 { lines += 1 }
            }
            if let last = runs.last, buf[Int(last.end) - 1] == 10 {
                // already ends with a newline
            } else {
                lines += 1
                inner.append(10)
            }
            var out = #"<table class="\#(tableClass)"><tbody><tr><td class="\#(gutterClass) gl"><pre class="lineno">"#
            for n in startLine..<(startLine + lines) {
                out += String(n)
                out += "\n"
            }
            out += #"</pre></td><td class="\#(codeClass)"><pre>"#
            out += String(decoding: inner, as: UTF8.self)
            out += "</pre></td></tr></tbody></table>"
            return out
        }
    }
}
