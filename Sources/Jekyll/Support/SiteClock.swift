import Foundation
import Liquid
import YAML

/// The site's notion of local time. Jekyll sets the process's `TZ` from `timezone:` and Ruby shows
/// every `Time` it parses or reads in that zone; kyll keeps the zone in this value instead of the
/// process environment, so several sites can build side by side.
public struct SiteClock: Sendable {
    /// The zone's name (the site's `timezone:`, `TZ`, or the system's).
    public let identifier: String
    /// Foundation's zone, for the zones whose offset varies; nil for those that are UTC at every
    /// instant, which need no lookup (Foundation's takes a lock and asks ICU for every date a site
    /// prints, and loading ICU's zone data costs a millisecond at start-up).
    private let variableZone: TimeZone?
    private static let utcIdentifiers: Set<String> = [
        "UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu", "UCT", "Etc/UCT",
        "GMT0", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Greenwich", "Etc/Greenwich",
    ]

    /// `identifier` is the site's `timezone:`; without one (or with one Foundation does not know),
    /// `TZ`, else the system zone.
    public init(identifier: String?) {
        for case let candidate? in [identifier, ProcessTimeZone.current] {
            if SiteClock.utcIdentifiers.contains(candidate) {
                self.init(utc: candidate)
                return
            }
            if let zone = TimeZone(identifier: candidate) {
                self.init(zone)
                return
            }
        }
        if let system = ProcessTimeZone.systemIdentifier, SiteClock.utcIdentifiers.contains(system) {
            self.init(utc: system)
        } else {
            self.init(TimeZone.current)
        }
    }

    private init(utc identifier: String) {
        self.identifier = identifier
        variableZone = nil
    }

    private init(_ zone: TimeZone) {
        identifier = zone.identifier
        variableZone = SiteClock.utcIdentifiers.contains(zone.identifier) ? nil : zone
    }

    /// Foundation's zone, made on demand for the constant ones.
    public var timeZone: TimeZone {
        variableZone ?? TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!
    }

    /// The offset east of UTC in force at an instant.
    public func offset(at seconds: Int64) -> Int {
        guard let variableZone else { return 0 }
        return variableZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The zone's abbreviation at an instant ("UTC", "EST", "CEST"), as `%Z` prints it: from the C
    /// library when the process's zone is the site's (Ruby's source of names), else Foundation's.
    public func abbreviation(at seconds: Int64) -> String {
        if ProcessTimeZone.current == nil || ProcessTimeZone.current == identifier {
            if let name = ProcessTimeZone.abbreviation(at: seconds) { return name }
        }
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let timeZone = self.timeZone
        let abbreviation = timeZone.abbreviation(for: date) ?? ""
        // Foundation names zones without a local abbreviation "GMT+1"; the C library (and Ruby)
        // print the numeric form "+01".
        if abbreviation.hasPrefix("GMT") && abbreviation != "GMT" {
            let offset = timeZone.secondsFromGMT(for: date)
            let sign = offset < 0 ? "-" : "+"
            let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
            return sign + (hours < 10 ? "0" : "") + String(hours) + (minutes > 0 ? String(format: "%02d", minutes) : "")
        }
        return abbreviation
    }

    /// The instant shown in the site's local time (Ruby's `Time#localtime`).
    public func local(_ seconds: Int64, nanoseconds: Int = 0) -> TimeValue {
        TimeValue(seconds: seconds, nanoseconds: nanoseconds, utcOffset: offset(at: seconds), zone: .local)
    }

    public func localize(_ time: TimeValue) -> TimeValue { local(time.seconds, nanoseconds: time.nanoseconds) }

    /// Now, in local time.
    public func now() -> TimeValue {
        let t = Date().timeIntervalSince1970
        let seconds = Int64(t.rounded(.down))
        return local(seconds, nanoseconds: Int((t - Double(seconds)) * 1e9))
    }

    /// Midnight of a calendar day in local time (Ruby's `Time.parse("2024-01-02")`).
    public func midnight(_ date: DateValue) -> TimeValue {
        wallClock(year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0, nanosecond: 0)
    }

    /// The instant a local wall-clock reading stands for (the earlier one when a DST change repeats it;
    /// a reading that a DST change skips moves forward, as the C library's `mktime` does).
    public func wallClock(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                          nanosecond: Int) -> TimeValue {
        let asUTC = SiteClock.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        var guess = asUTC - Int64(offset(at: asUTC))
        let corrected = asUTC - Int64(offset(at: guess))
        if corrected != guess, asUTC - Int64(offset(at: corrected)) == corrected { guess = corrected }
        return local(guess, nanoseconds: nanosecond)
    }

    /// Seconds since the epoch of a UTC wall-clock reading (proleptic Gregorian).
    public static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        DateValue(year: year, month: month, day: day).daysSinceEpoch * 86400
            + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
    }

    /// A YAML timestamp as Ruby's Psych makes it: with `Z` a UTC time, with an offset a time at that
    /// offset, without a zone the instant (read as UTC) shown in local time.
    static func timeValue(_ t: YAMLTime, clock: SiteClock? = nil) -> TimeValue {
        switch t.zone {
        case .utc:
            return TimeValue(seconds: t.secondsSinceEpoch, nanoseconds: Int(t.nanoseconds), utcOffset: 0, zone: .utc)
        case .offset(let offset):
            return TimeValue(seconds: t.secondsSinceEpoch, nanoseconds: Int(t.nanoseconds), utcOffset: offset,
                             zone: .fixedOffset)
        case .local:
            let clock = clock ?? SiteClock(identifier: nil)
            return clock.local(t.secondsSinceEpoch, nanoseconds: Int(t.nanoseconds))
        }
    }
}
