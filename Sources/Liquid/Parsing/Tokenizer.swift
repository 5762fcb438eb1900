#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One piece of template source: literal text, a `{% tag %}` or a `{{ output }}`.
struct TemplateToken {
    enum Kind { case text, tag, output }
    var kind: Kind
    /// Byte range in the source.
    var start: Int
    var end: Int
    /// Line and column of the first byte (the column is 0 for text, which never needs one).
    var line: Int
    var column: Int
}

/// Splits template source into text, tag and output tokens the way ruby-liquid 5.4's tokenizer
/// does: a tag runs from `{%` to the next `%}`; an output from `{{` to the next `}` (and one more
/// `}` right after it; a lone `}` leaves the output unterminated). An opening without its closing
/// is a two-byte token of its own.
struct Tokenizer {
    let source: [UInt8]
    private(set) var position = 0
    private(set) var line: Int
    /// Offset just after the last newline before `position`.
    private var lineStart = 0
    /// A known column on the current line, so columns are found without rescanning the line.
    private var columnOffset = 0
    private var columnValue = 1

    init(source: [UInt8], firstLine: Int) {
        self.source = source
        self.line = firstLine
    }

    /// The 1-based column (in characters) of a byte offset on the current line.
    private mutating func column(of offset: Int) -> Int {
        if columnOffset < lineStart {
            columnOffset = lineStart
            columnValue = 1
        }
        var col = columnValue
        source.withUnsafeBufferPointer { b in
            var i = columnOffset
            while i < offset {
                if b[i] & 0xC0 != 0x80 { col += 1 }
                i += 1
            }
        }
        columnOffset = offset
        columnValue = col
        return col
    }

    mutating func next() -> TemplateToken? {
        guard position < source.count else { return nil }
        let start = position
        let startLine = line
        if source[start] == UInt8(ascii: "{"), start + 1 < source.count {
            let second = source[start + 1]
            if second == UInt8(ascii: "%") || second == UInt8(ascii: "{") {
                let column = column(of: start)
                let kind: TemplateToken.Kind = second == UInt8(ascii: "%") ? .tag : .output
                let end = kind == .tag ? (tagEnd(from: start + 2) ?? (start + 2)) : outputEnd(from: start + 2)
                countLines(to: end)
                return TemplateToken(kind: kind, start: start, end: end, line: startLine, column: column)
            }
        }
        // Text runs up to the next `{{` or `{%`, counting lines on the way.
        let end = scanText(from: start)
        return TemplateToken(kind: .text, start: start, end: end, line: startLine, column: 0)
    }

    private mutating func scanText(from start: Int) -> Int {
        var newlines = 0
        var lastNewline = -1
        let end = source.withUnsafeBufferPointer { b -> Int in
            let n = b.count
            guard let base = b.baseAddress else { return n }
            // Find each `{` with memchr; stop at one that opens a tag or an output.
            var i = start
            var end = n
            while i < n {
                guard let p = memchr(base + i, Int32(UInt8(ascii: "{")), n - i) else { break }
                let j = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                if j + 1 < n, b[j + 1] == UInt8(ascii: "{") || b[j + 1] == UInt8(ascii: "%") {
                    // (never at `start`: next() only scans text that does not open a tag)
                    end = j
                    break
                }
                i = j + 1
            }
            // Count the lines of the text, newline to newline with memchr.
            var k = start
            while k < end, let p = memchr(base + k, Int32(UInt8(ascii: "\n")), end - k) {
                let j = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                newlines += 1
                lastNewline = j
                k = j + 1
            }
            return end
        }
        line += newlines
        if lastNewline >= 0 { lineStart = lastNewline + 1 }
        position = end
        return end
    }

    private mutating func countLines(to end: Int) {
        source.withUnsafeBufferPointer { b in
            var i = position
            while i < end {
                if b[i] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
        }
        position = end
    }

    /// The end of `%}` at or after `from`, or nil.
    private func tagEnd(from: Int) -> Int? {
        source.withUnsafeBufferPointer { b in
            var i = from
            while i + 1 < b.count {
                if b[i] == UInt8(ascii: "%") && b[i + 1] == UInt8(ascii: "}") { return i + 2 }
                i += 1
            }
            return nil
        }
    }

    /// ruby-liquid 5.4's `{{.*?}}?`: up to the first `}`, and a second one right after it.
    private func outputEnd(from: Int) -> Int {
        source.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress,
                let p = memchr(base + from, Int32(UInt8(ascii: "}")), b.count - from)
            else {
                // Never closed: the opening alone, the rest stays text.
                return from
            }
            let i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            return i + 1 < b.count && b[i + 1] == UInt8(ascii: "}") ? i + 2 : i + 1
        }
    }
}
