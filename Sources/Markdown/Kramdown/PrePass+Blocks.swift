/// The pre-pass handlers for kramdown-only block syntax.
extension PrePass {
    /// IAL, ALD, `{::extension}`, EOB marker, abbreviation and link definition lines.
    mutating func handleExtensionLine(_ lines: inout [String], _ i: inout Int, lead: Int) -> Bool {
        let line = lines[i]
        let b = line.bytes
        let indent = String(line.prefix(lead))
        // EOB marker: `^` alone on a line, at column 0
        if lead == 0, b.first == Byte.caret, b.dropFirst().allSatisfy(Byte.isSpace) {
            out.append(SourceLine(line, cmark: placeholder(.nothing), blank: false))
            last = .blank
            i += 1
            return true
        }
        if b.at(lead) == Byte.lbrace, b.at(lead + 1) == Byte.colon {
            let rest = Array(b[lead...])
            // ALD `{:name: attrs}`
            if let ald = Self.aldLine(rest) {
                var ial = alds[ald.name] ?? IAL()
                ial.merge(AttributeList.parse(ald.body))
                alds[ald.name] = ial
                out.append(SourceLine(line, cmark: placeholder(.nothing, indent: indent), blank: false))
                last = .other
                i += 1
                return true
            }
            // extension block `{::name …}` … `{:/name}`
            if case .tag(let name, let attrs, let selfClosed, let end)? = Extension.match(rest, 0, block: true),
               rest[end...].allSatisfy(Byte.isSpace) {
                return handleExtension(&lines, &i, name: name, attrs: attrs, selfClosed: selfClosed, indent: indent)
            }
            // IAL `{: …}`
            if let body = Self.ialLine(rest) {
                let ial = AttributeList.parse(body)
                out.append(SourceLine(line, cmark: placeholder(.ial(ial), indent: indent), blank: false))
                pendingIAL = last == .blank
                last = .other
                i += 1
                return true
            }
        }
        // abbreviation `*[ABBR]: text`
        if b.at(lead) == Byte.star, b.at(lead + 1) == Byte.lbracket,
           let close = b[(lead + 2)...].firstIndex(of: Byte.rbracket), close > lead + 2, b.at(close + 1) == Byte.colon {
            let name = b.string(lead + 2..<close)
            let text = b.string(close + 2..<b.count).trimmingCharacters(in: " \t\n\r\u{0B}\u{0C}")
            abbreviations.removeAll { $0.0 == name }
            abbreviations.append((name, text))
            out.append(SourceLine(line, cmark: placeholder(.abbreviation, indent: indent), blank: false))
            last = .other
            i += 1
            return true
        }
        return false
    }

    static func aldLine(_ b: Bytes) -> (name: String, body: String)? {
        guard b.hasPrefix("{:", at: 0), let f = b.at(2), Byte.isWord(f) else { return nil }
        var j = 3
        while j < b.count, Byte.isWord(b[j]) || b[j] == Byte.dash { j += 1 }
        guard b.at(j) == Byte.colon else { return nil }
        guard let close = closingBrace(b, from: j + 1), close > j + 1, b[(close + 1)...].allSatisfy(Byte.isSpace) else { return nil }
        return (b.string(2..<j), b.string(j + 1..<close))
    }

    static func ialLine(_ b: Bytes) -> String? {
        guard b.hasPrefix("{:", at: 0), let n = b.at(2), n != Byte.colon, n != Byte.slash else { return nil }
        guard let close = closingBrace(b, from: 2), close > 2, b[(close + 1)...].allSatisfy(Byte.isSpace) else { return nil }
        return b.string(2..<close)
    }

    /// The `}` ending an attribute list (`\}` is an escaped brace).
    static func closingBrace(_ b: Bytes, from: Int) -> Int? {
        var j = from
        while j < b.count {
            if b[j] == Byte.backslash, b.at(j + 1) == Byte.rbrace { j += 2; continue }
            if b[j] == Byte.rbrace { return j }
            j += 1
        }
        return nil
    }

