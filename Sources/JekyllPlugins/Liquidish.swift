import Foundation
import Jekyll
import Liquid

/// The few Liquid operations the plugins' templates use, applied to plain values in Swift.
enum Liquidish {
    /// A value that is truthy (Liquid's `if`), or nil.
    static func present(_ v: Value?) -> Value? {
        guard let v, v.isTruthy else { return nil }
        return v
    }

    /// Liquid's `default`: nil, false and empty strings, arrays and hashes give way.
    static func defaulted(_ v: Value, _ fallback: Value) -> Value {
        v.isTruthy && !v.isEmptyCollection ? v : fallback
    }

    /// `value.key` / `value[key]` on plain values.
    static func property(_ v: Value, _ key: Value) -> Value {
        switch (v, key) {
        case (.hash(let h), _): return h[key] ?? .nil
        case (.array(let a), .int(let i)): return i >= 0 && i < a.count ? a[i] : (i < 0 && -i <= a.count ? a[a.count + i] : .nil)
        case (.array(let a), .string("first")): return a.first ?? .nil
        case (.array(let a), .string("last")): return a.last ?? .nil
        case (.array(let a), .string("size")), (.array(let a), .string("length")): return .int(a.count)
        case (.string(let s), .string("size")): return .int(s.count)
        default: return .nil
        }
    }

    static func property(_ v: Value, _ key: String) -> Value { property(v, .string(key)) }
    static func property(_ v: Value, _ index: Int) -> Value { property(v, .int(index)) }

    /// Ruby's `capitalize`.
    static func capitalize(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst().lowercased()
    }

    /// Jekyll's `normalize_whitespace`, the filter's own pass over the bytes (Ruby's is over code
    /// points: a split of `Character`s, ~80 k instructions a feed entry, also kept a space that
    /// a combining mark follows).
    static func normalizeWhitespace(_ s: String) -> String { TextFilters.normalizeWhitespace(s) }

    /// Liquid's `strip_html`: scripts, styles and comments with their contents (the leftmost block
    /// first, case-sensitive, as Liquid's one regular expression finds them), then every tag.
    static func stripHTML(_ s: String) -> String { EscapingFilters.stripHTML(s) }

    /// Jekyll's `where` comparison: a string property equal to the target, or an array property
    /// with an element whose `to_s` is the target.
    static func whereMatches(_ property: Value, _ target: String) -> Bool {
        switch property {
        case .string(let s): return s == target
        case .array(let a): return a.contains { $0.rubyString == target }
        case .nil: return false
        default: return property.rubyString == target
        }
    }
}
