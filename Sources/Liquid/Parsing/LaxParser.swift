/// ruby-liquid's lax parsing of outputs and conditions: whatever can be picked out of the markup
/// is used, the rest ignored.
enum LaxParser {
    /// `Variable#lax_parse`: the first fragment is the expression; after the first `|`, each run of
    /// fragments is a filter named by its first word, with the fragments after `:` and `,` as arguments.
    static func filteredExpression(_ markup: String, environment: LiquidEnvironment) -> FilteredExpression {
        let s = LaxScanner(markup)
        guard let nameRange = s.searchFragment(from: 0) else {
            return FilteredExpression(expression: nil, filters: [])
        }
        let expression = LaxScanner.expression(s.text(nameRange))
        var filters: [FilterCall] = []
        if let pipe = s.bytes[nameRange.upperBound...].firstIndex(of: UInt8(ascii: "|")) {
            let start = s.skipSpace(pipe + 1)
            for chunk in filterChunks(s, from: start) {
                guard let call = filterCall(s, chunk, environment: environment) else { continue }
                filters.append(call)
            }
        }
        return FilteredExpression(expression: expression, filters: filters)
    }

    /// `scan(/(?:\s+|QuotedFragment|,)+/)`: maximal runs of whitespace, fragments and commas.
    private static func filterChunks(_ s: LaxScanner, from: Int) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var i = from
        while i < s.count {
            var j = i
            while j < s.count {
                let c = s.bytes[j]
                if isRubySpace(c) || c == UInt8(ascii: ",") {
                    j += 1
                } else if let e = s.fragmentEnd(at: j) {
                    j = e
                } else {
                    break
                }
            }
            if j > i {
                chunks.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return chunks
    }

    private static func filterCall(_ s: LaxScanner, _ chunk: Range<Int>, environment: LiquidEnvironment) -> FilterCall? {
        guard let nameStart = s.bytes[chunk].firstIndex(where: isWordByte) else { return nil }
        var nameEnd = nameStart
        while nameEnd < chunk.upperBound && isWordByte(s.bytes[nameEnd]) { nameEnd += 1 }
        let name = s.text(nameStart..<nameEnd)
        var args: [Expression] = []
        var kwargs: [(String, Expression)] = []
        for arg in filterArguments(s, in: chunk) {
            if let (key, value) = keywordArgument(arg) {
                kwargs.append((key, LaxScanner.expression(value)))
            } else {
                args.append(LaxScanner.expression(arg))
            }
        }
        return environment.filterCall(name, args, kwargs)
    }

    /// `scan(/(?::|,)\s*((?:\w+\s*\:\s*)?QuotedFragment)/)` within one filter's text.
    private static func filterArguments(_ s: LaxScanner, in chunk: Range<Int>) -> [String] {
        var args: [String] = []
        var i = chunk.lowerBound
        let sub = LaxScanner(bytes: Array(s.bytes[chunk]))
        i = 0
        while i < sub.count {
            let c = sub.bytes[i]
            guard c == UInt8(ascii: ":") || c == UInt8(ascii: ",") else {
                i += 1
                continue
            }
            let start = sub.skipSpace(i + 1)
            var end: Int?
            if start < sub.count, isWordByte(sub.bytes[start]) {
                var w = start
                while w < sub.count && isWordByte(sub.bytes[w]) { w += 1 }
                let colon = sub.skipSpace(w)
                if colon < sub.count, sub.bytes[colon] == UInt8(ascii: ":") {
                    end = sub.fragmentEnd(at: sub.skipSpace(colon + 1))
                }
            }
            if end == nil { end = sub.fragmentEnd(at: start) }
            if let end {
                args.append(sub.text(start..<end))
                i = end
            } else {
                i += 1
            }
        }
        return args
    }

    /// `\A(\w[\w-]*)\s*:\s*(QuotedFragment)\z`
    private static func keywordArgument(_ arg: String) -> (String, String)? {
        let s = LaxScanner(arg)
        guard s.count > 0, isWordByte(s.bytes[0]) else { return nil }
        let keyEnd = s.wordEnd(at: 1)
        let colon = s.skipSpace(keyEnd)
        guard colon < s.count, s.bytes[colon] == UInt8(ascii: ":") else { return nil }
        let valueStart = s.skipSpace(colon + 1)
        guard let valueEnd = s.fragmentEnd(at: valueStart), valueEnd == s.count else { return nil }
        return (s.text(0..<keyEnd), s.text(valueStart..<valueEnd))
    }

    // MARK: Conditions

    /// `If#lax_parse`: the markup is cut into comparisons and `and`/`or` words; each comparison is
    /// `fragment operator fragment`, where the operator is any run of `=!<>a-z_`.
    static func condition(_ markup: String) throws -> Condition {
        let s = LaxScanner(markup)
        var pieces: [(isOperator: Bool, text: String)] = []
        var i = 0
        while i < s.count {
            if let end = logicalOperatorEnd(s, at: i) {
                pieces.append((true, s.text(i..<end)))
                i = end
                continue
            }
            var j = i
            var matched = false
            while true {
                let k = s.skipSpace(j)
                guard k < s.count, logicalOperatorEnd(s, at: k) == nil else { break }
                var e = s.fragmentEnd(at: k)
                if e == nil {
                    var n = k
                    while n < s.count && !isRubySpace(s.bytes[n]) { n += 1 }
                    e = n > k ? n : nil
                }
                guard let end = e else { break }
                j = s.skipSpace(end)
                matched = true
            }
            if matched {
                pieces.append((false, s.text(i..<j)))
                i = j
            } else {
                i += 1
            }
        }
        let syntaxError = LiquidError.syntax("Syntax Error in tag 'if' - Valid syntax: if [expression]")
        guard let last = pieces.popLast(), !last.isOperator, let lastComparison = comparison(last.text) else {
            throw syntaxError
        }
        var comparisons = [lastComparison]
        var relations: [Condition.Relation] = []
        while let op = pieces.popLast() {
            guard let piece = pieces.popLast(), let c = comparison(piece.text) else { throw syntaxError }
            let word = op.text.rubyStripped
            guard word == "and" || word == "or" else { throw syntaxError }
            comparisons.insert(c, at: 0)
            relations.insert(word == "and" ? .and : .or, at: 0)
        }
        return Condition(comparisons: comparisons, relations: relations)
    }

    /// `\b(?:\s?and\s?|\s?or\s?)\b` at `i`.
    private static func logicalOperatorEnd(_ s: LaxScanner, at i: Int) -> Int? {
        func boundary(_ k: Int) -> Bool {
            let before = k > 0 && isWordByte(s.bytes[k - 1])
            let after = k < s.count && isWordByte(s.bytes[k])
            return before != after
        }
        guard boundary(i) else { return nil }
        for word in ["and", "or"] {
            var starts = [i]
            if i < s.count, isRubySpace(s.bytes[i]) { starts.insert(i + 1, at: 0) }
            for k in starts {
                let w = Array(word.utf8)
                guard k + w.count <= s.count, Array(s.bytes[k..<(k + w.count)]) == w else { continue }
                let e = k + w.count
                if e < s.count, isRubySpace(s.bytes[e]), boundary(e + 1) { return e + 1 }
                if boundary(e) { return e }
            }
        }
        return nil
    }

    /// `(QuotedFragment)\s*([=!<>a-z_]+)?\s*(QuotedFragment)?`, searched in the piece.
    static func comparison(_ text: String) -> Condition.Comparison? {
        let s = LaxScanner(text)
        guard let left = s.searchFragment(from: 0) else { return nil }
        var i = s.skipSpace(left.upperBound)
        var op: String?
        let opStart = i
        while i < s.count {
            let c = s.bytes[i]
            let isOp = c == UInt8(ascii: "=") || c == UInt8(ascii: "!") || c == UInt8(ascii: "<")
                || c == UInt8(ascii: ">") || (c >= 97 && c <= 122) || c == 95
            guard isOp else { break }
            i += 1
        }
        if i > opStart { op = s.text(opStart..<i) } else { i = left.upperBound }
        var right: Expression?
        if op != nil {
            let r = s.skipSpace(i)
            if let e = s.fragmentEnd(at: r) { right = conditionOperand(s.text(r..<e)) }
        }
        return Condition.Comparison(left: conditionOperand(s.text(left)), op: op.map(Condition.Operator.init), right: right)
    }

    /// `Condition.parse_expression`: `blank` and `empty` are special only when written alone.
    static func conditionOperand(_ markup: String) -> Expression {
        LaxScanner.expression(markup)
    }
}
