import Liquid

/// Reading dates the way Jekyll reads them (`Time.parse(value.to_s).localtime`): ISO dates and
/// times (`2024-01-02`, `2024-01-02 10:30:00 +0100`, `2024-01-02T10:30:00Z`), Ruby's `Time#to_s`
/// form, and the common written forms with month names (`Jan 2, 2024`, `2 January 2024 10:30`,
/// `Tue, 02 Jan 2024 10:30:00 +0000`). A reading without a zone is local time.
public enum DateParsing {
    public static func parse(_ text: String, clock: SiteClock) -> TimeValue? {
        var scanner = Scanner(text)
        scanner.skipSpaces()
        // An optional weekday name ("Tue," / "Tuesday").
        if let word = scanner.peekWord(), weekday(word) {
            _ = scanner.word()
            scanner.skip(",")
            scanner.skipSpaces()
        }
        var year = 0, month = 0, day = 0
        if let n = scanner.number(), n.digits >= 3 {
            // 2024-01-02 or 2024/01/02
            year = n.value
            guard let sep = scanner.one(of: "-/"), let m = scanner.number(), scanner.skip(sep),
                  let d = scanner.number() else { return nil }
            month = m.value; day = d.value
        } else {
            scanner.rewind()
            scanner.skipSpaces()
            if let word = scanner.peekWord(), weekday(word) { _ = scanner.word(); scanner.skip(","); scanner.skipSpaces() }
            if let d = scanner.number() {
                // 2 Jan 2024
                scanner.skipSpaces(); scanner.skip("-")
                guard let name = scanner.word(), let m = monthNumber(name) else { return nil }
                scanner.skipSpaces(); scanner.skip("-")
                guard let y = scanner.number() else { return nil }
                day = d.value; month = m; year = y.value
            } else if let name = scanner.word(), let m = monthNumber(name) {
                // Jan 2, 2024
                scanner.skipSpaces()
                guard let d = scanner.number() else { return nil }
                scanner.skip(","); scanner.skipSpaces()
                guard let y = scanner.number() else { return nil }
                month = m; day = d.value; year = y.value
            } else {
                return nil
            }
        }
        // As Ruby's `Time.parse`: a day past the month's end (up to 31) runs into the next month.
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0, nanosecond = 0
        scanner.skipSpaces()
        _ = scanner.skip("T") || scanner.skip("t")
        if let h = scanner.number(), scanner.skip(":"), let mi = scanner.number() {
            hour = h.value; minute = mi.value
            if scanner.skip(":"), let s = scanner.number() { second = s.value }
            if scanner.skip(".") || scanner.skip(",") {
                var digits = scanner.digitString()
                while digits.count < 9 { digits += "0" }
                nanosecond = Int(digits.prefix(9)) ?? 0
            }
            guard hour <= 24, minute <= 59, second <= 60 else { return nil }
        }
        scanner.skipSpaces()
        var offset: Int?
        if scanner.skip("Z") || scanner.skip("z") {
            offset = 0
        } else if let sign = scanner.one(of: "+-") {
            let digits = scanner.digitString()
            var h = 0, m = 0
            if scanner.skip(":") {
                h = Int(digits) ?? 0; m = Int(scanner.digitString()) ?? 0
            } else if digits.count <= 2 {
                h = Int(digits) ?? 0
            } else {
                h = Int(digits.prefix(digits.count - 2)) ?? 0; m = Int(digits.suffix(2)) ?? 0
            }
            offset = (h * 3600 + m * 60) * (sign == "-" ? -1 : 1)
        } else if let word = scanner.peekWord(), ["UTC", "GMT", "UT"].contains(word.uppercased()) {
            _ = scanner.word()
            offset = 0
        }
        if let offset {
            let utc = SiteClock.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute,
                                             second: second) - Int64(offset)
            return clock.local(utc, nanoseconds: nanosecond)
        }
        return clock.wallClock(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                               nanosecond: nanosecond)
    }

    /// Whether a date string names its zone (`Z`, an offset, `UTC`/`GMT`) after a time of day.
    static func hasZone(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let rest = text[colon...]
        return rest.contains("+") || rest.dropFirst().contains("-") || rest.contains("Z") || rest.contains("z")
            || rest.uppercased().contains("UTC") || rest.uppercased().contains("GMT")
    }

    /// A value read from YAML or a file name as a time: times and dates directly, anything else by
    /// parsing its `to_s`.
    public static func time(from value: Value, clock: SiteClock) -> TimeValue? {
        switch value {
        case .time(let t): return clock.localize(t)
        case .date(let d): return clock.midnight(d)
        case .string(let s): return parse(s, clock: clock)
        default: return parse(value.rubyString, clock: clock)
        }
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func monthNumber(_ word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        return monthNames.firstIndex(of: String(w.prefix(3))).map { $0 + 1 }
    }

    static func weekday(_ word: String) -> Bool {
        let w = word.lowercased()
        return w.count >= 3 && ["sun", "mon", "tue", "wed", "thu", "fri", "sat"].contains(String(w.prefix(3)))
    }

    /// A small cursor over ASCII text.
    struct Scanner {
        let bytes: [UInt8]
        var i = 0
        init(_ text: String) { bytes = Array(text.utf8) }

        mutating func rewind() { i = 0 }

        mutating func skipSpaces() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        }

        @discardableResult
        mutating func skip(_ c: Character) -> Bool {
            guard i < bytes.count, let a = c.asciiValue, bytes[i] == a else { return false }
            i += 1
            return true
        }

        mutating func one(of chars: String) -> Character? {
            guard i < bytes.count, chars.utf8.contains(bytes[i]) else { return nil }
            defer { i += 1 }
            return Character(Unicode.Scalar(bytes[i]))
        }

        mutating func number() -> (value: Int, digits: Int)? {
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            guard i > start, i - start <= 9 else { i = start; return nil }
            return (Int(String(decoding: bytes[start..<i], as: UTF8.self))!, i - start)
        }

        mutating func digitString() -> String {
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        func peekWord() -> String? {
            var j = i
            while j < bytes.count, (bytes[j] | 0x20) >= 0x61, (bytes[j] | 0x20) <= 0x7A { j += 1 }
            return j > i ? String(decoding: bytes[i..<j], as: UTF8.self) : nil
        }

        mutating func word() -> String? {
            guard let w = peekWord() else { return nil }
            i += w.utf8.count
            return w
        }
    }
}
