/// A set of bytes, tested in constant time. Built from a pattern such as `"a-zA-Z0-9_"`
/// where `x-y` is an inclusive range; a `-` first or last is literal.
struct CharSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    init(bits: (UInt64, UInt64, UInt64, UInt64)) { self.bits = bits }

    init(_ pattern: StaticString) {
        let b = pattern.utf8Start
        let n = pattern.utf8CodeUnitCount
        var i = 0
        while i < n {
            if i + 2 < n, b[i + 1] == UInt8(ascii: "-") {
                insertRange(b[i], b[i + 2])
                i += 3
            } else {
                insert(b[i])
                i += 1
            }
        }
    }

    /// Inserts `lo...hi` (both within one 64-byte block, as every ASCII range here is).
    private mutating func insertRange(_ lo: UInt8, _ hi: UInt8) {
        guard lo <= hi else { return }
        if lo >> 6 != hi >> 6 {
            for c in lo...hi { insert(c) }
            return
        }
        let width = UInt64(hi - lo) + 1
        let mask = (width == 64 ? ~UInt64(0) : (UInt64(1) << width) - 1) << UInt64(lo & 63)
        switch lo >> 6 {
        case 0: bits.0 |= mask
        case 1: bits.1 |= mask
        case 2: bits.2 |= mask
        default: bits.3 |= mask
        }
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

    /// The word is picked by selects rather than a four-way branch: lexers test a byte at
    /// nearly every step.
    @inline(__always)
    func contains(_ c: UInt8) -> Bool {
        let word = c & 128 == 0 ? (c & 64 == 0 ? bits.0 : bits.1) : (c & 64 == 0 ? bits.2 : bits.3)
        return (word >> UInt64(c & 63)) & 1 != 0
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

    // Shared sets, written as bit masks so they are built at compile time (the tests check each
    // against its pattern). Ruby's ASCII classes first: \d, \w, \s, \h.
    static let digit = CharSet(bits: (0x03FF000000000000, 0, 0, 0))   // "0-9"
    static let word = CharSet(bits: (0x03FF000000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_"
    static let alpha = CharSet(bits: (0, 0x07FFFFFE07FFFFFE, 0, 0))   // "a-zA-Z"
    static let space = CharSet(bits: (0x0000000100003E00, 0, 0, 0))   // " \t\n\u{0B}\u{0C}\r"
    static let hex = CharSet(bits: (0x03FF000000000000, 0x0000007E0000007E, 0, 0))   // "0-9a-fA-F"
    static let spaceOrTab = CharSet(bits: (0x0000000100000200, 0, 0, 0))   // " \t"
    static let spaceOnly = CharSet(bits: (0x0000000100000000, 0, 0, 0))   // " "
    static let newline = CharSet(bits: (0x0000000000000400, 0, 0, 0))   // "\n"
    static let identifierStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"
    static let wordOrDash = CharSet(bits: (0x03FF200000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_-"
    static let octal = CharSet(bits: (0x00FF000000000000, 0, 0, 0))   // "0-7"
    static let binary = CharSet(bits: (0x0003000000000000, 0, 0, 0))   // "01"
    static let upper = CharSet(bits: (0, 0x0000000007FFFFFE, 0, 0))   // "A-Z"
    static let lower = CharSet(bits: (0, 0x07FFFFFE00000000, 0, 0))   // "a-z"
    static let alnum = CharSet(bits: (0x03FF000000000000, 0x07FFFFFE07FFFFFE, 0, 0))   // "a-zA-Z0-9"
    /// Ruby's `[^\S\n]`: whitespace other than a newline.
    static let blank = CharSet(bits: (0x0000000100003A00, 0, 0, 0))   // " \t\u{0B}\u{0C}\r"
}
