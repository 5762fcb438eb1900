/// `{% tablerow item in collection cols: n limit: n offset: n %}`: HTML table rows and cells.
struct TablerowTag: TagNode {
    let variable: String
    let collection: Expression
    let attributes: [String: Expression]
    let body: Block
    let isBlank: Bool

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let value = try collection.evaluate(context)
        guard value.isTruthy else { return }
        let from = try attributes["offset"].map { try Self.toI($0.evaluate(context)) } ?? 0
        let to = try attributes["limit"].map { from + (try Self.toI($0.evaluate(context))) }
        let items = try context.iterationItems(value).slice(from: from, to: to)
        let cols = try attributes["cols"].map { try Self.toI($0.evaluate(context)) } ?? items.count

        output.append("<tr class=\"row1\">\n")
        let loop = TablerowloopDrop(length: items.count, cols: cols)
        try context.withScope("tablerowloop", hash: keyHash("tablerowloop"), .drop(loop)) { _ in
            let slot = context.scopes.setInner(variable, hash: keyHash(variable), .nil)
            for i in 0..<items.count {
                try context.tick(1)
                context.scopes.setValue(at: slot, items[i])
                output.append("<td class=\"col")
                output.appendInteger(loop.col)
                output.append("\">")
                try body.render(into: &output, context: context)
                output.append("</td>")
                if let interrupt = context.interrupt {
                    context.interrupt = nil
                    if interrupt == .break { break }
                }
                if loop.col == cols && loop.index != items.count - 1 {
                    output.append("</tr>\n<tr class=\"row")
                    output.appendInteger(loop.row + 1)
                    output.append("\">")
                }
                loop.increment()
            }
        }
        output.append("</tr>\n")
    }

    /// Ruby's `to_i` of an attribute: nil is 0, strings and floats truncate, others fail.
    static func toI(_ v: Value) throws -> Int {
        switch v.primitive {
        case .nil: return 0
        case .int(let i): return i
        case .float(let f): return f.isFinite ? RubyNumber.truncatedInt(f) : 0
        case .string(let s): return RubyNumber.stringToI(s)
        default: throw LiquidError.argument("invalid integer")
        }
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            // /(\w+)\s+in\s+(QuotedFragment+)/, searched.
            let s = LaxScanner(tag.markup)
            var i = 0
            while i < s.count {
                if isWordByte(s.bytes[i]) && (i == 0 || !isWordByte(s.bytes[i - 1])) {
                    let nameEnd = s.wordEnd(at: i, allowHyphen: false)
                    let inStart = s.skipSpace(nameEnd)
                    if inStart > nameEnd, inStart + 2 < s.count, s.text(inStart..<(inStart + 2)) == "in",
                        isRubySpace(s.bytes[inStart + 2])
                    {
                        let cStart = s.skipSpace(inStart + 2)
                        if let cEnd = s.fragmentsEnd(at: cStart) {
                            var attributes: [String: Expression] = [:]
                            for (key, value) in s.tagAttributes() { attributes[key] = LaxScanner.expression(value) }
                            let body = try parser.parseBody(of: tag)
                            return TablerowTag(variable: s.text(i..<nameEnd), collection: LaxScanner.expression(s.text(cStart..<cEnd)),
                                               attributes: attributes, body: body, isBlank: body.isBlank)
                        }
                    }
                }
                i += 1
            }
            throw LiquidError.syntax("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3")
        }
    }
}
