/// `{::options key="value" /}`: kramdown parses each value by its option's type (booleans are
/// true unless `false` or empty, integers strictly, symbols without a leading colon, hashes and
/// lists from YAML-like text) and ignores values it cannot parse.
extension KramdownOptions {
    enum InlineResult { case set, unknown, forbidden, invalid }

    /// Option names kramdown (with the GFM parser) defines but whose effect this converter does
    /// not model; setting them is accepted, as kramdown accepts it.
    private static let acceptedWithoutEffect: Set<String> = [
        "html_to_native", "link_defs", "line_width", "latex_headers", "remove_block_html_tags",
        "remove_span_html_tags", "math_engine_opts", "remove_line_breaks_for_cjk", "list_indent",
        "gfm_quirks", "gfm_emojis", "gfm_emoji_opts"]

    mutating func setInline(_ key: String, _ value: String) -> InlineResult {
        func bool() -> Bool {
            let v = value.trimmingCharacters(in: " \t\n\r\u{0B}\u{0C}").lowercased()
            return v != "false" && !value.isEmpty
        }
        func symbol() -> String? {
            var v = value.trimmingCharacters(in: " \t\n\r\u{0B}\u{0C}")
            if v.hasPrefix(":") { v.removeFirst() }
            return v.isEmpty || v == "nil" ? nil : v
        }
        switch key {
        case "template", "forbidden_inline_options": return .forbidden
        case "auto_ids": autoIDs = bool()
        case "auto_id_stripping": autoIDStripping = bool()
        case "auto_id_prefix": autoIDPrefix = value
        case "transliterated_header_ids": transliteratedHeaderIDs = bool()
        case "parse_block_html": parseBlockHTML = bool()
        case "parse_span_html": parseSpanHTML = bool()
        case "hard_wrap": hardWrap = bool()
        case "footnote_backlink": footnoteBacklink = value
        case "footnote_backlink_inline": footnoteBacklinkInline = bool()
        case "footnote_prefix": footnotePrefix = value
        case "footnote_nr", "header_offset":
            guard let n = Int(value.trimmingCharacters(in: " \t")) else { return .invalid }
            if key == "footnote_nr" { footnoteNr = n } else { headerOffset = n }
        case "entity_output":
            guard let s = symbol(), let e = EntityOutput(rawValue: s) else { return .invalid }
            entityOutput = e
        case "math_engine":
            mathEngine = symbol().flatMap(MathEngine.init(rawValue:)) ?? .none
        case "syntax_highlighter":
            syntaxHighlighter = symbol().flatMap(SyntaxHighlighter.init(rawValue:)) ?? .none
        case "toc_levels":
            let v = value
            let b = Array(v.utf8)
            if b.count == 4, Byte.isDigit(b[0]), b[1] == Byte.dot, b[2] == Byte.dot, Byte.isDigit(b[3]) {
                let lo = Int(b[0] - 0x30), hi = Int(b[3] - 0x30)
                tocLevels = lo <= hi ? Set(lo...hi) : []
            } else if !b.isEmpty, b.allSatisfy({ Byte.isDigit($0) || $0 == 0x2C }), Byte.isDigit(b[0]), Byte.isDigit(b[b.count - 1]) {
                tocLevels = Set(v.split(separator: ",").compactMap { Int($0) })
            } else {
                return .invalid
            }
            guard tocLevels.allSatisfy({ (1...6).contains($0) }) else { return .invalid }
        case "smart_quotes":
            let parts = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4 else { return .invalid }
            smartQuotes = parts
        case "typographic_symbols":
            guard let map = FlowMap.parse(value) else { return .invalid }
            typographicSymbols = map.compactMapValues { $0.string }
        case "syntax_highlighter_opts":
            guard let map = FlowMap.parse(value) else { return .invalid }
            var shared = HighlighterOptions(defaultLang: map["default_lang"]?.string, guessLang: map["guess_lang"]?.truthy ?? false,
                                            disable: map["disable"]?.truthy ?? false)
            if shared.defaultLang == "nil" { shared.defaultLang = nil }
            shared.setFormatterOptions(map.mapValues(\.optionValue))
            func merged(_ sub: FlowMap.Value?) -> HighlighterOptions {
                var o = shared
                if case .map(let m)? = sub {
                    if let v = m["default_lang"] { o.defaultLang = v.string }
                    if let v = m["guess_lang"] { o.guessLang = v.truthy }
                    if let v = m["disable"] { o.disable = v.truthy }
                    o.setFormatterOptions(m.mapValues(\.optionValue))
                }
                return o
            }
            blockHighlighting = merged(map["block"])
            spanHighlighting = merged(map["span"])
        default:
            return Self.acceptedWithoutEffect.contains(key) ? .set : .unknown
        }
        return .set
    }
}

/// The small part of YAML that option values use: `{key: value, key: {…}}` with plain or quoted
/// scalars.
enum FlowMap {
    indirect enum Value {
        case scalar(String), map([String: Value])
        var string: String? { if case .scalar(let s) = self { return s } else { return nil } }
        var truthy: Bool {
            guard case .scalar(let s) = self else { return true }
            return !(s == "false" || s == "no" || s == "off" || s == "~" || s == "null" || s.isEmpty)
        }
        /// The value as YAML would type it: booleans, null, integers, else strings.
        var optionValue: OptionValue {
            switch self {
            case .map(let m): return .map(m.mapValues(\.optionValue))
            case .scalar(let s):
                switch s {
                case "false", "no", "off": return .bool(false)
                case "true", "yes", "on": return .bool(true)
                case "~", "null", "": return .null
                default: return Int(s).map(OptionValue.int) ?? .string(s)
                }
            }
        }
    }

    static func parse(_ text: String) -> [String: Value]? {
        let b = Array(text.utf8)
        var i = 0
        guard case .map(let m)? = value(b, &i) else { return nil }
        skip(b, &i)
        return i == b.count ? m : nil
    }

    private static func skip(_ b: Bytes, _ i: inout Int) {
        while i < b.count, Byte.isSpace(b[i]) { i += 1 }
    }

    private static func value(_ b: Bytes, _ i: inout Int) -> Value? {
        skip(b, &i)
        guard i < b.count else { return nil }
        if b[i] == Byte.lbrace {
            i += 1
            var m: [String: Value] = [:]
            skip(b, &i)
            if b.at(i) == Byte.rbrace { i += 1; return .map(m) }
            while i < b.count {
                guard case .scalar(let k)? = scalar(b, &i, stops: [Byte.colon]) else { return nil }
                guard b.at(i) == Byte.colon else { return nil }
                i += 1
                guard let v = value(b, &i) else { return nil }
                m[k] = v
                skip(b, &i)
                if b.at(i) == 0x2C { i += 1; continue }
                if b.at(i) == Byte.rbrace { i += 1; return .map(m) }
                return nil
            }
            return nil
        }
        return scalar(b, &i, stops: [0x2C, Byte.rbrace])
    }

    private static func scalar(_ b: Bytes, _ i: inout Int, stops: [UInt8]) -> Value? {
        skip(b, &i)
        if let q = b.at(i), q == Byte.quote || q == Byte.apos {
            guard let close = b[(i + 1)...].firstIndex(of: q) else { return nil }
            let s = b.string(i + 1..<close)
            i = close + 1
            return .scalar(s)
        }
        let start = i
        while i < b.count, !stops.contains(b[i]) { i += 1 }
        return .scalar(b.string(start..<i).trimmingCharacters(in: " \t\n\r"))
    }
}
