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
        env.register(filter: "split", arity: 1...1) { input, args, _ in
            .array(split(input.rubyString, args[0].rubyString).map { .string($0) })
        }
        env.register(filter: "strip", arity: 0...0) { input, _, _ in .string(LaxScanner.rubyStrip(input.rubyString)) }
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
        guard let first = s.unicodeScalars.first else { return s }
        let rest = String(String.UnicodeScalarView(s.unicodeScalars.dropFirst()))
        return String(first).uppercased() + rest.lowercased()
    }

    /// Byte-wise search, as Ruby's `gsub`/`sub` with a string pattern.
    static func ranges(of needle: String, in haystack: String) -> [Range<String.Index>] {
        guard !needle.isEmpty else { return [] }
        var result: [Range<String.Index>] = []
        var searchStart = haystack.utf8.startIndex
        let n = Array(needle.utf8)
        while let r = haystack.utf8[searchStart...].firstRange(of: n) {
            result.append(r)
            searchStart = r.upperBound
        }
        return result
    }

    static func replaceAll(_ s: String, _ pattern: String, _ replacement: String) -> String {
        if pattern.isEmpty {
            // Ruby inserts the replacement between every character and at both ends.
            var out = replacement
            for scalar in s.unicodeScalars {
                out.unicodeScalars.append(scalar)
                out += replacement
            }
            return out
        }
        let found = ranges(of: pattern, in: s)
        guard !found.isEmpty else { return s }
        var out = ""
        var last = s.startIndex
        for r in found {
            out += s[last..<r.lowerBound]
            out += replacement
            last = r.upperBound
        }
        out += s[last...]
        return out
    }

    static func replaceFirst(_ s: String, _ pattern: String, _ replacement: String) -> String {
        if pattern.isEmpty { return replacement + s }
        guard let r = s.utf8.firstRange(of: pattern.utf8) else { return s }
        return String(s[..<r.lowerBound]) + replacement + String(s[r.upperBound...])
    }

    static func replaceLast(_ s: String, _ pattern: String, _ replacement: String) -> String {
        if pattern.isEmpty { return s + replacement }
        guard let r = ranges(of: pattern, in: s).last else { return s }
        return String(s[..<r.lowerBound]) + replacement + String(s[r.upperBound...])
    }

    static func replaceNewlines(_ s: String, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingCR = false
        for scalar in s.unicodeScalars {
            if pendingCR {
                pendingCR = false
                if scalar == "\n" {
                    out += replacement
                    continue
                }
                out += "\r"
            }
            if scalar == "\r" {
                pendingCR = true
            } else if scalar == "\n" {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if pendingCR { out += "\r" }
        return out
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
    static func split(_ s: String, _ pattern: String, limit: Int = 0) -> [String] {
        var fields: [String] = []
        if pattern == " " {
            fields = awkSplit(s, limit: limit)
        } else if pattern.isEmpty {
            fields = s.unicodeScalars.map { String($0) }
        } else {
            var last = s.startIndex
            for r in ranges(of: pattern, in: s) {
                fields.append(String(s[last..<r.lowerBound]))
                last = r.upperBound
            }
            fields.append(String(s[last...]))
        }
        if limit == 0 { while fields.last?.isEmpty == true { fields.removeLast() } }
        return fields
    }

    /// Whitespace splitting; with a limit, the last field is the unsplit rest.
    static func awkSplit(_ s: String, limit: Int) -> [String] {
        var fields: [String] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            while i < b.count && isRubySpace(b[i]) { i += 1 }
            guard i < b.count else { break }
            if limit > 0 && fields.count == limit - 1 {
                fields.append(String(decoding: b[i...], as: UTF8.self))
                return fields
            }
            let start = i
            while i < b.count && !isRubySpace(b[i]) { i += 1 }
            fields.append(String(decoding: b[start..<i], as: UTF8.self))
        }
        return fields
    }

    static func truncate(_ input: Value, _ args: FilterArguments) throws -> Value {
        if input.isNil { return .nil }
        let s = input.rubyString
        let length = args.isGiven(0) ? try RubyNumber.toInteger(args[0]) : 50
        let ellipsis = args.isGiven(1) ? args[1].rubyString : "..."
        let scalars = s.unicodeScalars
        guard scalars.count > length else { return .string(s) }
        let keep = max(length - ellipsis.unicodeScalars.count, 0)
        return .string(String(String.UnicodeScalarView(scalars.prefix(keep))) + ellipsis)
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
        var list = awkSplit(s, limit: words + 1)
        guard list.count > words else { return .string(s) }
        list.removeLast()
        return .string(list.joined(separator: " ") + ellipsis)
    }

    static func slice(_ input: Value, _ args: FilterArguments) throws -> Value {
        let offset = try RubyNumber.toInteger(args[0])
        let length = args.isGiven(1) && !args[1].isNil ? try RubyNumber.toInteger(args[1]) : 1
        if case .array(let a) = input {
            return .array(rubySlice(a, offset, length) ?? [])
        }
        let scalars = Array(input.rubyString.unicodeScalars)
        guard let part = rubySlice(scalars, offset, length) else { return .string("") }
        return .string(String(String.UnicodeScalarView(part)))
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
