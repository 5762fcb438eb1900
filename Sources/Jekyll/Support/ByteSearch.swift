#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Searches over a string's UTF-8 bytes with libc's `memchr` and `memcmp`: the generic `firstRange(of:)`
/// and `utf8` loops were hot spots of reading and rendering 1,000 posts. Public for the plugins.
public enum ByteSearch {
    /// Byte offsets of the first `needle` in `text`.
    public static func firstRange(of needle: String, in text: String) -> Range<Int>? {
        if needle.isEmpty { return 0..<0 }
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in firstOffset(of: pattern, in: haystack).map { $0..<($0 + pattern.count) } }
        }
    }

    /// The byte offset of the first `pattern` in `haystack`: its byte at `anchor` (pick a rare one)
    /// found by `memchr`, the rest checked by `memcmp` (`memmem` is a GNU extension Swift's Glibc
    /// module does not show).
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                            anchor: Int = 0) -> Int? {
        let n = pattern.count
        guard n > 0 else { return 0 }
        guard let base = haystack.baseAddress, let p = pattern.baseAddress, haystack.count >= n else { return nil }
        // A match's anchor byte lies in `anchor..<end`.
        let end = haystack.count - (n - 1 - anchor)
        var offset = anchor
        while offset < end, let hit = memchr(base + offset, Int32(p[anchor]), end - offset) {
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            // The ends first: most hits differ there (a two-byte pattern, `]:` or `{%`, needs no
            // `memcmp`, which cost ~20 instructions a hit).
            let start = base + (at - anchor)
            if start[0] == p[0], start[n - 1] == p[n - 1], n <= 2 || memcmp(start + 1, p + 1, n - 2) == 0 {
                return at - anchor
            }
            offset = at + 1
        }
        return nil
    }

    /// Whether `bytes` hold `byte` (`memchr`: the generic `contains` went a byte at a time).
    public static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// Whether `text` has `{{` or `{%`.
    static func hasLiquidConstruct(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hasPair(UInt8(ascii: "{"), then: UInt8(ascii: "{"), or: UInt8(ascii: "%"), in: $0) }
    }

    /// Whether `bytes` hold `first` directly followed by `second` or `other` (`memchr` for `first`).
    static func hasPair(_ first: UInt8, then second: UInt8, or other: UInt8? = nil,
                        in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset < bytes.count, let hit = memchr(base + offset, Int32(first), bytes.count - offset) {
            let i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if i + 1 < bytes.count, bytes[i + 1] == second || bytes[i + 1] == other { return true }
            offset = i + 1
        }
        return false
    }

    /// Whether two buffers hold the same bytes (`memcmp`; the generic `elementsEqual` went byte by
    /// byte through iterators, when a rebuild compared every output with the file already written).
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    /// Calls `body` with the byte range of each line of `bytes` (without its `\n`).
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            let end: Int
            if let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
                end = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            } else {
                end = bytes.count
            }
            body(start..<end)
            start = end + 1
        }
    }
}
