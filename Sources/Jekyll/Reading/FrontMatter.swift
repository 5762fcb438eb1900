#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ValidUTF8

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
        // Scanned as bytes: walking `String.UTF8View` indices cost ~15,000 instructions a post.
        var contiguous = text  // not copied: `withUTF8` copies only a string not stored as UTF-8
        guard let found = contiguous.withUTF8({ offsets(in: $0) }) else { return nil }
        let utf8 = contiguous.utf8
        let yamlEnd = utf8.index(utf8.startIndex, offsetBy: found.yamlEnd)
        let bodyStart = utf8.index(utf8.startIndex, offsetBy: found.bodyStart)
        return FrontMatterSplit(yaml: contiguous[..<yamlEnd], body: contiguous[bodyStart...], bodyLine: found.bodyLine)
    }

    /// What `split` makes of a file known by its first bytes only (`FileSystem.readHeadAndText`).
    public enum HeadSplit: Equatable, Sendable {
        /// The front matter ends at `yamlEnd` (the start of its closing line), the body starts at
        /// `bodyStart` on line `bodyLine`, and the bytes before the body are UTF-8.
        case found(yamlEnd: Int, bodyStart: Int, bodyLine: Int)
        /// The closing line, or the whitespace after it, may go on past these bytes.
        case needMore
        /// No front matter, a byte order mark, or front matter that is not UTF-8: for the
        /// whole-file path, which drops the mark and reports the bytes.
        case decline
    }

    /// `split` from a file's first bytes: the same split once the closing line and the whitespace
    /// after it end inside them (`isWholeFile`: they are all the file has).
    public static func split(head: UnsafeBufferPointer<UInt8>, isWholeFile: Bool) -> HeadSplit {
        guard head.count >= 3 else { return isWholeFile ? .decline : .needMore }
        guard head[0] == UInt8(ascii: "-"), head[1] == UInt8(ascii: "-"), head[2] == UInt8(ascii: "-") else {
            return .decline
        }
        guard let found = offsets(in: head) else { return isWholeFile ? .decline : .needMore }
        if !isWholeFile {
            var end = found.yamlEnd + 3
            while end < head.count, isRubySpace(head[end]) { end += 1 }
            if end == head.count { return .needMore }
        }
        let frontMatter = UnsafeBufferPointer(rebasing: head[..<found.bodyStart])
        if !UnsafeRawBufferPointer(frontMatter).isAllASCII, String(validating: frontMatter, as: UTF8.self) == nil {
            return .decline
        }
        return .found(yamlEnd: found.yamlEnd, bodyStart: found.bodyStart, bodyLine: found.bodyLine)
    }

    /// Where the front matter ends (the start of its closing line), where the body starts, and
    /// the body's line.
    static func offsets(in bytes: UnsafeBufferPointer<UInt8>) -> (yamlEnd: Int, bodyStart: Int, bodyLine: Int)? {
        var i = 0
        for _ in 0..<3 {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "-") else { return nil }
            i += 1
        }
        // The opening: whitespace up to (and including) its last newline.
        var lastNewline: Int?
        // The newlines before `lineStart`: the opening's, then one for each line passed.
        var newlines = 0
        while i < bytes.count, isRubySpace(bytes[i]) {
            if bytes[i] == UInt8(ascii: "\n") {
                lastNewline = i
                newlines += 1
            }
            i += 1
        }
        guard let openingEnd = lastNewline.map({ $0 + 1 }) else { return nil }
        // Each line start from there on is a candidate for the closing line, found by `memchr`
        // (walking slices of the bytes with `firstIndex(of:)` cost ~9 instructions a byte); the
        // lines are counted as they are passed, not by a second pass over the front matter.
        let base = bytes.baseAddress!
        var lineStart = openingEnd
        while true {
            if let closingEnd = closingLineEnd(bytes, at: lineStart) {
                for i in lineStart..<closingEnd { newlines &+= base[i] == UInt8(ascii: "\n") ? 1 : 0 }
                return (lineStart, closingEnd, newlines + 1)
            }
            guard lineStart < bytes.count,
                  let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart) else { return nil }
            lineStart = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
            newlines += 1
        }
    }

    /// Where a closing `---`/`...` line starting at `start` ends (after the last newline of the
    /// whitespace that follows it), or nil when the line is not a closing line.
    private static func closingLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var i = start
        guard i < bytes.count else { return nil }
        let marker = bytes[i]
        guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: ".") else { return nil }
        for _ in 0..<3 {
            guard i < bytes.count, bytes[i] == marker else { return nil }
            i += 1
        }
        var lastNewline: Int?
        while i < bytes.count, isRubySpace(bytes[i]) {
            if bytes[i] == UInt8(ascii: "\n") { lastNewline = i }
            i += 1
        }
        if i == bytes.count { return i }
        return lastNewline.map { $0 + 1 }
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
