/// Passes kramdown runs over span trees after parsing them, and the two header-id algorithms.

/// The list-item marker on an item's first line, read as kramdown's `parse_first_list_line`.
enum ListMarker {
    /// (content after the marker with leading whitespace removed, kramdown's indentation).
    static func parse<S: StringProtocol>(_ line: S) -> (content: String, indentation: Int)? {
        let b = Array(line.utf8)
        var i = 0
        while i < b.count, i < 3, b[i] == Byte.space { i += 1 }
        guard let c = b.at(i) else { return nil }
        if c == Byte.dash || c == Byte.star || c == Byte.plus {
            i += 1
        } else if Byte.isDigit(c) {
            while i < b.count, Byte.isDigit(b[i]) { i += 1 }
            guard b.at(i) == Byte.dot else { return nil }
            i += 1
        } else {
            return nil
        }
        var rest = Array(b[i...])
        // leading tabs in the content expand to the next multiple of four
        var lead = 0
        var expanded = Bytes()
        var k = 0
        while k < rest.count, rest[k] == Byte.space || rest[k] == Byte.tab {
            if rest[k] == Byte.tab {
                let col = i + lead
                let n = 4 - (col % 4)
                expanded += Array(repeating: Byte.space, count: n); lead += n
            } else {
                expanded.append(Byte.space); lead += 1
            }
            k += 1
        }
        rest = Array(rest[k...])
        let content = String(decoding: rest, as: UTF8.self)
        let onlyIAL = rest.isEmpty || SourceLine.isBlank(content) || (content.hasPrefix("{:") && PrePass.ialLine(rest) != nil)
        let indentation = onlyIAL ? 4 : i + lead
        return (content, indentation)
    }

    /// The item's first-line content, without a leading item IAL.
    static func content<S: StringProtocol>(of line: S) -> String {
        guard let c = parse(line)?.content else { return String(line) }
        let b = Array(c.utf8)
        if b.hasPrefix("{:", at: 0), let n = b.at(2), n != Byte.slash, n != Byte.colon,
           let close = PrePass.closingBrace(b, from: 2), close > 2 {
            var j = close + 1
            while j < b.count, Byte.isSpace(b[j]) { j += 1 }
            return String(decoding: b[j...], as: UTF8.self)
        }
        return c
    }
}

/// kramdown-parser-gfm turns a backslash at the end of a line into a hard break (outside HTML
/// elements), dropping one at the very end of the block.
enum GFMLineBreaks {
    static func apply(_ spans: [Span], hardWrap: Bool, block: Bool) -> [Span] {
        let marker = hardWrap ? "\n" : "\\\n"
        var out: [Span] = []
        for (idx, s) in spans.enumerated() {
            if s.kind == .text, s.value.contains(marker) {
                let parts = s.value.components(separatedBy: marker)
                let omitLast = parts.last == "" && block && idx == spans.count - 1
                for (k, part) in parts.enumerated() {
                    let t = Span.text(k > 0 ? "\n" + part : part)
                    out.append(t)
                    if k < parts.count - 2 || (k == parts.count - 2 && !omitLast) { out.append(Span(.br)) }
                }
            } else {
                if s.kind != .htmlElement && !s.children.isEmpty {
                    s.children = apply(s.children, hardWrap: hardWrap, block: false)
                }
                out.append(s)
            }
        }
        return out
    }
}

/// `*[ABBR]: title` definitions turn matching words in text into `<abbr>`.
enum Abbreviations {
    static func apply(_ spans: [Span], _ defs: [(String, String)]) -> [Span] {
        let names = defs.map(\.0).sorted { $0.count > $1.count }
        var out: [Span] = []
        for s in spans {
            if s.kind == .text {
                out += split(s.value, names)
            } else {
                if !(s.kind == .htmlElement && s.contentModel == .raw) { s.children = apply(s.children, defs) }
                out.append(s)
            }
        }
        return out
    }

    private static func isWord(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }

    private static func split(_ text: String, _ names: [String]) -> [Span] {
        var result: [Span] = []
        var buffer = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            // an abbreviation must start at a non-word boundary and not be followed by a word char
            let prev: Character? = i > 0 ? chars[i - 1] : nil
            if !isWord(prev) || (i > 0 && !isWord(chars[i - 1])) || i == 0 {
                var matched: String? = nil
                for n in names {
                    let nc = Array(n)
                    if i + nc.count <= chars.count, Array(chars[i..<i + nc.count]) == nc,
                       !isWord(i + nc.count < chars.count ? chars[i + nc.count] : nil) {
                        matched = n; break
                    }
                }
                if let m = matched {
                    result.append(.text(buffer)); buffer = ""
                    result.append(Span(.abbreviation, m))
                    i += m.count
                    continue
                }
            }
            buffer.append(chars[i])
            i += 1
        }
        result.append(.text(buffer))
        return result.filter { $0.kind != .text || !$0.value.isEmpty }
    }
}

enum HeaderIDs {
    /// The text a header's id is made from (kramdown-parser-gfm's `update_raw_text`).
    static func rawText(_ spans: [Span]) -> String {
        var out = ""
        for s in spans {
            switch s.kind {
            case .text, .codespan, .math: out += s.value
            case .entity: out += s.entity?.character ?? ""
            case .smartQuote: out += ["\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}"][s.quote.rawValue]
            case .typographic:
                switch s.typographic {
                case .mdash: out += "\u{2014}"
                case .ndash: out += "\u{2013}"
                case .hellip: out += "\u{2026}"
                case .laquoSpace: out += "\u{AB}\u{A0}"
                case .raquoSpace: out += "\u{A0}\u{BB}"
                case .laquo: out += "\u{AB}"
                case .raquo: out += "\u{BB}"
                }
            default: out += rawText(s.children)
            }
        }
        return out
    }

    /// `generate_gfm_header_id`: lower-case, keep word characters, `-`, spaces and tabs, turn
    /// spaces and tabs into `-`, count duplicates.
    static func gfm(_ text: String, _ used: inout [String: Int]) -> String {
        var id = ""
        for ch in text.lowercased().unicodeScalars {
            if ch == " " || ch == "\t" { id += "-" }
            else if ch == "-" || ch.isWordClass { id.unicodeScalars.append(ch) }
        }
        let n = (used[id] ?? -1) + 1
        used[id] = n
        return n > 0 ? "\(id)-\(n)" : id
    }

    /// kramdown's converter `generate_id` (used inside HTML elements with `markdown="1"`).
    static func classic(_ text: String, _ used: inout [String: Int]) -> String {
        var id = ""
        var started = false
        for ch in text.unicodeScalars {
            if ch == "\n" { started = false; continue }
            let isLetter = ch.isASCII && ch.properties.isAlphabetic
            if !started { if !isLetter { continue }; started = true }
            if (ch.isASCII && (ch.properties.isAlphabetic || ("0"..."9").contains(ch))) || ch == " " || ch == "-" {
                id.unicodeScalars.append(ch == " " ? "-" : ch)
            }
        }
        id = id.lowercased()
        if id.isEmpty { id = "section" }
        if let n = used[id] {
            used[id] = n + 1
            return "\(id)-\(n + 1)"
        }
        used[id] = 0
        return id
    }
}
