/// Jekyll's rules for which directory entries take part in a build: names starting with `.`, `_`,
/// `#` or `~` and names ending in `~` are left out, as is anything `exclude` matches, unless
/// `include` names it; in safe mode a symlink pointing outside the source is always left out.
public struct EntryFilter: Sendable {
    public let source: String
    public let include: [String]
    /// `exclude` without the entries `include` also names.
    public let exclude: [String]
    public let safe: Bool
    /// The directory the entries are relative to, itself relative to the source ("" or "_posts").
    public let baseDirectory: String
    /// `include` and `exclude` joined under the source and compiled once, not for every entry.
    private let includeMatchers: [SourcePattern]
    private let excludeMatchers: [SourcePattern]
    /// No `exclude` pattern can match an entry below `baseDirectory` (see `excludesNothing`).
    private let excludesNothingBelowBase: Bool
    /// Worked out once: `source.utf8.last` cost ~80 instructions an entry.
    private let sourceEndsWithSlash: Bool

    public init(source: String, include: [String], exclude: [String], safe: Bool, baseDirectory: String = "") {
        self.source = source
        self.include = include
        self.exclude = exclude.filter { !include.contains($0) }
        self.safe = safe
        includeMatchers = include.map { SourcePattern($0, source: source) }
        excludeMatchers = self.exclude.map { SourcePattern($0, source: source) }
        self.baseDirectory = Self.relative(baseDirectory, to: source)
        excludesNothingBelowBase = Self.excludesNothing(below: self.baseDirectory, excludeMatchers, source: source)
        sourceEndsWithSlash = source.utf8.last == UInt8(ascii: "/")
    }

    /// The same rules for entries under another directory: the patterns are compiled already.
    private init(_ other: EntryFilter, baseDirectory: String) {
        source = other.source
        include = other.include
        exclude = other.exclude
        safe = other.safe
        includeMatchers = other.includeMatchers
        excludeMatchers = other.excludeMatchers
        self.baseDirectory = Self.relative(baseDirectory, to: other.source)
        excludesNothingBelowBase = Self.excludesNothing(below: self.baseDirectory, excludeMatchers, source: source)
        sourceEndsWithSlash = source.utf8.last == UInt8(ascii: "/")
    }

    /// Whether `isExcluded` is false for every entry below `baseDirectory` (`/_posts`): each
    /// pattern is literal, so matches only an entry path it is a prefix of (or that path's folder
    /// with a slash), and is neither a prefix of `_posts/` nor starts with it. Every post was joined
    /// to its folder and matched against the default `exclude` list (~1,300 instructions).
    private static func excludesNothing(below baseDirectory: String, _ patterns: [SourcePattern],
                                        source: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let base = Array(baseDirectory.utf8)
        // `globMatches` compares what follows the one leading slash of the joined entry: `_posts/…`.
        guard source.utf8.last != slash, base.count > 1, base[0] == slash, base[1] != slash,
              base.last != slash else { return false }
        let below = base.dropFirst() + [slash]
        return patterns.allSatisfy { pattern in
            guard let relative = pattern.relativeLiteral else { return false }
            return !relative.starts(with: below) && !below.starts(with: relative)
        }
    }

    private static func relative(_ directory: String, to source: String) -> String {
        directory.hasPrefix(source) ? String(directory.dropFirst(source.count)) : directory
    }

    /// The site's rules: its source, `include`, `exclude` and safe mode.
    public init(configuration: Configuration) {
        self.init(source: configuration.source, include: configuration.include, exclude: configuration.exclude,
                  safe: configuration.safe)
    }

    public func relativeTo(baseDirectory: String) -> EntryFilter {
        EntryFilter(self, baseDirectory: baseDirectory)
    }

    /// The entries that stay. `entries` are names or paths relative to the current directory, and
    /// `directory` is that directory's absolute path (for the symlink test).
    public func filter(_ entries: [String], in directory: String) -> [String] {
        entries.filter { !rejects($0, in: directory) }
    }

    public func rejects(_ entry: String, in directory: String) -> Bool {
        if entry.hasSuffix(".") { return true }
        // The last component worked out once: the include and special-name tests both ask for it.
        let name = Path.basename(entry)
        let included = isIncluded(entry, name: name)
        if isExcluded(entry) && !included { return true }
        if safe, isRefusedSymlink(Path.join(directory, entry)) { return true }
        if included { return false }
        return Self.startsSpecial(entry) || Self.startsSpecial(name) || entry.hasSuffix("~")
    }

    public func isIncluded(_ entry: String) -> Bool { isIncluded(entry, name: Path.basename(entry)) }

    /// `name` is the entry's last component; an entry that is its own last component (a file of
    /// the folder being read) is matched once, not twice.
    private func isIncluded(_ entry: String, name: String) -> Bool {
        Self.globMatches(includeMatchers, entry, source: source, sourceEndsWithSlash: sourceEndsWithSlash)
            || (name.utf8.count != entry.utf8.count
                && Self.globMatches(includeMatchers, name, source: source, sourceEndsWithSlash: sourceEndsWithSlash))
    }

