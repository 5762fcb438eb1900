#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Liquid
import ValidUTF8

/// The plugin's cleaning of a string from front matter or the configuration: Markdown converted,
/// tags stripped, whitespace collapsed, HTML escaped once; nil when nothing is left.
enum SeoCleaning {
    static func cleaned(_ value: Value, access: TemplateAccess, filters: SeoFilters) -> String? {
        // Most titles and descriptions are plain words, which the filters give back unchanged;
        // converting each through Markdown was a tenth of a large site's build.
        if case .string(let text) = value, passesCleaningUnchanged(text) { return text }
        var v = access.filter(filters.markdownify, value)
        if case .string(let html) = v, let text = plainText(ofHTML: html) { return text.isEmpty ? nil : text }
        for filter in [filters.stripHTML, filters.normalizeWhitespace, filters.escapeOnce] {
            v = access.filter(filter, v)
        }
        let s = v.rubyString
        return s.isEmpty ? nil : s
    }

    /// `strip_html | normalize_whitespace | escape_once` in one pass over the bytes and one new
    /// string (the filters made a string each: most of the cleaning of a post's excerpt); nil for
    /// HTML with a script, a style or a comment, which `strip_html` first removes whole (HTML
    /// known to hold none, `mayHoldBlocks` false, is not searched for them).
    static func plainText(ofHTML html: String, mayHoldBlocks: Bool = true) -> String? {
        var html = html
        return html.withUTF8 { b -> String? in
            guard b.count > 0 else { return "" }
            guard !mayHoldBlocks || !hasBlock(b) else { return nil }
            return byteKinds.withUnsafeBufferPointer { kinds in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count) { buffer in
                    let n = stripTagsAndSpaces(b, into: buffer.baseAddress!, kinds: kinds)
                    return escapedOnce(UnsafeBufferPointer(start: buffer.baseAddress!, count: n.count),
                                       mayNeed: n.mayEscape, kinds: kinds)
                }
            }
        }
    }

    /// Tags removed (a `<` with no `>` after it is text, as is all that follows), whitespace runs
    /// made one space, none at either end: the bytes written, and whether any may need escaping.
    private static func stripTagsAndSpaces(_ b: UnsafeBufferPointer<UInt8>, into dst: UnsafeMutablePointer<UInt8>,
                                           kinds: UnsafeBufferPointer<ByteKind>) -> (count: Int, mayEscape: Bool) {
        let src = b.baseAddress!, count = b.count
        var n = 0
        var pendingSpace = false
        var tagsEnded = false
        var mayEscape = false
        var i = 0
        // Where the byte-by-byte way may next try eight bytes at once (after a failed try, not
        // before the eight bytes it looked at are done: a try costs more than a byte).
        var tryAt = 0
        while i < count {
            // Words and single spaces, up to eight bytes, are written as they are; the byte that
            // ends a shorter run (a tag's `<`, an entity's `&`) then goes the byte-by-byte way.
            if i >= tryAt, i &+ 8 <= count {
                let x = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
                let k = wordsAndSingleSpacesPrefix(x, afterSpace: pendingSpace || n == 0)
                if k > 0 {
                    if pendingSpace {
                        dst[n] = 0x20
                        n += 1
                        pendingSpace = false
                    }
                    UnsafeMutableRawPointer(dst + n).storeBytes(of: x, as: UInt64.self)
                    // A final space waits for text after it (it may be the text's last byte).
                    let endsInSpace = (x >> UInt64(8 &* (k &- 1))) & 0xFF == 0x20
                    n &+= endsInSpace ? k &- 1 : k
                    pendingSpace = endsInSpace
                    i &+= k
                    if k == 8 { continue }
                } else {
                    tryAt = i &+ 8
                }
            }
            let c = src[i]
            switch kinds[Int(c)] {
            case .space:
                pendingSpace = n > 0
                i += 1
                continue
            case .tagStart where !tagsEnded:
                // Most tags are a few bytes (`<em>`, `</a>`): looked through here, a call of
                // `memchr` only for a long one. The words after a tag may go eight at a time.
                var j = i + 1
                let near = min(count, i + 16)
                while j < near, src[j] != UInt8(ascii: ">") { j += 1 }
                if j < near {
                    i = j + 1
                    tryAt = i
                    continue
                }
                if j < count, let gt = memchr(src + j, Int32(UInt8(ascii: ">")), count - j) {
                    i = src.distance(to: gt.assumingMemoryBound(to: UInt8.self)) + 1
                    tryAt = i
                    continue
                }
                tagsEnded = true
                mayEscape = true
            case .escaped, .tagStart:
                mayEscape = true
            case .text:
                break
            }
            if pendingSpace {
                dst[n] = 0x20
                n += 1
                pendingSpace = false
            }
            dst[n] = c
            n += 1
            i += 1
        }
        return (n, mayEscape)
    }

    /// How many of eight bytes (the first the lowest), from the first, are text the cleaning keeps
    /// as it is (but for a final space, which becomes a pending one): no tag, nothing to escape, no
    /// control character (so no whitespace but spaces), no two spaces in a row, none at the start
    /// after a space or where nothing is written yet. The zero-byte tests mark every such byte and
    /// may mark bytes after the first they mark (a `!` after a space as a space): the bytes before
    /// the first mark are kept, the rest go the slow way.
    @inline(__always)
    static func wordsAndSingleSpacesPrefix(_ x: UInt64, afterSpace: Bool) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeros(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        if afterSpace && x & 0xFF == 0x20 { return 0 }
        let control = (x &- ones &* 0x20) & ~x & highs
        let special = zeros(x ^ (ones &* 0x3C)) | zeros(x ^ (ones &* 0x3E)) | zeros(x ^ (ones &* 0x22))
            | zeros(x ^ (ones &* 0x27)) | zeros(x ^ (ones &* 0x26))
        let spaces = zeros(x ^ (ones &* 0x20))
        return (control | special | (spaces & (spaces >> 8))).trailingZeroBitCount >> 3
    }

    /// `escape_once` of the text, as a new string: entities already there (most `&`s) are kept.
    private static func escapedOnce(_ t: UnsafeBufferPointer<UInt8>, mayNeed: Bool,
                                    kinds: UnsafeBufferPointer<ByteKind>) -> String {
        var length = t.count
        if mayNeed {
            for j in 0..<t.count where kinds[Int(t[j])] != .text {
                length += (entity(escaping: t, at: j)?.utf8CodeUnitCount ?? 1) - 1
            }
        }
        // The HTML cut at ASCII bytes (tags, whitespace) with ASCII entities put in: valid UTF-8
        // as the page's text was, so not checked again (the check was ~1 k instructions a page).
        guard length > t.count else { return String(validUTF8: t) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { out in
            var k = 0
            for j in 0..<t.count {
                if let entity = entity(escaping: t, at: j) {
                    for m in 0..<entity.utf8CodeUnitCount { out[k + m] = entity.utf8Start[m] }
                    k += entity.utf8CodeUnitCount
                } else {
                    out[k] = t[j]
                    k += 1
                }
            }
            return String(validUTF8: UnsafeBufferPointer(rebasing: out[..<k]))
        }
    }

    /// What a byte is to the cleaning.
    private enum ByteKind: UInt8 { case text, space, tagStart, escaped }

    private static let byteKinds: [ByteKind] = {
        var kinds = [ByteKind](repeating: .text, count: 256)
        for c in " \t\n\u{0B}\u{0C}\r".utf8 { kinds[Int(c)] = .space }
        kinds[Int(UInt8(ascii: "<"))] = .tagStart
        for c in ">\"'&".utf8 { kinds[Int(c)] = .escaped }
        return kinds
    }()

    /// Whether the text has a `<script`, `<!--` or `<style`, anywhere.
    private static func hasBlock(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let src = b.baseAddress!
        var i = 0
        while i < b.count, let lt = memchr(src + i, Int32(UInt8(ascii: "<")), b.count - i) {
            let at = src.distance(to: lt.assumingMemoryBound(to: UInt8.self))
            for block: StaticString in ["<script", "<!--", "<style"] where at + block.utf8CodeUnitCount <= b.count
                && memcmp(src + at, block.utf8Start, block.utf8CodeUnitCount) == 0 {
                return true
            }
            i = at + 1
        }
        return false
    }

    /// The entity `escape_once` writes for the byte at `j`; nil when it keeps the byte.
    @inline(__always)
    private static func entity(escaping t: UnsafeBufferPointer<UInt8>, at j: Int) -> StaticString? {
        switch t[j] {
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        case UInt8(ascii: "&") where !EscapingFilters.isEntity(t, at: j + 1): return "&amp;"
        default: return nil
        }
    }

    /// One line that kramdown prints as a paragraph of the same text, with nothing for
    /// `strip_html`, `normalize_whitespace` or `escape_once` to change: it starts with an ASCII
    /// letter (no list, heading or quote marker), does not end in a space, has single spaces only
    /// and no byte that kramdown's typography, emphasis, links, entities or HTML read — no quotes,
    /// `*`, `_`, `` ` ``, `[`, `&`, `<`, `#`, `{`, `\\`, `~`, `$`, `|`, tabs, line breaks, `--` or
    /// `..`. Other non-ASCII text passes through kramdown as it is.
    static func passesCleaningUnchanged(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            byteRules.withUnsafeBufferPointer { rules in
                var previous: UInt8 = 0
                for b in bytes {
                    switch rules[Int(b)] {
                    case .anywhere: break
                    case .afterText: if previous == 0 { return false }
                    case .single: if previous == 0 || previous == b { return false }
                    case .never: return false
                    }
                    previous = b
                }
                return previous != 0 && previous != UInt8(ascii: " ")
            }
        }
    }

    /// Where a byte may stand in such a line.
    private enum ByteRule: UInt8 { case never, anywhere, afterText, single }

    /// The rule of each byte, looked up instead of tested range by range (a switch over the
    /// ranges cost ~15 instructions a byte of every title and description).
    private static let byteRules: [ByteRule] = {
        var rules = [ByteRule](repeating: .never, count: 256)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { rules[Int(b)] = .anywhere }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { rules[Int(b)] = .anywhere }
        for b in 0x80...0xFF { rules[b] = .afterText }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { rules[Int(b)] = .afterText }
        for c in ",;:?!()/%@+=".utf8 { rules[Int(c)] = .afterText }
        for c in " -.".utf8 { rules[Int(c)] = .single }
        return rules
    }()
}
