/// Array filters: join, first/last, reverse, sort, uniq, map, compact, concat, and the property
/// filters where/reject/has/find/find_index/sum.
enum ArrayFilters {
    static func register(into env: inout LiquidEnvironment) {
        env.register(filter: "join", arity: 0...1) { input, args, context in
            let glue = args.isGiven(0) ? args[0].rubyString : " "
            return .string(Value.joined(try input.inputItems(context), separator: glue))
        }
        env.register(filter: "first", arity: 0...0) { input, _, context in try firstOrLast(input, first: true, context) }
        env.register(filter: "last", arity: 0...0) { input, _, context in try firstOrLast(input, first: false, context) }
        env.register(filter: "reverse", arity: 0...0) { input, _, context in .array(try input.inputItems(context).reversed()) }
        env.register(FilterDefinition("size", arity: 0...0, standard: .size) { input, _, context in try size(input, context) })
        env.register(filter: "sort", arity: 0...1) { input, args, context in
            try sort(input, args[0], context) { a, b in
                if let c = a.rubyCompare(b) { return c }
                if a.isNil { return 1 }
                if b.isNil { return -1 }
                throw LiquidError.argument("cannot sort values of incompatible types")
            }
        }
        env.register(filter: "sort_natural", arity: 0...1) { input, args, context in
            try sort(input, args[0], context) { a, b in
                if !a.isNil && !b.isNil { return caseInsensitiveCompare(a.rubyString, b.rubyString) }
                return a.isNil ? 1 : -1
            }
        }
        env.register(filter: "uniq", arity: 0...1) { input, args, context in try uniq(input, args[0], context) }
        env.register(filter: "map", arity: 1...1) { input, args, context in try map(input, args[0], context) }
        env.register(filter: "compact", arity: 0...1) { input, args, context in
            let items = try input.inputItems(context)
            if args[0].isNil { return .array(items.filter { !$0.isNil }) }
            if items.isEmpty { return .array([]) }
            var kept: [Value] = []
            for item in items {
                guard let v = try property(item, args[0], context) else { return .nil }
                if !v.isNil { kept.append(item) }
            }
            return .array(kept)
        }
        env.register(filter: "concat", arity: 1...1) { input, args, context in
            guard case .array(let other) = args[0] else {
                throw LiquidError.argument("concat filter requires an array argument")
            }
            return .array(try input.inputItems(context) + other)
        }
        PropertyFilters.register(into: &env)
    }

    static func firstOrLast(_ input: Value, first: Bool, _ context: RenderContext) throws -> Value {
        switch input {
        case .array(let a): return (first ? a.first : a.last) ?? .nil
        case .hash(let h): return first && !h.isEmpty ? .array([h.keys[0], h.values[0]]) : .nil
        case .range(let r): return .int(first ? r.lower : r.upper)
        case .drop(let d):
            guard let items = try d.items(in: context) else { return .nil }
            return (first ? items.first : items.last) ?? .nil
        default: return .nil
        }
    }

    static func size(_ input: Value, _ context: RenderContext) throws -> Value {
        switch input {
        case .string(let s): return .int(UTF8Text.scalarCount(s))
        case .array(let a): return .int(a.count)
        case .hash(let h): return .int(h.count)
        case .range(let r): return .int(r.count)
        case .int: return .int(MemoryLayout<Int>.size)
        case .drop(let d):
            // A drop standing for a primitive (Jekyll's leaked `content`, a Ruby string) has its size.
            if let v = d.liquidValue { return try size(v, context) }
            return .int(try d.items(in: context)?.count ?? 0)
        default: return .int(0)
        }
    }

    /// `item[property]`, or nil when the item has no `[]` (the filter then returns nil).
    static func property(_ item: Value, _ property: Value, _ context: RenderContext) throws -> Value? {
        switch try RubySubscript.lookup(item, property, context) {
        case .value(let v): return v
        case .typeError: throw RubySubscript.propertyError(property)
        case .noMethod: return nil
        }
    }

    static func sort(_ input: Value, _ property: Value, _ context: RenderContext,
                     _ compare: (Value, Value) throws -> Int) throws -> Value {
        let items = try input.inputItems(context)
        if items.isEmpty { return .array([]) }
        if property.isNil { return .array(try RubySort.sort(items, by: compare)) }
        guard items.allSatisfy(RubySubscript.responds) else { return .nil }
        var keyed: [(Value, Value)] = []
        for item in items {
            guard let key = try Self.property(item, property, context) else { return .nil }
            keyed.append((key, item))
        }
        return .array(try RubySort.sort(keyed) { try compare($0.0, $1.0) }.map { $0.1 })
    }

    /// Ruby's `casecmp`: ASCII letters compared without case, byte by byte.
    static func caseInsensitiveCompare(_ a: String, _ b: String) -> Int {
        var i = a.utf8.makeIterator(), j = b.utf8.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (var x?, var y?):
                if x >= 65 && x <= 90 { x += 32 }
                if y >= 65 && y <= 90 { y += 32 }
                if x != y { return x < y ? -1 : 1 }
            }
        }
    }

    static func uniq(_ input: Value, _ property: Value, _ context: RenderContext) throws -> Value {
        let items = try input.inputItems(context)
        var seen = Set<Value>()
        var out: [Value] = []
        if property.isNil {
            for item in items where seen.insert(item.primitive).inserted { out.append(item) }
            return .array(out)
        }
        for item in items {
            guard let key = try Self.property(item, property, context) else { return .nil }
            if seen.insert(key.primitive).inserted { out.append(item) }
        }
        return .array(out)
    }

    static func map(_ input: Value, _ property: Value, _ context: RenderContext) throws -> Value {
        var out: [Value] = []
        for item in try input.inputItems(context) {
            if case .string("to_liquid") = property {
                out.append(item)
            } else if RubySubscript.responds(item) {
                out.append(try Self.property(item, property, context) ?? .nil)
            } else {
                out.append(.nil)
            }
        }
        return .array(out)
    }
}

/// Ruby's `Array#sort` order of comparisons: Ruby sorts with the C library's `qsort_r`, which in
/// glibc is a top-down merge sort (halves of n/2 and the rest, the left item kept on ties).
/// Stable, and failing on the same pair of items as Ruby when two items do not compare.
public enum RubySort {
    // Inlinable so that callers in other modules (Jekyll's `sort`) get a copy specialized to
    // their element type instead of generic code going through witness tables per comparison.
    @inlinable
    public static func sort<T>(_ items: [T], by compare: (T, T) throws -> Int) throws -> [T] {
        guard items.count > 1 else { return items }
        var a = items
        var tmp = items
        try mergeSort(&a, &tmp, 0, items.count, compare)
        return a
    }

    @inlinable
    static func mergeSort<T>(_ a: inout [T], _ tmp: inout [T], _ start: Int, _ count: Int,
                                     _ compare: (T, T) throws -> Int) throws {
        guard count > 1 else { return }
        let n1 = count / 2
        let n2 = count - n1
        try mergeSort(&a, &tmp, start, n1, compare)
        try mergeSort(&a, &tmp, start + n1, n2, compare)
        var i = start, j = start + n1, k = 0
        let endLeft = start + n1, endRight = start + count
        while i < endLeft && j < endRight {
            if try compare(a[i], a[j]) <= 0 {
                tmp[k] = a[i]
                i += 1
            } else {
                tmp[k] = a[j]
                j += 1
            }
            k += 1
        }
        while i < endLeft {
            tmp[k] = a[i]
            i += 1
            k += 1
        }
        for m in 0..<k { a[start + m] = tmp[m] }
    }
}
