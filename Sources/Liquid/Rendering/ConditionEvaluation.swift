extension Condition {
    /// Evaluates the chain left to right: after a true operand `or` stops, after a false one `and` stops.
    public func evaluate(_ context: RenderContext) throws -> Bool {
        // The comparisons without a retain and release each: the condition holds them.
        try comparisons.withUnsafeBufferPointer { comparisons in
            @inline(__always) func evaluate(_ i: Int) throws -> Bool {
                try Unmanaged.passUnretained(comparisons[i])._withUnsafeGuaranteedRef { try $0.evaluate(context) }
            }
            var result = try evaluate(0)
            for i in 0..<relations.count {
                switch relations[i] {
                case .or: if result { return true }
                case .and: if !result { return false }
                }
                result = try evaluate(i + 1)
            }
            return result
        }
    }
}

extension Condition.Comparison {
    public func evaluate(_ context: RenderContext) throws -> Bool {
        if let log = context.comparisonLog { return try context.evaluateLogging(self, log: log) }
        return try evaluateUnlogged(context)
    }

    func evaluateUnlogged(_ context: RenderContext) throws -> Bool {
        guard let op else { return try left.evaluate(context).isTruthy }
        let right = self.right ?? .literal(.nil)
        switch op {
        case .equal:
            if !hasMethodLiteral { return try left.evaluate(context).liquidEquals(right.evaluate(context)) }
            return try Self.equal(left, right, context)
        case .notEqual:
            if !hasMethodLiteral { return try !left.evaluate(context).liquidEquals(right.evaluate(context)) }
            return try !Self.equal(left, right, context)
        case .contains:
            return Self.contains(try left.evaluate(context).primitive, try right.evaluate(context).primitive)
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            if left.isMethodLiteral || right.isMethodLiteral { return false }
            return try Self.order(op, try left.evaluate(context).primitive, try right.evaluate(context).primitive)
        case .unknown(let name):
            throw LiquidError.argument("Unknown operator \(name)")
        }
    }

    /// `==` with `blank` and `empty` on either side testing the other side.
    static func equal(_ left: Expression, _ right: Expression, _ context: RenderContext) throws -> Bool {
        let leftLiteral = left.isMethodLiteral, rightLiteral = right.isMethodLiteral
        if !leftLiteral && !rightLiteral { return try left.evaluate(context).liquidEquals(right.evaluate(context)) }
        if leftLiteral && rightLiteral { return false }
        let (literal, other) = leftLiteral ? (left, right) : (right, left)
        if case .blank = literal { return try other.evaluate(context).isBlank }
        return try other.evaluate(context).isEmptyCollection
    }

    static func order(_ op: Condition.Operator, _ a: Value, _ b: Value) throws -> Bool {
        guard a.isOrderable, b.isOrderable else { return false }
        guard let c = a.rubyCompare(b) else { throw a.comparisonError(with: b) }
        switch op {
        case .less: return c < 0
        case .greater: return c > 0
        case .lessOrEqual: return c <= 0
        default: return c >= 0
        }
    }

    /// `contains`: substring of a string, element of an array, key of a hash.
    static func contains(_ left: Value, _ right: Value) -> Bool {
        guard left.isTruthy, right.isTruthy else { return false }
        switch left {
        case .string(let s):
            return UTF8Text.contains(s, right.rubyString)
        case .array(let a):
            return a.contains { $0.liquidEquals(right) }
        case .hash(let h):
            return h.contains(right)
        case .range(let r):
            switch right {
            case .int(let i): return i >= r.lower && i <= r.upper
            case .float(let f): return f >= Double(r.lower) && f <= Double(r.upper)
            default: return false
            }
        default:
            return false
        }
    }
}

extension Expression {
    var isMethodLiteral: Bool {
        switch self {
        case .blank, .empty: return true
        default: return false
        }
    }
}
