/// Shell-style pattern matching as Ruby's `File.fnmatch?` does it, which Jekyll uses for `include`,
/// `exclude`, `keep_files` and front-matter default scopes.
public struct GlobPattern: Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Wildcards do not match `/`, and `**/` matches any number of directories.
        public static let pathname = Options(rawValue: 1)
        /// Wildcards match a leading `.` too.
        public static let dotMatch = Options(rawValue: 2)
    }

    private let pattern: [UInt8]
    private let options: Options
    /// No wildcard, bracket or escape: the pattern matches only itself.
    public let isLiteral: Bool

    public init(_ pattern: String, options: Options = []) {
        self.pattern = Array(pattern.utf8)
        self.options = options
        isLiteral = !self.pattern.contains {
            $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "\\")
        }
    }

    public func matches(_ string: String) -> Bool {
        if isLiteral { return string.utf8.elementsEqual(pattern) }
        return match(0, Array(string.utf8), 0)
    }

    /// `matches` for a string already in bytes (one conversion for several patterns).
    public func matches(utf8 s: [UInt8]) -> Bool {
        isLiteral ? s == pattern : match(0, s, 0)
    }

    public static func matches(_ pattern: String, _ string: String, options: Options = []) -> Bool {
        GlobPattern(pattern, options: options).matches(string)
    }

    private var pathname: Bool { options.contains(.pathname) }

    /// True when a wildcard may not consume the `.` at `i` (start of string or of a path segment).
    private func isHiddenStart(_ s: [UInt8], _ i: Int) -> Bool {
        guard !options.contains(.dotMatch), i < s.count, s[i] == UInt8(ascii: ".") else { return false }
        return i == 0 || (pathname && s[i - 1] == UInt8(ascii: "/"))
    }

    private func match(_ pi: Int, _ s: [UInt8], _ si: Int) -> Bool {
        var p = pi, i = si
        while p < pattern.count {
            let c = pattern[p]
            switch c {
            case UInt8(ascii: "*"):
                if pathname && p + 2 < pattern.count && pattern[p + 1] == UInt8(ascii: "*")
                    && pattern[p + 2] == UInt8(ascii: "/") && (p == 0 || pattern[p - 1] == UInt8(ascii: "/")) {
                    // `**/`: zero or more whole directories.
                    let rest = p + 3
                    var j = i
                    while true {
                        if isHiddenStart(s, j) { return false }
                        if match(rest, s, j) { return true }
                        guard let slash = s[j...].firstIndex(of: UInt8(ascii: "/")) else { return false }
                        j = slash + 1
                    }
                }
                if isHiddenStart(s, i) { return false }
                var q = p
                while q < pattern.count && pattern[q] == UInt8(ascii: "*") { q += 1 }
                if q == pattern.count {
                    return pathname ? !s[i...].contains(UInt8(ascii: "/")) : true
                }
                var j = i
                while j <= s.count {
                    if match(q, s, j) { return true }
                    if j == s.count || (pathname && s[j] == UInt8(ascii: "/")) { return false }
                    j += 1
                }
                return false
            case UInt8(ascii: "?"):
                guard i < s.count, !(pathname && s[i] == UInt8(ascii: "/")), !isHiddenStart(s, i) else { return false }
                p += 1; i += 1
            case UInt8(ascii: "["):
                guard i < s.count, !(pathname && s[i] == UInt8(ascii: "/")), !isHiddenStart(s, i) else { return false }
                guard let (matched, next) = matchBracket(p, s[i]) else {
                    // An unterminated bracket is a literal `[`.
                    guard s[i] == c else { return false }
                    p += 1; i += 1; continue
                }
                guard matched else { return false }
                p = next; i += 1
            case UInt8(ascii: "\\") where p + 1 < pattern.count:
                guard i < s.count, s[i] == pattern[p + 1] else { return false }
                p += 2; i += 1
            default:
                guard i < s.count, s[i] == c else { return false }
                p += 1; i += 1
            }
        }
        return i == s.count
    }

    /// Matches one byte against the bracket expression at `start`; nil when the bracket is unterminated.
    private func matchBracket(_ start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var p = start + 1
        var negate = false
        if p < pattern.count && (pattern[p] == UInt8(ascii: "!") || pattern[p] == UInt8(ascii: "^")) {
            negate = true; p += 1
        }
        var matched = false
        var first = true
        while p < pattern.count && (first || pattern[p] != UInt8(ascii: "]")) {
            first = false
            var lo = pattern[p]
            if lo == UInt8(ascii: "\\") && p + 1 < pattern.count { p += 1; lo = pattern[p] }
            p += 1
            var hi = lo
            if p + 1 < pattern.count && pattern[p] == UInt8(ascii: "-") && pattern[p + 1] != UInt8(ascii: "]") {
                hi = pattern[p + 1]
                if hi == UInt8(ascii: "\\") && p + 2 < pattern.count { p += 1; hi = pattern[p + 1] }
                p += 2
            }
            if lo <= byte && byte <= hi { matched = true }
        }
        guard p < pattern.count else { return nil }
        return (matched != negate, p + 1)
    }
}
