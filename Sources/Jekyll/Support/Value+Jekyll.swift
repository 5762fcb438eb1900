import Liquid
import YAML

/// How Jekyll's Ruby code reads configuration and front-matter values: `Array(x)` and deep merges
/// of hashes.
extension Value {
    /// Ruby's `Array(x)`: nil → [], an array as is, anything else wrapped.
    var rubyArray: [Value] {
        switch self {
        case .nil: return []
        case .array(let a): return a
        default: return [self]
        }
    }

    /// Jekyll's `deep_merge_hashes(self, other)`: keys of `other` override, hashes merge
    /// recursively, and a nil in `other` keeps the old value.
    func deepMerged(with other: Value) -> Value {
        guard case .hash(let a) = self, case .hash(let b) = other else { return other }
        return .hash(a.deepMerged(with: b))
    }
}

extension OrderedHash {
    /// Jekyll's `deep_merge_hashes`: `other`'s keys win (appended in its order when new), hashes on
    /// both sides merge recursively, and a nil value in `other` keeps the existing one.
    public func deepMerged(with other: OrderedHash) -> OrderedHash {
        var result = self
        result.deepMerge(other)
        return result
    }

    /// `deepMerged(with:)` in place: a hash held once (a document's data) is not copied first.
    public mutating func deepMerge(_ other: OrderedHash) {
        merge(other) { oldValue, newValue in
            if newValue.isNil { return nil }
            if case .hash = oldValue, case .hash = newValue { return oldValue.deepMerged(with: newValue) }
            return newValue
        }
    }

    func string(_ key: String) -> String? { self[key]?.stringValue }
    func bool(_ key: String) -> Bool { self[key]?.isTruthy ?? false }
}

/// Turns YAML values into Liquid values, the way Psych's Ruby objects become template values.
enum YAMLConversion {
    /// `clock` shows times written without a zone in local time, as Psych does.
    static func value(_ yaml: YAMLValue, clock: SiteClock) -> Value {
        switch yaml {
        case .null: return .nil
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let b): return .float(b.doubleValue)
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        case .date(let d): return .date(DateValue(year: d.year, month: d.month, day: d.day))
        case .time(let t): return .time(SiteClock.timeValue(t, clock: clock))
        case .sequence(let items): return .array(items.map { value($0, clock: clock) })
        case .mapping(let map):
            var hash = OrderedHash(minimumCapacity: map.count)
            for entry in map.entries {
                hash[value(entry.key, clock: clock)] = value(entry.value, clock: clock)
            }
            return .hash(hash)
        }
    }
}
