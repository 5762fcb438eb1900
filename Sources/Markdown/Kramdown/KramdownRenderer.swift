/// Walks cmark-gfm's block tree of the pre-passed source and prints HTML the way kramdown's HTML
/// converter prints its own tree: indentation by nesting, a blank line wherever the source had
/// one, and kramdown's markup for every construct.
final class KramdownRenderer {
    /// A block container around the current blocks, to read a line's text as kramdown sees it.
    enum Container {
        case quote
        case item(firstLine: Int, indentation: Int)
        case footnote(firstLine: Int)
    }

    let options: KramdownOptions
    let highlighter: CodeHighlighter?
    let context: SpanParser.Context
    var lines: [SourceLine] = []
    var placeholders: [Placeholder] = []
    var abbreviations: [(String, String)] = []
    var gfmIDs: [String: Int] = [:]
    var classicIDs: [String: Int] = [:]
    var useClassicIDs = false
    var toc: [(level: Int, id: String, spans: [Span])] = []
    var tocRequest: (ordered: Bool, attrs: Attributes)? = nil
    static let tocToken = "\u{E001}TOC\u{E001}"
    var footnoteDefinitions: [String: (node: CmarkNode, containers: [Container])] = [:]
    var footnotes: [(name: String, number: Int, repeats: Int)] = []
    var footnoteIndex: [String: Int] = [:]
    var footnoteCounter: Int

    init(options: KramdownOptions, highlighter: CodeHighlighter?) {
        self.options = options
        self.highlighter = highlighter
        self.context = SpanParser.Context(options: options)
        self.footnoteCounter = options.footnoteNr
    }

    /// Converts a whole document.
    func render(_ source: String) -> String {
        renderBlocks(source, indent: 0) { body in
            var body = body
            let notes = self.footnoteHTML()
            if let req = self.tocRequest {
                body = body.replacingFirst(Self.tocToken, with: self.tocHTML(ordered: req.ordered, attrs: req.attrs))
            }
            return body + notes
        }
    }

    /// Pre-pass, parse and print `source` as a sequence of blocks at `indent` (also used for the
    /// content of `markdown="1"` HTML elements).
    func renderBlocks(_ source: String, indent: Int, finish: ((String) -> String)? = nil) -> String {
        var pre = PrePass(options: options)
        pre.run(PrePass.lines(source))
        let base = placeholders.count
        // placeholders are numbered per pass; shift them into this renderer's table
        for k in pre.out.indices {
            if let n = Marker.placeholderIndex(pre.out[k].cmark) {
                pre.out[k].cmark = pre.out[k].cmark.replacingFirst(Marker.placeholderPrefix + String(n), with: Marker.placeholderPrefix + String(n + base))
            }
        }
        placeholders += pre.placeholders
        for (k, v) in pre.linkDefinitions where context.linkDefinitions[k] == nil { context.linkDefinitions[k] = v }
        for (k, v) in pre.alds { context.alds[k] = v }
        abbreviations += pre.abbreviations
        context.warnings += pre.warnings
        let savedLines = lines
        let offset = 0
        lines = pre.out
        defer { lines = savedLines }
        var text = lines.map(\.cmark).joined(separator: "\n")
        text += "\n"
        let root = Cmark.parse(text, Cmark.kramdownMode)
        collectDefinitions(root)
        var out = blocks(root.children, indent: indent, containers: [], range: (0, lines.count + 1 + offset))
        if trailingBlank(after: root.children) { out += "\n" }
        return finish?(out) ?? out
    }

    // MARK: lines

    func line(_ n: Int) -> SourceLine? { n >= 1 && n <= lines.count ? lines[n - 1] : nil }

    func isBlank(_ n: Int) -> Bool { line(n)?.blank ?? false }

    func anyBlank(_ from: Int, _ to: Int) -> Bool {
        guard from <= to else { return false }
        for n in from...to where isBlank(n) { return true }
        return false
    }

    private func trailingBlank(after nodes: [CmarkNode]) -> Bool {
        guard let last = nodes.last(where: { $0.kind != .footnoteDefinition }) else { return false }
        if forcesBlank(last) { return true }
        return anyBlank(lastContentLine(last) + 1, lines.count)
    }

    /// The last line of a node that is not blank (cmark counts trailing blank lines into some blocks).
    func lastContentLine(_ n: CmarkNode) -> Int {
        var e = max(n.endLine, n.startLine)
        while e > n.startLine, isBlank(e) { e -= 1 }
        return e
    }

    /// kramdown's view of line `n` inside `containers`.
    func text(ofLine n: Int, _ containers: [Container]) -> String {
        guard let l = line(n) else { return "" }
        var s = Substring(l.raw)
        for c in containers {
            switch c {
            case .quote:
                var t = s
                var spaces = 0
                while spaces < 3, t.first == " " { t.removeFirst(); spaces += 1 }
                if t.first == ">" {
                    t.removeFirst()
                    if t.first == " " { t.removeFirst() }
                    s = t
                }
            case .item(let first, let indentation):
                if n == first {
                    s = Substring(ListMarker.content(of: s))
                } else {
                    var t = String(s)
                    if t.first == "\t" {
                        var tabs = 0
                        while t.first == "\t" { t.removeFirst(); tabs += 1 }
                        t = String(repeating: " ", count: 4 * tabs) + t
                    }
                    let lead = t.prefix(while: { $0 == " " }).count
                    s = lead >= indentation ? Substring(t.dropFirst(indentation)) : Substring(t)
                }
            case .footnote(let first):
                if n == first {
                    if let r = s.range(of: "]:") { s = s[r.upperBound...] }
                } else if s.first == "\t" {
                    s = s.dropFirst()
                } else if s.hasPrefix("    ") {
                    s = s.dropFirst(4)
                }
            }
        }
        return String(s)
    }

    /// The raw text of lines `from...to`, joined as kramdown joins paragraph lines.
    func rawText(_ from: Int, _ to: Int, _ containers: [Container]) -> String {
        var parts: [String] = []
        for n in from...max(from, to) { parts.append(text(ofLine: n, containers)) }
        var s = parts.joined(separator: "\n")
        while let f = s.unicodeScalars.first, f == " " || f == "\t" || f == "\n" { s.unicodeScalars.removeFirst() }
        while let l = s.unicodeScalars.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.unicodeScalars.removeLast() }
        return s
    }

    func placeholder(_ n: CmarkNode) -> Placeholder? {
        guard n.kind == .htmlBlock, let lit = n.literal, let i = Marker.placeholderIndex(lit), i < placeholders.count else { return nil }
        return placeholders[i]
    }

    func forcesBlank(_ n: CmarkNode) -> Bool {
        if case .html(_, let force)? = placeholder(n) { return force }
        return false
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(r, with: replacement)
        return copy
    }
}
