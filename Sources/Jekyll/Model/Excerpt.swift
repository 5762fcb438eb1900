/// The excerpt of a collection item: the text before the first `excerpt_separator`, with Liquid
/// blocks the cut left open closed again and the Markdown link definitions it uses appended.
enum Excerpt {
    /// The block tags of Liquid and Jekyll (a cut inside one of them would leave it unclosed).
    static let blockTags: Set<String> = [
        "capture", "case", "comment", "for", "if", "ifchanged", "raw", "tablerow", "unless", "highlight",
    ]

    /// The excerpt, and whether block tags had to be closed (Jekyll warns then).
    static func extract(from content: String, separator: String) -> (text: String, closedBlocks: Bool) {
        guard let cut = content.firstRange(of: separator) else { return (content, false) }
        var head = String(content[..<cut.lowerBound])
        let tail = content[cut.upperBound...]
        if tail.isEmpty { return (head, false) }
        var closed = false
        if head.contains("{%") {
            let closedHead = closeOpenBlocks(head)
            closed = closedHead != head
            head = closedHead
        }
        let definitions = linkDefinitions(in: tail).filter { head.contains($0.label) }.map { $0.label + $0.rest }
        if definitions.isEmpty { return (head, closed) }
        return (head + "\n\n" + definitions.joined(separator: "\n"), closed)
    }

    /// Appends `{% endNAME %}` for each block tag opened in `head` whose end tag it lacks, last
    /// opened first.
    static func closeOpenBlocks(_ head: String) -> String {
        var result = head
        for name in tagNames(in: head).reversed() where blockTags.contains(name) {
            if !hasEndTag(name, in: result) { result += "\n{% end\(name) %}" }
        }
        return result
    }

    /// The names of the tags in the text (`{% name … %}`), in order.
    static func tagNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "{%") {
            var i = open.upperBound
            if i < rest.endIndex, rest[i] == "-" { i = rest.index(after: i) }
            while i < rest.endIndex, rest[i].isWhitespace { i = rest.index(after: i) }
            let start = i
            while i < rest.endIndex, rest[i].isLetter || rest[i].isNumber || rest[i] == "_" { i = rest.index(after: i) }
            let name = String(rest[start..<i])
            guard let close = rest[i...].firstRange(of: "%}") else { break }
            if !name.isEmpty { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    static func hasEndTag(_ name: String, in text: String) -> Bool {
        var rest = text[...]
        while let open = rest.firstRange(of: "{%") {
            var i = open.upperBound
            if i < rest.endIndex, rest[i] == "-" { i = rest.index(after: i) }
            while i < rest.endIndex, rest[i].isWhitespace { i = rest.index(after: i) }
            if rest[i...].hasPrefix("end" + name), rest[i...].firstRange(of: "%}") != nil { return true }
            rest = rest[open.upperBound...]
        }
        return false
    }

    /// Lines `[label]: rest` (at most three spaces of indent).
    static func linkDefinitions(in text: Substring) -> [(label: String, rest: String)] {
        var out: [(String, String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var s = line[...]
            var spaces = 0
            while s.first == " " && spaces < 3 { s = s.dropFirst(); spaces += 1 }
            guard s.first == "[", let close = s.firstIndex(of: "]"), close > s.index(after: s.startIndex) else { continue }
            let label = s[...close]
            let after = s[s.index(after: close)...]
            guard after.first == ":", after.count >= 2 else { continue }
            out.append((String(label), String(after)))
        }
        return out
    }
}
