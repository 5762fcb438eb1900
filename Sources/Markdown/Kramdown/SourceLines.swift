/// One line as cmark-gfm is given it, with kramdown's view of the same line beside it.
struct SourceLine {
    /// What cmark-gfm parses (placeholders and markers already put in).
    var cmark: String
    /// The line as written, which the emitter reads text from.
    var raw: String
    /// A real blank line of the source (whitespace only); inserted separator lines are not.
    var blank: Bool

    init(_ raw: String, cmark: String? = nil, blank: Bool? = nil) {
        self.raw = raw
        self.cmark = cmark ?? raw
        self.blank = blank ?? SourceLine.isBlank(raw)
    }

    static func isBlank<S: StringProtocol>(_ s: S) -> Bool {
        s.utf8.allSatisfy { Byte.isSpace($0) }
    }
}

/// What a placeholder line stands for. Placeholders are HTML comments with a private-use
/// character, `<!--\u{E000}n-->`: cmark-gfm ends such an HTML block on its own line, so the next
/// line starts a new block, which is what kramdown does after these constructs.
enum Placeholder {
    case html(HTMLNode, forceBlank: Bool)
    case xmlComment(String)
    case ial(IAL)
    case nothing
    case comment(String)
    case nomarkdown(String, types: [String])
    case math(String)
    case abbreviation
    case linkDefinition
    case table(TableSource)
}

/// A kramdown table found by the pre-pass: its rows as raw lines.
struct TableSource {
    var lines: [String]
    var ial: IAL?
}

enum Marker {
    static let scalar: Unicode.Scalar = "\u{E000}"
    static let string = "\u{E000}"
    static let placeholderPrefix = "<!--\u{E000}"

    static func placeholderIndex(_ literal: String) -> Int? {
        guard let r = literal.range(of: placeholderPrefix) else { return nil }
        var digits = ""
        for ch in literal[r.upperBound...] {
            if ch.isASCII && ch.isNumber { digits.append(ch) } else { break }
        }
        return Int(digits)
    }
}
