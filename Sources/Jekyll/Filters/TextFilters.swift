import Liquid

/// Jekyll's text filters: `slugify`, `normalize_whitespace`, `number_of_words`,
/// `array_to_sentence_string`, `markdownify`, `smartify`, `sassify`, `scssify`, `jsonify`,
/// `inspect`, `to_integer`.
public enum TextFilters {
    static func register(into env: inout LiquidEnvironment) {
        env.register(filter: "slugify", arity: 0...1) { input, args, _ in
            if input.isNil { return .nil }
            let mode = args[0].isNil ? nil : args[0].rubyString
            guard case .string(let s) = input.primitive else {
                // Jekyll lower-cases the input under a mode it does not know, and replaces
                // characters in it under the others: the first call a number has no method for.
                let method = Slugify.modes.contains(mode ?? "default") ? "gsub" : "downcase"
                throw LiquidError(.internal, "undefined method `\(method)' for \(input.inspect):\(input.rubyClassName)")
            }
            return .string(Slugify.slugify(s, mode: mode))
        }
        env.register(filter: "normalize_whitespace", arity: 0...0) { input, _, _ in
            .string(normalizeWhitespace(input.rubyString))
        }
        env.register(filter: "number_of_words", arity: 0...1) { input, args, _ in
            guard !input.isNil else { throw LiquidError(.internal, "undefined method `split' for nil:NilClass") }
            return .int(wordCount(input.rubyString, mode: args[0].isNil ? nil : args[0].rubyString))
        }
        env.register(filter: "array_to_sentence_string", arity: 0...1) { input, args, context in
            let items = try input.primitive.arrayValue ?? sequence(input, context) ?? [input]
            let connector = args.isGiven(0) ? args[0].rubyString : "and"
            switch items.count {
            case 0: return ""
            case 1: return .string(items[0].rubyString)
            case 2: return .string("\(items[0].rubyString) \(connector) \(items[1].rubyString)")
            default:
                let head = items.dropLast().map(\.rubyString).joined(separator: ", ")
                return .string("\(head), \(connector) \(items.last!.rubyString)")
            }
        }
        env.register(filter: "markdownify", arity: 0...0) { input, _, context in
            let scope = try context.requireJekyll()
            let build = scope.build
            let text = input.rubyString
            // Printed paragraphs (an excerpt) come back as they are: no need to remember them.
            // (The converters are read in place: a copy of them retained each of their fields.)
            if case .kramdown(let kramdown) = build.converters.markdown, let html = kramdown.htmlWithoutParsing(text) {
                return .string(html)
            }
            let converters = build.converters
            // Remembered only where no warning would be printed again on the next call.
            let memo = converters.showsMarkdownWarnings ? nil : scope.build.markdownified
            if let known = memo?.html(for: text) { return .string(known) }
            let output = try converters.markdown.convertReportingWarnings(text)
            if converters.showsMarkdownWarnings {
                // kramdown's lines here are of the filter's input, which is nowhere in a file
                for warning in output.warnings { scope.build.site.logger.warn("Kramdown warning:", warning.kramdownMessage) }
            }
            memo?.remember(output.html, for: text)
            return .string(output.html)
        }
        env.register(filter: "smartify", arity: 0...0) { input, _, context in
            let scope = try context.requireJekyll()
            return .string(scope.build.converters.smartify(input.rubyString))
        }
        env.register(filter: "sassify", arity: 0...0) { input, _, context in
            try sassify(input, syntax: .sass, context)
        }
        env.register(filter: "scssify", arity: 0...0) { input, _, context in
            try sassify(input, syntax: .scss, context)
        }
        env.register(filter: "jsonify", arity: 0...0) { input, _, context in
            .string(JSON.string(try JSONValues.plain(input, depth: 0, context: context)))
        }
        env.register(filter: "inspect", arity: 0...0) { input, _, context in
            .string(XML.escape(try JSONValues.plain(input, depth: 0, context: context).inspect))
        }
        env.register(filter: "to_integer", arity: 0...0) { input, _, _ in
            switch input.primitive {
            case .bool(let b): return .int(b ? 1 : 0)
            case .int: return input.primitive
            case .float(let d): return .int(RubyNumber.truncatedInt(d))
            case .nil: return .int(0)
            default: return .int(RubyNumber.stringToI(input.rubyString))
            }
        }
    }

