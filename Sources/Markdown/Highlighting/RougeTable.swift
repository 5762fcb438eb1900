/// Rouge's line-number table (its `HTMLTable` formatter) around token markup: a gutter of line
/// numbers beside the code. kramdown uses it for `line_numbers: true`, Jekyll's `highlight` tag
/// for `linenos` (with the gutter and code classes `gutter` and `code`).
public struct RougeTable: Sendable, Equatable {
    public var startLine = 1
    public var tableClass = "rouge-table"
    public var gutterClass = "rouge-gutter"
    public var codeClass = "rouge-code"

    public init(startLine: Int = 1, tableClass: String = "rouge-table",
                gutterClass: String = "rouge-gutter", codeClass: String = "rouge-code") {
        self.startLine = startLine
        self.tableClass = tableClass
        self.gutterClass = gutterClass
        self.codeClass = codeClass
    }

    /// The classes Jekyll's `highlight` tag passes.
    public static let jekyllTag = RougeTable(gutterClass: "gutter", codeClass: "code")

    /// The table around `markup`, the highlighted (escaped) form of some code. Markup never adds or
    /// drops a newline, so its lines are the code's: one per newline, plus an unterminated last
    /// line (or the single line of empty code), which also gets its newline in the table.
    public func wrap(_ markup: String) -> String {
        var lines = 0
        for byte in markup.utf8 where byte == 0x0A { lines += 1 }
        var code = markup
        if markup.utf8.last != 0x0A {
            lines += 1
            code += "\n"
        }
        var out = "<table class=\"" + tableClass + "\"><tbody><tr><td class=\"" + gutterClass
            + " gl\"><pre class=\"lineno\">"
        for n in startLine..<(startLine + lines) {
            out += String(n)
            out += "\n"
        }
        out += "</pre></td><td class=\"" + codeClass + "\"><pre>" + code + "</pre></td></tr></tbody></table>"
        return out
    }
}
