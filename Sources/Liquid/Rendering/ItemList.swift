/// The items a loop walks: an array, or a range walked without building an array.
struct ItemList {
    private enum Storage {
        case array(ArraySlice<Value>)
        /// first, step (±1), count
        case range(Int, Int, Int)
    }

    private var storage: Storage

    init(_ array: [Value]) { storage = .array(array[...]) }
    init(range: IntRange) { storage = .range(range.lower, 1, range.count) }

    var count: Int {
        switch storage {
        case .array(let a): return a.count
        case .range(_, _, let n): return n
        }
    }

    subscript(i: Int) -> Value {
        switch storage {
        case .array(let a): return a[a.startIndex + i]
        case .range(let first, let step, _): return .int(first + i * step)
        }
    }

    /// ruby-liquid's `slice_collection`: items with index in from..<to (to nil: to the end).
    func slice(from: Int, to: Int?) -> ItemList {
        let lower = max(from, 0)
        let upper = min(to ?? count, count)
        var result = self
        guard upper > lower else {
            result.storage = .array([])
            return result
        }
        switch storage {
        case .array(let a):
            result.storage = .array(a[(a.startIndex + lower)..<(a.startIndex + upper)])
        case .range(let first, let step, _):
            result.storage = .range(first + lower * step, step, upper - lower)
        }
        return result
    }

    func reversed() -> ItemList {
        var result = self
        switch storage {
        case .array(let a): result.storage = .array(Array(a.reversed())[...])
        case .range(let first, let step, let n): result.storage = .range(first + (n - 1) * step, -step, n)
        }
        return result
    }

    var array: [Value] {
        switch storage {
        case .array(let a): return Array(a)
        case .range: return (0..<count).map { self[$0] }
        }
    }
}

extension RenderContext {
    /// What `for`, `tablerow` and `render … for` iterate: arrays, ranges, a hash's pairs, a
    /// non-empty string as one item, a collection drop's items; nothing for anything else.
    func iterationItems(_ value: Value) throws -> ItemList {
        switch value {
        case .array(let a): return ItemList(a)
        case .range(let r): return ItemList(range: r)
        case .hash(let h): return ItemList(h.pairArrays)
        case .string(let s): return ItemList(s.isEmpty ? [] : [value])
        case .drop(let d): return ItemList(try d.items(in: self) ?? [])
        default: return ItemList([])
        }
    }

    /// The items a `for` loop over `value` walks (array items, a hash's [key, value] pairs, a
    /// range's numbers, a collection drop's items, a non-empty string; else none).
    public func items(of value: Value) throws -> [Value] {
        try iterationItems(value).array
    }

    /// The items array filters see (ruby-liquid's `InputIterator`): arrays flattened, a hash
    /// or any other single value as one item, nothing for nil.
    public func filterInput(_ value: Value) throws -> [Value] {
        try value.inputItems(self)
    }
}
