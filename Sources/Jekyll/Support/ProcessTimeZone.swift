#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's time zone (`TZ`), which Ruby — and Liquid's `date` filter — show times in. Like
/// Jekyll, `kyll build` sets it from the site's `timezone:`; a program building several sites with
/// different zones in one process should run them one after the other.
public enum ProcessTimeZone {
    /// The `TZ` setting, if any.
    public static var current: String? {
        guard let tz = FileSystem.environment("TZ"), !tz.isEmpty else { return nil }
        return tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
    }

    /// The system zone's name, from the `/etc/localtime` link ("…/zoneinfo/Europe/Zurich"), without
    /// asking Foundation (whose answer loads ICU); nil when the file is not such a link.
    static var systemIdentifier: String? {
        var buffer = [CChar](repeating: 0, count: 512)
        let n = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let marker = ByteSearch.firstRange(of: "zoneinfo/", in: target) else { return nil }
        return String(decoding: target.utf8.dropFirst(marker.upperBound), as: UTF8.self)
    }

    public static func set(_ identifier: String) {
        setenv("TZ", identifier, 1)
        tzset()
    }

    /// The C library's abbreviation for the local zone at an instant.
    static func abbreviation(at seconds: Int64) -> String? {
        var t = time_t(seconds)
        var parts = tm()
        guard localtime_r(&t, &parts) != nil, let zone = parts.tm_zone else { return nil }
        return String(cString: zone)
    }
}