    private mutating func handleExtension(_ lines: inout [String], _ i: inout Int, name: String, attrs: String,
                                          selfClosed: Bool, indent: String) -> Bool {
        var body: String? = nil
        var endLine = i
        if !selfClosed {
            // the stop tag stands on its own line
            var j = i + 1
            var found = false
            while j < lines.count {
                let t = lines[j].bytes
                let l = Self.leadingSpaces(t)
                if l <= 3, case .stray? = Extension.match(Array(t[l...]), 0, block: true), Self.isStopFor(Array(t[l...]), name) {
                    found = true; break
                }
                j += 1
            }
            guard found else {
                warnings.append("No stop tag for extension '\(name)' found - ignoring it")
                return false
            }
            body = lines[(i + 1)..<j].joined(separator: "\n")
            endLine = j
        }
        let p: Placeholder
        switch name {
        case "comment": p = body.map { .comment($0) } ?? .nothing
        case "nomarkdown":
            let types = (AttributeList.parse(attrs).attributes["type"] ?? "").split(separator: " ").map(String.init)
            p = body.map { .nomarkdown($0, types: types) } ?? .nothing
        case "options": p = .nothing
        default:
            warnings.append("Invalid extension with name '\(name)' specified - ignoring it")
            return false
        }
        for k in i...endLine {
            let text = k == i ? placeholder(p, indent: indent) : ""
            out.append(SourceLine(lines[k], cmark: text, blank: false))
        }
        // the placeholder must end on its own line for cmark: fill the inner lines
        fillPlaceholderLines(from: out.count - (endLine - i + 1), count: endLine - i + 1)
        last = .other
        i = endLine + 1
        return true
    }

    /// Makes a multi-line placeholder a single HTML comment spanning all its lines.
    mutating func fillPlaceholderLines(from start: Int, count: Int) {
        guard count > 1 else { return }
        let first = out[start].cmark
        out[start].cmark = String(first.dropLast(3))
        for k in start + 1..<start + count - 1 { out[k].cmark = "" }
        out[start + count - 1].cmark = "-->"
    }

    private static func isStopFor(_ b: Bytes, _ name: String) -> Bool {
        guard b.hasPrefix("{:/", at: 0), let close = b.firstIndex(of: Byte.rbrace) else { return false }
        let inner = b.string(3..<close)
        return (inner.isEmpty || inner == name) && b[(close + 1)...].allSatisfy(Byte.isSpace)
    }

    /// `$$ … $$` standing alone between block boundaries.
    mutating func handleMath(_ lines: inout [String], _ i: inout Int, lead: Int) -> Bool {
        guard last == .blank || pendingIAL || out.isEmpty else { return false }
        let b = lines[i].bytes
        guard b.hasPrefix("$$", at: lead) else { return false }
        // find the closing $$ (may be on a later line), then only whitespace to the line end
        var text = Array(b[(lead + 2)...])
        var j = i
        var close: Int? = Self.findDollars(text, from: 0)
        while close == nil, j + 1 < lines.count {
            j += 1
            text.append(Byte.newline)
            text += lines[j].bytes
            close = Self.findDollars(text, from: 0)
        }
        guard let c = close, text[(c + 2)...].allSatisfy(Byte.isSpace) else { return false }
        // must be followed by a block boundary
        if j + 1 < lines.count, !SourceLine.isBlank(lines[j + 1]) {
            let nb = lines[j + 1].bytes
            let l = Self.leadingSpaces(nb)
            if !(nb.hasPrefix("{:", at: l) || (nb.first == Byte.caret && nb.dropFirst().allSatisfy(Byte.isSpace))) {
                return false
            }
        }
        let body = String(decoding: text[..<c], as: UTF8.self).trimmingCharacters(in: " \t\n\r\u{0B}\u{0C}")
        for k in i...j {
            out.append(SourceLine(lines[k], cmark: k == i ? placeholder(.math(body)) : "", blank: false))
        }
        fillPlaceholderLines(from: out.count - (j - i + 1), count: j - i + 1)
        last = .other
        i = j + 1
        return true
    }

    private static func findDollars(_ b: Bytes, from: Int) -> Int? {
        var k = from
        while k + 1 < b.count {
            if b[k] == Byte.dollar && b[k + 1] == Byte.dollar { return k }
            k += 1
        }
        return nil
    }
}
