#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// String operations done on UTF-8 bytes, with Ruby's view of a string as a sequence of code
/// points (Ruby's `length` and indexes count code points, not grapheme clusters). These are the
/// hot paths of string filters: no decoding into `Unicode.Scalar` arrays, no re-validation.
enum UTF8Text {
    /// The most UTF-8 bytes a `String` holds in the value itself (a small string, 64-bit platforms).
    static var longestSmallString: Int { 15 }

    /// The address of a string's UTF-8 bytes in storage of its own, which stays where it is for
    /// as long as the string (or a copy of it) lives: strings are immutable, and only a small
    /// string (at most 15 bytes, kept in the value) lends its bytes out from a temporary copy.
    /// Nil for those and for text without contiguous UTF-8. Reading the bytes after finding them,
    /// rather than inside the closure that lends them, keeps the compiler from retaining and
    /// releasing the string around code that may change other memory (an output buffer).
    /// The caller keeps `string` alive while it uses the address.
    @inline(__always)
    static func storedBytes(of string: String) -> UnsafePointer<UInt8>? {
        guard string.utf8.count > longestSmallString else { return nil }
        return string.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }
    /// Number of code points.
    static func scalarCount(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { buffer in
            // Bytes minus continuation bytes (10xxxxxx), eight at a time.
            var continuations = 0
            var i = 0
            if let base = buffer.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= buffer.count {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    continuations += (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                    i += 8
                }
            }
            while i < buffer.count {
                if buffer[i] & 0xC0 == 0x80 { continuations += 1 }
                i += 1
            }
            return buffer.count - continuations
        }
    }

    /// Whether the eight bytes at `i` exist and are all ASCII.
    @inline(__always)
    static func isASCII8(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 8 <= buffer.count, let base = buffer.baseAddress else { return false }
        return UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    }

    /// Byte offset of the code point at `index` (the byte count when past the end).
    static func byteOffset(_ buffer: UnsafeBufferPointer<UInt8>, scalar index: Int) -> Int {
        if index <= 0 { return 0 }
        var seen = 0
        var i = 0
        while i < buffer.count {
            // Eight ASCII bytes are eight code points.
            if index - seen >= 8, isASCII8(buffer, at: i) {
                i += 8
                seen += 8
                continue
            }
            if buffer[i] & 0xC0 != 0x80 {
                if seen == index { return i }
                seen += 1
            }
            i += 1
        }
        return buffer.count
    }

    /// The substring of code points `start..<start+length` (clamped to the string).
    static func substring(_ s: String, scalarStart start: Int, length: Int) -> String {
        var s = s
        let (a, b) = s.withUTF8 { buffer -> (Int, Int) in
            let a = byteOffset(buffer, scalar: start)
            var b = a
            var taken = 0
            while b < buffer.count {
                if length - taken >= 8, isASCII8(buffer, at: b) {
                    b += 8
                    taken += 8
                    if taken == length { break }
                    continue
                }
                b += 1
                while b < buffer.count && buffer[b] & 0xC0 == 0x80 { b += 1 }
                taken += 1
                if taken == length { break }
            }
            return (a, length <= 0 ? a : b)
        }
        return substring(s, bytes: a..<b)
    }

    /// The substring of a byte range that starts and ends on code point boundaries.
    static func substring(_ s: String, bytes range: Range<Int>) -> String {
        if range.lowerBound == 0 && range.upperBound == s.utf8.count { return s }
        let u = s.utf8
        let from = u.index(u.startIndex, offsetBy: range.lowerBound)
        let to = u.index(from, offsetBy: range.count)
        return String(s[from..<to])
    }

