import Liquid

/// What Jekyll 4.3.1 changes in Liquid, as a set of filters and tags a host installs on a
/// `LiquidEnvironment`: Jekyll's `where`, `find` and `sort` replace Liquid's (`where` compares as
/// strings, `sort` puts nils first and takes a nils order) and its `include` tag takes
/// `key=value` parameters exposed as `include.key`. The site model adds the rest of Jekyll's
/// filters on top of these.
public enum JekyllFlavor {
    /// Installs Jekyll's `where`, `find` and `sort`.
    public static func registerFilters(into env: inout LiquidEnvironment) {
        env.register(filter: "where", arity: 2...2) { input, args, context in
            try select(input, args, context, first: false)
        }
        env.register(filter: "find", arity: 2...2) { input, args, context in
            try select(input, args, context, first: true)
        }
        env.register(filter: "sort", arity: 0...2) { input, args, context in
            try sort(input, property: args[0], nils: args.isGiven(1) ? args[1] : .string("first"), context)
        }
    }

    /// Installs Jekyll's `include` tag (or, with another name and a resolver, `include_relative`),
    /// reading includes through the environment's file system (which should look in `_includes`);
    /// `resolve` maps the written file name to the name asked of the file system.
    public static func registerIncludeTag(into env: inout LiquidEnvironment, name: String = "include",
                                          resolve: JekyllIncludeTag.Resolver? = nil) {
        env.register(tag: name, JekyllIncludeTag.Parser(resolve: resolve))
    }

    // MARK: where / find

    static func select(_ input: Value, _ args: FilterArguments, _ context: RenderContext, first: Bool) throws -> Value {
        let property = args[0], target = args[1]
        if !property.isTruthy { return input }
        switch target {
        case .array, .hash: return input
        default: break
        }
        let items: [Value]
        switch input {
        case .array(let a): items = a
        case .hash(let h): items = h.values
        case .range(let r): items = r.values
        case .drop(let d):
            guard let list = try d.items(in: context) else { return input }
            items = list
        default: return input
        }
        let key = property.rubyString
        let wanted = target.isNil ? nil : target.rubyString
        // Debian's Jekyll makes `empty`/`blank` a literal that also matches empty arrays (and nil).
        let emptyLiteral = args.emptyLiteralPositions.contains(1)
        var matches: [Value] = []
        for item in items {
            let value = try itemProperty(item, key, context)
            let isMatch = emptyLiteral ? Self.isEmptyForLiteral(value) : Self.matches(value, wanted)
            if isMatch {
                if first { return item }
                matches.append(item)
            }
        }
        return first ? .nil : .array(matches)
    }

    /// Jekyll's `compare_property_vs_target`: nil matches nil; otherwise compared as strings, an
    /// array property matching when any element does.
    static func matches(_ property: Value, _ target: String?) -> Bool {
        guard let target else { return property.isNil }
        switch property {
        case .string(let s): return s == target
        case .nil: return false
        case .array(let a): return a.contains { $0.rubyString == target }
        case .hash(let h): return h.pairArrays.contains { $0.rubyString == target }
        default: return property.rubyString == target
        }
    }

    /// `property == "" || Array(property).join == ""`.
    static func isEmptyForLiteral(_ property: Value) -> Bool {
        switch property {
        case .nil: return true
        case .array(let a): return Value.array(a).outputString.isEmpty
        case .hash(let h): return h.isEmpty
        default: return property.rubyString.isEmpty
        }
    }

    /// Jekyll's `item_property`: the (dotted) property of the item, numeric-looking strings
    /// turned into numbers.
    public static func itemProperty(_ item: Value, _ property: String, _ context: RenderContext) throws -> Value {
        var value: Value
        if property.utf8.contains(UInt8(ascii: ".")) {
            value = item
            for key in property.split(separator: ".", omittingEmptySubsequences: false) {
                guard let next = try subscriptValue(value, String(key), context, strictMissing: false) else {
                    value = .bool(false)
                    break
                }
                value = next
            }
        } else {
            value = try subscriptValue(item, property, context, strictMissing: true) ?? .nil
        }
        return numericLooking(value)
    }

