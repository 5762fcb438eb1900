#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The excerpt of a collection item: the text before the first `excerpt_separator`, with Liquid
/// blocks the cut left open closed again and the Markdown link definitions it uses appended.
enum Excerpt {
    /// The block tags of Liquid and Jekyll (a cut inside one of them would leave it unclosed).
    static let blockTags: Set<String> = [
        "capture", "case", "comment", "for", "if", "ifchanged", "raw", "tablerow", "unless", "highlight",
    ]

    /// The excerpt, and whether block tags had to be closed (Jekyll warns then). Ruby's `partition`
    /// and `include?` match code points, so the searches are over bytes, not characters.
    static func extract(from content: String, separator: String) -> (text: String, closedBlocks: Bool) {
        guard let cut = ByteSearch.firstRange(of: separator, in: content) else { return (content, false) }
        let bytes = content.utf8
        var head = String(content[..<bytes.index(bytes.startIndex, offsetBy: cut.lowerBound)])
        if cut.upperBound == bytes.count { return (head, false) }
        let tail = content[bytes.index(bytes.startIndex, offsetBy: cut.upperBound)...]
        var closed = false
        if ByteSearch.firstRange(of: "{%", in: head) != nil {
            let closedHead = closeOpenBlocks(head)
            closed = closedHead != head
            head = closedHead
        }
        // A definition is kept when its `[label]` is in the head: a head without `[` (a third of
        // the posts) keeps none, and the rest of the document is not searched for them.
        guard ByteSearch.firstRange(of: "[", in: head) != nil else { return (head, closed) }
        // The kept definitions appended one by one after a blank line, a line each (a list of
        // them joined cost ~4,000 instructions an excerpt that kept some).
        var text = head
        var kept = 0
        for definition in linkDefinitions(in: tail) where ByteSearch.firstRange(of: definition.label, in: head) != nil {
            text += kept == 0 ? "\n\n" : "\n"
            text += definition.label
            text += definition.rest
            kept += 1
        }
        return (text, closed)
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

    /// Lines `[label]: rest` (at most three spaces of indent). The text is the whole rest of the
    /// document, and such a line's first `]` is followed by `:`: only the lines holding a `]:`
    /// (`ByteSearch`) are looked at, not every line of the document.
    static func linkDefinitions(in text: Substring) -> [(label: String, rest: String)] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [(String, String)] = []
            guard let base = bytes.baseAddress else { return out }
            var offset = 0
            // Each `]` found by `memchr` and the byte after it looked at here (a search for the
            // pair, restarted after each `]` of a link, cost ~150 instructions a `]`).
            while offset < bytes.count,
                  let hit = memchr(base + offset, Int32(UInt8(ascii: "]")), bytes.count - offset) {
                let bracket = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                guard bracket + 1 < bytes.count, bytes[bracket + 1] == UInt8(ascii: ":") else {
                    offset = bracket + 1
                    continue
                }
                var lineStart = bracket
                while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
                let lineEnd = bytes[bracket...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                if let definition = linkDefinition(bytes, line: lineStart..<lineEnd) { out.append(definition) }
                offset = lineEnd + 1
            }
            return out
        }
    }

    /// The line as `[label]` and `: rest` when it is a definition: `[` after at most three spaces,
    /// its first `]` after a label of at least one byte, then `:` and at least one more byte.
    private static func linkDefinition(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> (String, String)? {
        var i = line.lowerBound
        var spaces = 0
        while i < line.upperBound, bytes[i] == UInt8(ascii: " "), spaces < 3 { i += 1; spaces += 1 }
        guard i < line.upperBound, bytes[i] == UInt8(ascii: "[") else { return nil }
        guard let close = bytes[i..<line.upperBound].firstIndex(of: UInt8(ascii: "]")), close > i + 1 else { return nil }
        let colon = close + 1
        guard colon + 1 < line.upperBound, bytes[colon] == UInt8(ascii: ":") else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[i...close]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: bytes[colon..<line.upperBound]), as: UTF8.self))
    }
}
