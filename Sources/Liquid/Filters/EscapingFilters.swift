/// HTML, URL and Base64 encodings.
public enum EscapingFilters {
    static func register(into env: inout LiquidEnvironment) {
        let escape: FilterDefinition.Body = { input, _, _ in
            switch input {
            case .nil: return .nil
            // A string with nothing to escape (most titles) is passed on as it came: made into a
            // string and a value again, it was retained and released once more per call.
            case .string(let s): return escapedHTML(of: s).map { .string($0) } ?? input
            default: return .string(escapeHTML(input.rubyString))
            }
        }
        env.register(filter: "escape", arity: 0...0, escape)
        env.register(filter: "h", arity: 0...0, escape)
        env.register(filter: "escape_once", arity: 0...0) { input, _, _ in .string(escapeOnce(input.rubyString)) }
        env.register(filter: "strip_html", arity: 0...0) { input, _, _ in .string(stripHTML(input.rubyString)) }
        env.register(filter: "url_encode", arity: 0...0) { input, _, _ in
            input.isNil ? .nil : .string(urlEncode(input.rubyString))
        }
        env.register(filter: "url_decode", arity: 0...0) { input, _, _ in
            if input.isNil { return .nil }
            let bytes = urlDecode(input.rubyString)
            let s = String(decoding: bytes, as: UTF8.self)
            guard s.utf8.elementsEqual(bytes) else {
                throw LiquidError.argument("invalid byte sequence in UTF-8")
            }
            return .string(s)
        }
        env.register(filter: "base64_encode", arity: 0...0) { input, _, _ in
            .string(Base64.encode(bytesOf(input.rubyString), urlSafe: false))
        }
        env.register(filter: "base64_url_safe_encode", arity: 0...0) { input, _, _ in
            .string(Base64.encode(bytesOf(input.rubyString), urlSafe: true))
        }
        env.register(filter: "base64_decode", arity: 0...0) { input, _, _ in
            guard let bytes = Base64.decode(input.rubyString, urlSafe: false) else {
                throw LiquidError.argument("invalid base64 provided to base64_decode")
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        }
        env.register(filter: "base64_url_safe_decode", arity: 0...0) { input, _, _ in
            guard let bytes = Base64.decode(input.rubyString, urlSafe: true) else {
                throw LiquidError.argument("invalid base64 provided to base64_url_safe_decode")
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The first of `& < > " '` (what `escape` replaces) in `b`, found eight bytes at a time:
    /// titles and names, escaped on every page that lists them, mostly have none, and testing
    /// each byte against five values cost ~9 instructions a byte. A word is tested for a zero
    /// byte after each of three folds: `&` and `'` (0x26, 0x27) alike once bit 0 is set, `<` and
    /// `>` (0x3C, 0x3E) once bit 1 is, and `"`.
    static func firstHTMLSpecial(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & (ones << 7) != 0 }
        var i = 0
        while i + 8 <= b.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasZeroByte((w | ones) ^ (ones &* 0x27)) || hasZeroByte((w | ones << 1) ^ (ones &* 0x3E))
                || hasZeroByte(w ^ (ones &* 0x22)) { break }
            i += 8
        }
        while i < b.count {
            switch base[i] {
            case 38, 60, 62, 34, 39: return i
            default: i += 1
            }
        }
        return nil
    }

    /// `CGI.escapeHTML`: & < > " '.
    public static func escapeHTML(_ s: String) -> String { escapedHTML(of: s) ?? s }

    /// `s` escaped; nil when nothing needs escaping.
    static func escapedHTML(of s: String) -> String? {
        // The bytes read in place: reaching them through a copy of the string (`withUTF8`)
        // retained and released it on every call.
        if let escaped = s.utf8.withContiguousStorageIfAvailable(escapedHTML) { return escaped }
        var s = s
        return s.withUTF8(escapedHTML)
    }

    /// `escapeHTML` of bytes; nil when nothing needs escaping.
    private static func escapedHTML(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = firstHTMLSpecial(b) else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(b.count + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<first]))
        for c in UnsafeBufferPointer(rebasing: b[first...]) {
            switch c {
            case 38: out.append(contentsOf: [38, 97, 109, 112, 59])            // &amp;
            case 60: out.append(contentsOf: [38, 108, 116, 59])               // &lt;
            case 62: out.append(contentsOf: [38, 103, 116, 59])               // &gt;
            case 34: out.append(contentsOf: [38, 113, 117, 111, 116, 59])     // &quot;
            case 39: out.append(contentsOf: [38, 35, 51, 57, 59])             // &#39;
            default: out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes like `escape` but leaves existing entities (`&amp;`, `&#20;`) alone.
    static func escapeOnce(_ s: String) -> String {
        let original = s
        var s = s
        return s.withUTF8 { b -> String in
            // Text with nothing to escape (most) is returned as it is; otherwise the runs between
            // the bytes to escape are copied whole.
            guard var i = firstHTMLSpecial(b) else { return original }
            var out = [UInt8]()
            out.reserveCapacity(b.count + 16)
            var runStart = 0
            while i < b.count {
                let c = b[i]
                let replacement: StaticString
                switch c {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case UInt8(ascii: "&") where !isEntity(b, at: i + 1): replacement = "&amp;"
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                i += 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `([a-zA-Z]+|#\d+);` at `i`: the entity `escape_once` leaves as it is.
    public static func isEntity(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var j = i
        if j < b.count, b[j] == UInt8(ascii: "#") {
            j += 1
            let start = j
            while j < b.count, isDigit(b[j]) { j += 1 }
            return j > start && j < b.count && b[j] == UInt8(ascii: ";")
        }
        let start = j
        while j < b.count, isAlpha(b[j]) { j += 1 }
        return j > start && j < b.count && b[j] == UInt8(ascii: ";")
    }

    /// Removes `<script>…</script>`, `<!-- … -->`, `<style>…</style>`, then every `<…>`.
    public static func stripHTML(_ s: String) -> String {
        let original = s
        var s = s
        return s.withUTF8 { b -> String in
            guard UTF8Text.nextByte(UInt8(ascii: "<"), in: b, from: 0) != nil else { return original }
            @inline(__always) func starts(_ p: StaticString, at k: Int) -> Bool {
                let n = p.utf8CodeUnitCount
                guard k + n <= b.count else { return false }
                let q = p.utf8Start
                for j in 0..<n where b[k + j] != q[j] { return false }
                return true
            }
            func end(of p: StaticString, from k: Int) -> Int? {
                var j = k
                while j + p.utf8CodeUnitCount <= b.count {
                    if b[j] == p.utf8Start[0] && starts(p, at: j) { return j + p.utf8CodeUnitCount }
                    j += 1
                }
                return nil
            }
            // First the blocks, then the tags (a tag may span what a removed block leaves). The
            // text between them is copied a run at a time, found with memchr.
            var first = [UInt8]()
            first.reserveCapacity(b.count)
            var i = 0
            while let lt = UTF8Text.nextByte(UInt8(ascii: "<"), in: b, from: i) {
                first.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<lt]))
                i = lt
                if starts("<script", at: i), let e = end(of: "</script>", from: i + 7) { i = e; continue }
                if starts("<!--", at: i), let e = end(of: "-->", from: i + 4) { i = e; continue }
                if starts("<style", at: i), let e = end(of: "</style>", from: i + 6) { i = e; continue }
                first.append(b[i])
                i += 1
            }
            first.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...]))
            return first.withUnsafeBufferPointer { f -> String in
                var out = [UInt8]()
                out.reserveCapacity(f.count)
                var i = 0
                // A `<` with a `>` after it starts a tag, removed; with none, the rest is text.
                while let lt = UTF8Text.nextByte(UInt8(ascii: "<"), in: f, from: i),
                      let gt = UTF8Text.nextByte(UInt8(ascii: ">"), in: f, from: lt + 1)
                {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: f[i..<lt]))
                    i = gt + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: f[i...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// `CGI.escape`: letters, digits and `_.-~` kept, space as `+`, the rest `%XX`.
    public static func urlEncode(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for c in s.utf8 {
            if isAlpha(c) || isDigit(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: "-") || c == UInt8(ascii: "~")
            {
                out.append(c)
            } else if c == UInt8(ascii: " ") {
                out.append(UInt8(ascii: "+"))
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(c >> 4)])
                out.append(hex[Int(c & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `CGI.unescape`: `+` is a space, `%XX` a byte.
    static func urlDecode(_ s: String) -> [UInt8] {
        let b = bytesOf(s)
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "+") {
                out.append(32)
            } else if c == UInt8(ascii: "%"), i + 2 < b.count, let h = hexValue(b[i + 1]), let l = hexValue(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
                continue
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }
}

/// Base64 as Ruby's `strict_encode64`/`strict_decode64` and the URL-safe variants.
enum Base64 {
    static let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8], urlSafe safe: Bool) -> String {
        let table = safe ? urlSafe : standard
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(contentsOf: [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], table[Int(n & 63)]])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out.append(contentsOf: [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], 61, 61])
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(contentsOf: [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], 61])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Strict decoding (length a multiple of 4, padding only at the end); the URL-safe variant
    /// adds missing padding first, as Ruby's `urlsafe_decode64` does.
    static func decode(_ s: String, urlSafe safe: Bool) -> [UInt8]? {
        var b = bytesOf(s)
        if safe {
            if b.count % 4 != 0 && !b.contains(61) { b += Array(repeating: 61, count: 4 - b.count % 4) }
        }
        guard b.count % 4 == 0 else { return nil }
        let table = safe ? urlSafe : standard
        var lookup = [Int8](repeating: -1, count: 256)
        for (i, c) in table.enumerated() { lookup[Int(c)] = Int8(i) }
        var out = [UInt8]()
        out.reserveCapacity(b.count / 4 * 3)
        var i = 0
        while i < b.count {
            var n: UInt32 = 0
            var pad = 0
            for k in 0..<4 {
                let c = b[i + k]
                if c == 61 {
                    guard i + 4 == b.count, k >= 2 else { return nil }
                    pad += 1
                    n <<= 6
                } else {
                    guard pad == 0, lookup[Int(c)] >= 0 else { return nil }
                    n = n << 6 | UInt32(lookup[Int(c)])
                }
            }
            out.append(UInt8(n >> 16 & 255))
            if pad < 2 { out.append(UInt8(n >> 8 & 255)) }
            if pad < 1 { out.append(UInt8(n & 255)) }
            i += 4
        }
        return out
    }
}
