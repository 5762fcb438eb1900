import Foundation

/// A number as ruby-liquid's math filters see one (`Utils.to_number`): an integer, or a decimal
/// (ruby-liquid turns floats into `BigDecimal`, so `10.1 | minus: 2.2` is exactly 7.9), or a
/// float that has no decimal form (infinity, NaN).
public enum RubyNumber {
    case int(Int)
    case decimal(Decimal)
    case double(Double)

    /// `Utils.to_number`.
    static func from(_ value: Value) -> RubyNumber {
        switch value.primitive {
        case .int(let i): return .int(i)
        case .float(let f): return fromDouble(f)
        case .string(let s):
            let t = s.rubyStripped
            if isDecimalString(t), let d = Decimal(string: t, locale: posixLocale) { return .decimal(d) }
            return .int(stringToI(t))
        default: return .int(0)
        }
    }

    static func fromDouble(_ f: Double) -> RubyNumber {
        guard f.isFinite else { return .double(f) }
        if let d = Decimal(string: String(f), locale: posixLocale) { return .decimal(d) }
        return .double(f)
    }

    static let posixLocale = Locale(identifier: "en_US_POSIX")

    /// `\A-?\d+\.\d+\z`
    static func isDecimalString(_ s: String) -> Bool {
        let b = bytesOf(s)
        var i = 0
        if i < b.count && b[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < b.count && isDigit(b[i]) { i += 1 }
        guard i > intStart, i < b.count, b[i] == UInt8(ascii: ".") else { return false }
        i += 1
        let fracStart = i
        while i < b.count && isDigit(b[i]) { i += 1 }
        return i > fracStart && i == b.count
    }

    /// The result as a Liquid value: decimals become floats, as ruby-liquid's `to_f` does.
    var value: Value {
        switch self {
        case .int(let i): return .int(i)
        case .decimal(let d): return .float(Self.toDouble(d))
        case .double(let f): return .float(f)
        }
    }

    var asDouble: Double {
        switch self {
        case .int(let i): return Double(i)
        case .decimal(let d): return Self.toDouble(d)
        case .double(let f): return f
        }
    }

    var asDecimal: Decimal? {
        switch self {
        case .int(let i): return Decimal(i)
        case .decimal(let d): return d
        case .double: return nil
        }
    }

    static func toDouble(_ d: Decimal) -> Double {
        // Through the decimal digits, so the result is the correctly rounded nearest double.
        Double(d.description) ?? NSDecimalNumber(decimal: d).doubleValue
    }

    // MARK: Ruby conversions

    /// Ruby's `String#to_i`: optional whitespace and sign, then digits (underscores between them).
    public static func stringToI(_ s: String) -> Int {
        var b = Array(s.utf8)[...]
        while let f = b.first, isRubySpace(f) { b = b.dropFirst() }
        var negative = false
        if let f = b.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            b = b.dropFirst()
        }
        var result = 0
        var previousDigit = false
        for c in b {
            if isDigit(c) {
                let (m, o1) = result.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(c - 48))
                if o1 || o2 { return negative ? Int.min : Int.max }
                result = a
                previousDigit = true
            } else if c == UInt8(ascii: "_") && previousDigit {
                previousDigit = false
            } else {
                break
            }
        }
        return negative ? -result : result
    }

    /// Ruby's `String#to_f` (leading number, else 0).
    static func stringToF(_ s: String) -> Double {
        let b = bytesOf(s)
        var i = 0
        while i < b.count && isRubySpace(b[i]) { i += 1 }
        let start = i
        if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
        while i < b.count && (isDigit(b[i]) || b[i] == UInt8(ascii: "_")) { i += 1 }
        if i + 1 < b.count && b[i] == UInt8(ascii: ".") && isDigit(b[i + 1]) {
            i += 1
            while i < b.count && isDigit(b[i]) { i += 1 }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            var j = i + 1
            if j < b.count && (b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "+")) { j += 1 }
            if j < b.count && isDigit(b[j]) {
                while j < b.count && isDigit(b[j]) { j += 1 }
                i = j
            }
        }
        let text = String(decoding: b[start..<i], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        return Double(text) ?? 0
    }

    /// A double truncated toward zero to an Int, saturating at Int's bounds and 0 for NaN: Ruby
    /// would make a Bignum, which Value cannot hold, and a template must not crash the process.
    public static func truncatedInt(_ f: Double) -> Int {
        if f.isNaN { return 0 }
        if f >= 0x1p63 { return Int.max }
        if f < -0x1p63 { return Int.min }
        return Int(f.rounded(.towardZero))
    }

    /// Ruby's `to_i` of a literal range end.
    static func toI(_ v: Value) -> Int {
        switch v {
        case .int(let i): return i
        case .float(let f): return f.isFinite ? truncatedInt(f) : 0
        case .string(let s): return stringToI(s)
        default: return 0
        }
    }

    /// A range end evaluated at render time: integers, `to_i` of strings and nil, otherwise
    /// `Utils.to_integer` (which rejects floats such as 2.5: "invalid integer").
    static func rangeEnd(_ v: Value) throws -> Int {
        switch v.primitive {
        case .int(let i): return i
        case .nil: return 0
        case .string(let s): return stringToI(s)
        case let other: return try toInteger(other)
        }
    }

    /// `Utils.to_integer`: integers, or strings that are exactly an integer.
    public static func toInteger(_ v: Value) throws -> Int {
        if case .int(let i) = v.primitive { return i }
        let s = v.rubyString
        if let i = rubyInteger(s) { return i }
        throw LiquidError.argument("invalid integer")
    }

    /// Ruby's `Integer(string)`: optional sign, digits (underscores between), surrounding whitespace,
    /// and `0x`/`0b`/`0o`/`0` prefixes.
    static func rubyInteger(_ s: String) -> Int? {
        var t = Substring(s.rubyStripped)
        var negative = false
        if let f = t.first, f == "-" || f == "+" {
            negative = f == "-"
            t = t.dropFirst()
        }
        var radix = 10
        let lower = t.lowercased()
        if lower.hasPrefix("0x") { radix = 16; t = t.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; t = t.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; t = t.dropFirst(2) }
        else if t.count > 1, t.first == "0" { radix = 8; t = t.dropFirst() }
        guard !t.isEmpty, t.first != "_", t.last != "_", t.firstRange(of: "__") == nil else { return nil }
        guard let magnitude = Int(t.replacingOccurrences(of: "_", with: ""), radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }
}