    static func sequence(_ input: Value, _ context: RenderContext) throws -> [Value]? {
        if case .drop(let d) = input { return try d.items(in: context) }
        return nil
    }

    static func sassify(_ input: Value, syntax: ConverterKind, _ context: RenderContext) throws -> Value {
        let scope = try context.requireJekyll()
        let stand = Document(kind: .item(collection: ""), path: "", relativePath: "", name: "", content: "")
        do {
            return .string(try scope.build.converters.sass.convert(input.rubyString, syntax: syntax, page: stand).css)
        } catch {
            throw LiquidError(.argument, error.message)
        }
    }

    /// Ruby's `\s` and `split` whitespace: space, tab, line feed, vertical tab, form feed, return.
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b &- 0x09 < 5 }

    /// Ruby's `gsub(/\s+/, " ").strip`: runs of ASCII whitespace become one space, none at either
    /// end. Text already so (most of it) is returned as it is.
    public static func normalizeWhitespace(_ text: String) -> String {
        let original = text
        var text = text
        return text.withUTF8 { bytes -> String in
            // Already normalized: no space at either end, no whitespace but single spaces.
            var previous: UInt8 = 0x20
            var unchanged = true
            for b in bytes {
                if isSpace(b) && (b != 0x20 || previous == 0x20) { unchanged = false; break }
                previous = b
            }
            if unchanged && previous != 0x20 || bytes.isEmpty { return original }
            // Written straight into the new string's storage (an array appended byte by byte tested
            // its uniqueness at every byte: 50 instructions a byte of a post's excerpt).
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var pendingSpace = false
                for b in bytes {
                    if isSpace(b) {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace {
                            out[n] = 0x20
                            n += 1
                            pendingSpace = false
                        }
                        out[n] = b
                        n += 1
                    }
                }
                return n
            }
        }
    }

    /// Words in a text; in `cjk` mode (or `auto` when there are CJK characters) each CJK character
    /// counts as a word.
    static func wordCount(_ text: String, mode: String?) -> Int {
        func isCJK(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B,
                 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FD...0x30FF, 0x3131...0x318E,
                 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF,
                 0xF900...0xFAFF, 0xFF66...0xFF9D, 0xFFA0...0xFFDC, 0x1B000...0x1B16F, 0x20000...0x3134F:
                return true
            default:
                return false
            }
        }
        func cjkAware() -> Int {
            var count = 0
            var inWord = false
            for s in text.unicodeScalars {
                if isCJK(s) { count += 1; inWord = false } else if s.properties.isWhitespace { inWord = false } else if !inWord {
                    count += 1; inWord = true
                }
            }
            return count
        }
        func words() -> Int {
            var text = text
            return text.withUTF8 { TextFilters.wordStarts(in: $0) }
        }
        switch mode {
        case "cjk": return cjkAware()
        case "auto": return text.unicodeScalars.contains(where: isCJK) ? cjkAware() : words()
        default: return words()
        }
    }
}

/// `markdownify`'s results for short inputs, for one build: a theme converting the same bio or
/// tagline on every page converts it once. Long texts (a page's content) are not kept.
final class MarkdownifyMemo: Sendable {
    static let longestInput = 1024
    private let results = Locked<[BytesKey: String]>([:])

    func html(for text: String) -> String? {
        guard text.utf8.count <= Self.longestInput else { return nil }
        return results.withLock { $0[BytesKey(text)] }
    }

    func remember(_ html: String, for text: String) {
        guard text.utf8.count <= Self.longestInput else { return }
        results.withLock { $0[BytesKey(text)] = html }
    }
}

/// A text hashed and compared by its bytes, as Ruby compares strings. A `String` key hashes
/// non-ASCII text in normalized form (~60 instructions a byte: remembering a post's excerpt with
/// one accented letter cost more than converting it).
struct BytesKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: BytesKey, b: BytesKey) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in p.elementsEqual(q) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
