/// A tag as written: `{%- name markup -%}` (or a line `name markup` inside `{% liquid %}`).
public struct TagMarkup: Sendable {
    public var name: String
    /// Everything after the name, as written (not stripped).
    public var markup: String
    public var position: Position
    /// `-%}`: whitespace after the tag is removed.
    public var trimsFollowingWhitespace: Bool
    /// The token's bytes, shared with the source (a string is made only when asked for).
    let tokenBytes: ArraySlice<UInt8>

    /// The whole token (`{%- endraw -%}`), or the line inside a `liquid` tag.
    public var token: String { String(decoding: tokenBytes, as: UTF8.self) }

    public init(name: String, markup: String, position: Position, token: String, trimsFollowingWhitespace: Bool) {
        self.init(name: name, markup: markup, position: position, tokenBytes: bytesOf(token)[...],
                  trimsFollowingWhitespace: trimsFollowingWhitespace)
    }

    init(name: String, markup: String, position: Position, tokenBytes: ArraySlice<UInt8>, trimsFollowingWhitespace: Bool) {
        self.name = name
        self.markup = markup
        self.position = position
        self.tokenBytes = tokenBytes
        self.trimsFollowingWhitespace = trimsFollowingWhitespace
    }
}

/// Builds a tag's syntax tree from its markup; registered on a `LiquidEnvironment` per tag name.
/// Block tags read their bodies through the parser (`parseBody`) until their end tag.
public protocol TagParser: Sendable {
    func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode
}

/// The parse state of one template: the token stream, whitespace control, nesting depth, the
/// error mode and the warnings of `warn` mode. Tags use it to parse their bodies and markup.
public struct TemplateParser {
    public let environment: LiquidEnvironment
    public let templateName: String?
    public var errorMode: ErrorMode
    public internal(set) var warnings: [LiquidError] = []

    var tokenizer: Tokenizer
    /// The lines of the `{% liquid %}` tags being parsed, innermost last.
    var lineSources: [LineSource] = []
    var trimNextText = false
    var depth = 0
    /// Unnamed `cycle` groups made unique per tag.
    var cycleGroups = 0
    /// The tag or output being parsed, for warnings.
    var currentPosition = Position(line: 1, column: 1)

    struct LineSource {
        var lines: [(text: Substring, position: Position)]
        var next = 0
    }

    /// The source, kept for text nodes, which are slices of it.
    let sourceText: String

    init(source: String, templateName: String?, firstLine: Int, environment: LiquidEnvironment) {
        self.sourceText = source
        self.environment = environment
        self.templateName = templateName
        self.errorMode = environment.errorMode
        self.tokenizer = Tokenizer(source: bytesOf(source), firstLine: firstLine)
    }

    /// Whether the tokens come from the lines of a `{% liquid %}` tag.
    public var isInsideLiquidTag: Bool { !lineSources.isEmpty }

    // MARK: Bodies

    /// Parses nodes until a tag that is not registered (returned, for the caller to handle: its
    /// end tag, `else`, or an error) or the end of the source (nil).
    public mutating func parseBody() throws -> (Block, TagMarkup?) {
        if depth >= environment.limits.maxDepth {
            throw LiquidError(.stackLevel, "Nesting too deep")
        }
        depth += 1
        defer { depth -= 1 }
        var block = Block()
        if !lineSources.isEmpty {
            let end = try parseLines(into: &block)
            return (block, end)
        }
        while let token = tokenizer.next() {
            switch token.kind {
            case .text:
                var start = token.start
                if trimNextText {
                    while start < token.end, isRubyStripSpace(tokenizer.source[start]) { start += 1 }
                }
                trimNextText = false
                guard start < token.end else { continue }
                if block.isBlank && !tokenizer.source[start..<token.end].allSatisfy(isRubySpace) { block.isBlank = false }
                block.appendText(sourceSlice(start..<token.end))
            case .output:
                applyWhitespaceControl(token, to: &block)
                let output = try parseOutputToken(token)
                block.append(output)
                block.isBlank = false
            case .tag:
                applyWhitespaceControl(token, to: &block)
                guard let tag = tagMarkup(of: token) else {
                    let text = tokenText(token)
                    if text.hasSuffix("%}") {
                        return (block, TagMarkup(name: text, markup: text, position: Position(line: token.line, column: token.column),
                                                 token: text, trimsFollowingWhitespace: false))
                    }
                    throw located(.syntax("Tag '\(text)' was not properly terminated with regexp: /\\%\\}/"),
                                  Position(line: token.line, column: token.column))
                }
                if tag.name == "liquid" {
                    try parseLiquidTag(tag, into: &block)
                    continue
                }
                guard let tagParser = environment.tags[tag.name] else { return (block, tag) }
                try appendTag(tag, parser: tagParser, to: &block)
            }
        }
        return (block, nil)
    }

    private mutating func appendTag(_ tag: TagMarkup, parser tagParser: any TagParser, to block: inout Block) throws {
        let node: any TagNode
        currentPosition = tag.position
        do {
            node = try tagParser.parse(tag, parser: &self)
        } catch {
            throw located(LiquidError.wrap(error), tag.position)
        }
        if block.isBlank && !node.isBlank { block.isBlank = false }
        block.append(.tag(node, tag.position))
    }

    /// Parses a block tag's body up to its end tag (`end<name>`), failing on anything else that
    /// is not a registered tag.
    public mutating func parseBody(of tag: TagMarkup) throws -> Block {
        let (body, end) = try parseBody()
        guard let end else { throw neverClosed(tag) }
        guard end.name == "end" + tag.name else { throw unknownTag(end, inside: tag) }
        return body
    }

