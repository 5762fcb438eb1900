/// JSON to values and back, keeping what Foundation's parser blurs: `true` is a boolean, `1` an
/// integer, `1.0` a float, and objects keep their key order.
public enum JSON {
    public static func parse(_ text: String) throws -> Value {
        var p = JSONReader(bytes: Array(text.utf8))
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == p.bytes.count else { throw p.error("unexpected text after the value") }
        return v
    }

    /// Ruby's `JSON.generate` of a value (times as their `to_s`, drops as their string).
    public static func string(_ value: Value) -> String {
        var out = OutputBuffer(reservingCapacity: 256)
        append(value, to: &out)
        return out.string
    }

    public static func append(_ value: Value, to out: inout String) {
        out += string(value)
    }

    /// Written as bytes: appending to a `String` piece by piece cost several times more.
    public static func append(_ value: Value, to out: inout OutputBuffer) {
        switch value {
        case .nil: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.appendInteger(i)
        case .float(let f): out.append(f.isFinite ? RubyFloat.format(f) : "null")
        case .string(let s): appendString(s, to: &out)
        case .array(let a):
            out.append(byte: UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(byte: UInt8(ascii: ",")) }
                append(v, to: &out)
            }
            out.append(byte: UInt8(ascii: "]"))
        case .hash(let h):
            out.append(byte: UInt8(ascii: "{"))
            var first = true
            for (k, v) in h.pairs {
                if !first { out.append(byte: UInt8(ascii: ",")) }
                first = false
                appendString(k.rubyString, to: &out)
                out.append(byte: UInt8(ascii: ":"))
                append(v, to: &out)
            }
            out.append(byte: UInt8(ascii: "}"))
        case .range(let r): appendString("\(r.lower)..\(r.upper)", to: &out)
        default: appendString(value.rubyString, to: &out)
        }
    }

    /// A JSON string literal.
    public static func appendString(_ s: String, to out: inout String) {
        var buffer = OutputBuffer(reservingCapacity: s.utf8.count + 2)
        appendString(s, to: &buffer)
        out += buffer.string
    }

    /// A JSON string literal. Only ASCII bytes are ever escaped, so the text between them is copied
    /// in runs (whole, for the common string with nothing to escape).
    static func appendString(_ s: String, to out: inout OutputBuffer) {
        out.append(byte: UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                // Eight bytes at a time while none of them needs escaping (most of a description).
                if i + 8 <= utf8.count,
                   !mayNeedEscaping(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = utf8[i]
                i += 1
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                let at = i - 1
                if at > runStart { out.append(bytes: utf8.baseAddress! + runStart, count: at - runStart) }
                switch b {
                case UInt8(ascii: "\""): out.append("\\\"")
                case UInt8(ascii: "\\"): out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                case 0x08: out.append("\\b")
                case 0x0C: out.append("\\f")
                default:
                    let hex = String(b, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                }
                runStart = at + 1
            }
            if utf8.count > runStart { out.append(bytes: utf8.baseAddress! + runStart, count: utf8.count - runStart) }
        }
        out.append(byte: UInt8(ascii: "\""))
    }
}

/// Whether any of eight bytes is a C0 control, `"` or `\\` (may: the word is then looked at
/// byte by byte). Bytes of 0x80 and above never count.
@inline(__always)
private func mayNeedEscaping(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
    let control = (w &- ones &* 0x20) & ~w & highs != 0
    return control || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
}

private struct JSONReader {
    let bytes: [UInt8]
    var i = 0

    func error(_ message: String) -> LiquidError {
        LiquidError(.argument, "invalid JSON at byte \(i): \(message)")
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
    }

    mutating func value(depth: Int) throws -> Value {
        guard depth < 512 else { throw error("nested too deeply") }
        guard i < bytes.count else { throw error("unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var h = OrderedHash()
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .hash(h) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a key") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
                i += 1
                skipSpace()
                h[key] = try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                guard bytes[i] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
                i += 1
                return .hash(h)
            }
        case UInt8(ascii: "["):
            i += 1
            var a: [Value] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(a) }
            while true {
                skipSpace()
                a.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                guard bytes[i] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
                i += 1
                return .array(a)
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .nil
        default:
            return try number()
        }
    }

    mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw error("unexpected token") }
        i += w.count
    }

    mutating func number() throws -> Value {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        var isFloat = false
        while i < bytes.count {
            let c = bytes[i]
            if isDigit(c) {
                i += 1
            } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
                || ((c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && i > start)
            {
                isFloat = true
                i += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard i > start, text != "-" else { throw error("unexpected character") }
        if !isFloat, let n = Int(text) { return .int(n) }
        guard let d = Double(text) else { throw error("bad number") }
        return .float(d)
    }

    mutating func string() throws -> String {
        i += 1
        var out = [UInt8]()
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { break }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if code >= 0xD800 && code < 0xDC00, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                        bytes[i + 1] == UInt8(ascii: "u")
                    {
                        i += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out.append(contentsOf: String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        throw error("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("bad escape") }
        var v: UInt32 = 0
        for k in 0..<4 {
            guard let h = EscapingFilters.hexValue(bytes[i + k]) else { throw error("bad escape") }
            v = v << 4 | UInt32(h)
        }
        i += 4
        return v
    }
}
