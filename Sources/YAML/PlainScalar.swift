/// The type an untagged plain scalar gets, decided the way Psych's scalar scanner decides
/// it for YAML 1.1: booleans and nulls by word, then timestamps, dates, special floats,
/// Ruby symbols (refused), base-60 numbers, floats and integers, else a string.
///
/// Works on the UTF-8 bytes libyaml hands over; a `String` is made only for the result.
enum PlainScalar {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func resolve(_ text: Bytes) throws(ScalarFailure) -> YAMLValue {
        if text.isEmpty { return .null }
        if startsLikeWord(text) || text.contains(ASCII.newline) { return resolveWord(text) }
        if let time = try Timestamp.resolve(text) { return time }
        if let date = resolveDate(text) { return date }
        if let special = resolveSpecialFloat(text) { return special }
        if text[0] == ASCII.colon, text.count > 1 {
            throw .disallowedClass("Symbol")
        }
        if let value = try Numbers.resolve(text) { return value }
        return .string(makeString(text))
    }

    static func makeString(_ text: Bytes) -> String {
        String(decoding: text, as: UTF8.self)
    }

    // MARK: Words

    /// Psych treats text as a word (not a number or date) when it starts with a letter or
    /// one of a few symbols, possibly after one other character that is not `0-9 . : -`.
    static func startsLikeWord(_ text: Bytes) -> Bool {
        let (first, firstLength) = UTF8Scalar.decode(text, at: 0)
        if isWordCharacter(first) { return true }
        switch first {
        case "0"..."9", ".", ":", "-": return false
        default: break
        }
        guard firstLength < text.count else { return false }
        return isWordCharacter(UTF8Scalar.decode(text, at: firstLength).scalar)
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            // One bit per ASCII character (a switch over the characters was ~40 instructions a
            // call, two calls a scalar): letters, `_`, whitespace and
            // ``!@#$%^&*(){}<>|/\~;=`` (`asciiWordCharacters` in the tests lists them).
            let v = scalar.value
            let bits: UInt64 = v < 64 ? 0x7800877b00003e00 : 0x7ffffffed7ffffff
            return bits >> UInt64(v & 63) & 1 != 0
        }
        return scalar.properties.isAlphabetic
    }

    /// Short words may be booleans or null; Psych matches them line by line (Ruby's `^`/`$`),
    /// case-insensitively with Unicode case folding (`yeſ` is true, `oﬀ` false).
    private static func resolveWord(_ text: Bytes) -> YAMLValue {
        // The common case, one line: only text starting with y t o n f ~ can be a word (checked
        // before counting scalars, which cannot make such text anything but a string either).
        let first = text[0] | 0x20
        let mayBeWord = first == UInt8(ascii: "y") || first == UInt8(ascii: "t") || first == UInt8(ascii: "o")
            || first == UInt8(ascii: "n") || first == UInt8(ascii: "f") || text[0] == UInt8(ascii: "~")
        let oneLine = !text.contains(ASCII.newline)
        if !mayBeWord, oneLine { return .string(makeString(text)) }
        guard text.count <= 20, UTF8Scalar.count(text) <= 5 else { return .string(makeString(text)) }
        if oneLine, text.allSatisfy({ $0 < 0x80 }) { return resolveASCIIWord(text) }
        let string = makeString(text)
        let lines = string.split(separator: "\n", omittingEmptySubsequences: false)
        // Does any line start with something other than y t o n f ~ (an empty line
        // before the end starts with its newline)?
        for (number, line) in lines.enumerated() {
            guard let first = line.unicodeScalars.first else {
                if number < lines.count - 1 { return .string(string) }
                continue
            }
            if !"ytonfYTONF~".unicodeScalars.contains(first) { return .string(string) }
        }
        let folded = lines.map(caseFolded)
        if string == "~" || folded.contains("null") { return .null }
        if folded.contains(where: { $0 == "yes" || $0 == "true" || $0 == "on" }) { return .bool(true) }
        if folded.contains(where: { $0 == "no" || $0 == "false" || $0 == "off" }) { return .bool(false) }
        return .string(string)
    }

    private static func resolveASCIIWord(_ text: Bytes) -> YAMLValue {
        var folded: UInt64 = 0
        for byte in text {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            folded = folded << 8 | UInt64(lower)
        }
        if Words.null.contains(folded) { return .null }
        if Words.truthy.contains(folded) { return .bool(true) }
        if Words.falsy.contains(folded) { return .bool(false) }
        return .string(makeString(text))
    }

    private enum Words {
        static let null = [packed("~"), packed("null")]
        static let truthy = [packed("yes"), packed("true"), packed("on")]
        static let falsy = [packed("no"), packed("false"), packed("off")]
    }

    /// Up to eight ASCII bytes as one number, for comparing short words at once.
    private static func packed(_ word: StaticString) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<word.utf8CodeUnitCount { value = value << 8 | UInt64(word.utf8Start[index]) }
        return value
    }

    /// Folds the characters that can fold onto the letters of yes/true/on/no/false/off/null.
    private static func caseFolded(_ line: Substring) -> String {
        var folded = ""
        for scalar in line.unicodeScalars {
            switch scalar {
            case "A"..."Z": folded.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            case "\u{017F}": folded += "s"      // long s
            case "\u{FB00}": folded += "ff"     // ligature ff
            case "\u{212A}": folded += "k"      // Kelvin sign
            default: folded.unicodeScalars.append(scalar)
            }
        }
        return folded
    }

    // MARK: Dates and special floats

    /// `YYYY-M-D` with one- or two-digit month and day; an impossible date stays a string.
    private static func resolveDate(_ text: Bytes) -> YAMLValue? {
        var cursor = ByteCursor(text)
        guard let year = cursor.digits(exactly: 4), cursor.skip(ASCII.minus) else { return nil }
        guard let month = cursor.digits(upTo: 2), cursor.skip(ASCII.minus) else { return nil }
        guard let day = cursor.digits(upTo: 2), cursor.atEnd else { return nil }
        // The pattern allows month 0-9, 00-09, 10-12 and day 0-9, 00-31.
        if month.count == 2, month.value > 12 { return nil }
        if day.count == 2, day.value > 31 { return nil }
        guard CivilCalendar.isValidReformDate(year: year, month: month.value, day: day.value) else {
            return .string(makeString(text))
        }
        return .date(YAMLDate(year: year, month: month.value, day: day.value))
    }

    /// `.inf`, `+.inf`, `-.inf`, `.nan` in any letter case.
    private static func resolveSpecialFloat(_ text: Bytes) -> YAMLValue? {
        var start = 0
        var sign = 1.0
        if text[0] == ASCII.plus { start = 1 } else if text[0] == ASCII.minus { start = 1; sign = -1 }
        guard text.count - start == 4, text[start] == ASCII.dot else { return nil }
        let word = (text[start + 1] | 0x20, text[start + 2] | 0x20, text[start + 3] | 0x20)
        if word == (UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "f")) { return .float(sign * .infinity) }
        if start == 0, word == (UInt8(ascii: "n"), UInt8(ascii: "a"), UInt8(ascii: "n")) { return .float(.nan) }
        return nil
    }
}

/// A conversion Psych fails on, or a Ruby class safe loading refuses.
enum ScalarFailure: Error {
    case disallowedClass(String)
    case invalid(String)
    case unsupported(String)
}
