/// Filters selecting items by a property: `where`, `reject`, `has`, `find`, `find_index`, and
/// `sum`. An item matches when `item[property]` is truthy (no value given) or equals the value.
enum PropertyFilters {
    static func register(into env: inout LiquidEnvironment) {
        env.register(filter: "where", arity: 1...2) { input, args, context in
            try select(input, args, context, empty: .array([])) { items, test in .array(try items.filter(test)) }
        }
        env.register(filter: "reject", arity: 1...2) { input, args, context in
            try select(input, args, context, empty: .array([])) { items, test in .array(try items.filter { try !test($0) }) }
        }
        env.register(filter: "has", arity: 1...2) { input, args, context in
            try select(input, args, context, empty: .bool(false)) { items, test in .bool(try items.contains(where: test)) }
        }
        env.register(filter: "find", arity: 1...2) { input, args, context in
            try select(input, args, context, empty: .nil) { items, test in try items.first(where: test) ?? .nil }
        }
        env.register(filter: "find_index", arity: 1...2) { input, args, context in
            try select(input, args, context, empty: .nil) { items, test in
                try items.firstIndex(where: test).map { .int($0) } ?? .nil
            }
        }
        env.register(filter: "sum", arity: 0...1) { input, args, context in try sum(input, args[0], context) }
    }

    /// Item without `[]` seen: the filter's result is nil.
    private struct NoMethod: Error {}

    private static func select(
        _ input: Value, _ args: FilterArguments, _ context: RenderContext, empty: Value,
        _ body: ([Value], (Value) throws -> Bool) throws -> Value
    ) throws -> Value {
        let items = try input.inputItems(context)
        if items.isEmpty { return empty }
        let property = args[0]
        let target = args[1]
        let hash = property.stringValue.map(keyHash)
        let test: (Value) throws -> Bool = { item in
            switch try RubySubscript.lookup(item, property, context, keyHash: hash) {
            case .value(let v): return target.isNil ? v.isTruthy : v.liquidEquals(target)
            case .typeError: throw RubySubscript.propertyError(property)
            case .noMethod: throw NoMethod()
            }
        }
        do {
            return try body(items, test)
        } catch is NoMethod {
            return .nil
        }
    }

    static func sum(_ input: Value, _ property: Value, _ context: RenderContext) throws -> Value {
        let items = try input.inputItems(context)
        var values: [Value] = []
        for item in items {
            if property.isNil {
                values.append(item)
            } else if RubySubscript.responds(item) {
                values.append(try ArrayFilters.property(item, property, context) ?? .nil)
            } else {
                values.append(.int(0))
            }
        }
        var total = RubyNumber.int(0)
        for v in try Value.array(values).inputItems(context) {
            total = try RubyNumber.apply(.plus, total, RubyNumber.from(v))
        }
        return total.value
    }
}
