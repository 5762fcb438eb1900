/// The `date` filter: formats times, dates, timestamps and date strings with Ruby's `strftime`.
public enum DateFilter {
    static func format(_ input: Value, _ format: Value, _ context: RenderContext) throws -> Value {
        let pattern = format.rubyString
        if pattern.isEmpty { return input }
        switch toTime(input) {
        case .time(let t)?: return .string(try Strftime.format(Strftime.moment(t), pattern))
        case .date(let d)?: return .string(try Strftime.format(Strftime.moment(d), pattern))
        default: return input
        }
    }

    /// ruby-liquid's `Utils.to_date`: times and dates as they are; "now"/"today"; integers and
    /// digit strings as seconds since the epoch; other strings parsed; anything else nil.
    public static func toTime(_ input: Value) -> Value? {
        switch input.primitive {
        case .time, .date: return input.primitive
        case .int(let i): return .time(.local(seconds: Int64(i)))
        case .string(let s):
            if s.isEmpty { return nil }
            let lower = s.lowercased()
            if lower == "now" || lower == "today" { return .time(.now()) }
            if lower.utf8.allSatisfy(isDigit) {
                guard let i = Int64(lower) else { return nil }
                return .time(.local(seconds: i))
            }
            return TimeValue.parse(s).map { .time($0) }
        default: return nil
        }
    }

    /// Formats a time or date with a Ruby `strftime` pattern (for host filters); `%Z` prints
    /// `zoneName` when given, instead of the time's own zone's name.
    public static func strftime(_ value: Value, _ pattern: String, zoneName: String? = nil) -> String? {
        switch value {
        case .time(let t):
            var moment = Strftime.moment(t)
            moment.zoneNameOverride = zoneName
            return try? Strftime.format(moment, pattern)
        case .date(let d): return try? Strftime.format(Strftime.moment(d), pattern)
        default: return nil
        }
    }

    /// Whether `pattern` prints a zone's name (`%Z`, with or without flags and a width): a host
    /// looks the name up only then.
    public static func printsZoneName(_ pattern: String) -> Bool { Strftime.printsZoneName(pattern) }
}
