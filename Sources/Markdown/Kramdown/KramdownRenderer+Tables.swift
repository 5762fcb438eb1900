/// kramdown tables: rows read from the source lines (separator lines start new `tbody`s, `=` lines
/// a `tfoot`), cells split on unescaped pipes outside code spans.
extension KramdownRenderer {
    enum Alignment { case none, left, center, right }

    func table(_ n: CmarkNode, attrs: Attributes, indent: Int, containers: [Container]) -> String {
        let rows = (n.startLine...max(n.startLine, lastContentLine(n))).map { text(ofLine: $0, containers) }
        return tableFromSource(TableSource(lines: rows, ial: nil), attrs: attrs, indent: indent)
    }

    func tableFromSource(_ t: TableSource, attrs: Attributes, indent: Int) -> String {
        guard let first = t.lines.first else { return "" }
        let leadingPipe = first.drop { $0 == " " || $0 == "\t" }.first == "|"
        var sections: [(kind: String, rows: [[String]])] = []
        var rows: [[String]] = []
        var alignment: [Alignment] = []
        var hasFooter = false
        var columns = 0
        func add(_ kind: String, force: Bool) {
            if !hasFooter || kind != "tbody" || force {
                sections.append((kind, rows))
                rows = []
            }
        }
        for line in t.lines {
            let trimmed = line.trimmingCharacters(in: " \t")
            if Self.isSeparator(trimmed, "-") {
                if rows.isEmpty {
                } else if alignment.isEmpty && !hasFooter {
                    add("thead", force: false)
                    alignment = Self.alignments(trimmed)
                } else {
                    add("tbody", force: false)
                }
            } else if Self.isSeparator(trimmed, "=") {
                if !rows.isEmpty { add("tbody", force: true) }
                hasFooter = true
            } else {
                var cells = Self.cells(line)
                if leadingPipe, let f = cells.first, f.trimmingCharacters(in: " \t").isEmpty { cells.removeFirst() }
                if let l = cells.last, l.trimmingCharacters(in: " \t").isEmpty { cells.removeLast() }
                columns = max(columns, cells.count)
                rows.append(cells.map { $0.trimmingCharacters(in: " \t\n\r\u{0B}\u{0C}") })
            }
        }
        if !rows.isEmpty { add(hasFooter ? "tfoot" : "tbody", force: false) }
        if alignment.count > columns { alignment = Array(alignment.prefix(columns)) }
        while alignment.count < columns { alignment.append(.none) }
        let pad = String(repeating: " ", count: indent)
        var out = pad + "<table\(attrs.html)>\n"
        for section in sections {
            out += pad + "  <\(section.kind)>\n"
            for row in section.rows {
                out += pad + "    <tr>\n"
                for c in 0..<columns {
                    let cell = c < row.count ? row[c] : ""
                    var a = Attributes()
                    switch alignment[c] {
                    case .none: break
                    case .left: a["style"] = "text-align: left"
                    case .center: a["style"] = "text-align: center"
                    case .right: a["style"] = "text-align: right"
                    }
                    let tag = section.kind == "thead" ? "th" : "td"
                    var body = cell.isEmpty ? "" : renderSpans(parseSpans(cell, classic: false))
                    if body.isEmpty { body = Entity.nbsp.output(options.entityOutput) }
                    out += pad + "      <\(tag)\(a.html)>\(body)</\(tag)>\n"
                }
                out += pad + "    </tr>\n"
            }
            out += pad + "  </\(section.kind)>\n"
        }
        return out + pad + "</table>\n"
    }

    /// TABLE_SEP_LINE / TABLE_FSEP_LINE: only `+|: \t` and at least one `ch`.
    static func isSeparator(_ s: String, _ ch: Character) -> Bool {
        guard s.contains(ch) else { return false }
        return s.allSatisfy { $0 == ch || $0 == "+" || $0 == "|" || $0 == ":" || $0 == " " || $0 == "\t" }
    }

    static func alignments(_ s: String) -> [Alignment] {
        var result: [Alignment] = []
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            // [ \t]?(:?)-+(:?)[ \t]?
            var j = i
            let left = chars[j] == ":"
            if left { j += 1 }
            guard j < chars.count, chars[j] == "-" else { i += 1; continue }
            while j < chars.count, chars[j] == "-" { j += 1 }
            let right = j < chars.count && chars[j] == ":"
            if right { j += 1 }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
            i = j
        }
        return result
    }

    /// Splits a row on `|` that is not escaped and not inside a code span.
    static func cells(_ line: String) -> [String] {
        let b = Array(line.utf8)
        var cells: [String] = []
        var current = Bytes()
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == Byte.backtick {
                var n = 0
                while b.at(i + n) == Byte.backtick { n += 1 }
                // find the closing run of the same length
                var j = i + n
                var close: Int? = nil
                while j + n <= b.count {
                    if (0..<n).allSatisfy({ b[j + $0] == Byte.backtick }) { close = j; break }
                    j += 1
                }
                if let close {
                    current += b[i..<close + n]
                    i = close + n
                    continue
                }
                current += b[i..<i + n]
                i += n
                continue
            }
            if c == Byte.backslash, b.at(i + 1) == Byte.pipe {
                current.append(Byte.pipe); i += 2; continue
            }
            if c == Byte.pipe {
                cells.append(String(decoding: current, as: UTF8.self))
                current = []
                i += 1
                continue
            }
            current.append(c)
            i += 1
        }
        cells.append(String(decoding: current, as: UTF8.self))
        return cells
    }
}
