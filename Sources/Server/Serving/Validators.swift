/// Conditional requests (RFC 9110 §13): `ETag`/`If-None-Match` and `Last-Modified`/`If-Modified-Since`,
/// and single byte ranges (`Range`, `If-Range`, RFC 9110 §14) for media files.
struct Validators: Equatable, Sendable {
    /// A strong entity tag, quoted: it changes whenever the bytes sent would change.
    var etag: String
    /// Seconds since 1970; nil when the body depends on more than the file (injected HTML), so that
    /// `If-Modified-Since` cannot revalidate a page whose overlay or script changed.
    var lastModified: Int64?

    /// `variant` distinguishes bodies made from the same file (live reload script, error overlay).
    init(size: Int64, modificationNanoseconds: Int64, variant: UInt64?) {
        var tag = String(size, radix: 16) + "-" + String(modificationNanoseconds, radix: 16)
        if let variant { tag += "-" + String(variant, radix: 16) }
        self.etag = "\"" + tag + "\""
        self.lastModified = variant == nil ? modificationNanoseconds / 1_000_000_000 : nil
    }

    /// Whether a GET or HEAD carrying these request headers may be answered with 304.
    /// `If-None-Match` wins over `If-Modified-Since` when both are present (RFC 9110 §13.2.2).
    func isNotModified(ifNoneMatch: String?, ifModifiedSince: String?) -> Bool {
        if let ifNoneMatch {
            return Self.entityTags(ifNoneMatch).contains { $0 == "*" || Self.weaklyEqual($0, etag) }
        }
        if let ifModifiedSince, let lastModified, let since = HTTPDate.parse(ifModifiedSince) {
            return lastModified <= since
        }
        return false
    }

    /// Whether `If-Range` allows the range to be served: it must name the current strong tag or date.
    func allowsRange(ifRange: String?) -> Bool {
        guard let ifRange = ifRange?.trimmingSpaces else { return true }
        if ifRange.hasPrefix("\"") { return ifRange == etag }
        if let lastModified, let date = HTTPDate.parse(ifRange) { return date == lastModified }
        return false
    }

    private static func entityTags(_ header: String) -> [String] {
        header.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    private static func weaklyEqual(_ lhs: String, _ rhs: String) -> Bool {
        func opaque(_ tag: String) -> Substring { tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag) }
        return opaque(lhs) == opaque(rhs)
    }
}

/// A single byte range from a `Range` header. Several ranges in one header are answered with the
/// whole file, which RFC 9110 allows.
enum ByteRangeRequest: Equatable {
    case whole
    case part(ClosedRange<Int64>)
    case unsatisfiable

    init(header: String?, size: Int64) {
        guard let header = header?.trimmingSpaces, header.hasPrefix("bytes=") else { self = .whole; return }
        let spec = header.dropFirst("bytes=".count).trimmingSpaces
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { self = .whole; return }
        let first = spec[..<dash].trimmingSpaces
        let last = spec[spec.index(after: dash)...].trimmingSpaces
        if first.isEmpty {
            guard let suffix = Int64(last), suffix >= 0 else { self = .whole; return }
            guard suffix > 0, size > 0 else { self = .unsatisfiable; return }
            self = .part(max(0, size - suffix)...(size - 1))
            return
        }
        guard let start = Int64(first), start >= 0 else { self = .whole; return }
        let end: Int64
        if last.isEmpty {
            end = size - 1
        } else {
            guard let parsed = Int64(last), parsed >= start else { self = .whole; return }
            end = min(parsed, size - 1)
        }
        guard start < size else { self = .unsatisfiable; return }
        self = .part(start...end)
    }
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only form a server sends and the form browsers
/// echo back; other legacy forms are ignored, as RFC 9110 permits for conditional headers.
enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        return "\(weekday), \(pad(day)) \(months[month - 1]) \(year) "
            + "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) GMT"
    }

    static func parse(_ text: String) -> Int64? {
        let parts = text.trimmingSpaces.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", parts[0].hasSuffix(","),
              let day = Int64(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
              let year = Int64(parts[3]) else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, let hour = Int64(clock[0]), let minute = Int64(clock[1]),
              let second = Int64(clock[2]), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let days = daysSinceEpoch(year: year, month: Int64(monthIndex + 1), day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

    // Proleptic Gregorian calendar arithmetic over 400-year eras.
    private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int, day: Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, Int(month), day)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
