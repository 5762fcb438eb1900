import Liquid

/// The calendar fields of a time in its own offset, for permalink placeholders and Jekyll's date
/// formats (English month and day names, as Ruby's `strftime` prints them).
public struct WallClock: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// 0 = Sunday.
    public var weekday: Int
    /// 1-based day of the year.
    public var yearDay: Int

    public init(_ time: TimeValue) {
        let local = time.seconds + Int64(time.utcOffset)
        var days = local / 86400
        var secondOfDay = local % 86400
        if secondOfDay < 0 { secondOfDay += 86400; days -= 1 }
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay / 60 % 60)
        second = Int(secondOfDay % 60)
        // Civil from days (Howard Hinnant's algorithm).
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = Int(doy - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
        let w = (days + 4) % 7
        weekday = Int(w < 0 ? w + 7 : w)
        let jan1 = SiteClock.epochSeconds(year: year, month: 1, day: 1, hour: 0, minute: 0, second: 0) / 86400
        yearDay = Int(days - jan1) + 1
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    public var monthName: String { WallClock.monthNames[month - 1] }
    public var shortMonthName: String { String(monthName.prefix(3)) }
    public var dayName: String { WallClock.dayNames[weekday] }
    public var shortDayName: String { String(dayName.prefix(3)) }

    /// ISO 8601 weekday, 1 = Monday … 7 = Sunday (`%u`).
    public var isoWeekday: Int { weekday == 0 ? 7 : weekday }

    /// ISO 8601 week-numbering year and week (`%G`, `%V`).
    public var isoWeek: (year: Int, week: Int) {
        let week = (yearDay - isoWeekday + 10) / 7
        if week < 1 {
            let previous = year - 1
            let previousDays = WallClock.isLeap(previous) ? 366 : 365
            return (previous, WallClock.weeksIn(previous, yearDay: yearDay + previousDays, isoWeekday: isoWeekday))
        }
        let daysInYear = WallClock.isLeap(year) ? 366 : 365
        if week == 53 && (daysInYear - yearDay) < (4 - isoWeekday) { return (year + 1, 1) }
        return (year, week)
    }

    private static func weeksIn(_ year: Int, yearDay: Int, isoWeekday: Int) -> Int {
        (yearDay - isoWeekday + 10) / 7
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// The value of a permalink date placeholder (`year`, `i_month`, `short_day`, …), or nil.
    public func placeholder(_ name: String) -> String? {
        switch name {
        case "year": return WallClock.pad(year, 4)
        case "month": return WallClock.pad(month, 2)
        case "day": return WallClock.pad(day, 2)
        case "hour": return WallClock.pad(hour, 2)
        case "minute": return WallClock.pad(minute, 2)
        case "second": return WallClock.pad(second, 2)
        case "i_day": return String(day)
        case "i_month": return String(month)
        case "short_month": return shortMonthName
        case "long_month": return monthName
        case "short_year": return WallClock.pad(((year % 100) + 100) % 100, 2)
        case "w_year": return String(isoWeek.year)
        case "week": return WallClock.pad(isoWeek.week, 2)
        case "w_day": return String(isoWeekday)
        case "short_day": return shortDayName
        case "long_day": return dayName
        case "y_day": return WallClock.pad(yearDay, 3)
        default: return nil
        }
    }
}
