/// An instant with the UTC offset it is shown in: Ruby's `Time`. Printed as `Time#to_s` prints,
/// "2024-01-02 00:00:00 +0000" ("… UTC" for a UTC time).
public struct TimeValue: Sendable, Hashable {
    /// Seconds since 1970-01-01 00:00:00 UTC.
    public var seconds: Int64
    /// Packed: nanoseconds (low 30 bits) and the zone kind (top 2 bits).
    private var packed: UInt32
    /// Offset from UTC in seconds (east positive).
    public var utcOffset: Int32

    /// How the zone is named: `%Z` prints "UTC", the local zone's abbreviation, or nothing for a
    /// fixed offset such as one parsed from "+01:00".
    public enum Zone: UInt32, Sendable {
        case fixedOffset = 0
        case utc = 1
        case local = 2
    }

    public init(seconds: Int64, nanoseconds: Int = 0, utcOffset: Int, zone: Zone) {
        self.seconds = seconds
        self.packed = UInt32(nanoseconds & 0x3FFF_FFFF) | (zone.rawValue << 30)
        self.utcOffset = Int32(utcOffset)
    }

    public var nanoseconds: Int { Int(packed & 0x3FFF_FFFF) }
    public var zone: Zone { Zone(rawValue: packed >> 30) ?? .fixedOffset }

    /// The wall-clock fields in this value's own offset.
    public var components: CivilTime {
        CivilTime(secondsSinceEpoch: seconds + Int64(utcOffset))
    }

    /// Ruby's `Time#to_s`.
    public var description: String {
        let c = components
        var s = c.dateString + " " + pad2(c.hour) + ":" + pad2(c.minute) + ":" + pad2(c.second) + " "
        if zone == .utc {
            s += "UTC"
        } else {
            s += Self.formatOffset(Int(utcOffset), colon: false)
        }
        return s
    }

    static func formatOffset(_ offset: Int, colon: Bool) -> String {
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        let hours = magnitude / 3600
        let minutes = (magnitude % 3600) / 60
        return sign + pad2(hours) + (colon ? ":" : "") + pad2(minutes)
    }

    /// The same instant, shown in another offset.
    public func withOffset(_ offset: Int, zone: Zone) -> TimeValue {
        TimeValue(seconds: seconds, nanoseconds: nanoseconds, utcOffset: offset, zone: zone)
    }

    /// Seconds since the epoch with the fraction, for comparisons.
    var exactSeconds: Double { Double(seconds) + Double(nanoseconds) / 1e9 }

    public static func == (lhs: TimeValue, rhs: TimeValue) -> Bool {
        lhs.seconds == rhs.seconds && lhs.nanoseconds == rhs.nanoseconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(seconds)
        hasher.combine(nanoseconds)
    }

    static func < (lhs: TimeValue, rhs: TimeValue) -> Bool {
        lhs.seconds != rhs.seconds ? lhs.seconds < rhs.seconds : lhs.nanoseconds < rhs.nanoseconds
    }
}

/// A calendar day without a time: Ruby's `Date`, printed "2024-01-02".
public struct DateValue: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String { CivilTime.formatDate(year: year, month: month, day: day) }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int64 { CivilTime.daysFromCivil(year: year, month: month, day: day) }

    /// Midnight of this day in the given offset, as a time (Ruby's `Date#to_time` uses local time).
    public func midnight(utcOffset: Int, zone: TimeValue.Zone) -> TimeValue {
        TimeValue(seconds: daysSinceEpoch * 86400 - Int64(utcOffset), utcOffset: utcOffset, zone: zone)
    }

    public static func < (lhs: DateValue, rhs: DateValue) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Broken-down proleptic Gregorian date and time.
public struct CivilTime: Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// 0 = Sunday.
    public var weekday: Int
    /// 1-based day of the year: computed when asked (`%j`, week numbers), as most formats never
    /// print it.
    public var yearDay: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        return Int(days - Self.daysFromCivil(year: year, month: 1, day: 1)) + 1
    }

    public init(secondsSinceEpoch: Int64) {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86400 : (secondsSinceEpoch - 86399) / 86400
        let secs = Int(secondsSinceEpoch - days * 86400)
        let (y, m, d) = Self.civilFromDays(days)
        year = y
        month = m
        day = d
        hour = secs / 3600
        minute = (secs % 3600) / 60
        second = secs % 60
        let w = (days + 4) % 7  // 1970-01-01 was a Thursday
        weekday = Int(w < 0 ? w + 7 : w)
    }

    var dateString: String { Self.formatDate(year: year, month: month, day: day) }

    static func formatDate(year: Int, month: Int, day: Int) -> String {
        var y = String(abs(year))
        while y.count < 4 { y = "0" + y }
        return (year < 0 ? "-" : "") + y + "-" + pad2(month) + "-" + pad2(day)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
}

@inline(__always)
func pad2(_ n: Int) -> String { n < 10 && n >= 0 ? "0" + String(n) : String(n) }
