/// Python's numeric literals and string escapes.
enum PythonNumbers {
    /// `[0-9](_?[0-9])*` from `i`.
    static func digits(_ s: Scan, _ i: Int, _ set: CharSet = .digit) -> Int? {
        guard set.contains(s.at(i)), i < s.end else { return nil }
        var j = i + 1
        while true {
            if set.contains(s.at(j)) && j < s.end { j += 1 }
            else if s.at(j) == 95 && set.contains(s.at(j + 1)) && j + 1 < s.end { j += 2 }
            else { return j }
        }
    }

    static func exponent(_ s: Scan, _ i: Int) -> Int? {
        guard s.at(i) | 0x20 == 101 else { return nil }
        var j = i + 1
        if s.at(j) == 43 || s.at(j) == 45 { j += 1 }
        return digits(s, j)
    }

    static func imaginary(_ s: Scan, _ i: Int) -> Int { s.at(i) | 0x20 == 106 ? i + 1 : i }

    static func match(_ s: Scan) -> (Token, Int)? {
        let i = s.pos
        guard let d = digits(s, i) else { return nil }
        if s.at(d) == 46 {
            // ((digits)?\.digits|digits\.) (exponent)? j?
            var e = digits(s, d + 1) ?? (d + 1)
            e = exponent(s, e) ?? e
            return (.numberFloat, imaginary(s, e))
        }
        if let e = exponent(s, d) { return (.numberFloat, imaginary(s, e)) }
        if s.at(d) | 0x20 == 106 { return (.numberFloat, d + 1) }
        if s.at(i) == 48 {
            let kind = s.at(i + 1) | 0x20
            let radix: (CharSet, Token)? = kind == 98 ? (CharSet.binary, .numberBin)
                : kind == 111 ? (CharSet.octal, .numberOct)
                : kind == 120 ? (CharSet.hex, .numberHex) : nil
            if let (set, token) = radix {
                // (_?[digit])+
                var j = i + 2
                while true {
                    if set.contains(s.at(j)) && j < s.end { j += 1 }
                    else if s.at(j) == 95 && set.contains(s.at(j + 1)) && j + 1 < s.end { j += 2 }
                    else { break }
                }
                if j > i + 2 { return (token, j) }
            }
        }
        let plain = s.skip(.digit, from: i)
        if s.at(plain) == 76 /* L */ && plain < s.end { return (.numberIntegerLong, plain + 1) }
        if s.at(i) == 48 {
            // 0(_?0)*
            var j = i + 1
            while true {
                if s.at(j) == 48 && j < s.end { j += 1 }
                else if s.at(j) == 95 && s.at(j + 1) == 48 && j + 1 < s.end { j += 2 }
                else { break }
            }
            return (.numberInteger, j)
        }
        return (.numberInteger, d)
    }

    /// The end of a recognised escape at `s.pos` (a backslash), or nil.
    static func escapeEnd(_ s: Scan) -> Int? {
        let i = s.pos + 1
        let c = s.at(i)
        guard i < s.end else { return nil }
        if CharSet("\\abfnrtv\"'\n").contains(c) { return i + 1 }
        if s.has("newline", at: i) { return i + 7 }
        func hexRun(_ n: Int) -> Int? {
            for k in 1...n where !(CharSet.hex.contains(s.at(i + k)) && i + k < s.end) { return nil }
            return i + 1 + n
        }
        switch c {
        case 78 /* N */:
            // N{[a-zA-Z][a-zA-Z ]+[a-zA-Z]}
            guard s.at(i + 1) == 123, let close = s.find(125, from: i + 2) else { return nil }
            let body = (i + 2)..<close
            guard body.count >= 3 else { return nil }
            for k in body where !CharSet("a-zA-Z ").contains(s.base[k]) { return nil }
            guard CharSet.alpha.contains(s.base[body.lowerBound]),
                  CharSet.alpha.contains(s.base[close - 1]) else { return nil }
            return close + 1
        case 117: return hexRun(4)
        case 85: return hexRun(8)
        case 120: return hexRun(2)
        default:
            guard CharSet.octal.contains(c) else { return nil }
            var j = i + 1
            while j < i + 3 && CharSet.octal.contains(s.at(j)) && j < s.end { j += 1 }
            return j
        }
    }
}
