/// Arithmetic filters, with ruby-liquid's number conversions (`"10.1"` is a decimal, `"abc"` is 0).
enum MathFilters {
    static func register(into env: inout LiquidEnvironment) {
        for (name, op) in [("plus", RubyNumber.Operation.plus), ("minus", .minus), ("times", .times),
                           ("divided_by", .divide), ("modulo", .modulo)] {
            env.register(filter: name, arity: 1...1) { input, args, _ in
                // Two integers (loop counters and the like) skip the conversions.
                if case .int(let x) = input, case .int(let y) = args[0] {
                    return try RubyNumber.apply(op, .int(x), .int(y)).value
                }
                return try RubyNumber.apply(op, .from(input), .from(args[0])).value
            }
        }
        env.register(filter: "abs", arity: 0...0) { input, _, _ in RubyNumber.from(input).abs.value }
        env.register(filter: "ceil", arity: 0...0) { input, _, _ in .int(try RubyNumber.from(input).rounded(.up)) }
        env.register(filter: "floor", arity: 0...0) { input, _, _ in .int(try RubyNumber.from(input).rounded(.down)) }
        env.register(filter: "round", arity: 0...1) { input, args, _ in
            let digits: Int
            switch RubyNumber.from(args[0]) {
            case .int(let i): digits = i
            case let other: digits = RubyNumber.truncatedInt(other.asDouble)
            }
            return try RubyNumber.from(input).round(digits: digits)
        }
        env.register(filter: "at_least", arity: 1...1) { input, args, _ in
            let n = RubyNumber.from(input), bound = RubyNumber.from(args[0])
            return (RubyNumber.less(n, bound) ? bound : n).value
        }
        env.register(filter: "at_most", arity: 1...1) { input, args, _ in
            let n = RubyNumber.from(input), bound = RubyNumber.from(args[0])
            return (RubyNumber.less(bound, n) ? bound : n).value
        }
    }
}

/// `default`, `date` and the registration of all standard filters.
enum StandardFilters {
    static func register(into env: inout LiquidEnvironment) {
        StringFilters.register(into: &env)
        EscapingFilters.register(into: &env)
        ArrayFilters.register(into: &env)
        MathFilters.register(into: &env)
        env.register(filter: "default", arity: 0...2) { input, args, _ in
            // `allow_false: true` comes as the hash after the positional arguments.
            var allowFalse = false
            if case .hash(let options) = args[1] { allowFalse = options["allow_false"]?.isTruthy ?? false }
            let fallback: Value = args.isGiven(0) ? args[0] : .string("")
            let missing = allowFalse ? input.isNil : !input.isTruthy
            return missing || input.isEmptyForDefault ? fallback : input
        }
        env.register(filter: "date", arity: 1...1) { input, args, context in
            try DateFilter.format(input, args[0], context)
        }
    }
}

extension Value {
    /// `respond_to?(:empty?) && empty?` — strings, arrays, hashes.
    var isEmptyForDefault: Bool {
        switch self {
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .hash(let h): return h.isEmpty
        default: return false
        }
    }
}
