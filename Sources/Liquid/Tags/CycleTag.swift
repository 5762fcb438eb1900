/// `{% cycle 'a', 'b' %}` / `{% cycle group: 'a', 'b' %}`: prints the next value of a group each
/// time. Unnamed cycles with the same literal values share a group, as in ruby-liquid.
struct CycleTag: TagNode {
    enum Group {
        case named(Expression)
        case fixed(Value)
    }

    let group: Group
    let values: [Expression]

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let key: Value
        switch group {
        case .named(let e): key = try e.evaluate(context)
        case .fixed(let v): key = v
        }
        let slot = context.cyclePositions.firstIndex { $0.group == key }
        let iteration = slot.map { context.cyclePositions[$0].position } ?? 0
        let value = iteration < values.count ? try values[iteration].evaluate(context) : .nil
        output.append(value.isNil ? "" : (value.arrayValue != nil ? value.outputString : value.rubyString))
        let next = iteration + 1 >= values.count ? 0 : iteration + 1
        if let slot {
            context.cyclePositions[slot].position = next
        } else {
            context.cyclePositions.append((key, next))
        }
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let s = LaxScanner(tag.markup)
            let invalid = LiquidError.syntax("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]")
            // \A(QuotedFragment)\s*:\s*(.*) names the group.
            if let fullEnd = s.fragmentEnd(at: 0) {
                // The fragment may give back characters (a regex backtracking) to meet the colon.
                for nameEnd in stride(from: fullEnd, to: 0, by: -1) {
                    let colon = s.skipSpace(nameEnd)
                    guard colon < s.count, s.bytes[colon] == UInt8(ascii: ":"), s.fragmentEnd(at: 0).map({ $0 >= nameEnd }) == true
                    else { continue }
                    if s.isQuote(s.bytes[0]) && nameEnd != fullEnd { continue }
                    let rest = s.text(s.skipSpace(colon + 1)..<s.count)
                    return CycleTag(group: .named(LaxScanner.expression(s.text(0..<nameEnd))), values: Self.values(rest))
                }
                let values = Self.values(tag.markup)
                return CycleTag(group: .fixed(Self.groupKey(values, parser: &parser)), values: values)
            }
            throw invalid
        }

        /// `markup.split(',')`, each piece's first fragment.
        static func values(_ markup: String) -> [Expression] {
            markup.split(separator: ",", omittingEmptySubsequences: false).compactMap { piece in
                let s = LaxScanner(piece)
                return s.searchFragment(from: 0).map { LaxScanner.expression(s.text($0)) }
            }
        }

        /// ruby-liquid names an unnamed group by its values' `inspect`; variables in it make each
        /// tag a group of its own.
        static func groupKey(_ values: [Expression], parser: inout TemplateParser) -> Value {
            var literals: [Value] = []
            for v in values {
                guard case .literal(let l) = v else {
                    parser.cycleGroups += 1
                    return .string("#<cycle \(parser.cycleGroups)>")
                }
                literals.append(l)
            }
            return .string(Value.array(literals).inspect)
        }
    }
}

