/// Markup parsing for tags, following the error mode: strict parsing first; on failure `strict`
/// throws, `warn` records a warning, and both `warn` and `lax` fall back to the lax parser.
extension TemplateParser {
    /// An output expression with filters: `{{ … }}`, `echo`, the value of `assign`.
    public mutating func parseFilteredExpression(_ markup: String) throws -> FilteredExpression {
        try parseFilteredExpression(markup, context: "in \"{{\(markup)}}\"")
    }

    /// `context` (words for messages) is only built when the strict grammar fails.
    mutating func parseFilteredExpression(
        _ markup: String, context: @autoclosure () -> String
    ) throws -> FilteredExpression {
        do {
            var p = try ExpressionParser(markup)
            return try p.filteredExpression(environment: environment)
        } catch let error as LiquidError where error.kind == .syntax {
            try fallBack(error, context: context())
            return LaxParser.filteredExpression(markup, environment: environment)
        }
    }

    /// A condition of `if`, `unless`, `elsif`.
    public mutating func parseCondition(_ markup: String) throws -> Condition {
        do {
            var p = try ExpressionParser(markup)
            return try p.condition()
        } catch let error as LiquidError where error.kind == .syntax {
            try fallBack(error, context: markupContext(markup))
            return try LaxParser.condition(markup)
        }
    }

    /// A single expression, with nothing after it.
    public mutating func parseExpression(_ markup: String) throws -> Expression {
        do {
            var p = try ExpressionParser(markup)
            let e = try p.expression()
            try p.expectEnd()
            return e
        } catch let error as LiquidError where error.kind == .syntax {
            try fallBack(error, context: markupContext(markup))
            return LaxScanner.expression(markup)
        }
    }

    /// A lax expression, as ruby-liquid's `Expression.parse` reads one in any mode.
    public func laxExpression(_ markup: String) -> Expression {
        LaxScanner.expression(markup)
    }

    func markupContext(_ markup: String) -> String {
        "in \"" + markup.rubyStripped + "\""
    }

    /// Strict mode: rethrow with the markup; warn mode: keep the warning; then let lax parse.
    mutating func fallBack(_ error: LiquidError, context: String) throws {
        var e = error
        e.markupContext = context
        switch errorMode {
        case .strict: throw e
        case .warn: warnings.append(located(e, currentPosition))
        case .lax: break
        }
    }

    /// Records a warning (`warn` mode) or fails (`strict` mode) for markup a tag's strict grammar
    /// rejects while its lax reading goes on.
    public mutating func strictModeViolation(_ message: String, markup: String) throws {
        try fallBack(.syntax(message), context: markupContext(markup))
    }

    /// Whether markup must follow the strict grammar.
    public var isStrict: Bool { errorMode == .strict }
}

/// `{% liquid %}`: one tag per line, no delimiters.
extension TemplateParser {
    mutating func parseLiquidTag(_ tag: TagMarkup, into block: inout Block) throws {
        if depth >= environment.limits.maxDepth { throw located(LiquidError(.stackLevel, "Nesting too deep"), tag.position) }
        depth += 1
        defer { depth -= 1 }
        var lines: [(Substring, Position)] = []
        var lineNumber = tag.position.line
        // Split on "\n" bytes: "\r\n" is one Character and would not split as a Character.
        let pieces = tag.markup.utf8.split(separator: 10, omittingEmptySubsequences: false)
        for (i, bytes) in pieces.enumerated() {
            let line = Substring(decoding: bytes, as: UTF8.self)
            let indent = line.utf8.prefix(while: isRubySpace).count
            let column = i == 0 ? tag.position.column : indent + 1
            lines.append((line, Position(line: lineNumber, column: column)))
            lineNumber += 1
        }
        lineSources.append(LineSource(lines: lines))
        defer { lineSources.removeLast() }
        if let unknown = try parseLines(into: &block) {
            throw unknownTag(unknown, inside: TagMarkup(name: "liquid", markup: "", position: tag.position,
                                                         token: "", trimsFollowingWhitespace: false))
        }
    }

    /// Parses the remaining lines of the innermost `liquid` tag into the block; returns the first
    /// tag that is not registered, or nil at the last line.
    mutating func parseLines(into block: inout Block) throws -> TagMarkup? {
        while true {
            let source = lineSources.count - 1
            guard lineSources[source].next < lineSources[source].lines.count else { return nil }
            let (line, position) = lineSources[source].lines[lineSources[source].next]
            lineSources[source].next += 1
            let bytes = Array(line.utf8)
            var i = 0
            while i < bytes.count && isRubySpace(bytes[i]) { i += 1 }
            if i == bytes.count { continue }
            let nameStart = i
            if bytes[i] == UInt8(ascii: "#") {
                i += 1
            } else {
                while i < bytes.count && isWordByte(bytes[i]) { i += 1 }
            }
            let lineText = String(line)
            guard i > nameStart else {
                return TagMarkup(name: lineText, markup: lineText, position: position, token: lineText,
                                 trimsFollowingWhitespace: false)
            }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            while i < bytes.count && isRubySpace(bytes[i]) { i += 1 }
            let markup = String(decoding: bytes[i...], as: UTF8.self)
            let tag = TagMarkup(name: name, markup: markup, position: position, token: lineText,
                                trimsFollowingWhitespace: false)
            if name == "liquid" {
                try parseLiquidTag(tag, into: &block)
                continue
            }
            guard let tagParser = environment.tags[name] else { return tag }
            let node: any TagNode
            currentPosition = position
            do {
                node = try tagParser.parse(tag, parser: &self)
            } catch {
                throw located(LiquidError.wrap(error), position)
            }
            if block.isBlank && !node.isBlank { block.isBlank = false }
            block.append(.tag(node, position))
        }
    }
}

/// Parsing markup outside a template, for host filters such as Jekyll's `where_exp`.
extension Condition {
    /// Parses `a == b and c contains d` following the environment's error mode.
    public static func parse(_ markup: String, environment: LiquidEnvironment) throws -> Condition {
        var parser = TemplateParser(source: "", templateName: nil, firstLine: 1, environment: environment)
        return try parser.parseCondition(markup)
    }
}

extension FilteredExpression {
    /// Parses `value | filter: arg` following the environment's error mode.
    public static func parse(_ markup: String, environment: LiquidEnvironment) throws -> FilteredExpression {
        var parser = TemplateParser(source: "", templateName: nil, firstLine: 1, environment: environment)
        return try parser.parseFilteredExpression(markup)
    }
}

extension Expression {
    /// Parses one expression following the environment's error mode.
    public static func parse(_ markup: String, environment: LiquidEnvironment) throws -> Expression {
        var parser = TemplateParser(source: "", templateName: nil, firstLine: 1, environment: environment)
        return try parser.parseExpression(markup)
    }
}
