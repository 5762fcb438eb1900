/// Undoes a side effect of the import guard on source maps.
///
/// With any custom importer installed, libsass stops reusing a stylesheet it has already loaded:
/// a partial imported twice is registered twice, so the map's `sources` (and `sourcesContent`)
/// list it twice and the mappings point at both copies. Without the guard (and in Jekyll) the
/// second import reuses the first registration. This rewrites libsass's map text to that shape:
/// each source once, at its first position, and every mapping segment's source index renumbered.
/// The rest of the text — libsass's own layout, one array element per line — is left as it is.
enum SourceMapDeduplication {
    static func deduplicated(_ map: String) -> String {
        guard listsASourceTwice(map) else { return map }
        // Split as bytes: the map holds every stylesheet's text, and a `Character` split of it
        // cost more than the compile's parse.
        var lines = map.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(Substring($0)) }
        guard let sources = arrayRange(named: "sources", in: lines) else { return map }
        let paths = Array(lines[sources])
        var firstIndex: [String: Int] = [:]
        var renumbered: [Int] = []
        var kept: [Int] = []
        for (index, line) in paths.enumerated() {
            let key = elementText(line)
            if let first = firstIndex[key] {
                renumbered.append(renumbered[first])
            } else {
                firstIndex[key] = index
                renumbered.append(kept.count)
                kept.append(index)
            }
        }
        guard kept.count < paths.count else { return map }

        if let contents = arrayRange(named: "sourcesContent", in: lines), contents.count == paths.count {
            let elements = Array(lines[contents])
            lines.replaceSubrange(contents, with: rejoined(kept.map { elements[$0] }))
        }
        lines.replaceSubrange(sources, with: rejoined(kept.map { paths[$0] }))
        if let index = lines.firstIndex(where: { $0.hasPrefix("\t\"mappings\": \"") }) {
            let line = lines[index]
            let start = line.index(line.startIndex, offsetBy: "\t\"mappings\": \"".count)
            guard let end = line.lastIndex(of: "\"") , end >= start else { return map }
            let mappings = renumberSources(String(line[start..<end]), using: renumbered)
            lines[index] = String(line[..<start]) + mappings + String(line[end...])
        }
        return lines.joined(separator: "\n")
    }

    /// Whether the `sources` array names a path twice, read off the text in place, without
    /// splitting it into lines or copying it: the map holds every stylesheet's text, and most
    /// list each source once (splitting the map cost the seed site's stylesheet 5 % of its
    /// compile's instructions).
    static func listsASourceTwice(_ map: String) -> Bool {
        var map = map
        return map.withUTF8 { bytes in
            let opening = Array("\n\t\"sources\": [\n".utf8)
            guard let start = firstOffset(of: opening, in: bytes) else { return false }
            var seen = Set<[UInt8]>()
            var lineStart = start + opening.count
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                var line = bytes[lineStart..<lineEnd]
                if line.starts(with: [UInt8(ascii: "\t"), UInt8(ascii: "]")]) { return false }
                while line.first == UInt8(ascii: "\t") { line = line.dropFirst() }
                if line.last == UInt8(ascii: ",") { line = line.dropLast() }
                if !seen.insert(Array(line)).inserted { return true }
                lineStart = lineEnd + 1
            }
            return false
        }
    }

    private static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = 0
        while index + needle.count <= bytes.count {
            guard let candidate = bytes[index...(bytes.count - needle.count)].firstIndex(of: first) else { return nil }
            if bytes[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// The element lines of `"name": [` … `]` (tab-indented as libsass writes it).
    private static func arrayRange(named name: String, in lines: [String]) -> Range<Int>? {
        guard let open = lines.firstIndex(of: "\t\"\(name)\": [") else { return nil }
        guard let close = lines[(open + 1)...].firstIndex(where: { $0.hasPrefix("\t]") }) else { return nil }
        return (open + 1)..<close
    }

    /// An element line without its indentation and trailing comma.
    private static func elementText(_ line: String) -> String {
        var text = Substring(line).drop { $0 == "\t" }
        if text.hasSuffix(",") { text = text.dropLast() }
        return String(text)
    }

    /// Elements again, every one but the last followed by a comma.
    private static func rejoined(_ elements: [String]) -> [String] {
        elements.enumerated().map { index, line in
            let bare = "\t\t" + elementText(line)
            return index == elements.count - 1 ? bare : bare + ","
        }
    }

    /// Rewrites the second field (source index, relative to the previous segment's) of every
    /// segment; the other fields are relative to their own previous values and stay as written.
    static func renumberSources(_ mappings: String, using renumbered: [Int]) -> String {
        var output = ""
        output.reserveCapacity(mappings.utf8.count)
        var oldSource = 0, newSource = 0
        for (lineIndex, line) in mappings.split(separator: ";", omittingEmptySubsequences: false).enumerated() {
            if lineIndex > 0 { output += ";" }
            for (segmentIndex, segment) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                if segmentIndex > 0 { output += "," }
                var fields = VLQ.decode(segment)
                if fields.count >= 4 {
                    oldSource += fields[1]
                    let target = oldSource >= 0 && oldSource < renumbered.count ? renumbered[oldSource] : oldSource
                    fields[1] = target - newSource
                    newSource = target
                    output += VLQ.encode(fields)
                } else {
                    output += segment
                }
            }
        }
        return output
    }
}

/// Base64 variable-length quantities, as source maps write numbers.
enum VLQ {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [Int] = {
        var table = [Int](repeating: -1, count: 128)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = value }
        return table
    }()

    static func decode(_ text: Substring) -> [Int] {
        var numbers: [Int] = []
        var value = 0, shift = 0
        for byte in text.utf8 {
            let digit = byte < 128 ? values[Int(byte)] : -1
            if digit < 0 { return [] }
            value += (digit & 31) << shift
            if digit & 32 != 0 {
                shift += 5
            } else {
                numbers.append(value & 1 == 1 ? -(value >> 1) : value >> 1)
                value = 0
                shift = 0
            }
        }
        return numbers
    }

    static func encode(_ numbers: [Int]) -> String {
        var bytes: [UInt8] = []
        for number in numbers {
            var value = number < 0 ? ((-number) << 1) | 1 : number << 1
            repeat {
                var digit = value & 31
                value >>= 5
                if value > 0 { digit |= 32 }
                bytes.append(alphabet[digit])
            } while value > 0
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
