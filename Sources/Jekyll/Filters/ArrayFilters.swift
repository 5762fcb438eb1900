import JekyllLiquid
import Liquid

/// Jekyll's array filters: `push`, `pop`, `shift`, `unshift`, `sample`, `where_exp`, `find_exp`,
/// `group_by`, `group_by_exp` (`where`, `find` and `sort` come with Jekyll's Liquid flavour).
enum ArrayFilters {
    static func register(into env: inout LiquidEnvironment) {
        env.register(filter: "push", arity: 1...1) { input, args, _ in
            guard case .array(let a) = input else { return input }
            return .array(a + [args[0]])
        }
        env.register(filter: "unshift", arity: 1...1) { input, args, _ in
            guard case .array(let a) = input else { return input }
            return .array([args[0]] + a)
        }
        env.register(filter: "pop", arity: 0...1) { input, args, _ in
            guard case .array(let a) = input else { return input }
            let n = args.isGiven(0) ? try RubyNumber.toInteger(args[0]) : 1
            return .array(Array(a.dropLast(max(0, n))))
        }
        env.register(filter: "shift", arity: 0...1) { input, args, _ in
            guard case .array(let a) = input else { return input }
            let n = args.isGiven(0) ? try RubyNumber.toInteger(args[0]) : 1
            return .array(Array(a.dropFirst(max(0, n))))
        }
        env.register(filter: "sample", arity: 0...1) { input, args, _ in
            guard case .array(let a) = input else { return input }
            let n = args.isGiven(0) ? ((try? RubyNumber.toInteger(args[0])) ?? 1) : 1
            if n == 1 { return a.randomElement() ?? .nil }
            return .array(Array(a.shuffled().prefix(max(0, n))))
        }
        env.register(filter: "where_exp", arity: 2...2, analysis: conditionReads) { input, args, context in
            guard let items = try selectable(input, context) else { return input }
            let condition = try Condition.parse(args[1].rubyString, environment: context.environment)
            let name = args[0].rubyString
            return .array(try items.filter { item in
                try context.withScope([name: item]) { try condition.evaluate(context) }
            })
        }
        env.register(filter: "find_exp", arity: 2...2, analysis: conditionReads) { input, args, context in
            guard let items = try selectable(input, context) else { return input }
            let condition = try Condition.parse(args[1].rubyString, environment: context.environment)
            let name = args[0].rubyString
            for item in items where try context.withScope([name: item], { try condition.evaluate(context) }) {
                return item
            }
            return .nil
        }
        env.register(filter: "group_by", arity: 1...1) { input, args, context in
            guard let items = try groupable(input, context) else { return input }
            let property = args[0].rubyString
            return grouped(try items.map { item in
                (Value.string(try JekyllFlavor.itemProperty(item, property, context).rubyString), item)
            })
        }
        env.register(filter: "group_by_exp", arity: 2...2, analysis: expressionReads) { input, args, context in
            // A hash is grouped as Ruby's Hash#group_by yields it: [key, value] pairs.
            let pairs: [Value]? = if case .hash(let h) = input { h.pairs.map { Value.array([$0.0, $0.1]) } } else { nil }
            guard let items = try pairs ?? groupable(input, context) else { return input }
            let expression = try FilteredExpression.parse(args[1].rubyString, environment: context.environment)
            let name = args[0].rubyString
            // One scope for all the items, the name set again for each (a scope made of a new
            // dictionary per item cost ~1 k instructions of an archive's thousand posts).
            return grouped(try context.withScope {
                try items.map { item in
                    context[name] = item
                    return (try expression.evaluate(context), item)
                }
            })
        }
    }

    /// What the condition of `where_exp`/`find_exp` reads, besides its item variable; unknown
    /// unless both are written as literals.
    static let conditionReads = itemExpressionReads { source, environment in
        guard let condition = try? Condition.parse(source, environment: environment) else { return nil }
        return { $0.read(condition) }
    }

    /// What the expression of `group_by_exp` reads, besides its item variable.
    static let expressionReads = itemExpressionReads { source, environment in
        guard let expression = try? FilteredExpression.parse(source, environment: environment) else { return nil }
        return { $0.read(expression) }
    }

    /// The analysis of a filter taking an item variable's name and an expression over it, both
    /// literals: what the expression `parse` makes of the source reads, the item aside.
    private static func itemExpressionReads(
        _ parse: @escaping @Sendable (String, LiquidEnvironment) -> ((inout TemplateAnalyzer) -> Void)?
    ) -> FilterDefinition.Analysis {
        { arguments, analyzer in
            guard arguments.count == 2, case .literal(.string(let name)) = arguments[0],
                  case .literal(.string(let source)) = arguments[1],
                  let read = parse(source, analyzer.environment) else {
                return analyzer.unknown("expression filter")
            }
            analyzer.with([name], read)
        }
    }

    /// What `select` works on: arrays, a hash's values, a drop's items.
    static func selectable(_ input: Value, _ context: RenderContext) throws -> [Value]? {
        switch input {
        case .array(let a): return a
        case .hash(let h): return h.values
        case .range(let r): return r.values
        case .drop(let d): return try d.items(in: context)
        default: return nil
        }
    }

    static func groupable(_ input: Value, _ context: RenderContext) throws -> [Value]? {
        switch input {
        case .array(let a): return a
        case .range(let r): return r.values
        case .drop(let d): return try d.items(in: context)
        case .hash: throw LiquidError(.internal, "no implicit conversion of String into Integer")
        default: return nil
        }
    }

    /// `[{"name", "items", "size"}]` in first-seen order of the names. An item whose name is the
    /// item before it's joins that group without a look-up: lists are mostly grouped in the order
    /// of what they are grouped by (an archive's posts by year), and hashing each name (twice)
    /// cost ~750 instructions an item.
    static func grouped(_ pairs: [(Value, Value)]) -> Value {
        var names: [Value] = []
        var groups: [[Value]] = []
        var positions: [Value: Int] = [:]
        var last = -1
        // Ruby's hash finds a NaN key by identity, and YAML's `.nan` is one object: one group.
        var nanGroup: Int?
        for (name, item) in pairs {
            let at: Int
            if last >= 0, names[last] == name {
                at = last
            } else if case .float(let x) = name, x.isNaN, let known = nanGroup {
                at = known
            } else if let known = positions[name] {
                at = known
            } else {
                at = names.count
                if case .float(let x) = name, x.isNaN { nanGroup = at } else { positions[name] = at }
                names.append(name)
                groups.append([])
            }
            groups[at].append(item)
            last = at
        }
        return .array(zip(names, groups).map { name, items in
            ["name": name, "items": .array(items), "size": .int(items.count)]
        })
    }
}

/// All of Jekyll's filters, on top of its Liquid flavour.
enum JekyllFilters {
    static func register(into env: inout LiquidEnvironment) {
        URLFilters.register(into: &env)
        DateFilters.register(into: &env)
        SiteDateFilter.register(into: &env)
        TextFilters.register(into: &env)
        ArrayFilters.register(into: &env)
    }
}
