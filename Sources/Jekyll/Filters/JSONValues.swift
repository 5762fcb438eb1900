import Liquid

/// Values as `jsonify` and `inspect` see them: drops turned into plain hashes (documents with
/// Jekyll's collapsing of `next`/`previous` below the second level), everything else as it is.
enum JSONValues {
    static func plain(_ value: Value, depth: Int, context: RenderContext) throws -> Value {
        switch value {
        case .array(let items):
            return .array(try items.map { try plain($0, depth: depth + 1, context: context) })
        case .hash(let h):
            var out = OrderedHash(minimumCapacity: h.count)
            for (k, v) in h.pairs { out[k] = try plain(v, depth: depth + 1, context: context) }
            return .hash(out)
        case .drop(let d):
            if let primitive = d.liquidValue { return try plain(primitive, depth: depth, context: context) }
            let shown: Value
            if let convertible = d as? JSONConvertible {
                shown = try convertible.jsonValue(depth: depth, context: context)
            } else if d is JekyllDrop {
                shown = .hash(try d.toHash(in: context))
            } else {
                shown = .hash(try d.toHash(in: context))
            }
            guard case .hash(let h) = shown else { return shown }
            var out = OrderedHash(minimumCapacity: h.count)
            for (k, v) in h.pairs { out[k] = try plain(v, depth: depth + 1, context: context) }
            return .hash(out)
        default:
            return value
        }
    }

    /// `inspect` prints drops as Ruby prints them; Jekyll's document and page drops as hashes.
    static func plainForInspect(_ value: Value, context: RenderContext) throws -> Value {
        try plain(value, depth: 0, context: context)
    }
}

/// Typography for plugins: `smartify`.
public enum Typography {
    public static func smartify(_ text: String) -> String { SmartyPants.convert(text) }
}

/// SmartyPants as Jekyll's `smartify` applies it (kramdown's SmartyPants parser): straight quotes
/// to curly ones, `--`/`---` to dashes, `...` to an ellipsis, `<<`/`>>` to guillemets; HTML tags
/// and entities left alone. (Kept here until the Markdown module offers its own.)
enum SmartyPants {
    static func convert(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        var i = 0
        func previousIsWordy() -> Bool {
            guard let last = out.last else { return false }
            return !(last.isWhitespace || "([{\u{2018}\u{201C}-".contains(last))
        }
        while i < chars.count {
            let c = chars[i]
            if c == "<", let close = chars[i...].firstIndex(of: ">") {
                out += String(chars[i...close]); i = close + 1; continue
            }
            if c == "&" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "#" { j += 1 }
                if j < chars.count, chars[j] == ";", j > i + 1 { out += String(chars[i...j]); i = j + 1; continue }
                out += "&amp;"; i += 1; continue
            }
            if c == "-", i + 2 < chars.count, chars[i + 1] == "-", chars[i + 2] == "-" { out += "\u{2014}"; i += 3; continue }
            if c == "-", i + 1 < chars.count, chars[i + 1] == "-" { out += "\u{2013}"; i += 2; continue }
            if c == ".", i + 2 < chars.count, chars[i + 1] == ".", chars[i + 2] == "." { out += "\u{2026}"; i += 3; continue }
            if c == "<", i + 1 < chars.count, chars[i + 1] == "<" { out += "\u{00AB}"; i += 2; continue }
            if c == ">", i + 1 < chars.count, chars[i + 1] == ">" { out += "\u{00BB}"; i += 2; continue }
            if c == "'" { out += previousIsWordy() ? "\u{2019}" : "\u{2018}"; i += 1; continue }
            if c == "\"" { out += previousIsWordy() ? "\u{201D}" : "\u{201C}"; i += 1; continue }
            if c == ">" { out += "&gt;"; i += 1; continue }
            out.append(c)
            i += 1
        }
        return out
    }
}
