/// One piece of template source: literal text, a `{% tag %}` or a `{{ output }}`.
struct TemplateToken {
    enum Kind { case text, tag, output }
    var kind: Kind
    /// Byte range in the source.
    var start: Int
    var end: Int
    /// Line and column of the first byte.
    var line: Int
    var column: Int
}

/// Splits template source into text, tag and output tokens the way ruby-liquid's tokenizer does:
/// a tag runs from `{%` to the next `%}`; an output from `{{` to the next `}}` — or to a lone `}`,
/// which leaves it unterminated — and an output that meets `{%` runs on to that tag's `%}`.
/// An opening without its closing is a two-byte token of its own.
struct Tokenizer {
    let source: [UInt8]
    private(set) var position = 0
    private(set) var line: Int
    /// A known column on the current line, so columns are found without rescanning the line.
    private var columnOffset = 0
    private var columnValue = 1

    init(source: [UInt8], firstLine: Int) {
        self.source = source
        self.line = firstLine
    }

    /// The 1-based column (in characters) of a byte offset on the current line.
    private mutating func column(of offset: Int) -> Int {
        var col = columnValue
        var i = columnOffset
        while i < offset {
            if source[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        columnOffset = offset
        columnValue = col
        return col
    }

    mutating func next() -> TemplateToken? {
        guard position < source.count else { return nil }
        let start = position
        let startLine = line
        let startColumn = column(of: start)
        let kind: TemplateToken.Kind
        let end: Int
        if source[start] == UInt8(ascii: "{"), start + 1 < source.count {
            let second = source[start + 1]
            if second == UInt8(ascii: "%") {
                kind = .tag
                end = tagEnd(from: start + 2) ?? (start + 2)
            } else if second == UInt8(ascii: "{") {
                kind = .output
                end = outputEnd(from: start + 2)
            } else {
                kind = .text
                end = textEnd(from: start + 1)
            }
        } else {
            kind = .text
            end = textEnd(from: start)
        }
        advance(to: end)
        return TemplateToken(kind: kind, start: start, end: end, line: startLine, column: startColumn)
    }

    private mutating func advance(to end: Int) {
        var i = position
        while i < end {
            if source[i] == UInt8(ascii: "\n") {
                line += 1
                columnOffset = i + 1
                columnValue = 1
            }
            i += 1
        }
        position = end
    }

    /// Text runs up to the next `{{` or `{%`.
    private func textEnd(from: Int) -> Int {
        var i = from
        let n = source.count
        while i + 1 < n {
            if source[i] == UInt8(ascii: "{") {
                let b = source[i + 1]
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "%") { return i }
            }
            i += 1
        }
        return n
    }

    /// The end of `%}` at or after `from`, or nil.
    private func tagEnd(from: Int) -> Int? {
        var i = from
        let n = source.count
        while i + 1 < n {
            if source[i] == UInt8(ascii: "%") && source[i + 1] == UInt8(ascii: "}") { return i + 2 }
            i += 1
        }
        return nil
    }

    private func outputEnd(from: Int) -> Int {
        var i = from
        let n = source.count
        while i < n {
            let a = source[i]
            if a == UInt8(ascii: "}") {
                if i + 1 < n && source[i + 1] == UInt8(ascii: "}") { return i + 2 }
                return i + 1
            }
            if a == UInt8(ascii: "{") && i + 1 < n && source[i + 1] == UInt8(ascii: "%") {
                return tagEnd(from: i + 2) ?? (i + 2)
            }
            i += 1
        }
        // Never closed: the opening alone, the rest stays text.
        return from
    }
}
