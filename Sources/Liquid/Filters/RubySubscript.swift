/// Ruby's `item[key]` as the array filters use it on each item (`map`, `where`, `sort`…):
/// hashes look the key up, arrays and strings index, integers return a bit, drops answer their
/// key. A key of the wrong type is Ruby's `TypeError` (reported as "cannot select the property");
/// items without `[]` (nil, floats, booleans) are Ruby's `NoMethodError`.
enum RubySubscript {
    enum Outcome {
        case value(Value)
        case typeError
        case noMethod
    }

    static func lookup(_ item: Value, _ key: Value, _ context: RenderContext, keyHash: Int? = nil) throws -> Outcome {
        switch item {
        case .hash(let h):
            if let keyHash, case .string(let k) = key { return .value(h.value(forKey: k, hash: keyHash) ?? .nil) }
            return .value(h[key] ?? .nil)
        case .array(let a):
            guard let i = integerKey(key) else { return .typeError }
            let index = i < 0 ? a.count + i : i
            return .value(index >= 0 && index < a.count ? a[index] : .nil)
        case .string(let s):
            switch key {
            case .string(let k):
                return .value(UTF8Text.contains(s, k) ? .string(k) : .nil)
            default:
                guard let i = integerKey(key) else { return .typeError }
                let count = UTF8Text.scalarCount(s)
                let index = i < 0 ? count + i : i
                return .value(index >= 0 && index < count ? .string(UTF8Text.substring(s, scalarStart: index, length: 1)) : .nil)
            }
        case .int(let n):
            guard let i = integerKey(key) else { return .typeError }
            if i < 0 { return .value(.int(0)) }
            if i >= Int.bitWidth { return .value(.int(n < 0 ? 1 : 0)) }
            return .value(.int((n >> i) & 1))
        case .drop(let d):
            return .value(try d.value(forKey: key, in: context) ?? .nil)
        default:
            return .noMethod
        }
    }

    /// Whether Ruby's object has `[]`.
    static func responds(_ item: Value) -> Bool {
        switch item {
        case .hash, .array, .string, .int, .drop: return true
        default: return false
        }
    }

    private static func integerKey(_ key: Value) -> Int? {
        switch key {
        case .int(let i): return i
        case .float(let f): return f.isFinite ? RubyNumber.truncatedInt(f) : nil
        default: return nil
        }
    }

    static func propertyError(_ property: Value) -> LiquidError {
        LiquidError.argument("cannot select the property '\(property.rubyString)'")
    }
}

extension Value {
    /// ruby-liquid's `InputIterator`: an array input flattened, a hash as one item, a range's
    /// numbers, a collection drop's items, nothing for nil, anything else as one item.
    func inputItems(_ context: RenderContext) throws -> [Value] {
        switch self {
        case .array(let a):
            return a.contains(where: { $0.arrayValue != nil }) ? Value.flatten(a) : a
        case .nil: return []
        case .range(let r):
            if let max = context.limits.maxRangeLength, r.count > max {
                throw LiquidError(.memory, "Range too large: \(r.count) items (limit \(max))")
            }
            return r.values
        case .drop(let d): return try d.items(in: context) ?? [self]
        default: return [self]
        }
    }

    /// Ruby's `Array#flatten`.
    static func flatten(_ a: [Value]) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(a.count)
        func add(_ items: [Value]) {
            for item in items {
                if case .array(let inner) = item { add(inner) } else { out.append(item) }
            }
        }
        add(a)
        return out
    }
}
