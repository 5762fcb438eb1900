#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value loaded from YAML, typed the way Ruby's Psych types it under
/// `safe_load(permitted_classes: [Date, Time], aliases: true)`.
///
/// Equality and hashing follow Ruby's `eql?`/`hash`, because that is what decides
/// which mapping keys are the same: `1` and `1.0` are different keys, strings compare
/// byte by byte (no Unicode normalisation), every NaN is the same key (Psych hands out
/// the one `Float::NAN` object), and mappings compare without regard to order.
public enum YAMLValue: Sendable {
    case null
    case bool(Bool)
    /// An integer that fits in `Int`.
    case int(Int)
    /// An integer outside `Int`'s range (a Ruby Bignum).
    case bigInt(YAMLBigInt)
    case float(Double)
    case string(String)
    /// A calendar date without time (Ruby `Date`).
    case date(YAMLDate)
    /// A point in time with the zone it was written in (Ruby `Time`).
    case time(YAMLTime)
    case sequence([YAMLValue])
    case mapping(YAMLMapping)
}

extension YAMLValue {
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var intValue: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    public var doubleValue: Double? {
        if case .float(let d) = self { return d }
        return nil
    }

    public var sequenceValue: [YAMLValue]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    public var mappingValue: YAMLMapping? {
        if case .mapping(let map) = self { return map }
        return nil
    }

    /// The value under a string key when this is a mapping.
    public subscript(key: String) -> YAMLValue? {
        mappingValue?[key]
    }
}

extension YAMLValue: Hashable {
    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.bigInt(let a), .bigInt(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return sameBytes(a, b)
        case (.date(let a), .date(let b)): return a == b
        case (.time(let a), .time(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let b):
            hasher.combine(1 as UInt8)
            hasher.combine(b)
        case .int(let i):
            hasher.combine(2 as UInt8)
            hasher.combine(i)
        case .bigInt(let b):
            hasher.combine(3 as UInt8)
            hasher.combine(b)
        case .float(let d):
            hasher.combine(4 as UInt8)
            if d.isNaN { hasher.combine(Double.nan.bitPattern) } else { hasher.combine(d) }
        case .string(let s):
            hasher.combine(5 as UInt8)
            var s = s
            s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        case .date(let d):
            hasher.combine(6 as UInt8)
            hasher.combine(d)
        case .time(let t):
            hasher.combine(7 as UInt8)
            hasher.combine(t)
        case .sequence(let items):
            hasher.combine(8 as UInt8)
            hasher.combine(items)
        case .mapping(let map):
            hasher.combine(9 as UInt8)
            hasher.combine(map)
        }
    }
}

/// Byte equality of two strings (Swift's `==` would equate canonically equivalent ones).
@inline(__always)
func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var a = a
    var b = b
    return a.withUTF8 { left in
        b.withUTF8 { right in
            left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
        }
    }
}

extension YAMLValue: CustomStringConvertible {
    /// A compact, Ruby-`inspect`-like rendering for messages and test output.
    public var description: String {
        switch self {
        case .null: return "nil"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .bigInt(let b): return b.description
        case .float(let d): return d.isNaN ? "NaN" : (d.isInfinite ? (d < 0 ? "-Infinity" : "Infinity") : "\(d)")
        case .string(let s): return "\"" + s + "\""
        case .date(let d): return d.description
        case .time(let t): return t.description
        case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let map):
            return "{" + map.map { "\($0.key.description)=>\($0.value.description)" }.joined(separator: ", ") + "}"
        }
    }
}
