import Foundation

/// Ruby's arithmetic on the numbers of the math filters: integers stay integers (floor division
/// and modulo, like Ruby's), anything with a decimal is computed exactly in decimal.
extension RubyNumber {
    enum Operation { case plus, minus, times, divide, modulo }

    static func apply(_ op: Operation, _ a: RubyNumber, _ b: RubyNumber) throws -> RubyNumber {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            return try integer(op, x, y)
        case (.double, _), (_, .double):
            return try double(op, a.asDouble, b.asDouble)
        default:
            let x = a.asDecimal!, y = b.asDecimal!
            switch op {
            case .plus: return .decimal(x + y)
            case .minus: return .decimal(x - y)
            case .times: return .decimal(x * y)
            case .divide:
                guard !y.isZero else { throw LiquidError(.zeroDivision, "divided by 0") }
                return .decimal(x / y)
            case .modulo:
                guard !y.isZero else { throw LiquidError(.zeroDivision, "divided by 0") }
                let q = floorDecimal(x / y)
                return .decimal(x - y * q)
            }
        }
    }

    private static func integer(_ op: Operation, _ x: Int, _ y: Int) throws -> RubyNumber {
        let r: (Int, Bool)
        switch op {
        case .plus: r = x.addingReportingOverflow(y)
        case .minus: r = x.subtractingReportingOverflow(y)
        case .times: r = x.multipliedReportingOverflow(by: y)
        case .divide, .modulo:
            guard y != 0 else { throw LiquidError(.zeroDivision, "divided by 0") }
            if x == Int.min && y == -1 { return .double(-Double(x)) }
            var q = x / y
            var m = x % y
            if m != 0 && ((m < 0) != (y < 0)) {
                q -= 1
                m += y
            }
            return .int(op == .divide ? q : m)
        }
        // Ruby would grow into a big integer; a float keeps the magnitude.
        return r.1 ? try double(op, Double(x), Double(y)) : .int(r.0)
    }

    private static func double(_ op: Operation, _ x: Double, _ y: Double) throws -> RubyNumber {
        switch op {
        case .plus: return .double(x + y)
        case .minus: return .double(x - y)
        case .times: return .double(x * y)
        case .divide:
            if y == 0 && !x.isNaN { throw LiquidError(.zeroDivision, "divided by 0") }
            return .double(x / y)
        case .modulo:
            if y == 0 { throw LiquidError(.zeroDivision, "divided by 0") }
            let m = x.truncatingRemainder(dividingBy: y)
            return .double(m != 0 && (m < 0) != (y < 0) ? m + y : m)
        }
    }

    static func floorDecimal(_ d: Decimal) -> Decimal {
        var input = d
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .down)
        return result
    }

    var abs: RubyNumber {
        switch self {
        case .int(let i): return i == Int.min ? .double(-Double(i)) : .int(Swift.abs(i))
        case .decimal(let d): return .decimal(d < 0 ? -d : d)
        case .double(let f): return .double(Swift.abs(f))
        }
    }

    /// `ceil`/`floor` to an integer (FloatDomainError for infinity and NaN).
    func rounded(_ rule: FloatingPointRoundingRule) throws -> Int {
        switch self {
        case .int(let i): return i
        case .decimal(let d):
            // Exact: a decimal from a float's shortest digits is an integer exactly when its double is.
            return Self.truncatedInt(Self.toDouble(d).rounded(rule))
        case .double(let f):
            guard f.isFinite else { throw LiquidError(.floatDomain, f.isNaN ? "NaN" : (f < 0 ? "-Infinity" : "Infinity")) }
            return Self.truncatedInt(f.rounded(rule))
        }
    }

    /// `round(n)`: half away from zero; an integer when `digits <= 0`.
    func round(digits: Int) throws -> Value {
        switch self {
        case .int(let i):
            guard digits < 0 else { return .int(i) }
            let factor = pow10(-digits)
            guard factor > 0 else { return .int(0) }
            let q = (Swift.abs(i) + factor / 2) / factor * factor
            return .int(i < 0 ? -q : q)
        case .decimal(let d):
            var input = d
            var result = Decimal()
            NSDecimalRound(&result, &input, digits, .plain)
            if digits <= 0 { return .int(Self.truncatedInt(Self.toDouble(result))) }
            return .float(Self.toDouble(result))
        case .double(let f):
            if digits <= 0 {
                guard f.isFinite else { throw LiquidError(.floatDomain, f.isNaN ? "NaN" : (f < 0 ? "-Infinity" : "Infinity")) }
            }
            return .float(f)
        }
    }

    private func pow10(_ n: Int) -> Int {
        var r = 1
        for _ in 0..<n {
            let (m, o) = r.multipliedReportingOverflow(by: 10)
            if o { return 0 }
            r = m
        }
        return r
    }

    /// Numeric comparison (for `at_least`/`at_most`).
    static func less(_ a: RubyNumber, _ b: RubyNumber) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.double, _), (_, .double): return a.asDouble < b.asDouble
        default: return a.asDecimal! < b.asDecimal!
        }
    }
}
