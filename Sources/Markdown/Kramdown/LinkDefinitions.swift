/// kramdown's link definitions `[id]: url "title"` (the title may sit on the next line).
enum LinkDefinitions {
    struct Match {
        var id: String
        var url: String
        var title: String?
        /// 1, or 2 when the title is on the following line.
        var lineCount: Int
    }

    /// Matches a definition on `line` (container prefixes already removed), looking at `next` for
    /// a title on its own line.
    static func match(_ line: String, next: String?) -> Match? {
        let b = Array(line.utf8)
        let lead = PrePass.leadingSpaces(b)
        guard lead <= 3, b.at(lead) == Byte.lbracket else { return nil }
        var j = lead + 1
        while j < b.count, b[j] != Byte.rbracket { j += 1 }
        guard j < b.count, j > lead + 1, b.at(j + 1) == Byte.colon else { return nil }
        let id = b.string(lead + 1..<j)
        var k = j + 2
        while k < b.count, Byte.isBlank(b[k]) { k += 1 }
        var rest = Array(b[k...])
        while let l = rest.last, Byte.isBlank(l) { rest.removeLast() }
        var url: String
        var title: String? = nil
        if rest.first == Byte.lt, let close = rest.firstIndex(of: Byte.gt) {
            url = rest.string(1..<close)
            var after = Array(rest[(close + 1)...])
            while let f = after.first, Byte.isBlank(f) { after.removeFirst() }
            if !after.isEmpty {
                guard let t = quoted(after) else { return nil }
                title = t
            }
        } else {
            guard rest.contains(where: { !Byte.isSpace($0) }) else { return nil }
            url = rest.string(0..<rest.count)
            // the first `[ \t]+"…"` (or '…') that runs to the end of the line is the title
            var p = 1
            while p < rest.count {
                if Byte.isBlank(rest[p - 1]) && !Byte.isBlank(rest[p]) && (rest[p] == Byte.quote || rest[p] == Byte.apos) {
                    var s = p - 1
                    while s > 0, Byte.isBlank(rest[s - 1]) { s -= 1 }
                    if s > 0, let t = quoted(Array(rest[p...])) {
                        url = rest.string(0..<s)
                        title = t
                        break
                    }
                }
                p += 1
            }
            // a URL still holding whitespace and a quote is not a definition
            let ub = Array(url.utf8)
            for q in 1..<max(ub.count, 1) where (ub[q] == Byte.quote || ub[q] == Byte.apos) && Byte.isBlank(ub[q - 1]) {
                return nil
            }
        }
        if title == nil, let next {
            var nb = Array(next.utf8)
            while let f = nb.first, Byte.isBlank(f) { nb.removeFirst() }
            while let l = nb.last, Byte.isBlank(l) { nb.removeLast() }
            if let t = quoted(nb) { return Match(id: id, url: url, title: t, lineCount: 2) }
        }
        return Match(id: id, url: url, title: title, lineCount: 1)
    }

    /// `"…"` or `'…'` filling the whole buffer, with at least one character inside.
    private static func quoted(_ b: Bytes) -> String? {
        guard b.count >= 3, let q = b.first, q == Byte.quote || q == Byte.apos, b.last == q else { return nil }
        return b.string(1..<b.count - 1)
    }
}

extension PrePass {
    /// Records every link definition kramdown would see at a block start, inside containers too.
    mutating func collectLinkDefinitions(_ lines: [String]) {
        var fence: (char: UInt8, count: Int)? = nil
        var previousBlank = true
        var previousDef = false
        var i = 0
        while i < lines.count {
            let stripped = Self.stripContainerPrefix(lines[i])
            let b = Array(stripped.utf8)
            if let f = fence {
                if Self.closesFence(b, f) { fence = nil }
                i += 1; previousBlank = false; previousDef = false
                continue
            }
            if let f = Self.opensFence(b, Self.leadingSpaces(b)) { fence = f; i += 1; continue }
            if previousBlank || previousDef || i == 0,
               let m = LinkDefinitions.match(stripped, next: i + 1 < lines.count ? Self.stripContainerPrefix(lines[i + 1]) : nil) {
                var def = SpanParser.LinkDefinition(url: m.url, title: m.title, ial: nil)
                let after = i + m.lineCount
                if after < lines.count {
                    let nb = Array(Self.stripContainerPrefix(lines[after]).utf8)
                    let l = Self.leadingSpaces(nb)
                    if l <= 3, let body = Self.ialLine(Array(nb[l...])) { def.ial = AttributeList.parse(body) }
                }
                linkDefinitions[SpanParser.normalizeLinkID(m.id)] = def
                i += m.lineCount
                previousDef = true; previousBlank = false
                continue
            }
            previousBlank = SourceLine.isBlank(stripped)
            previousDef = false
            i += 1
        }
    }

    /// Drops blockquote markers and list indentation (approximately) from a line.
    static func stripContainerPrefix(_ line: String) -> String {
        var s = Substring(line)
        while true {
            let t = s.drop { $0 == " " || $0 == "\t" }
            if t.first == ">" { s = t.dropFirst() } else { break }
        }
        return String(s.drop { $0 == " " || $0 == "\t" })
    }
}
