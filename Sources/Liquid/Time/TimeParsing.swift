/// Ruby's `Time.parse` for the date strings templates meet: ISO 8601 and SQL-style dates and
/// times, RFC 2822, month names in either order ("March 14, 2016", "14 Mar 2016", "July 4th,
/// 2020"), `d/m/y` and `m/d`, times with am/pm, zone offsets and common zone names. Missing
/// fields are filled as Ruby does (current year; today for a bare time).
extension TimeValue {
    public static func parse(_ string: String) -> TimeValue? {
        var p = DateStringParser(string)
        return p.parse()
    }
}

private struct DateStringParser {
    var text: [UInt8]
    var year: Int?, month: Int?, day: Int?
    var hour: Int?, minute = 0, second = 0, nanos = 0
    var offset: Int?
    var isUTC = false

    init(_ s: String) {
        text = Array(s.lowercased().utf8)
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones: [String: Int] = [
        "utc": 0, "gmt": 0, "ut": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "bst": 1, "ist": 1, "cet": 1, "cest": 2,
        "met": 1, "eet": 2, "eest": 3, "wet": 0, "west": 1, "msk": 3, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
    ]

    mutating func parse() -> TimeValue? {
        parseTime()
        _ = parseISODate() || parseSlashDate() || parseMonthNameDate() || parseCompactDate()
        if year == nil && month == nil && day == nil && hour == nil { return nil }
        return build()
    }

    // MARK: Scanning helpers

    func digits(at i: Int) -> Int {
        var j = i
        while j < text.count && isDigit(text[j]) { j += 1 }
        return j - i
    }

    func number(_ i: Int, _ n: Int) -> Int {
        text[i..<(i + n)].reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// Blanks out a matched part so later patterns do not see it.
    mutating func consume(_ range: Range<Int>) {
        for k in range { text[k] = 32 }
    }

    func startsNumber(_ i: Int) -> Bool { i < text.count && isDigit(text[i]) && (i == 0 || !isDigit(text[i - 1])) }

    // MARK: Time and zone

    mutating func parseTime() {
        var i = 0
        while i < text.count {
            guard startsNumber(i) else { i += 1; continue }
            let h = digits(at: i)
            if h <= 2, i + h < text.count, text[i + h] == UInt8(ascii: ":"), digits(at: i + h + 1) == 2 {
                let start = i
                hour = number(i, h)
                var j = i + h + 1
                minute = number(j, 2)
                j += 2
                if j < text.count, text[j] == UInt8(ascii: ":"), digits(at: j + 1) == 2 {
                    second = number(j + 1, 2)
                    j += 3
                    if j < text.count, text[j] == UInt8(ascii: ".") || text[j] == UInt8(ascii: ","), digits(at: j + 1) > 0 {
                        let n = digits(at: j + 1)
                        var frac = String(decoding: text[(j + 1)..<(j + 1 + min(n, 9))], as: UTF8.self)
                        while frac.count < 9 { frac += "0" }
                        nanos = Int(frac) ?? 0
                        j += 1 + n
                    }
                }
                j = meridian(from: j)
                consume(start..<j)
                parseZone(from: j)
                return
            }
            if h <= 2 {
                let e = meridian(from: i + h)
                if e > i + h {
                    hour = number(i, h)
                    consume(i..<e)
                    parseZone(from: e)
                    return
                }
            }
            i += h
        }
    }

    /// ` am`/`pm` after a time: adjusts the hour; returns the end of the match.
    mutating func meridian(from i: Int) -> Int {
        var j = i
        while j < text.count && text[j] == 32 { j += 1 }
        guard j + 1 < text.count, text[j] == UInt8(ascii: "a") || text[j] == UInt8(ascii: "p"),
            text[j + 1] == UInt8(ascii: "m"), j + 2 == text.count || !isAlpha(text[j + 2]),
            let h = hour ?? (i > 0 ? Int(String(decoding: text[max(0, i - 2)..<i].filter(isDigit), as: UTF8.self)) : nil)
        else { return i }
        let pm = text[j] == UInt8(ascii: "p")
        hour = (h % 12) + (pm ? 12 : 0)
        return j + 2
    }

    mutating func parseZone(from start: Int) {
        var i = start
        while i < text.count && text[i] == 32 { i += 1 }
        guard i < text.count else { return }
        let c = text[i]
        if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            let n = digits(at: i + 1)
            guard n > 0 else { return }
            var h = 0, m = 0, end = i + 1 + n
            if n == 4 {
                h = number(i + 1, 2); m = number(i + 3, 2)
            } else if n <= 2 {
                h = number(i + 1, n)
                if end < text.count, text[end] == UInt8(ascii: ":"), digits(at: end + 1) == 2 {
                    m = number(end + 1, 2)
                    end += 3
                }
            } else {
                return
            }
            offset = (c == UInt8(ascii: "-") ? -1 : 1) * (h * 3600 + m * 60)
            consume(i..<end)
            return
        }
        var j = i
        while j < text.count && isAlpha(text[j]) { j += 1 }
        let word = String(decoding: text[i..<j], as: UTF8.self)
        if let hours = Self.zones[word] {
            offset = hours * 3600
            isUTC = word == "utc" || word == "z" || word == "gmt" || word == "ut"
            consume(i..<j)
            parseZone(from: j)  // "GMT+01:00"
        }
    }

    // MARK: Dates

    mutating func parseISODate() -> Bool {
        for i in text.indices where startsNumber(i) {
            let n = digits(at: i)
            guard n >= 4, i + n < text.count, text[i + n] == UInt8(ascii: "-") || text[i + n] == UInt8(ascii: "/") else { continue }
            let sep = text[i + n]
            let m = digits(at: i + n + 1)
            guard m >= 1, m <= 2, i + n + 1 + m < text.count, text[i + n + 1 + m] == sep else { continue }
            let d = digits(at: i + n + m + 2)
            guard d >= 1, d <= 2 else { continue }
            year = number(i, n)
            month = number(i + n + 1, m)
            day = number(i + n + m + 2, d)
            var end = i + n + m + 2 + d
            if end < text.count, text[end] == UInt8(ascii: "t") { end += 1 }
            consume(i..<end)
            if hour != nil { parseZone(from: end) }
            return true
        }
        return false
    }

    mutating func parseSlashDate() -> Bool {
        for i in text.indices where startsNumber(i) {
            let a = digits(at: i)
            guard a <= 2, i + a < text.count, text[i + a] == UInt8(ascii: "/") else { continue }
            let b = digits(at: i + a + 1)
            guard b >= 1, b <= 2 else { continue }
            let end = i + a + 1 + b
            if end < text.count, text[end] == UInt8(ascii: "/"), digits(at: end + 1) > 0 {
                let c = digits(at: end + 1)
                day = number(i, a)
                month = number(i + a + 1, b)
                year = expandYear(number(end + 1, c), digits: c)
                consume(i..<(end + 1 + c))
            } else {
                month = number(i, a)
                day = number(i + a + 1, b)
                consume(i..<end)
            }
            return true
        }
        return false
    }

    mutating func parseMonthNameDate() -> Bool {
        var i = 0
        while i < text.count {
            guard isAlpha(text[i]), i == 0 || !isAlpha(text[i - 1]) else { i += 1; continue }
            var j = i
            while j < text.count && isAlpha(text[j]) { j += 1 }
            let word = String(decoding: text[i..<j], as: UTF8.self)
            if word.count >= 3, let m = Self.monthNames.firstIndex(where: { word.hasPrefix($0) }),
                Strftime.months[m].lowercased().hasPrefix(word) || word.count == 3
            {
                month = m + 1
                consume(i..<j)
                takeDayAndYear(near: i)
                return true
            }
            i = j
        }
        return false
    }

    /// The day (1–2 digits, maybe "th") nearest the month name and a year (3–4 digits, or 2 after it).
    mutating func takeDayAndYear(near position: Int) {
        var numbers: [(start: Int, length: Int)] = []
        var i = 0
        while i < text.count {
            if startsNumber(i) {
                let n = digits(at: i)
                numbers.append((i, n))
                i += n
            } else {
                i += 1
            }
        }
        if let d = numbers.filter({ $0.length <= 2 }).min(by: { abs($0.start - position) < abs($1.start - position) }) {
            day = number(d.start, d.length)
            consume(d.start..<(d.start + d.length))
        }
        if let y = numbers.first(where: { $0.length >= 3 && $0.length <= 4 }) {
            year = number(y.start, y.length)
            consume(y.start..<(y.start + y.length))
        } else if day != nil, let y = numbers.first(where: { $0.length == 2 && text[$0.start] != 32 }) {
            year = expandYear(number(y.start, 2), digits: 2)
        }
    }

    mutating func parseCompactDate() -> Bool {
        for i in text.indices where startsNumber(i) && digits(at: i) == 8 {
            year = number(i, 4); month = number(i + 4, 2); day = number(i + 6, 2)
            consume(i..<(i + 8))
            return true
        }
        return false
    }

    func expandYear(_ y: Int, digits: Int) -> Int {
        digits <= 2 ? (y >= 69 ? 1900 + y : 2000 + y) : y
    }

    // MARK: Building

    func build() -> TimeValue? {
        let now = TimeValue.now().components
        let y = year ?? now.year
        let mo = month ?? (year == nil && day == nil ? now.month : 1)
        let d = day ?? (month == nil && year == nil ? now.day : 1)
        let h = hour ?? 0
        // Ruby takes any day up to 31 and lets one past the month's end run into the next month
        // (`2020-02-30` is March 1st); the day arithmetic below does the same.
        guard (1...12).contains(mo), (1...31).contains(d),
            (0...23).contains(h), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        if let offset {
            let wall = CivilTime.daysFromCivil(year: y, month: mo, day: d) * 86400 + Int64(h * 3600 + minute * 60 + second)
            return TimeValue(seconds: wall - Int64(offset), nanoseconds: nanos, utcOffset: offset,
                             zone: isUTC ? .utc : .fixedOffset)
        }
        return TimeValue.local(year: y, month: mo, day: d, hour: h, minute: minute, second: second, nanoseconds: nanos)
    }
}
