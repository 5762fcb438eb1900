/// Psych's numbers: base 60 (`1:30`), floats that need a dot (`1.5`, `1.0e+5`, not `1e5`),
/// integers in binary, octal (leading zero), decimal and hex with `_` and `,` separators.
enum Numbers {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func resolve(_ text: Bytes) throws(ScalarFailure) -> YAMLValue? {
        if let parts = matchBase60(text) {
            return parts.isFloat ? .float(base60Float(parts.pieces)) : base60Int(parts.pieces)
        }
        if matchFloat(text) { return try makeFloat(text) }
        if let radix = matchInteger(text) { return try makeInteger(text, radix: radix) }
        return nil
    }

    // MARK: Base 60

    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}`, optionally followed by `.[0-9_]*` (float).
    private static func matchBase60(_ text: Bytes) -> (pieces: [Bytes], isFloat: Bool)? {
        var cursor = ByteCursor(text)
        _ = cursor.skip(ASCII.plus) || cursor.skip(ASCII.minus)
        guard cursor.skip(where: ASCII.isDigit) else { return nil }
        cursor.skipRun { ASCII.isDigit($0) || $0 == ASCII.underscore }
        var pieces = [Bytes(rebasing: text[0..<cursor.position])]
        while pieces.count < 3, cursor.skip(ASCII.colon) {
            let start = cursor.position
            let count = cursor.skipRun(where: ASCII.isDigit)
            guard count == 1 || (count == 2 && text[start] <= UInt8(ascii: "5")) else { return nil }
            pieces.append(Bytes(rebasing: text[start..<cursor.position]))
        }
        guard pieces.count > 1 else { return nil }
        if cursor.atEnd { return (pieces, false) }
        guard cursor.skip(ASCII.dot) else { return nil }
        cursor.skipRun { ASCII.isDigit($0) || $0 == ASCII.underscore }
        guard cursor.atEnd else { return nil }
        let lastStart = pieces.last!.baseAddress! - text.baseAddress!
        pieces[pieces.count - 1] = Bytes(rebasing: text[lastStart..<text.count])
        return (pieces, true)
    }

    /// Psych weighs the pieces 60^|i-2|: with two pieces that is hours and minutes
    /// (`1:30` is 5400), with three hours, minutes, seconds. Each piece is read with
    /// Ruby's lenient `to_i`, so the sign of `-0:30` is lost.
    private static func base60Int(_ pieces: [Bytes]) -> YAMLValue {
        let weights: [UInt32] = pieces.count == 2 ? [3600, 60] : [3600, 60, 1]
        var rest = 0
        for (piece, weight) in zip(pieces.dropFirst(), weights.dropFirst()) {
            rest += RubyNumbers.lenientIntegerPrefix(piece).magnitudeValue * Int(weight)
        }
        var first = RubyNumbers.lenientIntegerPrefix(pieces[0]).bigValue
        first.multiplyAdd(multiplier: 3600, addend: 0)
        first.add(UInt32(rest))
        return first.yamlValue
    }

    private static func base60Float(_ pieces: [Bytes]) -> Double {
        let weights: [Double] = pieces.count == 2 ? [3600, 60] : [3600, 60, 1]
        var sum = 0.0
        for (piece, weight) in zip(pieces, weights) {
            sum += RubyNumbers.lenientFloatPrefix(piece) * weight
        }
        return sum
    }

    // MARK: Floats

    /// `[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?`
    private static func matchFloat(_ text: Bytes) -> Bool {
        var cursor = ByteCursor(text)
        _ = cursor.skip(ASCII.plus) || cursor.skip(ASCII.minus)
        if cursor.skip(where: ASCII.isDigit) {
            cursor.skipRun { ASCII.isDigit($0) || $0 == ASCII.underscore || $0 == ASCII.comma }
        }
        guard cursor.skip(ASCII.dot) else { return false }
        cursor.skipRun(where: ASCII.isDigit)
        if cursor.skip(UInt8(ascii: "e")) || cursor.skip(UInt8(ascii: "E")) {
            guard cursor.skip(ASCII.plus) || cursor.skip(ASCII.minus),
                  cursor.skipRun(where: ASCII.isDigit) > 0 else { return false }
        }
        return cursor.atEnd
    }

    /// Psych drops `_` and `,` and a dot before the exponent or at the end, then calls
    /// Ruby's `Float()`; a lone `.` (with a sign or not) stays a string.
    private static func makeFloat(_ text: Bytes) throws(ScalarFailure) -> YAMLValue {
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(text.count)
        for (index, byte) in text.enumerated() {
            if byte == ASCII.underscore || byte == ASCII.comma { continue }
            if byte == ASCII.dot {
                let next = index + 1 < text.count ? text[index + 1] : nil
                if next == nil || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { continue }
            }
            cleaned.append(byte)
        }
        let mantissaHasDigit = cleaned.prefix { $0 | 0x20 != UInt8(ascii: "e") }.contains(where: ASCII.isDigit)
        guard mantissaHasDigit else {
            let signless = text.first == ASCII.plus || text.first == ASCII.minus ? text.count - 1 : text.count
            if signless == 1 { return .string(PlainScalar.makeString(text)) }
            throw .invalid("'\(PlainScalar.makeString(text))' has an exponent but no digits: not a valid float")
        }
        return .float(RubyNumbers.decimalDouble(cleaned))
    }

    // MARK: Integers

    /// Which of Psych's integer shapes the text has, as the radix Ruby's `Integer()`
    /// will read it in: `0b…` (2), `0…` (8), decimal (10), `0x…` (16).
    private static func matchInteger(_ text: Bytes) -> Int? {
        var cursor = ByteCursor(text)
        _ = cursor.skip(ASCII.plus) || cursor.skip(ASCII.minus)
        let bodyStart = cursor.position
        guard let first = cursor.current, ASCII.isDigit(first) else { return nil }
        let isSeparator: (UInt8) -> Bool = { $0 == ASCII.underscore || $0 == ASCII.comma }
        if first == ASCII.zero, let marker = cursor.peek(1) {
            if marker == UInt8(ascii: "b") || marker == UInt8(ascii: "x") {
                cursor.position += 2
                let isBinary = marker == UInt8(ascii: "b")
                let count = cursor.skipRun {
                    isSeparator($0) || (isBinary ? ($0 == ASCII.zero || $0 == ASCII.zero + 1) : ASCII.isHexDigit($0))
                }
                return count > 0 && cursor.atEnd ? (isBinary ? 2 : 16) : nil
            }
            cursor.position += 1
            let count = cursor.skipRun { isSeparator($0) || ($0 >= ASCII.zero && $0 <= UInt8(ascii: "7")) }
            return count > 0 && cursor.atEnd ? 8 : nil
        }
        cursor.position = bodyStart + 1
        if first == ASCII.zero { return cursor.atEnd ? 10 : nil }
        // [1-9] then digits, each separator followed by a digit.
        while let byte = cursor.current {
            if ASCII.isDigit(byte) {
                cursor.position += 1
            } else if isSeparator(byte), let next = cursor.peek(1), ASCII.isDigit(next) {
                cursor.position += 2
            } else {
                return nil
            }
        }
        return 10
    }

    private static func makeInteger(_ text: Bytes, radix: Int) throws(ScalarFailure) -> YAMLValue {
        let negative = text.first == ASCII.minus
        var digits = text.drop { $0 == ASCII.plus || $0 == ASCII.minus }.dropFirst(radix == 2 || radix == 16 ? 2 : 0)
            .filter { $0 != ASCII.underscore && $0 != ASCII.comma }[...]
        if radix == 8 { digits = digits.dropFirst() }
        if digits.isEmpty {
            if radix == 8 { return .int(0) }
            let prefix = radix == 2 ? "0b" : "0x"
            throw .invalid("'\(PlainScalar.makeString(text))' has no digits after \(prefix): not a valid integer")
        }
        if digits.count <= 15, radix <= 10 || digits.count <= 13 {
            var value = 0
            for digit in digits { value = value * radix + Int(YAMLBigInt.digitValue(digit)) }
            return .int(negative ? -value : value)
        }
        return YAMLBigInt(negative: negative, digits: digits, radix: UInt32(radix)).yamlValue
    }
}
