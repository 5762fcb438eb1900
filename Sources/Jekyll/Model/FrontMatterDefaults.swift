import Liquid

/// The `defaults:` sets of the configuration: which values apply to a file, by its path (a folder
/// prefix or a glob) and its type (`pages`, `posts`, a collection label), the more specific scope
/// winning.
public struct FrontMatterDefaults: Sendable {
    struct Set: Sendable {
        var path: String?
        var type: String?
        var hasType: Bool
        var values: OrderedHash
        /// For glob scopes: the matching files, relative to the source.
        var globMatches: [String]?
        /// Its position in the configuration's `defaults` list.
        var index: Int
        /// The set as Ruby shows it (with the type renamed as Jekyll renames it), for error messages.
        var shown: String
    }

    let sets: [Set]
    let collectionsDir: String

    public init(configuration: Configuration, clock: SiteClock, logger: Logger) {
        collectionsDir = configuration.collectionsDir
        var sets: [Set] = []
        for (index, raw) in (configuration["defaults"]?.arrayValue ?? []).enumerated() {
            guard let set = raw.orderedHash, var values = set["values"]?.orderedHash else {
                logger.warn("Defaults:", "An invalid front-matter default set was found:")
                logger.warn(raw.inspect)
                continue
            }
            var scope = set["scope"]?.orderedHash
            var type = scope?["type"].map(\.rubyString)
            switch type {
            case "page": type = "pages"
            case "post": type = "posts"
            case "draft": type = "drafts"
            default: break
            }
            var renamed = set
            if let type, scope?["type"] != nil {
                scope?["type"] = .string(type)
                renamed["scope"] = scope.map(Value.hash)
            }
            if let date = values["date"], case .time = date {} else if let date = values["date"] {
                if let time = DateParsing.time(from: date, clock: clock) { values["date"] = .time(time) }
            }
            let path = scope?["path"]?.stringValue
            var globMatches: [String]?
            if let path, path.contains("*") {
                globMatches = FrontMatterDefaults.glob(path, source: configuration.source)
                    .map { FrontMatterDefaults.stripCollectionsDir($0, configuration.collectionsDir) }
            }
            sets.append(Set(path: path, type: type, hasType: scope?.contains("type") ?? false, values: values,
                            globMatches: globMatches, index: index,
                            shown: Value.hash(renamed).inspect))
        }
        self.sets = sets
    }

    /// All default values for a file, merged in order of precedence.
    public func all(path: String, type: String?) -> OrderedHash {
        // The sets read in place: `matching` made an array of copies (~1,000 instructions a
        // document), and the array's own subscript still copied each set it handed to
        // `appliesType` and `appliesPath` (~250 instructions a set and document).
        sets.withUnsafeBufferPointer { sets in
            var result = OrderedHash()
            var previous: Int?
            // Asked of the sets' fields: a set handed over whole was copied (~250 instructions a
            // document with its release).
            for index in sets.indices
            where Self.appliesType(hasType: sets[index].hasType, setType: sets[index].type, type)
                && appliesPath(scopePath: sets[index].path, globMatches: sets[index].globMatches, path) {
                guard let old = previous else {
                    // The first set merged into nothing is the set's own hash: share it (copied on write).
                    result = sets[index].values
                    previous = index
                    continue
                }
                if hasPrecedence(old: sets[old], new: sets[index]) {
                    result.deepMerge(sets[index].values)
                    previous = index
                } else {
                    result = sets[index].values.deepMerged(with: result)
                }
            }
            return result
        }
    }

    /// The set whose `key` a file gets (the same precedence as `all`), for an error about that value.
    func set(supplying key: String, path: String, type: String?) -> Set? {
        var winner: Set?
        var previous: Set?
        for set in matching(path: path, type: type) {
            let overrides = previous == nil || hasPrecedence(old: previous!, new: set)
            if set.values[key] != nil, overrides || winner == nil { winner = set }
            if overrides { previous = set }
        }
        return winner
    }

    func matching(path: String, type: String?) -> [Set] {
        sets.filter { appliesType($0, type) && appliesPath($0, path) }
    }

    func appliesType(_ set: Set, _ type: String?) -> Bool {
        Self.appliesType(hasType: set.hasType, setType: set.type, type)
    }

    static func appliesType(hasType: Bool, setType: String?, _ type: String?) -> Bool {
        !hasType || (type != nil && type == setType)
    }

    func appliesPath(_ set: Set, _ path: String) -> Bool {
        appliesPath(scopePath: set.path, globMatches: set.globMatches, path)
    }

    func appliesPath(scopePath: String?, globMatches: [String]?, _ path: String) -> Bool {
        guard let scopePath, !scopePath.isEmpty else { return true }
        let sanitized = FrontMatterDefaults.sanitize(path)
        if let matches = globMatches {
            return matches.contains { sanitized.hasPrefix($0) }
        }
        return sanitized.hasPrefix(FrontMatterDefaults.stripCollectionsDir(scopePath, collectionsDir))
    }

    func hasPrecedence(old: Set, new: Set) -> Bool {
        let newPath = FrontMatterDefaults.sanitize(new.path ?? "")
        let oldPath = FrontMatterDefaults.sanitize(old.path ?? "")
        if newPath.count != oldPath.count { return newPath.count >= oldPath.count }
        if new.hasType { return true }
        return !old.hasType
    }

    /// A leading slash removed (and, for such paths, a trailing one added back only when missing).
    static func sanitize(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return String(path.dropFirst())
    }

    static func stripCollectionsDir(_ path: String, _ collectionsDir: String) -> String {
        guard !collectionsDir.isEmpty, path.hasPrefix(collectionsDir + "/") else { return path }
        return String(path.dropFirst(collectionsDir.count + 1))
    }

    /// The files and folders under `source` a glob pattern names, relative to the source.
    static func glob(_ pattern: String, source: String) -> [String] {
        let matcher = GlobPattern(Path.join(source, pattern), options: [.pathname])
        var results: [String] = []
        func walk(_ dir: String, _ relative: String) {
            guard let names = try? FileSystem.entries(dir) else { return }
            for name in names where !name.hasPrefix(".") {
                let full = Path.join(dir, name)
                let rel = relative.isEmpty ? name : relative + "/" + name
                if matcher.matches(full) { results.append(rel) }
                if FileSystem.isDirectory(full) { walk(full, rel) }
            }
        }
        // Only the folder before the first wildcard needs walking.
        var fixed: [Substring] = []
        for part in pattern.split(separator: "/") {
            if part.contains(where: { "*?[".contains($0) }) { break }
            fixed.append(part)
        }
        if fixed.count == pattern.split(separator: "/").count { fixed.removeLast() }
        let start = fixed.joined(separator: "/")
        let startPath = start.isEmpty ? source : Path.join(source, start)
        if !start.isEmpty && matcher.matches(startPath) { results.append(start) }
        walk(startPath, start)
        return results
    }
}
