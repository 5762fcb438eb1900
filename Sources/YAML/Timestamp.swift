/// Timestamps as Psych reads them: `2001-12-14 21:59:43.10 -5`, `2001-12-14t21:59:43Z`, …
///
/// The pattern is YAML 1.1's; the conversion is Psych's, quirks included: no zone means
/// the instant is read as UTC and shown in local time, an offset's minutes take the sign
/// of its hours only when the hours are non-zero (`-00:30` is +00:30), and out-of-range
/// fields Ruby's `Time` refuses leave the text a string.
enum Timestamp {
    struct Fields: Equatable {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var nanosecond = 0
        /// Whether the separator between date and time holds a space, `t` or `T`
        /// (Psych splits on those; with only a tab it crashes).
        var separatorSplits = false
        var zone: Zone = .none
    }

    enum Zone: Equatable {
        case none, utc
        /// Sign, then the offset as Psych re-reads it: up to two digits of hours, then the rest of
        /// the digits, or those after a colon, as minutes (`+530` is 53 hours and 0 minutes).
        case offset(negative: Bool, hours: Int, minutes: Int)
    }

    /// nil when the text is not shaped like a timestamp; `.string` when it is but Ruby
    /// rejects a field. Psych crashes (NoMethodError) when date and time are separated by
    /// whitespace without a space in it, `t` or `T`; that is a failure here.
    static func resolve(_ text: UnsafeBufferPointer<UInt8>) throws(ScalarFailure) -> YAMLValue? {
        guard let fields = match(text) else { return nil }
        guard fields.separatorSplits else {
            throw .invalid("the timestamp's date and time are separated by a tab; Psych cannot read that, use a space")
        }
        guard let time = makeTime(fields) else { return .string(PlainScalar.makeString(text)) }
        return .time(time)
    }

    static func match(_ text: UnsafeBufferPointer<UInt8>) -> Fields? {
        usualFields(text) ?? anyFields(text)
    }

    /// `anyFields` of the usual front matter date, `2014-01-01 13:13:00 +0000`, read at its fixed
    /// places (the general reading cost ~450 instructions a date); nil for any other text.
    static func usualFields(_ text: UnsafeBufferPointer<UInt8>) -> Fields? {
        guard text.count == 25, let base = text.baseAddress else { return nil }
        func byte(_ i: Int, is expected: UInt8) -> Bool { base[i] == expected }
        /// The number of the two digits at `i`; -1 when either is not a digit.
        func twoDigits(_ i: Int) -> Int {
            let high = base[i] &- ASCII.zero, low = base[i &+ 1] &- ASCII.zero
            return high < 10 && low < 10 ? Int(high) &* 10 &+ Int(low) : -1
        }
        let sign = base[20]
        guard byte(4, is: ASCII.minus), byte(7, is: ASCII.minus), byte(10, is: ASCII.space), byte(13, is: ASCII.colon),
              byte(16, is: ASCII.colon), byte(19, is: ASCII.space), sign == ASCII.plus || sign == ASCII.minus else { return nil }
        let century = twoDigits(0), yearInCentury = twoDigits(2), month = twoDigits(5), day = twoDigits(8)
        let hour = twoDigits(11), minute = twoDigits(14), second = twoDigits(17)
        let offsetHours = twoDigits(21), offsetMinutes = twoDigits(23)
        guard century | yearInCentury | month | day | hour | minute | second | offsetHours | offsetMinutes >= 0 else {
            return nil
        }
        var fields = Fields()
        fields.year = century &* 100 &+ yearInCentury
        fields.month = month
        fields.day = day
        fields.hour = hour
        fields.minute = minute
        fields.second = second
        fields.separatorSplits = true
        fields.zone = .offset(negative: sign == ASCII.minus, hours: offsetHours, minutes: offsetMinutes)
        return fields
    }

