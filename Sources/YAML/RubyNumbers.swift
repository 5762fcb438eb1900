/// The three ways Ruby turns text into numbers that Psych relies on: `String#to_i` and
/// `String#to_f` (lenient: read the longest valid prefix) and `Float()` (strict).
/// Underscores are allowed only between two digits.
enum RubyNumbers {
    struct IntegerPrefix {
        var negative: Bool
        var digits: [UInt8]

        var bigValue: YAMLBigInt { YAMLBigInt(negative: negative, digits: digits, radix: 10) }

        /// Only for the short pieces of a base-60 number.
        var magnitudeValue: Int { digits.reduce(0) { $0 * 10 + Int($1 - ASCII.zero) } }
    }

    /// `String#to_i`: optional sign, then digits joined by single underscores.
    static func lenientIntegerPrefix(_ text: UnsafeBufferPointer<UInt8>) -> IntegerPrefix {
        var cursor = ByteCursor(text)
        cursor.skipRun(where: ASCII.isSpace)
        let negative = cursor.current == ASCII.minus
        _ = cursor.skip(ASCII.plus) || cursor.skip(ASCII.minus)
        return IntegerPrefix(negative: negative, digits: digitRun(&cursor))
    }

    /// `String#to_f`: optional sign, digits, optionally `.` and digits, optionally an
    /// exponent; each part joined by single underscores; stops at the first misfit.
    static func lenientFloatPrefix(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        var cursor = ByteCursor(text)
        cursor.skipRun(where: ASCII.isSpace)
        var literal: [UInt8] = []
        takeSign(&cursor, into: &literal)
        let whole = digitRun(&cursor)
        literal += whole.isEmpty ? [ASCII.zero] : whole
        if cursor.current == ASCII.dot, let next = cursor.peek(1), ASCII.isDigit(next) {
            cursor.position += 1
            literal.append(ASCII.dot)
            literal += digitRun(&cursor)
        }
        if let marker = cursor.current, marker | 0x20 == UInt8(ascii: "e") {
            var exponent = ByteCursor(cursor.bytes)
            exponent.position = cursor.position + 1
            var marked = [UInt8(ascii: "e")]
            takeSign(&exponent, into: &marked)
            let digits = digitRun(&exponent)
            if !digits.isEmpty { literal += marked + digits }
        }
        return decimalDouble(literal)
    }

    /// Moves an optional `+` or `-` at the cursor onto `literal`.
    private static func takeSign(_ cursor: inout ByteCursor, into literal: inout [UInt8]) {
        if let sign = cursor.current, sign == ASCII.plus || sign == ASCII.minus {
            literal.append(sign)
            cursor.position += 1
        }
    }

    /// Digits joined by single underscores, underscores dropped.
    private static func digitRun(_ cursor: inout ByteCursor) -> [UInt8] {
        var digits: [UInt8] = []
        while let byte = cursor.current {
            if ASCII.isDigit(byte) {
                digits.append(byte)
                cursor.position += 1
            } else if byte == ASCII.underscore, !digits.isEmpty, let next = cursor.peek(1), ASCII.isDigit(next) {
                cursor.position += 1
            } else {
                break
            }
        }
        return digits
    }

    /// The nearest double to a decimal literal already known to be well formed
    /// (overflow gives infinity, as Ruby's `Float()` does after warning).
    static func decimalDouble(_ literal: [UInt8]) -> Double {
        Double(String(decoding: literal, as: UTF8.self)) ?? .nan
    }

    /// Ruby's `Float(string)`: surrounding whitespace allowed; decimal with an optional
    /// fraction (a dot needs digits on its right) and exponent, or hexadecimal `0x…`
    /// with an optional `p` exponent. nil when Ruby raises ArgumentError.
    static func strictFloat(_ string: String) -> Double? {
        var bytes = Array(string.utf8)
        guard !bytes.contains(0) else { return nil }
        while let last = bytes.last, ASCII.isSpace(last) { bytes.removeLast() }
        let start = bytes.firstIndex { !ASCII.isSpace($0) } ?? bytes.count
        let body = Array(bytes[start...])
        return body.withUnsafeBufferPointer { buffer in
            var cursor = ByteCursor(buffer)
            var literal: [UInt8] = []
            takeSign(&cursor, into: &literal)
            if cursor.current == ASCII.zero, let marker = cursor.peek(1), marker | 0x20 == UInt8(ascii: "x") {
                return strictHexFloat(&cursor, literal: literal)
            }
            let whole = strictDigits(&cursor)
            guard whole != nil || cursor.current == ASCII.dot else { return nil }
            literal += whole ?? []
            if cursor.skip(ASCII.dot) {
                guard let fraction = strictDigits(&cursor) else { return nil }
                literal += [ASCII.dot] + fraction
            }
            if let marker = cursor.current, marker | 0x20 == UInt8(ascii: "e") {
                cursor.position += 1
                literal.append(UInt8(ascii: "e"))
                takeSign(&cursor, into: &literal)
                guard let exponent = strictDigits(&cursor) else { return nil }
                literal += exponent
            }
            guard cursor.atEnd else { return nil }
            return decimalDouble(literal)
        }
    }

    private static func strictDigits(_ cursor: inout ByteCursor) -> [UInt8]? {
        strictRun(&cursor, digit: ASCII.isDigit)
    }

    /// `0x` hex digits, optionally `.` hex digits (only with an exponent), optionally
    /// `p` and a decimal exponent; underscores only between digits.
    private static func strictHexFloat(_ cursor: inout ByteCursor, literal: [UInt8]) -> Double? {
        var literal = literal + [ASCII.zero, UInt8(ascii: "x")]
        cursor.position += 2
        guard let whole = strictRun(&cursor, digit: ASCII.isHexDigit) else { return nil }
        literal += whole
        var hasFraction = false
        if cursor.skip(ASCII.dot) {
            guard let fraction = strictRun(&cursor, digit: ASCII.isHexDigit) else { return nil }
            literal += [ASCII.dot] + fraction
            hasFraction = true
        }
        if let marker = cursor.current, marker | 0x20 == UInt8(ascii: "p") {
            cursor.position += 1
            literal.append(UInt8(ascii: "p"))
            takeSign(&cursor, into: &literal)
            guard let exponent = strictRun(&cursor, digit: ASCII.isDigit) else { return nil }
            literal += exponent
        } else if hasFraction {
            return nil
        }
        guard cursor.atEnd else { return nil }
        return Double(String(decoding: literal, as: UTF8.self))
    }

    /// Digits (per `digit`) joined by single underscores, underscores dropped; nil if there
    /// is no digit or an underscore is misplaced.
    private static func strictRun(_ cursor: inout ByteCursor, digit: (UInt8) -> Bool) -> [UInt8]? {
        var digits: [UInt8] = []
        while let byte = cursor.current {
            if digit(byte) {
                digits.append(byte)
                cursor.position += 1
            } else if byte == ASCII.underscore {
                guard !digits.isEmpty, let next = cursor.peek(1), digit(next) else { return nil }
                cursor.position += 1
            } else {
                break
            }
        }
        return digits.isEmpty ? nil : digits
    }
}
