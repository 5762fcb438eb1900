/// Ruby's `Float#to_s`: the shortest digits that round-trip, in fixed notation when the decimal
/// value is below 1e15 and at least 0.0001 (`0.0001`, `100.0`), otherwise scientific (`1.0e-05`, `1.0e+15`).
enum RubyFloat {
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, decimalPoint) = shortestDigits(value)
        var out = negative ? "-" : ""
        if decimalPoint > -4 && decimalPoint <= 15 {
            if decimalPoint <= 0 {
                out += "0." + String(repeating: "0", count: -decimalPoint) + digits
            } else if decimalPoint >= digits.count {
                out += digits + String(repeating: "0", count: decimalPoint - digits.count) + ".0"
            } else {
                let i = digits.index(digits.startIndex, offsetBy: decimalPoint)
                // Substrings made strings first: `+` over substrings runs unspecialized.
                out += String(digits[..<i]) + "." + String(digits[i...])
            }
        } else {
            let first = String(digits.prefix(1))
            let rest = String(digits.dropFirst())
            out += first + "." + (rest.isEmpty ? "0" : rest)
            let e = decimalPoint - 1
            out += e < 0 ? "e-" : "e+"
            let magnitude = String(abs(e))
            out += magnitude.count < 2 ? "0" + magnitude : magnitude
        }
        return out
    }

    /// The shortest round-tripping decimal digits of `value` (no leading or trailing zeros) and the
    /// position of the decimal point relative to them: value = 0.DIGITS × 10^decimalPoint.
    static func shortestDigits(_ value: Double) -> (negative: Bool, digits: String, decimalPoint: Int) {
        // Swift's description is already the shortest round-tripping representation; re-read it.
        let text = Swift.abs(value).description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition = 0
        var seenPoint = false
        for ch in mantissa {
            if ch == "." {
                seenPoint = true
                continue
            }
            digits.append(ch)
            if !seenPoint { pointPosition += 1 }
        }
        // Strip leading zeros (moving the point) and trailing zeros.
        var leading = 0
        for ch in digits {
            if ch == "0" { leading += 1 } else { break }
        }
        digits.removeFirst(leading)
        pointPosition -= leading
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { digits = "0" }
        return (value.sign == .minus, digits, pointPosition + exponent)
    }
}
