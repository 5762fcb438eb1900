import ValidUTF8

/// String filters: case, concatenation, replacement, splitting, stripping, truncation, slicing.
enum StringFilters {
    static func register(into env: inout LiquidEnvironment) {
        env.register(filter: "downcase", arity: 0...0) { input, _, _ in .string(input.rubyString.lowercased()) }
        env.register(filter: "upcase", arity: 0...0) { input, _, _ in .string(input.rubyString.uppercased()) }
        env.register(filter: "capitalize", arity: 0...0) { input, _, _ in .string(capitalize(input.rubyString)) }
        env.register(filter: "append", arity: 1...1) { input, args, _ in .string(input.rubyString + args[0].rubyString) }
        env.register(filter: "prepend", arity: 1...1) { input, args, _ in .string(args[0].rubyString + input.rubyString) }
        env.register(filter: "remove", arity: 1...1) { input, args, _ in
            .string(replaceAll(input.rubyString, args[0].rubyString, ""))
        }
        env.register(filter: "remove_first", arity: 1...1) { input, args, _ in
            .string(replaceFirst(input.rubyString, args[0].rubyString, ""))
        }
        env.register(filter: "remove_last", arity: 1...1) { input, args, _ in
            .string(replaceLast(input.rubyString, args[0].rubyString, ""))
        }
        env.register(filter: "replace", arity: 1...2) { input, args, _ in
            .string(replaceAll(input.rubyString, args[0].rubyString, args.isGiven(1) ? args[1].rubyString : ""))
        }
        env.register(filter: "replace_first", arity: 1...2) { input, args, _ in
            .string(replaceFirst(input.rubyString, args[0].rubyString, args.isGiven(1) ? args[1].rubyString : ""))
        }
        env.register(filter: "replace_last", arity: 2...2) { input, args, _ in
            .string(replaceLast(input.rubyString, args[0].rubyString, args[1].rubyString))
        }
        env.register(FilterDefinition("split", arity: 1...1, standard: .split) { input, args, _ in
            .array(split(input.rubyString, args[0].rubyString).map { .string($0) })
        })
        env.register(filter: "strip", arity: 0...0) { input, _, _ in .string(input.rubyString.rubyStripped) }
        env.register(filter: "lstrip", arity: 0...0) { input, _, _ in .string(lstrip(input.rubyString)) }
        env.register(filter: "rstrip", arity: 0...0) { input, _, _ in .string(rstrip(input.rubyString)) }
        env.register(filter: "strip_newlines", arity: 0...0) { input, _, _ in
            .string(replaceNewlines(input.rubyString, with: ""))
        }
        env.register(filter: "newline_to_br", arity: 0...0) { input, _, _ in
            .string(replaceNewlines(input.rubyString, with: "<br />\n"))
        }
        env.register(filter: "truncate", arity: 0...2) { input, args, _ in try truncate(input, args) }
        env.register(filter: "truncatewords", arity: 0...2) { input, args, _ in try truncateWords(input, args) }
        env.register(filter: "slice", arity: 1...2) { input, args, _ in try slice(input, args) }
    }

