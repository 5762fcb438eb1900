/// Rewrites the source so cmark-gfm's block tree comes out the way kramdown's block parser sees
/// the document: kramdown-only block syntax (IALs, ALDs, extensions, `$$` math, block HTML that
/// runs to its close tag, EOB markers, abbreviation and link definitions) becomes placeholder
/// lines, and lines kramdown keeps as paragraph text get an invisible marker so cmark does not
/// start a block there.
struct PrePass {
    var out: [SourceLine] = []
    var placeholders: [Placeholder] = []
    var linkDefinitions: [String: SpanParser.LinkDefinition] = [:]
    var alds: [String: IAL] = [:]
    var abbreviations: [(String, String)] = []
    var footnoteNames: Set<String> = []
    var warnings: [String] = []
    let options: KramdownOptions

    enum Last { case blank, paragraph, other }
    var last: Last = .blank
    /// Set when a block IAL waits for the next block (that block is then "after a boundary").
    var pendingIAL = false

    init(options: KramdownOptions) { self.options = options }

    /// Splits normalised source text into lines (the text ends with a newline).
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    mutating func placeholder(_ p: Placeholder, indent: String = "") -> String {
        placeholders.append(p)
        return indent + Marker.placeholderPrefix + String(placeholders.count - 1) + "-->"
    }

    mutating func run(_ source: [String]) {
        var lines = ListLaziness.relazy(source)
        collectLinkDefinitions(lines)
        var i = 0
        var fence: (char: UInt8, count: Int)? = nil
        while i < lines.count {
            let line = lines[i]
            let b = line.bytes
            if let f = fence {
                out.append(SourceLine(line))
                if Self.closesFence(b, f) { fence = nil }
                last = .other
                i += 1
                continue
            }
            let lead = Self.leadingSpaces(b)
            if SourceLine.isBlank(line) {
                out.append(SourceLine(line)); last = .blank; i += 1; continue
            }
            if lead >= 4 || (lead < b.count && b[lead] == Byte.tab) {
                // indented code after a boundary, else paragraph continuation / list content
                out.append(SourceLine(line))
                if last != .blank { } else { last = .other }
                i += 1
                continue
            }
            if let f = Self.opensFence(b, lead) {
                fence = f
                out.append(SourceLine(line)); last = .other; i += 1
                continue
            }
            if handleExtensionLine(&lines, &i, lead: lead) { continue }
            if handleMath(&lines, &i, lead: lead) { continue }
            if handleHTML(&lines, &i, lead: lead) { continue }
            // a line kramdown keeps as paragraph text but cmark would start a block with
            var cm = line
            if Self.startsOrderedParen(b, lead) || Self.startsSpanTag(b, lead) {
                cm = String(line.prefix(lead)) + Marker.string + String(line.dropFirst(lead))
            }
            out.append(SourceLine(line, cmark: cm))
            last = Self.isBlockStart(b, lead) ? .other : .paragraph
            pendingIAL = false
            i += 1
        }
    }

    // MARK: line classification

    static func leadingSpaces(_ b: Bytes) -> Int {
        var i = 0
        while i < b.count, b[i] == Byte.space { i += 1 }
        return i
    }

    static func opensFence(_ b: Bytes, _ lead: Int) -> (char: UInt8, count: Int)? {
        guard lead <= 3, let c = b.at(lead), c == Byte.backtick || c == Byte.tilde else { return nil }
        var n = 0
        while b.at(lead + n) == c { n += 1 }
        guard n >= 3 else { return nil }
        if c == Byte.backtick, b[(lead + n)...].contains(Byte.backtick) { return nil }
        return (c, n)
    }

    static func closesFence(_ b: Bytes, _ f: (char: UInt8, count: Int)) -> Bool {
        let lead = leadingSpaces(b)
        guard lead <= 3 else { return false }
        var n = 0
        while b.at(lead + n) == f.char { n += 1 }
        guard n >= f.count else { return false }
        return b[(lead + n)...].allSatisfy { Byte.isSpace($0) }
    }

    static func startsOrderedParen(_ b: Bytes, _ lead: Int) -> Bool {
        var j = lead
        while j < b.count, Byte.isDigit(b[j]) { j += 1 }
        return j > lead && j - lead <= 9 && b.at(j) == Byte.rparen && (b.at(j + 1) == nil || Byte.isBlank(b[j + 1]))
    }

    /// A span-level element's tag at the start of a line (cmark would make it an HTML block).
    static func startsSpanTag(_ b: Bytes, _ lead: Int) -> Bool {
        guard b.at(lead) == Byte.lt else { return false }
        var j = lead + 1
        if b.at(j) == Byte.slash { j += 1 }
        guard let e = HTMLScanner.nameEnd(b, j) else { return false }
        let name = b.string(j..<e).lowercased()
        return HTMLScanner.spanElements.contains(name)
    }

    static func isBlockStart(_ b: Bytes, _ lead: Int) -> Bool {
        guard let c = b.at(lead) else { return false }
        if c == Byte.hash || c == Byte.gt { return true }
        if c == Byte.star || c == Byte.dash || c == Byte.plus { return b.at(lead + 1).map(Byte.isBlank) ?? true }
        return false
    }
}