    /// Byte offsets of the first occurrence of `needle` at or after `from`, or nil.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let n = needle.count, h = haystack.count
        guard n > 0 else { return from <= h ? from : nil }
        guard n <= h - from else { return nil }
        let first = needle[0]
        var i = from
        let last = h - n
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < n && haystack[i + k] == needle[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether `needle` occurs in `haystack` (byte-wise, as Ruby's `include?`).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var h = haystack, n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in find(nb, in: hb) != nil } }
    }

    /// Byte ranges of the non-overlapping occurrences of `needle`.
    static func occurrences(of needle: String, in haystack: String) -> [Range<Int>] {
        guard !needle.isEmpty else { return [] }
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                var result: [Range<Int>] = []
                var from = 0
                while let i = find(nb, in: hb, from: from) {
                    result.append(i..<(i + nb.count))
                    from = i + nb.count
                }
                return result
            }
        }
    }

    /// Ruby's whitespace split (`split(" ")`): fields between runs of whitespace; with a
    /// limit, the last field is the unsplit rest.
    static func whitespaceFields(_ s: String, limit: Int = 0) -> [String] {
        var s = s
        return s.withUTF8 { b -> [String] in
            var fields: [String] = []
            var i = 0
            while i < b.count {
                while i < b.count && isRubySpace(b[i]) { i += 1 }
                guard i < b.count else { break }
                if limit > 0 && fields.count == limit - 1 {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[i..<b.count]), as: UTF8.self))
                    return fields
                }
                let start = i
                while i < b.count && !isRubySpace(b[i]) { i += 1 }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
            }
            return fields
        }
    }

    /// How many fields Ruby's `split(pattern)` gives (trailing empty fields dropped), without
    /// building them.
    static func splitCount(_ s: String, _ pattern: String) -> Int {
        var s = s
        if pattern == " " {
            return s.withUTF8 { b in countFieldStarts(b) }
        }
        if pattern.isEmpty { return scalarCount(s) }
        let found = occurrences(of: pattern, in: s)
        // Fields are the gaps around each occurrence; drop the empty ones at the end.
        var n = found.count + 1
        var end = s.utf8.count
        for r in found.reversed() {
            if r.upperBound == end {
                n -= 1
                end = r.lowerBound
            } else {
                break
            }
        }
        if end == 0 { return 0 }
        return n
    }

    /// Counts the non-space bytes that follow a space (or start the text): the number of
    /// whitespace-separated fields. Sixteen bytes at a time (each compared with the byte before
    /// it, loaded at an offset of one), then byte by byte.
    static func countFieldStarts(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        var i = 0
        if let base = b.baseAddress, b.count > 16 {
            let raw = UnsafeRawPointer(base)
            let blank = SIMD16<UInt8>(repeating: 32), tab = SIMD16<UInt8>(repeating: 9)
            let controls = SIMD16<UInt8>(repeating: 5), one = SIMD16<UInt8>(repeating: 1)
            /// Ruby whitespace lanes: space, or 9...13.
            @inline(__always) func spaces(_ v: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
                (v .== blank) .| ((v &- tab) .< controls)
            }
            if spaceTable[Int(base[0])] == 0 { n = 1 }
            i = 1
            // Per-lane counters (at most 255 each before they are summed).
            var lanes = SIMD16<UInt8>()
            var pending = 0
            while i + 16 <= b.count {
                let current = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let before = raw.loadUnaligned(fromByteOffset: i - 1, as: SIMD16<UInt8>.self)
                lanes &+= SIMD16<UInt8>().replacing(with: one, where: spaces(before) .& .!spaces(current))
                i += 16
                pending += 1
                if pending == 255 {
                    for k in 0..<16 { n += Int(lanes[k]) }
                    lanes = SIMD16<UInt8>()
                    pending = 0
                }
            }
            for k in 0..<16 { n += Int(lanes[k]) }
        }
        var previous = i == 0 || spaceTable[Int(b[i - 1])] != 0
        spaceTable.withUnsafeBufferPointer { table in
            while i < b.count {
                let space = table[Int(b[i])] != 0
                if !space && previous { n += 1 }
                previous = space
                i += 1
            }
        }
        return n
    }

    /// 1 for Ruby's `\s` bytes (space, \t, \n, \v, \f, \r), else 0.
    static let spaceTable: [UInt8] = (0..<256).map { $0 == 32 || ($0 >= 9 && $0 <= 13) ? 1 : 0 }

    /// Ruby's `truncatewords` core: the first `words` whitespace-separated words joined by single
    /// spaces, or nil when there are no more words than that.
    static func firstWords(_ s: String, _ words: Int) -> String? {
        var s = s
        return s.withUTF8 { b -> String? in
            var out = [UInt8]()
            out.reserveCapacity(min(b.count, 1024))
            var i = 0
            var count = 0
            while i < b.count {
                while i < b.count && isRubySpace(b[i]) { i += 1 }
                guard i < b.count else { break }
                if count == words { return String(decoding: out, as: UTF8.self) }
                let start = i
                while i < b.count && !isRubySpace(b[i]) { i += 1 }
                if count > 0 { out.append(32) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                count += 1
            }
            return nil
        }
    }

    /// Splits on a separator (byte-wise); every field kept, trailing empty ones included.
    static func fields(_ s: String, separatedBy separator: String) -> [String] {
        occurrencesSplit(s, occurrences(of: separator, in: s))
    }

    static func occurrencesSplit(_ s: String, _ found: [Range<Int>]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(found.count + 1)
        var last = 0
        for r in found {
            result.append(substring(s, bytes: last..<r.lowerBound))
            last = r.upperBound
        }
        result.append(substring(s, bytes: last..<s.utf8.count))
        return result
    }

    /// Replaces the given byte ranges with `replacement`.
    static func replacing(_ s: String, _ found: [Range<Int>], with replacement: String) -> String {
        guard !found.isEmpty else { return s }
        var out = [UInt8]()
        var s = s
        var replacement = replacement
        let replacementBytes = replacement.withUTF8 { Array($0) }
        s.withUTF8 { b in
            out.reserveCapacity(b.count + found.count * max(0, replacement.utf8.count - found[0].count))
            var last = 0
            for r in found {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[last..<r.lowerBound]))
                out.append(contentsOf: replacementBytes)
                last = r.upperBound
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[last..<b.count]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The code points of the string, as one-scalar strings.
    static func scalars(_ s: String) -> [String] {
        var s = s
        let bounds = s.withUTF8 { b -> [Int] in
            var starts: [Int] = []
            starts.reserveCapacity(b.count)
            for i in 0..<b.count where b[i] & 0xC0 != 0x80 { starts.append(i) }
            return starts
        }
        var result: [String] = []
        result.reserveCapacity(bounds.count)
        for (k, start) in bounds.enumerated() {
            result.append(substring(s, bytes: start..<(k + 1 < bounds.count ? bounds[k + 1] : s.utf8.count)))
        }
        return result
    }

    /// Byte-wise equality (Ruby's `String#==`; Swift's `==` also equates canonically equivalent
    /// strings).
    @inline(__always)
    static func bytesEqual(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
    }

    /// The index of the next `byte` at or after `from`, by memchr.
    @inline(__always)
    static func nextByte(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < b.count, let base = b.baseAddress,
              let p = memchr(base + from, Int32(byte), b.count - from)
        else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }
}

/// The UTF-8 bytes of a string as an array (a contiguous copy, not element by element).
@inline(__always)
func bytesOf(_ s: String) -> [UInt8] {
    var s = s
    return s.withUTF8 { Array($0) }
}

@inline(__always)
func bytesOf(_ s: Substring) -> [UInt8] {
    var s = s
    return s.withUTF8 { Array($0) }
}
