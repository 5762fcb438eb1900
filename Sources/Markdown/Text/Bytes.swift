/// Byte-level helpers over UTF-8 text. The span parser and the pre-pass work on `[UInt8]`;
/// the predicates name the character classes kramdown's Ruby regexps use (`\s`, `\w` and `\d`
/// are ASCII in Ruby; `[[:alpha:]]`, `\p{Word}` and `\b` are Unicode-aware).
typealias Bytes = [UInt8]

enum Byte {
    static let newline: UInt8 = 0x0A, space: UInt8 = 0x20, tab: UInt8 = 0x09, cr: UInt8 = 0x0D
    static let backslash: UInt8 = 0x5C, star: UInt8 = 0x2A, underscore: UInt8 = 0x5F, backtick: UInt8 = 0x60
    static let lt: UInt8 = 0x3C, gt: UInt8 = 0x3E, amp: UInt8 = 0x26, quote: UInt8 = 0x22, apos: UInt8 = 0x27
    static let lbracket: UInt8 = 0x5B, rbracket: UInt8 = 0x5D, lparen: UInt8 = 0x28, rparen: UInt8 = 0x29
    static let lbrace: UInt8 = 0x7B, rbrace: UInt8 = 0x7D, bang: UInt8 = 0x21, caret: UInt8 = 0x5E
    static let dollar: UInt8 = 0x24, colon: UInt8 = 0x3A, hash: UInt8 = 0x23, dash: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E, tilde: UInt8 = 0x7E, pipe: UInt8 = 0x7C, slash: UInt8 = 0x2F
    static let equals: UInt8 = 0x3D, plus: UInt8 = 0x2B, question: UInt8 = 0x3F

    /// Ruby's `\s`: space, tab, newline, vertical tab, form feed, carriage return.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    /// Ruby's ASCII `\w`.
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) || b == 0x5F }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }
    @inline(__always) static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
}

extension Array where Element == UInt8 {
    /// Decodes the scalar starting at `i` and returns it with its length in bytes.
    func scalar(at i: Int) -> (Unicode.Scalar, Int)? {
        guard i >= 0, i < count else { return nil }
        let b0 = self[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var len = 0
        var value: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { len = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { len = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { len = 4; value = UInt32(b0 & 0x07) }
        else { return nil }
        guard i + len <= count else { return nil }
        for k in 1..<len { value = (value << 6) | UInt32(self[i + k] & 0x3F) }
        guard let s = Unicode.Scalar(value) else { return nil }
        return (s, len)
    }

    /// The start of the scalar that ends just before `i`.
    func scalarStart(before i: Int) -> Int? {
        guard i > 0 else { return nil }
        var j = i - 1
        while j > 0 && Byte.isContinuation(self[j]) { j -= 1 }
        return j
    }

    func scalar(before i: Int) -> Unicode.Scalar? {
        guard let j = scalarStart(before: i) else { return nil }
        return scalar(at: j)?.0
    }

    @inline(__always) func at(_ i: Int) -> UInt8? { i >= 0 && i < count ? self[i] : nil }

    func hasPrefix(_ p: StaticString, at i: Int) -> Bool {
        let n = p.utf8CodeUnitCount
        guard i >= 0, i + n <= count else { return false }
        let ptr = p.utf8Start
        for k in 0..<n where self[i + k] != ptr[k] { return false }
        return true
    }

    func string(_ r: Range<Int>) -> String { String(decoding: self[r], as: UTF8.self) }
}

extension Unicode.Scalar {
    /// Onigmo's `[[:alpha:]]` for UTF-8 strings.
    var isAlphaClass: Bool { properties.isAlphabetic }
    /// Onigmo's `[[:alnum:]]`.
    var isAlnumClass: Bool { properties.isAlphabetic || properties.generalCategory == .decimalNumber }
    /// `\p{Word}`: letters, marks, decimal numbers, connector punctuation (and Ruby's `\b` word).
    var isWordClass: Bool {
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
            return true
        case .letterNumber, .otherNumber:
            return properties.isAlphabetic
        default:
            return properties.isAlphabetic
        }
    }
}

extension String {
    var bytes: Bytes { Array(utf8) }
}
