/// A Liquid value: what variables hold, what expressions evaluate to and what filters take and return.
///
/// The cases mirror the Ruby objects ruby-liquid works with, so that printing, comparing and
/// filtering behave as they do there: `hash` keeps insertion order like Ruby's `Hash`, `time` is an
/// instant with its UTC offset (Ruby's `Time`), `date` a calendar day (Ruby's `Date`), and `drop`
/// is a host object whose keys are looked up lazily.
public enum Value: Sendable {
    case `nil`
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case array([Value])
    case hash(OrderedHash)
    case range(IntRange)
    case time(TimeValue)
    case date(DateValue)
    case drop(any Drop)
}

/// An inclusive integer range, `(1..5)`. Empty when `upper < lower`, as Ruby's `Range` is.
public struct IntRange: Sendable, Hashable {
    public var lower: Int
    public var upper: Int

    public init(_ lower: Int, _ upper: Int) {
        self.lower = lower
        self.upper = upper
    }

    /// Saturates at Int.max for ranges wider than Int can count (the range-length limit then
    /// stops them with an error).
    public var count: Int {
        guard upper >= lower else { return 0 }
        let (span, overflow) = upper.subtractingReportingOverflow(lower)
        return overflow || span == Int.max ? Int.max : span + 1
    }
    public var isEmpty: Bool { upper < lower }
    public var values: [Value] { isEmpty ? [] : (lower...upper).map { .int($0) } }
}

extension Value {
    /// Whether a drop is anywhere inside (a plain value prints the same without a render context).
    public var containsDrop: Bool {
        switch self {
        case .drop: return true
        case .array(let items): return items.contains(where: \.containsDrop)
        case .hash(let h): return h.values.contains(where: \.containsDrop)
        default: return false
        }
    }

    public var isNil: Bool {
        if case .nil = self { return true }
        return false
    }

    /// Liquid truthiness: only `nil` and `false` are falsy.
    @inlinable
    public var isTruthy: Bool {
        switch self {
        case .nil: return false
        case .bool(let b): return b
        case .drop(let d): return d.liquidValue.map { $0.isTruthy } ?? true
        default: return true
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var orderedHash: OrderedHash? {
        if case .hash(let h) = self { return h }
        return nil
    }

    /// A drop that stands for a primitive (ruby-liquid's `to_liquid_value`) is replaced by it.
    @inlinable
    public var primitive: Value {
        if case .drop(let d) = self, let v = d.liquidValue { return v }
        return self
    }

    /// The Ruby class name, for error messages ("comparison of String with 1 failed").
    public var rubyClassName: String {
        switch self {
        case .nil: return "NilClass"
        case .bool(let b): return b ? "TrueClass" : "FalseClass"
        case .int: return "Integer"
        case .float: return "Float"
        case .string: return "String"
        case .array: return "Array"
        case .hash: return "Hash"
        case .range: return "Range"
        case .time: return "Time"
        case .date: return "Date"
        case .drop(let d): return d.typeName
        }
    }
}

extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        var h = OrderedHash(minimumCapacity: elements.count)
        for (k, v) in elements { h[k] = v }
        self = .hash(h)
    }
}

/// Hash-key identity, as Ruby's `eql?`: `1` and `1.0` are different keys, strings compare by bytes.
/// (Liquid's `==`, which says `1 == 1.0`, is `Value.liquidEquals`.)
extension Value: Hashable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.nil, .nil): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.string(let a), .string(let b)): return UTF8Text.bytesEqual(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.hash(let a), .hash(let b)): return a == b
        case (.range(let a), .range(let b)): return a == b
        case (.time(let a), .time(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b
        case (.drop(let a), .drop(let b)): return a === b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .nil: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(i)
        case .float(let f): hasher.combine(f)
        case .string(let s):
            // Hash the bytes so that hashing agrees with the byte-wise equality above.
            var s = s
            s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        case .array(let a): hasher.combine(a)
        case .hash(let h): hasher.combine(h.count)
        case .range(let r): hasher.combine(r)
        case .time(let t): hasher.combine(t)
        case .date(let d): hasher.combine(d)
        case .drop(let d): hasher.combine(ObjectIdentifier(d))
        }
    }
}