    /// The general reading of a timestamp's fields.
    static func anyFields(_ text: UnsafeBufferPointer<UInt8>) -> Fields? {
        var cursor = ByteCursor(text)
        var fields = Fields()
        let negativeYear = cursor.skip(ASCII.minus)
        guard let year = cursor.digits(exactly: 4), cursor.skip(ASCII.minus) else { return nil }
        fields.year = negativeYear ? -year : year
        guard let month = cursor.digits(upTo: 2), cursor.skip(ASCII.minus) else { return nil }
        guard let day = cursor.digits(upTo: 2) else { return nil }
        fields.month = month.value
        fields.day = day.value

        if cursor.skip(UInt8(ascii: "T")) || cursor.skip(UInt8(ascii: "t")) {
            fields.separatorSplits = true
        } else {
            let start = cursor.position
            guard cursor.skipRun(where: ASCII.isSpace) > 0 else { return nil }
            fields.separatorSplits = text[start..<cursor.position].contains(ASCII.space)
        }

        guard let hour = cursor.digits(upTo: 2), cursor.skip(ASCII.colon),
              let minute = cursor.digits(exactly: 2), cursor.skip(ASCII.colon),
              let second = cursor.digits(exactly: 2) else { return nil }
        fields.hour = hour.value
        fields.minute = minute
        fields.second = second

        if cursor.skip(ASCII.dot) {
            var scale = 100_000_000
            while let byte = cursor.current, ASCII.isDigit(byte) {
                fields.nanosecond += Int(byte - ASCII.zero) * scale
                scale /= 10
                cursor.position += 1
            }
        }

        let spaces = cursor.skipRun(where: ASCII.isSpace)
        if cursor.atEnd { return spaces == 0 ? fields : nil }
        if cursor.skip(UInt8(ascii: "Z")) {
            fields.zone = .utc
            return cursor.atEnd ? fields : nil
        }
        guard let signByte = cursor.current, signByte == ASCII.plus || signByte == ASCII.minus else { return nil }
        cursor.position += 1
        let digitsStart = cursor.position
        let digitCount = cursor.skipRun(where: ASCII.isDigit)
        let hourDigits = digitsStart..<(digitsStart + min(digitCount, 2))
        // Read as numbers here: arrays of the digits cost two allocations a timestamp.
        var minuteDigits = hourDigits.upperBound..<cursor.position
        if cursor.skip(ASCII.colon) {
            guard (1...2).contains(digitCount) else { return nil }
            let minutesStart = cursor.position
            let minuteCount = cursor.skipRun(where: ASCII.isDigit)
            guard minuteCount == 0 || minuteCount == 2 else { return nil }
            minuteDigits = minutesStart..<cursor.position
        } else {
            guard (1...4).contains(digitCount) else { return nil }
        }
        guard cursor.atEnd else { return nil }
        fields.zone = .offset(negative: signByte == ASCII.minus, hours: number(text[hourDigits]),
                              minutes: number(text[minuteDigits]))
        return fields
    }

    /// The value of at most a few ASCII digits.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
    }

    /// Ruby's `Time.utc` / `Time.new` on the fields: day 31 of a short month rolls
    /// over, hour 24 is allowed only as 24:00:00, second 60 rolls over.
    static func makeTime(_ fields: Fields) -> YAMLTime? {
        guard (1...12).contains(fields.month), (1...31).contains(fields.day),
              (0...24).contains(fields.hour), (0...59).contains(fields.minute), (0...60).contains(fields.second),
              fields.hour < 24 || (fields.minute == 0 && fields.second == 0) else { return nil }
        let days = CivilCalendar.daysSinceEpoch(gregorianYear: fields.year, month: fields.month, day: fields.day)
        let wallSeconds = days * 86_400 + Int64(fields.hour * 3600 + fields.minute * 60 + fields.second)
        switch fields.zone {
        case .none:
            return YAMLTime(secondsSinceEpoch: wallSeconds, nanoseconds: Int32(fields.nanosecond), zone: .local)
        case .utc:
            return YAMLTime(secondsSinceEpoch: wallSeconds, nanoseconds: Int32(fields.nanosecond), zone: .utc)
        case .offset(let negative, let hours, let minutes):
            let offset = offsetSeconds(negative: negative, hours: hours, minutes: minutes)
            guard offset > -86_400, offset < 86_400 else { return nil }
            return YAMLTime(secondsSinceEpoch: wallSeconds - Int64(offset), nanoseconds: Int32(fields.nanosecond),
                            zone: .offset(offset))
        }
    }

    /// Psych subtracts the minutes only when the hours are negative.
    private static func offsetSeconds(negative: Bool, hours: Int, minutes: Int) -> Int {
        let signedHours = negative ? -hours : hours
        var offset = signedHours * 3600
        offset += offset < 0 ? -minutes * 60 : minutes * 60
        return offset
    }
}
