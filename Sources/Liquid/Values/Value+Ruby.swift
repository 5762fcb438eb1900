/// How values print and compare: Ruby's `to_s`, `inspect`, `==` and `<=>` as ruby-liquid uses them.
extension Value {
    /// Ruby's `to_s`: what a filter sees when it turns its input into a string. Arrays and hashes
    /// give their `inspect` form here; `{{ }}` output joins arrays instead (see `outputString`).
    public var rubyString: String {
        switch self {
        case .nil: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return RubyFloat.format(f)
        case .string(let s): return s
        case .array, .hash: return inspect
        case .range(let r): return "\(r.lower)..\(r.upper)"
        case .time(let t): return t.description
        case .date(let d): return d.description
        case .drop(let d): return d.liquidString
        }
    }

    /// What `{{ value }}` writes: nil prints nothing, arrays are joined (flattened) without a separator.
    public var outputString: String {
        switch self {
        case .nil: return ""
        case .array(let a): return Value.joined(a, separator: "")
        default: return rubyString
        }
    }

    /// Ruby's `Array#join` as a new string. A list of strings only (a post's tags or categories)
    /// is copied into one string of its final length, and a single string given back as it is:
    /// appending grew the string piece by piece (~1 k instructions a `join`).
    static func joined(_ items: [Value], separator: String) -> String {
        var total = 0
        for item in items {
            guard case .string(let s) = item else {
                var out = ""
                appendJoined(items, separator: separator, to: &out)
                return out
            }
            total &+= s.utf8.count
        }
        guard items.count > 1 else {
            if case .string(let s)? = items.first { return s }
            return ""
        }
        var separator = separator
        return separator.withUTF8 { glue in
            total &+= glue.count &* (items.count &- 1)
            return String(unsafeUninitializedCapacity: total) { buffer in
                var n = 0
                func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
                    (buffer.baseAddress! + n).update(from: base, count: bytes.count)
                    n &+= bytes.count
                }
                for i in items.indices {
                    if i > 0 { copy(glue) }
                    guard case .string(var s) = items[i] else { continue }
                    s.withUTF8 { copy($0) }
                }
                return n
            }
        }
    }

    /// Ruby's `Array#join`: nested arrays are joined recursively, nil elements are empty.
    static func appendJoined(_ items: [Value], separator: String, to out: inout String) {
        var first = true
        for item in items {
            if case .array(let inner) = item {
                if !first { out += separator }
                appendJoined(inner, separator: separator, to: &out)
            } else {
                if !first { out += separator }
                out += item.rubyString
            }
            first = false
        }
    }

    /// Ruby's `inspect`: `"a"`, `nil`, `[1, "b"]`, `{"k"=>1}`.
    public var inspect: String {
        var out = ""
        appendInspect(to: &out)
        return out
    }

    func appendInspect(to out: inout String) {
        switch self {
        case .nil: out += "nil"
        case .string(let s): Value.appendInspectedString(s, to: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += ", " }
                v.appendInspect(to: &out)
            }
            out += "]"
        case .hash(let h):
            out += "{"
            var first = true
            for (k, v) in h.pairs {
                if !first { out += ", " }
                first = false
                k.appendInspect(to: &out)
                out += "=>"
                v.appendInspect(to: &out)
            }
            out += "}"
        case .time(let t): out += t.description
        case .date(let d): out += "#<Date: \(d.description)>"
        case .drop(let d): out += d.typeName
        default: out += rubyString
        }
    }

    static func appendInspectedString(_ s: String, to out: inout String) {
        out += "\""
        var previous: Unicode.Scalar = " "
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            case "{" where previous == "#", "$" where previous == "#", "@" where previous == "#":
                out.removeLast()
                out += "\\#" + String(u)
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
            previous = u
        }
        out += "\""
    }
}

extension Value {
    /// Liquid's `==` (Ruby's `==`): numbers compare by value across int and float, strings by
    /// bytes, arrays and hashes element-wise, drops by identity unless they stand for a primitive.
    public func liquidEquals(_ other: Value) -> Bool {
        // Common cases first, without unwrapping drops.
        switch (self, other) {
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return UTF8Text.bytesEqual(a, b)
        case (.nil, .nil): return true
        case (.drop, _), (_, .drop): break
        case (.int, .float), (.float, .int), (.float, .float), (.array, .array), (.hash, .hash): break
        default:
            if case .bool(let a) = self, case .bool(let b) = other { return a == b }
            return self == other
        }
        switch (self.primitive, other.primitive) {
        case (.int(let a), .int(let b)): return a == b
        case (.int(let a), .float(let b)): return Double(a) == b
        case (.float(let a), .int(let b)): return a == Double(b)
        case (.float(let a), .float(let b)): return a == b
        case (.string(let a), .string(let b)): return UTF8Text.bytesEqual(a, b)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !x.liquidEquals(y) { return false }
            return true
        case (.hash(let a), .hash(let b)): return a == b
        case (let a, let b): return a == b
        }
    }

    /// Ruby's `<=>` between two values, or nil when they do not compare (Ruby returns nil).
    public func rubyCompare(_ other: Value) -> Int? {
        switch (self.primitive, other.primitive) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.int(let a), .float(let b)): return Value.compareDoubles(Double(a), b)
        case (.float(let a), .int(let b)): return Value.compareDoubles(a, Double(b))
        case (.float(let a), .float(let b)): return Value.compareDoubles(a, b)
        case (.string(let a), .string(let b)): return Value.compareBytes(a, b)
        case (.time(let a), .time(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : nil
        case (.nil, .nil): return 0
        case (.array(let a), .array(let b)):
            for (x, y) in zip(a, b) {
                guard let c = x.rubyCompare(y) else { return nil }
                if c != 0 { return c }
            }
            return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
        default: return nil
        }
    }

    /// Ruby's error for values `<=>` cannot order: "comparison of String with 1 failed".
    public func comparisonError(with other: Value) -> LiquidError {
        let rhs: String
        switch other.primitive {
        case .nil, .bool, .int, .float: rhs = other.primitive.inspect
        default: rhs = other.rubyClassName
        }
        return LiquidError.argument("comparison of \(rubyClassName) with \(rhs) failed")
    }

    static func compareDoubles(_ a: Double, _ b: Double) -> Int? {
        if a.isNaN || b.isNaN { return nil }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    /// Byte-wise comparison, as Ruby compares strings.
    static func compareBytes(_ a: String, _ b: String) -> Int {
        var i = a.utf8.makeIterator()
        var j = b.utf8.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?):
                if x != y { return x < y ? -1 : 1 }
            }
        }
    }

    /// Whether the value has Ruby's `<`/`>` operators (numbers, strings, times, dates).
    var isOrderable: Bool {
        switch self.primitive {
        case .int, .float, .string, .time, .date: return true
        default: return false
        }
    }

    /// ActiveSupport's `blank?`, as newer Liquid emulates it for `== blank`.
    public var isBlank: Bool {
        switch self.primitive {
        case .nil: return true
        case .bool(let b): return !b
        case .int, .float: return false
        case .string(let s): return s.utf8.allSatisfy { $0 == 32 || ($0 >= 9 && $0 <= 13) }
        case .array(let a): return a.isEmpty
        case .hash(let h): return h.isEmpty
        case .range(let r): return r.isEmpty
        default: return false
        }
    }

    /// `empty?` for `== empty`: strings, arrays and hashes with nothing in them; nil is not empty.
    public var isEmptyCollection: Bool {
        switch self.primitive {
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .hash(let h): return h.isEmpty
        case .range(let r): return r.isEmpty
        default: return false
        }
    }
}
