/// Ruby's `strftime`, with its flags (`-` no padding, `_` spaces, `0` zeros, `^` upper case,
/// `#` swapped case), widths and colons (`%:z`).
enum Strftime {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let shortMonths = months.map { String($0.prefix(3)) }
    static let shortWeekdays = weekdays.map { String($0.prefix(3)) }
    static let twoDigits = (0..<100).map { $0 < 10 ? "0\($0)" : "\($0)" }

    /// What is formatted: wall-clock fields, the instant, and the zone.
    struct Moment {
        var civil: CivilTime
        var nanoseconds: Int
        var epochSeconds: Int64
        var utcOffset: Int
        /// The time whose zone `%Z` names (nil for a date): the name is looked up only when a
        /// pattern prints it (a local zone's name costs a `localtime_r`, which takes a lock).
        var time: TimeValue?
        /// The name `%Z` prints instead of the time's own (a host's zone, kept apart from the process's).
        var zoneNameOverride: String?

        var zoneName: String { zoneNameOverride ?? time?.zoneName ?? "+00:00" }
    }

    static func moment(_ t: TimeValue) -> Moment {
        Moment(civil: t.components, nanoseconds: t.nanoseconds, epochSeconds: t.seconds,
               utcOffset: Int(t.utcOffset), time: t)
    }

    static func moment(_ d: DateValue) -> Moment {
        let s = d.daysSinceEpoch * 86400
        return Moment(civil: CivilTime(secondsSinceEpoch: s), nanoseconds: 0, epochSeconds: s, utcOffset: 0, time: nil)
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        static let noPadding = Flags(rawValue: 1)      // -
        static let spacePadding = Flags(rawValue: 2)   // _
        static let zeroPadding = Flags(rawValue: 4)    // 0
        static let upcase = Flags(rawValue: 8)         // ^
        static let changeCase = Flags(rawValue: 16)    // #
    }

