/// A set of bytes, tested in constant time. Built from a pattern such as `"a-zA-Z0-9_"`
/// where `x-y` is an inclusive range; a `-` first or last is literal.
struct CharSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    init(_ pattern: StaticString) {
        let b = pattern.utf8Start
        let n = pattern.utf8CodeUnitCount
        var i = 0
        while i < n {
            if i + 2 < n, b[i + 1] == UInt8(ascii: "-") {
                var c = b[i]
                while true {
                    insert(c)
                    if c == b[i + 2] { break }
                    c += 1
                }
                i += 3
            } else {
                insert(b[i])
                i += 1
            }
        }
    }

    /// The bytes in `pattern` plus all bytes ≥ 0x80 (the tail of any non-ASCII character).
    static func withNonASCII(_ pattern: StaticString) -> CharSet {
        var s = CharSet(pattern)
        for c in UInt8(0x80)...UInt8(0xFF) { s.insert(c) }
        return s
    }

    mutating func insert(_ c: UInt8) {
        let bit = UInt64(1) << UInt64(c & 63)
        switch c >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    @inline(__always)
    func contains(_ c: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(c & 63)
        switch c >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }

    /// Every byte not in this set.
    var inverted: CharSet {
        var s = self
        s.bits = (~bits.0, ~bits.1, ~bits.2, ~bits.3)
        return s
    }

    func union(_ other: CharSet) -> CharSet {
        var s = self
        s.bits = (bits.0 | other.bits.0, bits.1 | other.bits.1, bits.2 | other.bits.2, bits.3 | other.bits.3)
        return s
    }

    func removing(_ pattern: StaticString) -> CharSet {
        var s = self
        let drop = CharSet(pattern)
        s.bits = (bits.0 & ~drop.bits.0, bits.1 & ~drop.bits.1, bits.2 & ~drop.bits.2, bits.3 & ~drop.bits.3)
        return s
    }

    // Ruby's ASCII classes: \d, \w, \s (space, \t, \n, \v, \f, \r), \h.
    static let digit = CharSet("0-9")
    static let word = CharSet("a-zA-Z0-9_")
    static let alpha = CharSet("a-zA-Z")
    static let space = CharSet(" \t\n\u{0B}\u{0C}\r")
    static let hex = CharSet("0-9a-fA-F")
    /// Ruby's `[^\S\n]`: whitespace other than a newline.
    static let blank = CharSet(" \t\u{0B}\u{0C}\r")
}
