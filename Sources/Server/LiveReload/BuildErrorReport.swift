/// A failed build, as the browser overlay shows it. The builder fills it from its located error.
public struct BuildErrorReport: Sendable, Equatable {
    /// One line of the source around the error.
    public struct ExcerptLine: Sendable, Equatable {
        public var number: Int
        public var text: String

        public init(number: Int, text: String) {
            self.number = number
            self.text = text
        }
    }

    /// One step of the include/layout chain, innermost first: "included from", "in layout", …
    public struct Frame: Sendable, Equatable {
        public var label: String
        public var file: String
        public var line: Int?
        public var column: Int?

        public init(label: String, file: String, line: Int? = nil, column: Int? = nil) {
            self.label = label
            self.file = file
            self.line = line
            self.column = column
        }
    }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// Source lines around the error; the line numbered `line` is highlighted and gets a caret at `column`.
    public var excerpt: [ExcerptLine]
    public var chain: [Frame]

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String,
                excerpt: [ExcerptLine] = [], chain: [Frame] = []) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
        self.chain = chain
    }

    /// `file:line:col`, as the command line prints it.
    public var location: String {
        Self.location(file: file, line: line, column: column)
    }

    static func location(file: String, line: Int?, column: Int?) -> String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// The markup shown over every HTML page while the last build has failed: a fixed panel with the
/// location, the message, the source excerpt with a caret, and the include/layout chain. Its CSS is
/// scoped to its own id so the site's styles and the panel leave each other alone.
enum ErrorOverlay {
    static let elementID = "kyll-build-error"

    static func markup(for report: BuildErrorReport) -> String {
        var html = "<div id=\"\(elementID)\" role=\"alert\"><style>\(style)</style>"
        html += "<div class=\"kyll-box\"><p class=\"kyll-title\">Build failed</p>"
        html += "<p class=\"kyll-location\">\(escapeHTML(report.location))</p>"
        html += "<p class=\"kyll-message\">\(escapeHTML(report.message))</p>"
        if !report.excerpt.isEmpty {
            html += "<pre class=\"kyll-excerpt\">" + excerpt(report) + "</pre>"
        }
        if !report.chain.isEmpty {
            html += "<ul class=\"kyll-chain\">"
            for frame in report.chain {
                let place = BuildErrorReport.location(file: frame.file, line: frame.line, column: frame.column)
                html += "<li>\(escapeHTML(frame.label)) \(escapeHTML(place))</li>"
            }
            html += "</ul>"
        }
        html += "<p class=\"kyll-hint\">The last good build is still being served; this page reloads"
        html += " when the next build succeeds.</p></div></div>"
        return html
    }

    private static func excerpt(_ report: BuildErrorReport) -> String {
        let width = String(report.excerpt.map(\.number).max() ?? 0).count
        var text = ""
        for line in report.excerpt {
            let number = String(line.number)
            let gutter = String(repeating: " ", count: width - number.count) + number
            let isErrorLine = line.number == report.line
            let row = "\(isErrorLine ? "&gt;" : " ") \(gutter) | \(escapeHTML(line.text))"
            text += isErrorLine ? "<span class=\"kyll-error-line\">\(row)</span>\n" : row + "\n"
            if isErrorLine, let column = report.column, column >= 1 {
                let indent = String(repeating: " ", count: width + 5 + column - 1)
                text += "\(indent)<span class=\"kyll-caret\">^</span>\n"
            }
        }
        return text
    }

    private static let style = """
        #kyll-build-error{position:fixed;inset:0;z-index:2147483647;overflow:auto;\
        background:rgba(20,20,24,.92);color:#eee;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;\
        padding:32px;box-sizing:border-box;text-align:left}\
        #kyll-build-error .kyll-box{max-width:960px;margin:0 auto;border-top:4px solid #e5484d;\
        background:#1c1c21;padding:20px 24px;box-shadow:0 8px 32px rgba(0,0,0,.5)}\
        #kyll-build-error p{margin:0 0 12px}\
        #kyll-build-error .kyll-title{color:#ff6369;font-weight:bold;font-size:18px}\
        #kyll-build-error .kyll-location{color:#9cdcfe}\
        #kyll-build-error .kyll-message{white-space:pre-wrap;font-weight:bold}\
        #kyll-build-error pre{margin:0 0 12px;padding:12px;background:#111;overflow:auto;color:#ccc}\
        #kyll-build-error .kyll-error-line{color:#fff;background:#4a1d1f}\
        #kyll-build-error .kyll-caret{color:#ff6369}\
        #kyll-build-error ul{margin:0 0 12px;padding-left:20px;color:#bbb}\
        #kyll-build-error .kyll-hint{color:#888;font-size:12px}
        """
}