    /// Ruby gives up with `Errno::ERANGE` once the result would pass 512 KiB per byte of the format.
    static func format(_ m: Moment, _ format: String) throws -> String {
        // Bytes, made a string once: appending to a `String` piece by piece cost more than the
        // conversions themselves. On the stack while they fit.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer in
            var out = ByteSink(buffer: buffer)
            defer { out.release() }
            return try Self.format(m, format, into: &out)
        }
    }

    private static func format(_ m: Moment, _ format: String, into out: inout ByteSink) throws -> String {
        let limit = format.utf8.count * 512 * 1024
        var tooWide = false
        var format = format
        format.withUTF8 { f in
            var i = 0
            var literalStart = 0
            while i < f.count {
                guard f[i] == UInt8(ascii: "%"), i + 1 < f.count else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: f[literalStart..<i]))
                let start = i
                i += 1
                var flags: Flags = []
                flagLoop: while i < f.count {
                    switch f[i] {
                    case UInt8(ascii: "-"): flags.insert(.noPadding)
                    case UInt8(ascii: "_"): flags.insert(.spacePadding)
                    case UInt8(ascii: "0"): flags.insert(.zeroPadding)
                    case UInt8(ascii: "^"): flags.insert(.upcase)
                    case UInt8(ascii: "#"): flags.insert(.changeCase)
                    default: break flagLoop
                    }
                    i += 1
                }
                var width: Int?
                var widthOverflows = false
                while i < f.count, isDigit(f[i]) {
                    // Past a C int Ruby no longer reads a width and prints the directive as written.
                    let next = (width ?? 0) * 10 + Int(f[i] - 48)
                    if next > Int(Int32.max) { widthOverflows = true } else { width = next }
                    i += 1
                }
                if let width, width > limit { tooWide = true }
                var colons = 0
                while i < f.count, f[i] == UInt8(ascii: ":") {
                    colons += 1
                    i += 1
                }
                guard i < f.count else {
                    literalStart = start
                    break
                }
                var byte = f[i]
                i += 1
                // `%E` and `%O` (POSIX's alternative forms, in Ruby the plain ones) before a
                // conversion they suit; otherwise printed as written.
                if byte == UInt8(ascii: "E") || byte == UInt8(ascii: "O") {
                    guard colons == 0, i < f.count, suits(modifier: byte, f[i]) else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: f[start..<i]))
                        literalStart = i
                        continue
                    }
                    byte = f[i]
                    i += 1
                }
                // Plain `%d`, `%-d`, `%Y`, `%b` … (every date a list page prints) written as bytes.
                if !widthOverflows, !tooWide, width == nil, colons == 0, flags.isEmpty || flags == .noPadding,
                   appendPlain(byte, m, noPadding: !flags.isEmpty, to: &out) {
                    literalStart = i
                    continue
                }
                let conversion = Unicode.Scalar(byte)
                if !widthOverflows, !tooWide,
                   let text = directive(conversion, m, flags: flags, width: width, colons: colons) {
                    out.append(text)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: f[start..<i]))
                }
                literalStart = i
            }
            if literalStart < f.count {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: f[literalStart..<f.count]))
            }
        }
        if tooWide || out.count > limit {
            throw LiquidError(.standard, "Numerical result out of range - \(format)")
        }
        return out.string
    }

    /// The conversions Ruby takes after `%E` and after `%O`.
    private static func suits(modifier: UInt8, _ conversion: UInt8) -> Bool {
        let suited: StaticString = modifier == UInt8(ascii: "E") ? "cCxXyY" : "deHkIlmMSuUVwWy"
        return UnsafeBufferPointer(start: suited.utf8Start, count: suited.utf8CodeUnitCount).contains(conversion)
    }

    /// Whether `format` prints a zone name: a `%Z`, with any flags and width (`%+`, which names it
    /// too, prints a date's offset: never a zone's name). The conversions are read as `format` reads
    /// them, so `%%Z` prints none.
    static func printsZoneName(_ format: String) -> Bool {
        var format = format
        return format.withUTF8 { f in
            // Most patterns hold no `Z` at all: one `memchr` tells (reading their directives cost
            // ~200 instructions a pattern, on every date a site prints).
            guard UTF8Text.nextByte(UInt8(ascii: "Z"), in: f, from: 0) != nil else { return false }
            var i = 0
            // Each `%` by `memchr`: most patterns hold a few directives among their literals.
            while let percent = UTF8Text.nextByte(UInt8(ascii: "%"), in: f, from: i) {
                i = percent + 1
                while i < f.count, isDirectiveModifier(f[i]) { i += 1 }
                guard i < f.count else { return false }
                if f[i] == UInt8(ascii: "Z") { return true }
                // (past `%%` too: its second `%` starts nothing)
                i += 1
            }
            return false
        }
    }

    /// The flags, width digits and colons between a `%` and its conversion.
    private static func isDirectiveModifier(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "^"),
             UInt8(ascii: "#"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    static let monthBytes = months.map { Array($0.utf8) }
    static let shortMonthBytes = shortMonths.map { Array($0.utf8) }
    static let weekdayBytes = weekdays.map { Array($0.utf8) }
    static let shortWeekdayBytes = shortWeekdays.map { Array($0.utf8) }

    /// The directives without width or flags but `-` whose output `directive` would make the
    /// same, appended directly; false (nothing appended) for the others.
    @inline(__always)
    private static func appendPlain(_ c: UInt8, _ m: Moment, noPadding: Bool, to out: inout ByteSink) -> Bool {
        let t = m.civil
        /// 0...99, zero-padded to two digits unless `-`.
        func two(_ n: Int) {
            if n >= 10 || !noPadding { out.append(48 + UInt8(n / 10)) }
            out.append(48 + UInt8(n % 10))
        }
        switch c {
        case UInt8(ascii: "d"): two(t.day)
        case UInt8(ascii: "m"): two(t.month)
        case UInt8(ascii: "H"): two(t.hour)
        case UInt8(ascii: "M"): two(t.minute)
        case UInt8(ascii: "S"):
            guard t.second < 100 else { return false }
            two(t.second)
        case UInt8(ascii: "e"):
            if t.day < 10 && !noPadding { out.append(UInt8(ascii: " ")) }
            if t.day >= 10 { out.append(48 + UInt8(t.day / 10)) }
            out.append(48 + UInt8(t.day % 10))
        case UInt8(ascii: "Y"):
            // Four digits whether padded or not.
            guard t.year >= 1000 && t.year <= 9999 else { return false }
            out.append(48 + UInt8(t.year / 1000))
            out.append(48 + UInt8(t.year / 100 % 10))
            out.append(48 + UInt8(t.year / 10 % 10))
            out.append(48 + UInt8(t.year % 10))
        case UInt8(ascii: "b"), UInt8(ascii: "h"): out.append(contentsOf: shortMonthBytes[t.month - 1])
        case UInt8(ascii: "B"): out.append(contentsOf: monthBytes[t.month - 1])
        case UInt8(ascii: "a"): out.append(contentsOf: shortWeekdayBytes[t.weekday])
        case UInt8(ascii: "A"): out.append(contentsOf: weekdayBytes[t.weekday])
        default: return false
        }
        return true
    }

    /// A composite conversion (`%c`, `%F`, …): fixed formats without widths, which cannot fail.
    private static func composite(_ m: Moment, _ fixedFormat: String) -> String {
        (try? format(m, fixedFormat)) ?? ""
    }

    private static func directive(_ c: Unicode.Scalar, _ m: Moment, flags: Flags, width: Int?,
                                  colons: Int) -> String? {
        let t = m.civil
        func number(_ n: Int, _ defaultWidth: Int, _ defaultPad: Character = "0") -> String {
            // The usual case: two digits, default padding.
            if flags.isEmpty, width == nil, defaultWidth == 2, n >= 0, n < 100 {
                return defaultPad == "0" ? twoDigits[n] : (n < 10 ? " " + String(n) : twoDigits[n])
            }
            var pad: Character? = defaultPad
            if flags.contains(.noPadding) { pad = nil }
            else if flags.contains(.spacePadding) { pad = " " }
            else if flags.contains(.zeroPadding) { pad = "0" }
            let w = width ?? defaultWidth
            var digits = String(abs(n))
            let sign = n < 0 ? "-" : ""
            if let pad, digits.utf8.count + sign.utf8.count < w {
                if pad == "0" {
                    digits = String(repeating: "0", count: w - digits.utf8.count - sign.utf8.count) + digits
                    return sign + digits
                }
                return String(repeating: " ", count: w - digits.utf8.count - sign.utf8.count) + sign + digits
            }
            return sign + digits
        }
        func text(_ s: String, upperForSharp: Bool = true) -> String {
            if flags.isEmpty && width == nil { return s }
            var s = s
            if flags.contains(.upcase) { s = s.uppercased() }
            if flags.contains(.changeCase) { s = upperForSharp ? s.uppercased() : s.lowercased() }
            if let width, s.count < width {
                let pad: Character = flags.contains(.zeroPadding) ? "0" : " "
                s = String(repeating: pad, count: width - s.count) + s
            }
            return s
        }
        let hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12
        // Colons only ever qualify `%z`.
        if colons > 0 && c != "z" { return nil }
        switch c {
        case "Y":
            if t.year >= 0 { return number(t.year, flags.contains(.noPadding) ? 1 : 4) }
            return number(t.year, 5)
        case "C": return number(Int((Double(t.year) / 100).rounded(.down)), 2)
        case "y": return number(((t.year % 100) + 100) % 100, 2)
        case "m": return number(t.month, 2)
        case "B": return text(months[t.month - 1])
        case "b", "h": return text(shortMonths[t.month - 1])
        case "d": return number(t.day, 2)
        case "e": return number(t.day, 2, " ")
        case "j": return number(t.yearDay, 3)
        case "H": return number(t.hour, 2)
        case "k": return number(t.hour, 2, " ")
        case "I": return number(hour12, 2)
        case "l": return number(hour12, 2, " ")
        case "P": return text(t.hour < 12 ? "am" : "pm")
        case "p": return text(t.hour < 12 ? "AM" : "PM", upperForSharp: false)
        case "M": return number(t.minute, 2)
        case "S": return number(t.second, 2)
        case "L", "N":
            let digits = width ?? (c == "L" ? 3 : 9)
            var s = String(m.nanoseconds)
            s = String(repeating: "0", count: 9 - s.count) + s
            if digits <= 9 { return String(s.prefix(digits)) }
            return s + String(repeating: "0", count: digits - 9)
        case "z": return zoneOffset(m.utcOffset, colons: colons, flags: flags, width: width)
        case "Z": return text(m.zoneName, upperForSharp: false)
        case "A": return text(weekdays[t.weekday])
        case "a": return text(shortWeekdays[t.weekday])
        case "u": return number(t.weekday == 0 ? 7 : t.weekday, 1)
        case "w": return number(t.weekday, 1)
        case "U": return number((t.yearDay - 1 + 7 - t.weekday) / 7, 2)
        case "W": return number((t.yearDay - 1 + 7 - ((t.weekday + 6) % 7)) / 7, 2)
        case "G": return number(isoWeek(t).year, 4)
        case "g": return number(isoWeek(t).year % 100, 2)
        case "V": return number(isoWeek(t).week, 2)
        case "s": return number(Int(m.epochSeconds), 1)
        case "n": return "\n"
        case "t": return "\t"
        case "%": return "%"
        case "c": return text(composite(m, "%a %b %e %H:%M:%S %Y"))
        case "D", "x": return text(composite(m, "%m/%d/%y"))
        case "F": return text(composite(m, "%Y-%m-%d"))
        case "T", "X": return text(composite(m, "%H:%M:%S"))
        case "R": return text(composite(m, "%H:%M"))
        case "r": return text(composite(m, "%I:%M:%S %p"))
        case "v": return text(composite(m, "%e-%^b-%4Y"))
        // Ruby's `Date` knows `%+`, its `Time` does not (printed as written).
        case "+": return m.time == nil ? text(composite(m, "%a %b %e %H:%M:%S %Z %Y")) : nil
        default: return nil
        }
    }

    private static func zoneOffset(_ offset: Int, colons: Int, flags: Flags, width: Int?) -> String {
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        let h = a / 3600, mi = (a % 3600) / 60, s = a % 60
        var body: String
        switch colons {
        case 1: body = pad2(h) + ":" + pad2(mi)
        case 2: body = pad2(h) + ":" + pad2(mi) + ":" + pad2(s)
        default: body = pad2(h) + pad2(mi)
        }
        if flags.contains(.noPadding) && body.hasPrefix("0") { body.removeFirst() }
        var result = sign + body
        if let width, result.count < width {
            let pad = flags.contains(.spacePadding) ? " " : "0"
            result = pad == "0" ? sign + String(repeating: "0", count: width - result.count) + body
                : String(repeating: " ", count: width - result.count) + result
        }
        return result
    }

    /// ISO 8601 week-numbering year and week.
    static func isoWeek(_ t: CivilTime) -> (year: Int, week: Int) {
        let isoWeekday = t.weekday == 0 ? 7 : t.weekday
        let week = (t.yearDay - isoWeekday + 10) / 7
        if week < 1 { return (t.year - 1, weeksInYear(t.year - 1)) }
        if week > weeksInYear(t.year) { return (t.year + 1, 1) }
        return (t.year, week)
    }

    /// 53 when the year starts on a Thursday (or a Wednesday in a leap year), else 52.
    static func weeksInYear(_ year: Int) -> Int {
        let jan1 = CivilTime(secondsSinceEpoch: CivilTime.daysFromCivil(year: year, month: 1, day: 1) * 86400).weekday
        return jan1 == 4 || (jan1 == 3 && CivilTime.isLeapYear(year)) ? 53 : 52
    }
}
