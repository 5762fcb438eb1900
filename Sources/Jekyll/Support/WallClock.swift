import Liquid

/// A time's permalink date placeholders (`year`, `i_month`, `short_day`, …): each is a Ruby
/// `strftime` format of the time in its own offset, printed by Liquid's formatter.
public struct WallClock: Sendable {
    public let time: TimeValue
    /// The time's civil fields, worked out once for the three or so placeholders of a permalink.
    private let fields: CivilTime

    public init(_ time: TimeValue) {
        self.time = time
        fields = time.components
    }

    static let placeholderFormats: [String: String] = [
        "year": "%Y", "month": "%m", "day": "%d", "hour": "%H", "minute": "%M", "second": "%S",
        "i_day": "%-d", "i_month": "%-m", "short_month": "%b", "long_month": "%B", "short_year": "%y",
        "w_year": "%G", "week": "%V", "w_day": "%u", "short_day": "%a", "long_day": "%A", "y_day": "%j",
    ]

    /// The value of a permalink date placeholder, or nil when `name` is not one.
    public func placeholder(_ name: String) -> String? {
        WallClock.placeholderFormats[name].flatMap { DateFilter.strftime(.time(time), $0) }
    }

    /// `placeholder(name)` of a numeric field of a four-digit year (the names nearly every
    /// permalink uses), written as digits into a URL being filled; false (nothing written) for
    /// any other name or year.
    func writeNumericPlaceholder(_ name: UnsafeBufferPointer<UInt8>, to url: inout URLTemplate.Output) -> Bool {
        guard fields.year >= 1000 && fields.year <= 9999 else { return false }
        let field: (value: Int, width: Int)
        switch name.count {
        case 3 where URLTemplate.name(name, is: "day"): field = (fields.day, 2)
        case 4 where URLTemplate.name(name, is: "year"): field = (fields.year, 4)
        case 5 where URLTemplate.name(name, is: "month"): field = (fields.month, 2)
        case 5 where URLTemplate.name(name, is: "i_day"): field = (fields.day, 1)
        case 7 where URLTemplate.name(name, is: "i_month"): field = (fields.month, 1)
        case 4 where URLTemplate.name(name, is: "hour"): field = (fields.hour, 2)
        case 6 where URLTemplate.name(name, is: "minute"): field = (fields.minute, 2)
        case 6 where URLTemplate.name(name, is: "second"): field = (fields.second, 2)
        case 10 where URLTemplate.name(name, is: "short_year"): field = (fields.year % 100, 2)
        default: return false
        }
        url.appendDigits(field.value, width: field.width)
        return true
    }
}