    public func neverClosed(_ tag: TagMarkup) -> LiquidError {
        located(.syntax("'\(tag.name)' tag was never closed"), tag.position)
    }

    /// ruby-liquid's errors for a tag a block does not know.
    public func unknownTag(_ tag: TagMarkup, inside block: TagMarkup) -> LiquidError {
        let message: String
        if tag.name == "else" {
            message = "\(block.name) tag does not expect 'else' tag"
        } else if tag.name.hasPrefix("end") {
            message = "'\(tag.name)' is not a valid delimiter for \(block.name) tags. use end\(block.name)"
        } else {
            message = "Unknown tag '\(tag.name)'"
        }
        return located(.syntax(message), tag.position)
    }

    public func located(_ error: LiquidError, _ position: Position) -> LiquidError {
        var e = error
        e.locate(SourceLocation(templateName: templateName, line: position.line, column: position.column))
        return e
    }

    /// Sets whether the next text loses its leading whitespace (for tags that read raw tokens).
    public mutating func setTrimNextText(_ trim: Bool) { trimNextText = trim }

    // MARK: Raw tokens

    /// The next token as written, for tags whose bodies are not Liquid (`raw`, `comment`, `doc`).
    public mutating func nextRawToken() -> String? {
        if !lineSources.isEmpty {
            let i = lineSources.count - 1
            guard lineSources[i].next < lineSources[i].lines.count else { return nil }
            defer { lineSources[i].next += 1 }
            return String(lineSources[i].lines[lineSources[i].next].text)
        }
        guard let token = tokenizer.next() else { return nil }
        return tokenText(token)
    }

    /// The source between two byte offsets (both on code point boundaries).
    func sourceSlice(_ range: Range<Int>) -> Substring {
        let u = sourceText.utf8
        let from = u.index(u.startIndex, offsetBy: range.lowerBound)
        let to = u.index(from, offsetBy: range.count)
        return Substring(sourceText.unicodeScalars[from..<to])
    }

    func tokenText(_ token: TemplateToken) -> String {
        String(decoding: tokenizer.source[token.start..<token.end], as: UTF8.self)
    }

    // MARK: Tokens

    private mutating func applyWhitespaceControl(_ token: TemplateToken, to block: inout Block) {
        let bytes = tokenizer.source
        if token.end - token.start > 2, bytes[token.start + 2] == UInt8(ascii: "-"),
            let previous = block.lastText
        {
            var end = previous.utf8.endIndex
            while end > previous.utf8.startIndex {
                let before = previous.utf8.index(before: end)
                guard isRubyStripSpace(previous.utf8[before]) else { break }
                end = before
            }
            let trimmed = previous.unicodeScalars[..<end]
            block.replaceLastText(with: trimmed.isEmpty ? nil : Substring(trimmed))
        }
        trimNextText = token.end - token.start >= 3 && bytes[token.end - 3] == UInt8(ascii: "-")
    }

    private mutating func parseOutputToken(_ token: TemplateToken) throws -> Node {
        let bytes = tokenizer.source
        let position = Position(line: token.line, column: token.column)
        let length = token.end - token.start
        guard length >= 4, bytes[token.end - 1] == UInt8(ascii: "}"), bytes[token.end - 2] == UInt8(ascii: "}") else {
            throw located(.syntax("Variable '\(tokenText(token))' was not properly terminated with regexp: /\\}\\}/"), position)
        }
        var start = token.start + 2
        var end = token.end - 2
        if start < end, bytes[start] == UInt8(ascii: "-") { start += 1 }
        if start < end, bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
        let markup = String(decoding: bytes[start..<end], as: UTF8.self)
        currentPosition = position
        do {
            return .output(try parseFilteredExpression(markup, context: "in \"{{\(markup)}}\""), position)
        } catch {
            throw located(LiquidError.wrap(error), position)
        }
    }

    /// Splits `{%- name markup -%}`; nil when the token is not shaped like a tag.
    private func tagMarkup(of token: TemplateToken) -> TagMarkup? {
        let bytes = tokenizer.source
        guard token.end - token.start >= 4, bytes[token.end - 2] == UInt8(ascii: "%"),
            bytes[token.end - 1] == UInt8(ascii: "}")
        else { return nil }
        var i = token.start + 2
        var line = token.line
        var column = token.column + 2
        if bytes[i] == UInt8(ascii: "-") {
            i += 1
            column += 1
        }
        func skipSpace() {
            while i < token.end - 2, isRubySpace(bytes[i]) {
                if bytes[i] == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
            }
        }
        skipSpace()
        let nameStart = i
        var position = Position(line: line, column: column)
        if i < token.end - 2, bytes[i] == UInt8(ascii: "#") {
            i += 1
        } else {
            while i < token.end - 2, isWordByte(bytes[i]) { i += 1 }
        }
        guard i > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        column += i - nameStart
        let lineBefore = line
        skipSpace()
        if line != lineBefore { position = Position(line: line, column: column) }
        var markupEnd = token.end - 2
        var trims = false
        if markupEnd > i, bytes[markupEnd - 1] == UInt8(ascii: "-") {
            markupEnd -= 1
            trims = true
        }
        let markup = String(decoding: bytes[i..<max(i, markupEnd)], as: UTF8.self)
        return TagMarkup(name: name, markup: markup, position: position, tokenBytes: bytes[token.start..<token.end],
                         trimsFollowingWhitespace: trims)
    }
}

/// Whitespace that Ruby's `strip`, `lstrip` and `rstrip` remove: `\s` and NUL.
@inline(__always) func isRubyStripSpace(_ c: UInt8) -> Bool { c == 0 || isRubySpace(c) }
