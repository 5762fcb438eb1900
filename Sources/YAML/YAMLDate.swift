/// A calendar date as written (Ruby `Date`). Dates before 1582-10-15 are Julian-calendar
/// dates, as Ruby's `Date` (Italian reform) reads them.
public struct YAMLDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }
}

/// A point in time (Ruby `Time`): an instant plus the zone Psych gave it.
public struct YAMLTime: Sendable, Hashable, CustomStringConvertible {
    public enum Zone: Sendable, Hashable {
        /// Written with `Z`: Ruby's `Time#utc?` is true.
        case utc
        /// Written with an offset such as `+05:30`: a fixed offset in seconds east of UTC.
        case offset(Int)
        /// Written without a zone: the instant reads as UTC, and Ruby shows it in the
        /// process's local time zone (`TZ`, which Jekyll sets from `timezone:`).
        case local
    }

    /// Whole seconds since 1970-01-01T00:00:00Z (floored; `nanoseconds` is never negative).
    public var secondsSinceEpoch: Int64
    /// The fraction of the second, truncated to nanoseconds.
    public var nanoseconds: Int32
    public var zone: Zone

    public init(secondsSinceEpoch: Int64, nanoseconds: Int32, zone: Zone) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.nanoseconds = nanoseconds
        self.zone = zone
    }

    /// Ruby's `Time#eql?` compares instants only.
    public static func == (lhs: YAMLTime, rhs: YAMLTime) -> Bool {
        lhs.secondsSinceEpoch == rhs.secondsSinceEpoch && lhs.nanoseconds == rhs.nanoseconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(secondsSinceEpoch)
        hasher.combine(nanoseconds)
    }

    /// The wall-clock fields of this instant seen at `offsetSeconds` east of UTC
    /// (proleptic Gregorian calendar, as Ruby's `Time`).
    public func civil(offsetSeconds: Int) -> CivilTime {
        let local = secondsSinceEpoch + Int64(offsetSeconds)
        let days = local.floorDivided(by: 86_400)
        let secondOfDay = Int(local - days * 86_400)
        let (year, month, day) = CivilCalendar.gregorianDate(fromDaysSinceEpoch: days)
        return CivilTime(year: year, month: month, day: day,
                         hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
                         nanosecond: Int(nanoseconds))
    }

    public var description: String {
        switch zone {
        case .utc: return civil(offsetSeconds: 0).description + " UTC"
        case .offset(let seconds): return civil(offsetSeconds: seconds).description + " " + formatOffset(seconds)
        case .local: return civil(offsetSeconds: 0).description + " (local)"
        }
    }
}

/// Wall-clock fields of a `YAMLTime` at some offset.
public struct CivilTime: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var nanosecond: Int

    public var description: String {
        var text = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + " "
        text += padded(hour, 2) + ":" + padded(minute, 2) + ":" + padded(second, 2)
        if nanosecond != 0 { text += "." + padded(nanosecond, 9) }
        return text
    }
}

/// Day arithmetic in the proleptic Gregorian and the Julian calendars.
enum CivilCalendar {
    /// Days from 1970-01-01 to the given proleptic Gregorian date; `month` and `day`
    /// may run past the month's end (March 32 is April 1), as Ruby's `Time` allows.
    static func daysSinceEpoch(gregorianYear year: Int, month: Int, day: Int) -> Int64 {
        // Count from March, so the leap day is the last day of the counting year.
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func gregorianDate(fromDaysSinceEpoch days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
        let month = Int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func isGregorianLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Whether Ruby's `Date` (Julian before 1582-10-15, Gregorian from then) has this day.
    static func isValidReformDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let beforeReform = (year, month, day) < (1582, 10, 15)
        if year == 1582, month == 10, day > 4, day < 15 { return false }
        let leap = beforeReform ? year % 4 == 0 : isGregorianLeapYear(year)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let zeros = String(repeating: "0", count: max(0, width - digits.count))
    return (value < 0 ? "-" : "") + zeros + digits
}

func formatOffset(_ seconds: Int) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let minutes = abs(seconds) / 60
    return sign + padded(minutes / 60, 2) + padded(minutes % 60, 2)
}
