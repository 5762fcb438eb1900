/// Path arithmetic on `/`-separated strings with the semantics Jekyll relies on (Ruby's `File.join`,
/// `File.extname`, `File.basename`, `File.dirname`, `File.expand_path`), so that URLs, relative paths
/// and destinations come out exactly as Jekyll computes them.
public enum Path {
    /// Joins components with one `/` at each boundary; empty components still contribute a separator,
    /// as Ruby's `File.join` does (`join("", "a")` is `/a`).
    public static func join(_ parts: String...) -> String { join(parts) }

    /// Two components: the rule for one boundary (the variadic and array forms apply it in turn).
    /// A `/` ends (or starts) the last (or first) character exactly when it is the last (or first)
    /// byte, so the slashes are looked for as bytes.
    public static func join(_ first: String, _ second: String) -> String {
        var first = first, second = second
        return first.withUTF8 { head in
            second.withUTF8 { tail in
                // After a slash, the second part's own leading slashes go; between two parts without
                // one, one goes in. Written straight into the result's storage (appends to a `String`
                // cost ~1,000 instructions a join).
                let endsWithSlash = head.last == slash
                var tailStart = 0
                if endsWithSlash { while tailStart < tail.count && tail[tailStart] == slash { tailStart += 1 } }
                let between = !endsWithSlash && tail.first != slash ? 1 : 0
                let count = head.count + between + tail.count - tailStart
                return String(unsafeUninitializedCapacity: count) { buffer in
                    guard let out = buffer.baseAddress else { return 0 }
                    if let h = head.baseAddress { out.update(from: h, count: head.count) }
                    if between == 1 { out[head.count] = slash }
                    if let t = tail.baseAddress { (out + head.count + between).update(from: t + tailStart, count: tail.count - tailStart) }
                    return count
                }
            }
        }
    }

    public static func join(_ parts: [String]) -> String {
        guard var result = parts.first else { return "" }
        for part in parts.dropFirst() { result = join(result, part) }
        return result
    }

