/// The strict parser of tag and output markup (ruby-liquid's `Liquid::Parser`), building syntax
/// trees directly. Errors carry ruby-liquid's wording.
struct ExpressionParser {
    private var tokens: [MarkupToken]
    private var p = 0
    /// Brackets and parentheses open (bounded, so that no markup can exhaust the stack).
    private var depth = 0
    static let maxDepth = 100

    init(_ markup: Substring) throws {
        tokens = try ExpressionLexer.tokenize(markup)
    }

    init(_ markup: String) throws {
        try self.init(Substring(markup))
    }

    var current: MarkupToken { tokens[p] }
    var isAtEnd: Bool { tokens[p].kind == .endOfString }

    func look(_ kind: MarkupToken.Kind, ahead: Int = 0) -> Bool {
        let i = p + ahead
        return i < tokens.count && tokens[i].kind == kind
    }

    @discardableResult
    mutating func consume(_ kind: MarkupToken.Kind) throws -> String {
        let token = tokens[p]
        guard token.kind == kind else {
            throw LiquidError.syntax("Expected \(kind.rawValue) but found \(token.kind.rawValue)")
        }
        p += 1
        return token.text
    }

    mutating func consumeAny() -> MarkupToken {
        let token = tokens[p]
        if token.kind != .endOfString { p += 1 }
        return token
    }

    mutating func consumeIf(_ kind: MarkupToken.Kind) -> String? {
        guard tokens[p].kind == kind else { return nil }
        p += 1
        return tokens[p - 1].text
    }

    /// Consumes an identifier with exactly this text.
    mutating func consumeIdentifier(_ word: String) -> Bool {
        guard tokens[p].kind == .id, tokens[p].text == word else { return false }
        p += 1
        return true
    }

    mutating func expectEnd() throws { try consume(.endOfString) }

    /// An expression: a variable path, a literal, or a range.
    mutating func expression() throws -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw LiquidError(.stackLevel, "Nesting too deep") }
        let token = tokens[p]
        switch token.kind {
        case .id:
            p += 1
            let lookups = try variableLookups()
            if lookups.isEmpty, let literal = Self.keywordLiteral(token.text) { return literal }
            return .variable(VariableLookup(name: .identifier(token.text), lookups: lookups))
        case .openSquare:
            p += 1
            let name = try expression()
            try consume(.closeSquare)
            let lookups = try variableLookups()
            return .variable(VariableLookup(name: .computed(name), lookups: lookups))
        case .string:
            p += 1
            // Quotes are one byte each: slice the bytes, not the characters.
            return .literal(.string(UTF8Text.substring(token.text, bytes: 1..<(token.text.utf8.count - 1))))
        case .number:
            p += 1
            return .literal(Self.number(token.text))
        case .openRound:
            p += 1
            let first = try expression()
            try consume(.dotdot)
            let last = try expression()
            try consume(.closeRound)
            return Expression.makeRange(first, last)
        default:
            throw LiquidError.syntax("\(token.rubyDescription) is not a valid expression")
        }
    }

    private mutating func variableLookups() throws -> [VariableLookup.Lookup] {
        var lookups: [VariableLookup.Lookup] = []
        while true {
            if look(.openSquare) {
                p += 1
                lookups.append(.index(try expression()))
                try consume(.closeSquare)
            } else if look(.dot) {
                p += 1
                lookups.append(VariableLookup.lookup(forKey: try consume(.id)))
            } else {
                return lookups
            }
        }
    }

    static func keywordLiteral(_ word: String) -> Expression? {
        switch word {
        case "nil", "null": return .literal(.nil)
        case "true": return .literal(.bool(true))
        case "false": return .literal(.bool(false))
        case "blank": return .blank
        case "empty": return .empty
        default: return nil
        }
    }

    static func number(_ text: String) -> Value {
        if text.utf8.contains(46) { return .float(Double(text) ?? 0) }
        if let i = Int(text) { return .int(i) }
        return .float(Double(text) ?? 0)
    }

    /// A filter argument: `key: expression` or an expression.
    mutating func argument() throws -> (String?, Expression) {
        if look(.id), look(.colon, ahead: 1) {
            let key = tokens[p].text
            p += 2
            return (key, try expression())
        }
        return (nil, try expression())
    }

    /// `expression (| filter (: arg (, arg)*)?)*` up to the end of the markup.
    mutating func filteredExpression(environment: LiquidEnvironment) throws -> FilteredExpression {
        if isAtEnd { return FilteredExpression(expression: nil, filters: []) }
        let expr = try expression()
        var filters: [FilterCall] = []
        while consumeIf(.pipe) != nil {
            let name = try consume(.id)
            var args: [Expression] = []
            var kwargs: [(String, Expression)] = []
            if consumeIf(.colon) != nil {
                repeat {
                    let (key, value) = try argument()
                    if let key { kwargs.append((key, value)) } else { args.append(value) }
                } while consumeIf(.comma) != nil
            }
            filters.append(environment.filterCall(name, args, kwargs))
        }
        try expectEnd()
        return FilteredExpression(expression: expr, filters: filters)
    }

    /// `comparison ((and|or) comparison)*` up to the end of the markup.
    mutating func condition() throws -> Condition {
        var comparisons = [try comparison()]
        var relations: [Condition.Relation] = []
        while true {
            if consumeIdentifier("and") {
                relations.append(.and)
            } else if consumeIdentifier("or") {
                relations.append(.or)
            } else {
                break
            }
            comparisons.append(try comparison())
        }
        try expectEnd()
        return Condition(comparisons: comparisons, relations: relations)
    }

    private mutating func comparison() throws -> Condition.Comparison {
        let left = try expression()
        if let op = consumeIf(.comparison) {
            let right = try expression()
            return Condition.Comparison(left: left, op: Condition.Operator(op), right: right)
        }
        return Condition.Comparison(left: left, op: nil, right: nil)
    }
}
