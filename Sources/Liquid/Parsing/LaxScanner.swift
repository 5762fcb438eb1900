/// The building blocks of ruby-liquid's lax parser, which reads markup with regular expressions.
/// Each function matches what one of those expressions matches, written as a scanner over bytes.
struct LaxScanner {
    let bytes: [UInt8]

    init(_ markup: String) {
        bytes = bytesOf(markup)
    }

    init(_ markup: Substring) {
        bytes = bytesOf(markup)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var count: Int { bytes.count }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func isQuote(_ c: UInt8) -> Bool { c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") }

    /// A quoted string `'…'` or `"…"` at `i` (no escapes): its end, or nil.
    func quotedStringEnd(at i: Int) -> Int? {
        guard i < count, isQuote(bytes[i]) else { return nil }
        var j = i + 1
        while j < count && bytes[j] != bytes[i] { j += 1 }
        return j < count ? j + 1 : nil
    }

    /// ruby-liquid's `QuotedFragment` at `i`: a quoted string, or a run of characters other than
    /// whitespace, `,`, `|` and quotes, possibly with quoted strings inside.
    func fragmentEnd(at i: Int) -> Int? {
        guard i < count else { return nil }
        if isQuote(bytes[i]) { return quotedStringEnd(at: i) }
        var j = i
        while j < count {
            let c = bytes[j]
            if isQuote(c) {
                guard let e = quotedStringEnd(at: j) else { break }
                j = e
            } else if isRubySpace(c) || c == UInt8(ascii: ",") || c == UInt8(ascii: "|") {
                break
            } else {
                j += 1
            }
        }
        return j > i ? j : nil
    }

    /// One or more fragments back to back (`QuotedFragment+`).
    func fragmentsEnd(at i: Int) -> Int? {
        guard var j = fragmentEnd(at: i) else { return nil }
        while let e = fragmentEnd(at: j) { j = e }
        return j
    }

    /// The first fragment at or after `from`.
    func searchFragment(from: Int) -> Range<Int>? {
        var i = from
        while i < count {
            if let e = fragmentEnd(at: i) { return i..<e }
            i += 1
        }
        return nil
    }

    func skipSpace(_ i: Int) -> Int {
        var j = i
        while j < count && isRubySpace(bytes[j]) { j += 1 }
        return j
    }

    func wordEnd(at i: Int, allowHyphen: Bool = true) -> Int {
        var j = i
        while j < count && (isWordByte(bytes[j]) || (allowHyphen && bytes[j] == UInt8(ascii: "-"))) { j += 1 }
        return j
    }

    /// `scan(TagAttributes)`: every `key: fragment` pair in the markup, in order.
    func tagAttributes(from start: Int = 0) -> [(key: String, value: String)] {
        var result: [(String, String)] = []
        var i = start
        while i < count {
            if isWordByte(bytes[i]) {
                let keyEnd = wordEnd(at: i + 1)
                let colon = skipSpace(keyEnd)
                if colon < count, bytes[colon] == UInt8(ascii: ":") {
                    let valueStart = skipSpace(colon + 1)
                    if let valueEnd = fragmentEnd(at: valueStart) {
                        result.append((text(i..<keyEnd), text(valueStart..<valueEnd)))
                        i = valueEnd
                        continue
                    }
                }
            }
            i += 1
        }
        return result
    }
}

extension LaxScanner {
    /// `Expression.parse` of ruby-liquid's lax mode: a literal if the whole markup is one, a range
    /// `(a..b)`, otherwise a variable path picked out of the markup.
    static func expression(_ markup: String) -> Expression {
        expression(markup, depth: 0)
    }

    static func expression(_ markup: String, depth: Int) -> Expression {
        // Deeper nesting than anyone writes is read as nothing (nil) rather than recursed into.
        if depth > ExpressionParser.maxDepth { return .literal(.nil) }
        let trimmed = markup.rubyStripped
        let bytes = bytesOf(trimmed)
        if bytes.count >= 2, let first = bytes.first, first == bytes.last,
            first == UInt8(ascii: "'") || first == UInt8(ascii: "\"")
        {
            return .literal(.string(String(decoding: bytes[1..<(bytes.count - 1)], as: UTF8.self)))
        }
        if bytes.count == 1, bytes[0] == UInt8(ascii: "'") || bytes[0] == UInt8(ascii: "\"") {
            return .literal(.string(""))
        }
        if isIntegerLiteral(bytes) { return .literal(ExpressionParser.number(trimmed)) }
        if let (a, b) = rangeParts(bytes) {
            return Expression.makeRange(expression(a, depth: depth + 1), expression(b, depth: depth + 1))
        }
        if isFloatLiteral(bytes) { return .literal(.float(RubyNumber.stringToF(trimmed))) }
        if trimmed.isEmpty { return .literal(.nil) }
        if let literal = ExpressionParser.keywordLiteral(trimmed) { return literal }
        return .variable(variableLookup(bytes, depth: depth))
    }

    /// `\A-?\d+\z`
    static func isIntegerLiteral(_ b: [UInt8]) -> Bool {
        var i = 0
        if i < b.count && b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { return false }
        return b[i...].allSatisfy(isDigit)
    }

    /// `\A-?\d[\d.]+\z`
    static func isFloatLiteral(_ b: [UInt8]) -> Bool {
        var i = 0
        if i < b.count && b[i] == UInt8(ascii: "-") { i += 1 }
        guard i + 1 < b.count, isDigit(b[i]) else { return false }
        return b[(i + 1)...].allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") }
    }

    /// `\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z`: the two ends of a range literal.
    static func rangeParts(_ b: [UInt8]) -> (String, String)? {
        guard b.count >= 5, b.first == UInt8(ascii: "("), b.last == UInt8(ascii: ")") else { return nil }
        var i = 1
        while i < b.count && isRubySpace(b[i]) { i += 1 }
        var runEnd = i
        while runEnd < b.count && !isRubySpace(b[runEnd]) { runEnd += 1 }
        // The longest non-space start followed by optional space and "..".
        var startEnd = runEnd
        var dots = -1
        while startEnd > i {
            var k = startEnd
            while k < b.count && isRubySpace(b[k]) { k += 1 }
            if k + 1 < b.count, b[k] == UInt8(ascii: "."), b[k + 1] == UInt8(ascii: ".") {
                dots = k
                break
            }
            startEnd -= 1
        }
        guard dots >= 0 else { return nil }
        var j = dots + 2
        while j < b.count && isRubySpace(b[j]) { j += 1 }
        var endEnd = b.count - 1
        while endEnd > j && isRubySpace(b[endEnd - 1]) { endEnd -= 1 }
        guard endEnd > j, !b[j..<endEnd].contains(where: isRubySpace) else { return nil }
        return (String(decoding: b[i..<startEnd], as: UTF8.self), String(decoding: b[j..<endEnd], as: UTF8.self))
    }

    /// A variable path from `[…]` and `word` pieces; anything else in the markup is skipped.
    static func variableLookup(_ b: [UInt8], depth: Int) -> VariableLookup {
        var parts: [VariableLookup.Lookup] = []
        var name: VariableLookup.Name?
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "[") {
                guard let close = matchingBracket(b, from: i) else {
                    i += 1
                    continue
                }
                let inner = expression(String(decoding: b[(i + 1)..<close], as: UTF8.self), depth: depth + 1)
                if name == nil { name = .computed(inner) } else { parts.append(.index(inner)) }
                i = close + 1
            } else if isWordByte(c) || c == UInt8(ascii: "-") {
                var j = i
                while j < b.count && (isWordByte(b[j]) || b[j] == UInt8(ascii: "-")) { j += 1 }
                if j < b.count && b[j] == UInt8(ascii: "?") { j += 1 }
                let word = String(decoding: b[i..<j], as: UTF8.self)
                if name == nil { name = .identifier(word) } else { parts.append(VariableLookup.lookup(forKey: word)) }
                i = j
            } else {
                i += 1
            }
        }
        return VariableLookup(name: name ?? .identifier(""), lookups: parts)
    }

    /// The `]` closing the `[` at `from`, skipping nested brackets and quoted strings.
    static func matchingBracket(_ b: [UInt8], from: Int) -> Int? {
        var depth = 0
        var i = from
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                var j = i + 1
                while j < b.count && b[j] != c { j += 1 }
                i = j + 1
                continue
            }
            if c == UInt8(ascii: "[") { depth += 1 }
            if c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return i > from + 1 ? i : nil }
            }
            i += 1
        }
        return nil
    }
}