    /// The extension of the last component including its dot; a leading dot does not start an
    /// extension (`.profile` has none); a trailing dot is an extension of its own (`foo.` → `.`).
    /// Dots are looked for as bytes, as Ruby looks for them (a dot with a combining mark after it
    /// is one `Character`, but still Ruby's dot).
    public static func extname(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            let end = endIgnoringTrailingSlashes(bytes, bytes.count)
            var start = lastIndex(of: slash, in: bytes, from: 0, before: end).map { $0 + 1 } ?? 0
            while start < end && bytes[start] == dot { start += 1 }
            guard let at = lastIndex(of: dot, in: bytes, from: start, before: end) else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<end]), as: UTF8.self)
        }
    }

    /// The last component, ignoring trailing slashes. A path that is its own last component (a
    /// name, as the entries of a folder are) is given back as it is, not copied into a new string.
    public static func basename(_ path: String) -> String {
        var path = path
        let component = path.withUTF8 { bytes -> String? in
            let end = endIgnoringTrailingSlashes(bytes, bytes.count)
            if end == 1 && bytes[0] == slash { return "/" }
            let start = lastIndex(of: slash, in: bytes, from: 0, before: end).map { $0 + 1 } ?? 0
            if start == 0 && end == bytes.count { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return component ?? path
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// Where `bytes[..<end]` ends without its trailing slashes, keeping one byte at least. Paths
    /// are split on the `/` byte (as Ruby does), not on characters: this runs for every output
    /// file of every rebuild.
    /// The last `byte` in `bytes[start..<end]`, eight bytes at a time from the end: the slice's
    /// generic `lastIndex(of:)` cost ~7 instructions a byte, a plain loop on the pointer ~5
    /// (`basename` ~700 instructions a call, 3,000 calls in a 1k-post build). (Swift's Glibc does
    /// not declare `memrchr`.)
    private static func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let pattern = UInt64(byte) &* ones
        var i = end
        while i &- start >= 8 {
            let word = UnsafeRawPointer(base + (i &- 8)).loadUnaligned(as: UInt64.self).littleEndian ^ pattern
            // The high bit of each byte of `word` that is zero, exactly (no carry crosses bytes).
            let zeros = ~(((word & lowBits) &+ lowBits) | word) & ~lowBits
            if zeros != 0 { return i &- 8 &+ (63 &- zeros.leadingZeroBitCount) >> 3 }
            i &-= 8
        }
        while i > start {
            i -= 1
            if base[i] == byte { return i }
        }
        return nil
    }

    private static func endIgnoringTrailingSlashes(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        var end = end
        while end > 1 && bytes[end - 1] == slash { end -= 1 }
        return end
    }

    /// The last component without its extension (Ruby's `File.basename(path, ".*")`).
    /// One scan of the bytes, the extension's dot found as `extname` finds it (the name and its
    /// extension as strings, then the extension's characters counted off the name, cost ~1,500
    /// instructions an item).
    public static func basenameWithoutExtension(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            let end = endIgnoringTrailingSlashes(bytes, bytes.count)
            if end == 1 && bytes[0] == slash { return "/" }
            let start = lastIndex(of: slash, in: bytes, from: 0, before: end).map { $0 + 1 } ?? 0
            var afterDots = start
            while afterDots < end && bytes[afterDots] == dot { afterDots += 1 }
            let stem = lastIndex(of: dot, in: bytes, from: afterDots, before: end) ?? end
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stem]), as: UTF8.self)
        }
    }

    /// Everything before the last component; `.` when there is no directory part.
    public static func dirname(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            let end = endIgnoringTrailingSlashes(bytes, bytes.count)
            guard let last = lastIndex(of: slash, in: bytes, from: 0, before: end) else { return "." }
            let dirEnd = endIgnoringTrailingSlashes(bytes, last)
            return dirEnd == 0 ? "/" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<dirEnd]), as: UTF8.self)
        }
    }

    /// Resolves `.` and `..` lexically against `base` (absolute), squeezing repeated slashes.
    public static func expand(_ path: String, relativeTo base: String = "/") -> String {
        // Most paths (every document's destination) are already in the form expanding gives.
        switch expandedForm(path) {
        case .same: return path
        case .withTrailingSlash: return String(Substring(path.utf8.dropLast()))
        case nil: break
        }
        let full = path.hasPrefix("/") ? path : base + "/" + path
        // Split at the `/` bytes, as the file system (and Ruby) splits: a `/` followed by a
        // combining mark is one Swift character, which a split by characters would not cut, leaving
        // a `..` before it in place.
        var parts: [Substring] = []
        for part in full.utf8.split(separator: slash, omittingEmptySubsequences: true) {
            if part.count == 1, part.first == UInt8(ascii: ".") { continue }
            if part.count == 2, part.allSatisfy({ $0 == UInt8(ascii: ".") }) {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(Substring(part))
        }
        // Appended one by one: `joined` over substrings runs unspecialized, and its first call
        // makes the runtime look up associated types by name (a scan of every conformance).
        var expanded = ""
        for part in parts {
            expanded += "/"
            expanded += String(part)
        }
        return expanded.isEmpty ? "/" : expanded
    }

    enum ExpandedForm { case same, withTrailingSlash }

    /// Whether `path` is absolute with no empty, `.` or `..` component, so that `expand` gives it
    /// back unchanged (`/` itself is) or only without its one trailing slash; nil when it needs
    /// resolving.
    static func expandedForm(_ path: String) -> ExpandedForm? {
        var path = path
        return path.withUTF8 { bytes in
            guard bytes.first == slash else { return nil }
            if bytes.count == 1 { return .same }
            // No `//` and no `/.`: no empty component but a last one, and none that is `.` or `..`.
            if !hasSlashBeforeSlashOrDot(bytes) { return bytes.last == slash ? .withTrailingSlash : .same }
            // `start` is the first byte of the component being checked.
            var start = 1
            while true {
                var end = start
                while end < bytes.count && bytes[end] != slash { end += 1 }
                let length = end - start
                if length == 0 { return start == bytes.count ? .withTrailingSlash : nil }
                if bytes[start] == UInt8(ascii: "."),
                   length == 1 || (length == 2 && bytes[start + 1] == UInt8(ascii: ".")) { return nil }
                if end == bytes.count { return .same }
                start = end + 1
            }
        }
    }

    /// Whether a `/` is followed by `/` or `.`, eight pairs of bytes at a time (a URL's components
    /// looked at a byte at a time cost ~7 instructions a byte).
    private static func hasSlashBeforeSlashOrDot(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // The high bit of each byte of `word` equal to `byte`, exactly (no carry crosses bytes).
        @inline(__always) func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            let t = word ^ (UInt64(byte) &* ones)
            return ~(((t & lowBits) &+ lowBits) | t) & ~lowBits
        }
        let raw = UnsafeRawPointer(base)
        var i = 0
        // The pairs starting at `i..<i + 8`, the second bytes read as the word one byte on.
        while i &+ 9 <= bytes.count {
            let first = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let second = raw.loadUnaligned(fromByteOffset: i &+ 1, as: UInt64.self)
            if equal(first, slash) & (equal(second, slash) | equal(second, dot)) != 0 { return true }
            i &+= 8
        }
        while i &+ 1 < bytes.count {
            if base[i] == slash, base[i &+ 1] == slash || base[i &+ 1] == dot { return true }
            i &+= 1
        }
        return false
    }

    /// Jekyll's `sanitized_path`: `questionable` made absolute under `base`, so that no `..` or absolute
    /// path can leave `base`.
    public static func sanitized(base: String, _ questionable: String?) -> String {
        guard let questionable, questionable != base else { return base }
        var clean = questionable.hasPrefix("~") ? "/" + questionable : questionable
        clean = expand(clean, relativeTo: "/")
        if clean == base { return clean }
        // Compared as bytes: the prefix ends in `/`, which no character extends.
        if clean.utf8.starts(with: base.utf8.last == slash ? base.utf8 : (base + "/").utf8) { return clean }
        return join(base, clean)
    }

    /// Removes repeated slashes (`a//b` → `a/b`).
    public static func squeezeSlashes(_ original: String) -> String {
        var s = original
        return s.withUTF8 { bytes in
            var previousSlash = false
            var firstRepeat: Int?
            for (i, b) in bytes.enumerated() {
                if b == slash && previousSlash { firstRepeat = i; break }
                previousSlash = b == slash
            }
            guard let firstRepeat else { return original }
            // `/` is one byte and never part of another character's encoding, so bytes will do.
            var out = Array(bytes[..<firstRepeat])
            out.reserveCapacity(bytes.count)
            previousSlash = true
            for b in bytes[firstRepeat...] {
                if b == slash { if previousSlash { continue }; previousSlash = true } else { previousSlash = false }
                out.append(b)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `path` relative to `base` when it lies inside it, else nil.
    /// Compared as bytes, as Ruby compares paths (counting and dropping the prefix by characters
    /// cost ~2,500 instructions an item).
    public static func relative(_ path: String, to base: String) -> String? {
        var path = path, base = base  // not copied: `withUTF8` copies only a string not stored as UTF-8
        return path.withUTF8 { whole in
            base.withUTF8 { prefix -> String? in
                guard prefix.count <= whole.count,
                      ByteSearch.equal(UnsafeBufferPointer(rebasing: whole[..<prefix.count]), prefix) else { return nil }
                let dropped: Int
                if whole.count == prefix.count {
                    dropped = whole.count
                } else if prefix.last == slash {
                    dropped = prefix.count
                } else {
                    guard whole[prefix.count] == slash else { return nil }
                    dropped = prefix.count + 1
                }
                // Made from the bytes after a slash (a substring of the path made into a string
                // cost ~500 instructions a post).
                return String(decoding: UnsafeBufferPointer(rebasing: whole[dropped...]), as: UTF8.self)
            }
        }
    }
}

extension String {
    /// Removes every trailing `.` (Jekyll strips them from slugs and basenames).
    var trimmingTrailingDots: String {
        // No `.` as the last byte: the last character cannot be one.
        guard utf8.last == UInt8(ascii: ".") else { return self }
        var s = Substring(self)
        while s.hasSuffix(".") { s = s.dropLast() }
        return String(s)
    }
}