    /// Ruby's `capitalize`: the first character upper case, the rest lower case.
    static func capitalize(_ s: String) -> String {
        if s.isAllASCII {
            // Written straight into the new string (no byte array, no UTF-8 validation).
            var source = s
            return source.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { out in
                    for i in 0..<bytes.count {
                        let c = bytes[i]
                        if i == 0 { out[i] = c >= 97 && c <= 122 ? c - 32 : c }
                        else { out[i] = c >= 65 && c <= 90 ? c + 32 : c }
                    }
                    return bytes.count
                }
            }
        }
        guard let first = s.unicodeScalars.first else { return s }
        let rest = UTF8Text.substring(s, bytes: String(first).utf8.count..<s.utf8.count)
        return String(first).uppercased() + rest.lowercased()
    }

    static func replaceAll(_ s: String, _ pattern: String, _ replacement: String) -> String {
        if pattern.isEmpty {
            // Ruby inserts the replacement between every character and at both ends.
            return replacement + UTF8Text.scalars(s).map { $0 + replacement }.joined()
        }
        return UTF8Text.replacing(s, UTF8Text.occurrences(of: pattern, in: s), with: replacement)
    }

    static func replaceFirst(_ s: String, _ pattern: String, _ replacement: String) -> String {
        if pattern.isEmpty { return replacement + s }
        var h = s, n = pattern
        guard let i = h.withUTF8({ hb in n.withUTF8 { nb in UTF8Text.find(nb, in: hb) } }) else { return s }
        return UTF8Text.replacing(s, [i..<(i + pattern.utf8.count)], with: replacement)
    }

    static func replaceLast(_ s: String, _ pattern: String, _ replacement: String) -> String {
        if pattern.isEmpty { return s + replacement }
        // The last occurrence, overlapping ones included (Ruby's rindex).
        var h = s, n = pattern
        let last = h.withUTF8 { hb in
            n.withUTF8 { nb -> Int? in
                var found: Int?
                var from = 0
                while let i = UTF8Text.find(nb, in: hb, from: from) {
                    found = i
                    from = i + 1
                }
                return found
            }
        }
        guard let i = last else { return s }
        return UTF8Text.replacing(s, [i..<(i + pattern.utf8.count)], with: replacement)
    }

    static func replaceNewlines(_ s: String, with replacement: String) -> String {
        var found: [Range<Int>] = []
        var s = s
        s.withUTF8 { b in
            var i = 0
            while i < b.count {
                if b[i] == 10 {
                    found.append(i..<(i + 1))
                } else if b[i] == 13, i + 1 < b.count, b[i + 1] == 10 {
                    found.append(i..<(i + 2))
                    i += 1
                }
                i += 1
            }
        }
        return UTF8Text.replacing(s, found, with: replacement)
    }

    static func lstrip(_ s: String) -> String {
        let u = s.utf8
        guard let i = u.firstIndex(where: { !isRubyStripSpace($0) }) else { return "" }
        return String(s[i...])
    }

    static func rstrip(_ s: String) -> String {
        let u = s.utf8
        guard let i = u.lastIndex(where: { !isRubyStripSpace($0) }) else { return "" }
        return String(s[...i])
    }

    /// Ruby's `String#split(pattern)`: `" "` splits on runs of whitespace ignoring leading
    /// whitespace, `""` into characters; trailing empty fields are dropped.
    static func split(_ s: String, _ pattern: String) -> [String] {
        var fields: [String]
        if pattern == " " {
            fields = UTF8Text.whitespaceFields(s)
        } else if pattern.isEmpty {
            fields = UTF8Text.scalars(s)
        } else {
            fields = UTF8Text.fields(s, separatedBy: pattern)
        }
        while fields.last?.isEmpty == true { fields.removeLast() }
        return fields
    }

    static func truncate(_ input: Value, _ args: FilterArguments) throws -> Value {
        if input.isNil { return .nil }
        let s = input.rubyString
        let length = args.isGiven(0) ? try RubyNumber.toInteger(args[0]) : 50
        let ellipsis = args.isGiven(1) ? args[1].rubyString : "..."
        guard UTF8Text.scalarCount(s) > length else { return .string(s) }
        let keep = max(length - UTF8Text.scalarCount(ellipsis), 0)
        return .string(UTF8Text.substring(s, scalarStart: 0, length: keep) + ellipsis)
    }

    static func truncateWords(_ input: Value, _ args: FilterArguments) throws -> Value {
        if input.isNil { return .nil }
        let s = input.rubyString
        var words = args.isGiven(0) ? try RubyNumber.toInteger(args[0]) : 15
        if words <= 0 { words = 1 }
        let ellipsis = args.isGiven(1) ? args[1].rubyString : "..."
        guard words < Int(Int32.max) else {
            throw LiquidError.argument("integer \(words) too big for truncatewords")
        }
        guard let kept = UTF8Text.firstWords(s, words) else { return .string(s) }
        return .string(kept + ellipsis)
    }

    static func slice(_ input: Value, _ args: FilterArguments) throws -> Value {
        let offset = try RubyNumber.toInteger(args[0])
        let length = args.isGiven(1) && !args[1].isNil ? try RubyNumber.toInteger(args[1]) : 1
        if case .array(let a) = input {
            return .array(rubySlice(a, offset, length) ?? [])
        }
        let s = input.rubyString
        let count = UTF8Text.scalarCount(s)
        var start = offset
        if start < 0 { start += count }
        guard start >= 0, start <= count, length >= 0 else { return .string("") }
        return .string(UTF8Text.substring(s, scalarStart: start, length: min(length, count - start)))
    }

    /// Ruby's `ary[start, length]`.
    static func rubySlice<T>(_ a: [T], _ start: Int, _ length: Int) -> [T]? {
        var s = start
        if s < 0 { s += a.count }
        guard s >= 0, s <= a.count, length >= 0 else { return nil }
        let e = s + min(length, a.count - s)
        return Array(a[s..<e])
    }
}
