/// Block-level HTML in the pre-pass: kramdown reads an element to its matching close tag.
extension PrePass {
    mutating func handleHTML(_ lines: inout [String], _ i: inout Int, lead: Int) -> Bool {
        let b = lines[i].bytes
        guard b.at(lead) == Byte.lt else { return false }
        // the rest of the document from this line on, as one buffer
        let rest = Array(lines[i...].joined(separator: "\n").utf8) + [Byte.newline]
        if rest.hasPrefix("<!--", at: lead) {
            if last == .paragraph {
                // kramdown keeps a comment line inside the paragraph
                out.append(SourceLine(lines[i], cmark: String(lines[i].prefix(lead)) + Marker.string + String(lines[i].dropFirst(lead))))
                i += 1
                return true
            }
            guard let end = HTMLScanner.comment(rest, lead) else { return false }
            let text = rest.string(lead..<end)
            return replace(&lines, &i, rest: rest, end: end, consumeTrailing: true, .xmlComment(text))
        }
        if let tag = HTMLScanner.tag(rest, lead) {
            let name = HTMLScanner.normalizedName(tag.name)
            if HTMLScanner.spanElements.contains(name.lowercased()) { return false }
            var parser = RawHTMLParser(rest, at: lead)
            parser.parseBlockHTML = options.parseBlockHTML
            let el = parser.element(tag: tag, inRaw: false)
            // script/style and empty elements leave their newline: kramdown then sees a blank line
            let keepsNewline = name == "script" || name == "style" || el.isClosed
            var end = parser.pos
            var forceBlank = false
            if keepsNewline {
                var k = end
                while k < rest.count, Byte.isBlank(rest[k]) { k += 1 }
                if rest.at(k) == Byte.newline { forceBlank = true; end = k }
            }
            return replace(&lines, &i, rest: rest, end: end, consumeTrailing: !keepsNewline,
                           .html(el, forceBlank: forceBlank))
        }
        if let (_, n) = HTMLScanner.closeTag(rest, lead), !HTMLScanner.spanElements.contains(n.lowercased()) {
            // a stray close tag: kramdown starts a paragraph with it
            if last == .paragraph { out.append(SourceLine("", cmark: "", blank: false)) }
            out.append(SourceLine(lines[i], cmark: String(lines[i].prefix(lead)) + Marker.string + String(lines[i].dropFirst(lead))))
            last = .paragraph
            i += 1
            return true
        }
        return false
    }

    /// Replaces the lines from `i` up to byte `end` of `rest` with one placeholder; text left on
    /// the last line after `end` goes on a line of its own.
    private mutating func replace(_ lines: inout [String], _ i: inout Int, rest: Bytes, end: Int,
                                  consumeTrailing: Bool, _ p: Placeholder) -> Bool {
        var stop = end
        if consumeTrailing {
            var k = stop
            while k < rest.count, Byte.isBlank(rest[k]) { k += 1 }
            if rest.at(k) == Byte.newline { stop = k }
        }
        // line index of `stop` and the column within it
        var lineIndex = i
        var lineStart = 0
        for k in 0..<stop where rest[k] == Byte.newline {
            lineIndex += 1
            lineStart = k + 1
        }
        let tail = stop < rest.count ? rest.string(stop..<(rest[stop...].firstIndex(of: Byte.newline) ?? rest.count)) : ""
        let lastLine = min(lineIndex, lines.count - 1)
        let count = lastLine - i + 1
        for k in i...lastLine {
            out.append(SourceLine(lines[k], cmark: k == i ? placeholder(p) : "", blank: false))
        }
        fillPlaceholderLines(from: out.count - count, count: count)
        _ = lineStart
        last = .other
        i = lastLine + 1
        let trimmed = tail.drop { $0 == " " || $0 == "\t" }
        if !trimmed.isEmpty {
            // the rest of the line continues as its own block
            lines.insert(String(trimmed), at: i)
        }
        return true
    }
}