    public func isExcluded(_ entry: String) -> Bool {
        if excludesNothingBelowBase { return false }
        return Self.globMatches(excludeMatchers, Path.join(baseDirectory, entry), source: source,
                                sourceEndsWithSlash: sourceEndsWithSlash)
    }

    static func startsSpecial(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return false }
        return first == UInt8(ascii: ".") || first == UInt8(ascii: "_") || first == UInt8(ascii: "#")
            || first == UInt8(ascii: "~")
    }

    /// In safe mode, a symlink whose target lies outside the source.
    public func isRefusedSymlink(_ absolutePath: String) -> Bool {
        guard safe, FileSystem.isSymlink(absolutePath) else { return false }
        guard let real = FileSystem.realPath(absolutePath), let realSource = FileSystem.realPath(source) else {
            return true
        }
        return !real.hasPrefix(realSource)
    }

    /// Jekyll's `glob_include?`: a pattern matches an entry (both taken under the source) by
    /// fnmatch, by prefix, or by naming the entry's directory with a trailing slash.
    private static func globMatches(_ patterns: [SourcePattern], _ entry: String, source: String,
                                    sourceEndsWithSlash: Bool) -> Bool {
        guard !patterns.isEmpty else { return false }
        // Literal patterns are first compared with the entry itself: pattern and entry would be
        // joined under the same source, so only what follows it can differ. The whole path is made
        // (a string and an array for every entry) only for glob patterns and the directory test.
        var entryBytes = entry
        var needsPath = false
        let matchesLiterally = entryBytes.withUTF8 { whole -> Bool in
            // An entry with one leading slash (relative to a folder below the source: `/_posts/a.md`)
            // is joined to the source as it is, so what follows its slash compares as a name does
            // (every post took the whole-path steps for the default `exclude` list, ~2,400
            // instructions).
            var entry = whole
            if !sourceEndsWithSlash, whole.count > 1, whole[0] == UInt8(ascii: "/"), whole[1] != UInt8(ascii: "/") {
                entry = UnsafeBufferPointer(rebasing: whole[1...])
            }
            for pattern in patterns {
                guard let relative = pattern.relativeLiteral, entry.first != UInt8(ascii: "/") else {
                    needsPath = true
                    continue
                }
                if Self.hasPrefix(entry, relative) { return true }
                if relative.count == entry.count + 1, relative.last == UInt8(ascii: "/") { needsPath = true }
            }
            return false
        }
        if matchesLiterally { return true }
        guard needsPath else { return false }
        let path = Path.join(source, entry)
        let bytes = Array(path.utf8)
        var isDirectory: Bool?
        return patterns.withUnsafeBufferPointer { patterns in
            for index in patterns.indices {
                let pattern = patterns[index].bytes
                // A literal pattern matches only itself, which the prefix test covers.
                if Self.hasPrefix(bytes, pattern) { return true }
                if !patterns[index].isLiteral, patterns[index].glob.matches(utf8: bytes) { return true }
                if pattern.count == bytes.count + 1, pattern.last == UInt8(ascii: "/"), Self.hasPrefix(pattern, bytes) {
                    if isDirectory == nil { isDirectory = FileSystem.isDirectory(path) }
                    if isDirectory == true { return true }
                }
            }
            return false
        }
    }

    /// `whole` starts with `prefix` (and is no shorter), byte by byte without generic sequences.
    private static func hasPrefix(_ whole: [UInt8], _ prefix: [UInt8]) -> Bool {
        whole.withUnsafeBufferPointer { w in hasPrefix(w, prefix) }
    }

    private static func hasPrefix(_ w: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        prefix.withUnsafeBufferPointer { p in
            guard w.count >= p.count else { return false }
            var i = p.count - 1
            while i >= 0 {
                if w[i] != p[i] { return false }
                i -= 1
            }
            return true
        }
    }

    /// An `include`/`exclude` entry joined under the source (Jekyll's `PathManager.join`).
    private struct SourcePattern: Sendable {
        let bytes: [UInt8]
        let glob: GlobPattern
        /// No wildcard, bracket or escape.
        let isLiteral: Bool
        /// A literal pattern not starting with `/`: its bytes, which follow the source's (and a
        /// slash) in `bytes` as an entry's follow them in its path.
        let relativeLiteral: [UInt8]?

        init(_ pattern: String, source: String) {
            let path = Path.join(source, pattern)
            bytes = Array(path.utf8)
            glob = GlobPattern(path)
            isLiteral = glob.isLiteral
            relativeLiteral = isLiteral && pattern.utf8.first != UInt8(ascii: "/") ? Array(pattern.utf8) : nil
        }
    }
}