    /// `data[key]`; nil when the value has no `[]` (an error unless `strictMissing` is false).
    private static func subscriptValue(_ data: Value, _ key: String, _ context: RenderContext,
                                       strictMissing: Bool) throws -> Value? {
        switch data {
        case .hash(let h): return h[key] ?? .nil
        case .drop(let d): return try d.value(forKey: key, in: context) ?? .nil
        case .string(let s): return s.contains(key) ? .string(key) : .nil
        case .array, .int:
            throw LiquidError(.internal, "no implicit conversion of String into Integer")
        default:
            if strictMissing { throw LiquidError(.internal, "undefined method `[]' for \(data.inspect)") }
            return nil
        }
    }

    /// Jekyll's `parse_sort_input`: "42" → 42, " 1.5 " → 1.5, anything else unchanged. Numbers,
    /// nil and booleans come back as they are (their text parses to themselves or not at all).
    static func numericLooking(_ value: Value) -> Value {
        let s: String
        switch value {
        case .int, .nil, .bool: return value
        case .string(let text): s = text
        default: s = value.rubyString
        }
        // `\A\s*-?\d+\s*\Z` or `\A\s*-?(\d+\.?\d*|\.\d+)\s*\Z` on the bytes; `\Z` allows one final newline.
        var bytes = Substring(s).utf8[...]
        if bytes.last == 0x0A { bytes = bytes.dropLast() }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b &- 0x09 < 5 }
        while let b = bytes.first, isSpace(b) { bytes = bytes.dropFirst() }
        while let b = bytes.last, isSpace(b) { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return value }
        let trimmed = bytes
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
        let whole = bytes.prefix(while: isDigit)
        let rest = bytes[whole.endIndex...]
        if rest.isEmpty {
            return whole.isEmpty ? value : .int(Int(Substring(trimmed)) ?? 0)
        }
        guard rest.first == UInt8(ascii: "."), rest.dropFirst().allSatisfy(isDigit),
              !whole.isEmpty || rest.count > 1 else { return value }
        let text = String(Substring(trimmed))
        return .float(Double(text.hasSuffix(".") ? text + "0" : text) ?? 0)
    }

    // MARK: sort

    static func sort(_ input: Value, property: Value, nils: Value, _ context: RenderContext) throws -> Value {
        if input.isNil { throw LiquidError.argument("Cannot sort a null object.") }
        var items: [Value]
        switch input {
        case .array(let a): items = a
        case .hash(let h): items = h.pairArrays
        case .range(let r): items = r.values
        case .drop(let d):
            guard let list = try d.items(in: context) else { throw noMethod("sort", input) }
            items = list
        default: throw noMethod("sort", input)
        }
        if property.isNil {
            return .array(try RubySort.sort(items) { a, b in
                guard let c = a.rubyCompare(b) else { throw a.comparisonError(with: b) }
                return c
            })
        }
        let nilOrder: Int
        switch nils.rubyString {
        case "first": nilOrder = -1
        case "last": nilOrder = 1
        default:
            throw LiquidError.argument("Invalid nils order: '\(nils.rubyString)' is not a valid nils order. It must be 'first' or 'last'.")
        }
        let key = property.rubyString
        var keys: [Value] = []
        keys.reserveCapacity(items.count)
        for item in items { keys.append(try itemProperty(item, key, context)) }
        // The positions are sorted, not (key, item) pairs: the same comparisons in the same
        // order, without copying (and retaining) values on every move.
        let order = try RubySort.sort(Array(keys.indices)) { i, j in
            let a = keys[i], b = keys[j]
            switch (a.isNil, b.isNil) {
            case (false, true): return -nilOrder
            case (true, false): return nilOrder
            default: return a.rubyCompare(b) ?? Self.compareStrings(a.rubyString, b.rubyString)
            }
        }
        return .array(order.map { items[$0] })
    }

    static func compareStrings(_ a: String, _ b: String) -> Int {
        a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a.utf8.elementsEqual(b.utf8) ? 0 : 1)
    }

    static func noMethod(_ name: String, _ value: Value) -> LiquidError {
        LiquidError(.internal, "undefined method `\(name)' for \(value.inspect):\(value.rubyClassName)")
    }

}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" || f == "\u{0B}" || f == "\u{0C}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" || l == "\u{0B}" || l == "\u{0C}" { s = s.dropLast() }
        return s
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
