#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The process's local time zone (the `TZ` environment variable, as Ruby uses it), through the C
/// library: offsets and abbreviations for instants, and instants for local wall-clock times.
enum LocalTime {
    /// The offset from UTC (seconds) and the zone abbreviation in effect at an instant.
    static func zone(at seconds: Int64) -> (offset: Int, abbreviation: String) {
        var t = time_t(seconds)
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return (0, "UTC") }
        let name = parts.tm_zone.map { String(cString: $0) } ?? ""
        return (Int(parts.tm_gmtoff), name)
    }

    /// The instant of a local wall-clock time (DST resolved as `mktime` does).
    static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        parts.tm_isdst = -1
        return Int64(mktime(&parts))
    }

    /// The current time.
    static func now() -> (seconds: Int64, nanoseconds: Int) {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return (Int64(ts.tv_sec), Int(ts.tv_nsec))
    }
}

extension TimeValue {
    /// The current time in the local zone (Ruby's `Time.now`).
    public static func now() -> TimeValue {
        let (s, ns) = LocalTime.now()
        return local(seconds: s, nanoseconds: ns)
    }

    /// An instant shown in the local zone (Ruby's `Time.at`).
    public static func local(seconds: Int64, nanoseconds: Int = 0) -> TimeValue {
        TimeValue(seconds: seconds, nanoseconds: nanoseconds, utcOffset: LocalTime.zone(at: seconds).offset, zone: .local)
    }

    /// A local wall-clock time (Ruby's `Time.local`).
    public static func local(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                             nanoseconds: Int = 0) -> TimeValue {
        let s = LocalTime.instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return local(seconds: s, nanoseconds: nanoseconds)
    }

    /// The zone name `%Z` prints.
    var zoneName: String {
        switch zone {
        case .utc: return "UTC"
        case .fixedOffset: return ""
        case .local: return LocalTime.zone(at: seconds).abbreviation
        }
    }
}
