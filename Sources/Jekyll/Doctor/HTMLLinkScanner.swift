/// Finds the `href` and `src` attributes of the tags in an HTML document, with where each value
/// starts. A small tokenizer, not a parser: it skips comments, doctypes and processing instructions,
/// and the raw text of `script`, `style`, `textarea` and `title` (whose `<` start no tags), reads
/// attribute values quoted or not, and decodes the character references that matter in URLs.
struct HTMLLinkScanner {
    struct Link: Equatable {
        /// Lowercased: `a`, `img`, `link` …
        var tag: String
        /// `href` or `src`.
        var attribute: String
        var value: String
        /// 1-based, of the value's first character.
        var line: Int
        var column: Int
    }

    static let linkAttributes: Set<String> = ["href", "src"]
    static let rawTextElements: Set<String> = ["script", "style", "textarea", "title", "xmp"]

    private let bytes: [UInt8]
    private var lineStarts: [Int] = [0]

    init(_ html: [UInt8]) {
        bytes = html
        for (i, b) in html.enumerated() where b == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
    }

    func links() -> [Link] {
        var found: [Link] = []
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if startsWith("<!--", at: i) {
                i = indexAfter("-->", from: i + 4)
            } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
                i = indexAfter(">", from: i + 2)
            } else if isLetter(next) {
                let (tag, end) = readTag(at: i + 1, into: &found)
                i = end
                if Self.rawTextElements.contains(tag) { i = endOfRawText(tag, from: i) }
            } else {
                i += 1
            }
        }
        return found
    }

    /// Reads a start tag from its name to its `>`; returns the lowercased name and the index after.
    private func readTag(at start: Int, into found: inout [Link]) -> (String, Int) {
        var i = start
        let n = bytes.count
        while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
        let tag = lowercased(start, i)
        while i < n {
            while i < n, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
            guard i < n, bytes[i] != UInt8(ascii: ">") else { break }
            let nameStart = i
            while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                  !(bytes[i] == UInt8(ascii: "/") && i > nameStart) { i += 1 }
            if i == nameStart { i += 1; continue }
            let name = lowercased(nameStart, i)
            var j = i
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n else { i = j; break }
            let valueStart: Int, valueEnd: Int
            if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                let quote = bytes[j]
                valueStart = j + 1
                var k = valueStart
                while k < n, bytes[k] != quote { k += 1 }
                valueEnd = k
                i = min(k + 1, n)
            } else {
                valueStart = j
                var k = j
                while k < n, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">") { k += 1 }
                valueEnd = k
                i = k
            }
            if Self.linkAttributes.contains(name) {
                let (line, column) = position(of: valueStart)
                let value = Self.decodeCharacterReferences(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
                found.append(Link(tag: tag, attribute: name, value: value, line: line, column: column))
            }
        }
        return (tag, min(i + 1, n))
    }

    /// The index after `</tag` … `>` (case-insensitive), or the end.
    private func endOfRawText(_ tag: String, from start: Int) -> Int {
        var i = start
        let closing = Array("</\(tag)".utf8)
        while i + closing.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "<"), lowercased(i, i + closing.count) == String(decoding: closing, as: UTF8.self) {
                return indexAfter(">", from: i + closing.count)
            }
            i += 1
        }
        return bytes.count
    }

    /// Line and column (1-based, in bytes) of an index.
    func position(of index: Int) -> (Int, Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return (low + 1, index - lineStarts[low] + 1)
    }

    private func startsWith(_ text: String, at i: Int) -> Bool {
        let count = text.utf8.count
        return i + count <= bytes.count && bytes[i..<i + count].elementsEqual(text.utf8)
    }

    private func indexAfter(_ text: String, from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            if startsWith(text, at: i) { return i + text.utf8.count }
            i += 1
        }
        return bytes.count
    }

    private func lowercased(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// `&amp;`, `&quot;`, `&apos;`, `&lt;`, `&gt;` and numeric references; others stay as written.
    static func decodeCharacterReferences(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semi) <= 10 else {
                out += "&"; rest = after; continue
            }
            let name = after[..<semi]
            var decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}
