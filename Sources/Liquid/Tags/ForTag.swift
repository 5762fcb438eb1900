/// `{% for item in collection reversed limit: n offset: m %}…{% else %}…{% endfor %}`.
/// `offset: continue` resumes where the previous loop with the same variable and collection
/// stopped; `forloop` describes the iteration, with `parentloop` for the enclosing loop.
struct ForTag: TagNode {
    let variable: String
    let collection: Expression
    /// "item-collection": identifies the loop for `offset: continue` and `forloop.name`.
    let loopName: String
    let reversed: Bool
    let limit: Expression?
    let offset: Offset
    let body: Block
    let elseBody: Block?
    let isBlank: Bool
    /// Hashes of the names set and read on each render, computed once.
    let variableHash: Int
    let loopNameHash: Int
    let forloopHash = keyHash("forloop")
    /// This loop to a host's `LoopOutputMemo`.
    let identity: LoopIdentity

    init(variable: String, collection: Expression, loopName: String, reversed: Bool, limit: Expression?,
         offset: Offset, body: Block, elseBody: Block?, isBlank: Bool)
    {
        self.variable = variable
        self.collection = collection
        self.loopName = loopName
        self.reversed = reversed
        self.limit = limit
        self.offset = offset
        self.body = body
        self.elseBody = elseBody
        self.isBlank = isBlank
        variableHash = keyHash(variable)
        loopNameHash = keyHash(loopName)
        identity = LoopIdentity(variable: variable, body: body)
    }

    enum Offset {
        case none
        case `continue`
        case value(Expression)
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let from: Int
        switch offset {
        case .none: from = 0
        case .continue: from = context.forOffsets.value(for: loopName, hash: loopNameHash) ?? 0
        case .value(let e):
            let v = try e.evaluate(context)
            from = v.isNil ? 0 : try RubyNumber.toInteger(v)
        }
        let value = try collection.evaluate(context)
        let items = try context.iterationItems(value)
        var to: Int?
        if let limit {
            let v = try limit.evaluate(context)
            if !v.isNil { to = try RubyNumber.toInteger(v) + from }
        }
        var segment = items.slice(from: from, to: to)
        if reversed { segment = segment.reversed() }
        context.setLoopOffset(loopName, hash: loopNameHash, from + segment.count)

        guard segment.count > 0 else {
            try elseBody?.render(into: &output, context: context)
            return
        }
        if !identity.isMemoDeclined, let memo = context.session.options.loopOutputs, case .array(let array) = value {
            let run = LoopRun(loop: identity, items: array, from: from, to: to, reversed: reversed)
            return try memo.render(run, into: &output, context: context) { output in
                try iterate(segment, into: &output, context: context)
            }
        }
        try iterate(segment, into: &output, context: context)
    }

    /// The body once for each item of the segment, with `forloop` and the loop variable set.
    private func iterate(_ segment: ItemList, into output: inout OutputBuffer, context: RenderContext) throws {
        let forloop = ForloopDrop(name: loopName, length: segment.count, parentloop: context.forStack.last)
        context.forStack.append(forloop)
        defer { context.forStack.removeLast() }
        try context.withScope("forloop", hash: forloopHash, .drop(forloop)) { _ in
            let slot = context.scopes.setInner(variable, hash: variableHash, .nil)
            for i in 0..<segment.count {
                try context.tick(1)
                context.scopes.setValue(at: slot, segment[i])
                try body.render(into: &output, context: context)
                forloop.index += 1
                if let interrupt = context.interrupt {
                    context.interrupt = nil
                    if interrupt == .break { break }
                }
            }
        }
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let head: Head
            do {
                head = try Head.strict(tag.markup)
            } catch let error as LiquidError where error.kind == .syntax {
                try parser.fallBack(error, context: parser.markupContext(tag.markup))
                head = try Head.lax(tag.markup)
            }
            var (body, next) = try parser.parseBody()
            var elseBody: Block?
            var blank = body.isBlank
            if let n = next, n.name == "else" {
                let (e, end) = try parser.parseBody()
                elseBody = e
                blank = blank && e.isBlank
                next = end
            }
            guard let end = next else { throw parser.neverClosed(tag) }
            guard end.name == "endfor" else { throw parser.unknownTag(end, inside: tag) }
            if blank {
                body.removeBlankText()
                elseBody?.removeBlankText()
            }
            return ForTag(variable: head.variable, collection: head.collection, loopName: head.variable + "-" + head.collectionMarkup,
                          reversed: head.reversed, limit: head.limit, offset: head.offset, body: body,
                          elseBody: elseBody, isBlank: blank)
        }
    }

    /// What comes before the body: `item in collection reversed limit: … offset: …`.
    struct Head {
        var variable: String
        var collection: Expression
        var collectionMarkup: String
        var reversed = false
        var limit: Expression?
        var offset = Offset.none

        static func strict(_ markup: String) throws -> Head {
            var p = try ExpressionParser(markup)
            let variable = try p.consume(.id)
            guard p.consumeIdentifier("in") else { throw LiquidError.syntax("For loops require an 'in' clause") }
            let collection = try p.expression()
            var head = Head(variable: variable, collection: collection, collectionMarkup: collection.markup)
            head.reversed = p.consumeIdentifier("reversed")
            while p.look(.id), p.look(.colon, ahead: 1) {
                let attribute = p.consumeAny().text
                guard attribute == "limit" || attribute == "offset" else {
                    throw LiquidError.syntax("Invalid attribute in for loop. Valid attributes are limit and offset")
                }
                try p.consume(.colon)
                head.set(attribute, try p.expression())
            }
            try p.expectEnd()
            return head
        }

        /// `\A([\w-]+)\s+in\s+(QuotedFragment+)\s*(reversed)?` and `key: value` attributes.
        static func lax(_ markup: String) throws -> Head {
            let s = LaxScanner(markup)
            let invalid = LiquidError.syntax("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]")
            let nameEnd = s.wordEnd(at: 0)
            guard nameEnd > 0 else { throw invalid }
            let inStart = s.skipSpace(nameEnd)
            guard inStart > nameEnd, inStart + 2 < s.count, s.text(inStart..<(inStart + 2)) == "in",
                isRubySpace(s.bytes[inStart + 2])
            else { throw invalid }
            let collectionStart = s.skipSpace(inStart + 2)
            guard let collectionEnd = s.fragmentsEnd(at: collectionStart) else { throw invalid }
            let collectionMarkup = s.text(collectionStart..<collectionEnd)
            var head = Head(variable: s.text(0..<nameEnd), collection: LaxScanner.expression(collectionMarkup),
                            collectionMarkup: collectionMarkup)
            let r = s.skipSpace(collectionEnd)
            head.reversed = r + 8 <= s.count && s.text(r..<(r + 8)) == "reversed"
            for (key, value) in s.tagAttributes() {
                head.set(key, LaxScanner.expression(value), markup: value)
            }
            return head
        }

        mutating func set(_ attribute: String, _ value: Expression, markup: String? = nil) {
            switch attribute {
            case "offset":
                if case .variable(let v) = value, case .identifier("continue") = v.name, v.lookups.isEmpty {
                    offset = .continue
                } else {
                    offset = .value(value)
                }
            case "limit":
                limit = value
            default:
                break
            }
        }
    }
}

