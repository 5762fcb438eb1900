/// Splitting a file into YAML front matter and body exactly where Jekyll splits it: the file starts
/// with `---` and whitespace up to a newline; the front matter ends at the first later line that is
/// `---` or `...` followed only by whitespace; that whitespace, blank lines included, is not part of
/// the body.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The front matter text including the opening `---` line (what Jekyll hands to YAML).
    public var yaml: Substring
    /// Everything after the closing line.
    public var body: Substring
    /// The 1-based line of the file on which the body starts.
    public var bodyLine: Int

    /// Splits `text` (with any byte order mark already removed); nil when it has no front matter.
    public static func split(_ text: String) -> FrontMatterSplit? {
        let utf8 = text.utf8
        var i = utf8.startIndex
        for _ in 0..<3 {
            guard i < utf8.endIndex, utf8[i] == UInt8(ascii: "-") else { return nil }
            i = utf8.index(after: i)
        }
        // The opening: whitespace up to (and including) its last newline.
        var lastNewline: String.UTF8View.Index?
        while i < utf8.endIndex, isRubySpace(utf8[i]) {
            if utf8[i] == UInt8(ascii: "\n") { lastNewline = i }
            i = utf8.index(after: i)
        }
        guard let openingEnd = lastNewline.map({ utf8.index(after: $0) }) else { return nil }
        // Each line start from there on is a candidate for the closing line.
        var lineStart = openingEnd
        while true {
            if let closingEnd = closingLineEnd(utf8, at: lineStart) {
                let newlines = utf8[utf8.startIndex..<closingEnd].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                return FrontMatterSplit(yaml: text[text.startIndex..<lineStart], body: text[closingEnd...],
                                        bodyLine: newlines + 1)
            }
            guard let nl = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lineStart = utf8.index(after: nl)
        }
    }

    /// Where a closing `---`/`...` line starting at `start` ends (after the last newline of the
    /// whitespace that follows it), or nil when the line is not a closing line.
    private static func closingLineEnd(_ utf8: String.UTF8View, at start: String.UTF8View.Index) -> String.UTF8View.Index? {
        var i = start
        guard i < utf8.endIndex else { return nil }
        let marker = utf8[i]
        guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: ".") else { return nil }
        for _ in 0..<3 {
            guard i < utf8.endIndex, utf8[i] == marker else { return nil }
            i = utf8.index(after: i)
        }
        var lastNewline: String.UTF8View.Index?
        while i < utf8.endIndex, isRubySpace(utf8[i]) {
            if utf8[i] == UInt8(ascii: "\n") { lastNewline = i }
            i = utf8.index(after: i)
        }
        if i == utf8.endIndex { return i }
        return lastNewline.map { utf8.index(after: $0) }
    }

    /// Ruby's `\s`: space, `\t`, `\n`, `\v`, `\f`, `\r`.
    static func isRubySpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// Jekyll's test for whether a file is a page rather than a static file: its first line is `---`
    /// followed by optional whitespace (the raw bytes, so a byte order mark makes it a static file).
    public static func hasFrontMatter(firstBytes bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4, bytes[0] == 0x2D, bytes[1] == 0x2D, bytes[2] == 0x2D else { return false }
        // `\A---\s*\r?\n` on the first line (up to and including its first newline).
        var i = 3
        while i < bytes.count, bytes[i] != 0x0A {
            guard isRubySpace(bytes[i]) else { return false }
            i += 1
        }
        return i < bytes.count
    }
}
