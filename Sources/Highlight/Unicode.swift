/// Onigmo's Unicode character classes, as Ruby applies them to UTF-8 strings.
enum UnicodeClass {
    /// `[[:alpha:]]`: letters and marks.
    static func isAlpha(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return CharSet.alpha.contains(UInt8(s.value)) }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// `\p{L}`: letters only.
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return CharSet.alpha.contains(UInt8(s.value)) }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
    }

    /// `[[:alnum:]]`: letters, marks and decimal digits.
    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return CharSet.alnum.contains(UInt8(s.value)) }
        return isAlpha(s) || s.properties.generalCategory == .decimalNumber
    }

    /// `\p{Word}` / `[[:word:]]`: letters, marks, decimal digits and connector punctuation.
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return CharSet.word.contains(UInt8(s.value)) }
        return isAlnum(s) || s.properties.generalCategory == .connectorPunctuation
    }

    /// `\p{Lu}`.
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 65 && s.value <= 90 }
        return s.properties.generalCategory == .uppercaseLetter
    }
}

extension Scan {
    /// The index after the run of characters starting at `i` that satisfy `test`.
    func skipScalars(from i: Int, while test: (Unicode.Scalar) -> Bool) -> Int {
        var j = i
        while let (s, next) = scalar(at: j), test(s) { j = next }
        return j
    }

    /// True when the character at `i` satisfies `test`.
    func scalarIs(at i: Int, _ test: (Unicode.Scalar) -> Bool) -> Bool {
        guard let (s, _) = scalar(at: i) else { return false }
        return test(s)
    }
}

extension Scan {
    /// The index after the run starting at `i` of ASCII bytes in `ascii` and non-ASCII characters
    /// passing `unicode`. The non-ASCII rest is out of line: the Unicode properties a test reads
    /// are resilient types, and inlined they cost every caller two metadata calls per call.
    @inline(__always)
    func skip(_ ascii: CharSet, unicode: (Unicode.Scalar) -> Bool, from i: Int) -> Int {
        var j = i
        while j < end {
            let c = base[j]
            guard c < 0x80 else { return skipMixed(ascii, unicode: unicode, from: j) }
            guard ascii.contains(c) else { break }
            j += 1
        }
        return j
    }

    /// `skip(.word, unicode:from:)` over ASCII eight bytes at a time (names are most of the
    /// bytes of code, and testing them one by one cost ~13 instructions a byte).
    @inline(__always)
    func skipWord(unicode: (Unicode.Scalar) -> Bool, from i: Int) -> Int {
        var j = i
        while j &+ 8 <= end {
            let stops = Scan.nonWordBytes(UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
            if stops == 0 { j &+= 8; continue }
            j &+= stops.trailingZeroBitCount >> 3
            return base[j] < 0x80 ? j : skipMixed(.word, unicode: unicode, from: j)
        }
        return skip(.word, unicode: unicode, from: j)
    }

    /// `skip(.word, from:)` eight bytes at a time.
    @inline(__always)
    func skipWord(from i: Int) -> Int {
        var j = i
        while j &+ 8 <= end {
            let stops = Scan.nonWordBytes(UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
            if stops == 0 { j &+= 8; continue }
            return j &+ stops.trailingZeroBitCount >> 3
        }
        return skip(.word, from: j)
    }

    /// The high bit of each byte of `w` (little-endian) that is not an ASCII word byte
    /// (`[A-Za-z0-9_]`). Each lane's test adds a constant to its low seven bits, which cannot
    /// carry into the next lane: `b + (0x80 - lo)` reaches the high bit when `b >= lo`.
    @inline(__always)
    static func nonWordBytes(_ w: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080, low = ~high
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func within(_ x: UInt64, _ lo: UInt64, _ hi: UInt64) -> UInt64 {
            (x &+ ones &* (0x80 &- lo)) & ~(x &+ ones &* (0x7F &- hi))
        }
        let b = w & low
        let letter = within(b | ones &* 0x20, 0x61, 0x7A)   // `A`–`Z` folded onto `a`–`z`
        let digit = within(b, 0x30, 0x39)
        let underscore = ~((b ^ ones &* 0x5F) &+ low)    // high bit only where the lane is 0x5F
        return ~((letter | digit | underscore) & ~w) & high
    }

    @inline(never)
    private func skipMixed(_ ascii: CharSet, unicode: (Unicode.Scalar) -> Bool, from i: Int) -> Int {
        var j = i
        while j < end {
            let c = base[j]
            if c < 0x80 {
                guard ascii.contains(c) else { break }
                j += 1
            } else {
                guard let (s, next) = scalar(at: j), unicode(s) else { break }
                j = next
            }
        }
        return j
    }

    /// The end of one character at `i` that is in `ascii` or (non-ASCII) passes `unicode`, or nil.
    @inline(__always)
    func one(_ ascii: CharSet, unicode: (Unicode.Scalar) -> Bool, at i: Int) -> Int? {
        guard i < end else { return nil }
        let c = base[i]
        if c < 0x80 { return ascii.contains(c) ? i + 1 : nil }
        return oneNonASCII(unicode: unicode, at: i)
    }

    @inline(never)
    private func oneNonASCII(unicode: (Unicode.Scalar) -> Bool, at i: Int) -> Int? {
        guard let (s, next) = scalar(at: i), unicode(s) else { return nil }
        return next
    }
}
