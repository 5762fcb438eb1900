import Liquid

/// A time's permalink date placeholders (`year`, `i_month`, `short_day`, …): each is a Ruby
/// `strftime` format of the time in its own offset, printed by Liquid's formatter.
public struct WallClock: Sendable {
    public let time: TimeValue

    public init(_ time: TimeValue) { self.time = time }

    static let placeholderFormats: [String: String] = [
        "year": "%Y", "month": "%m", "day": "%d", "hour": "%H", "minute": "%M", "second": "%S",
        "i_day": "%-d", "i_month": "%-m", "short_month": "%b", "long_month": "%B", "short_year": "%y",
        "w_year": "%G", "week": "%V", "w_day": "%u", "short_day": "%a", "long_day": "%A", "y_day": "%j",
    ]

    /// The value of a permalink date placeholder, or nil when `name` is not one.
    public func placeholder(_ name: String) -> String? {
        WallClock.placeholderFormats[name].flatMap { DateFilter.strftime(.time(time), $0) }
    }
}
