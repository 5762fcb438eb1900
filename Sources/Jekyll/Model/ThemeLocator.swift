/// Finds the gem theme a site names (`theme:`) where Ruby installs gems, without Ruby.
enum ThemeLocator {
    static func theme(for configuration: Configuration, logger: Logger) throws(BuildError) -> Theme? {
        guard let value = configuration["theme"], !value.isNil else { return nil }
        guard let name = value.stringValue else {
            logger.warn("Theme:", "value of 'theme' in config should be String to use gem-based themes, but got \(value.rubyClassName)")
            return nil
        }
        for root in gemDirectories() {
            if let theme = find(name, in: root) { return theme }
        }
        throw BuildError("The \(name) theme could not be found.")
    }

    /// Where gems live: `GEM_PATH`, `GEM_HOME`, Debian's rubygems-integration folders.
    static func gemDirectories() -> [String] {
        var dirs: [String] = []
        for variable in ["GEM_PATH", "GEM_HOME"] {
            if let value = FileSystem.environment(variable) {
                dirs += value.split(separator: ":").map(String.init)
            }
        }
        dirs += ["/usr/share/rubygems-integration/all", "/usr/lib/ruby/gems/3.1.0", "/var/lib/gems/3.1.0",
                 "/usr/local/lib/ruby/gems/3.1.0", "/usr/share/rubygems-integration/3.1.0"]
        return dirs
    }

    /// The newest installed version of the gem under a gem folder (`gems/NAME-VERSION`).
    static func find(_ name: String, in root: String) -> Theme? {
        let gems = Path.join(root, "gems")
        guard let entries = try? FileSystem.entries(gems) else { return nil }
        let candidates = entries.filter { entry in
            guard entry.hasPrefix(name + "-") else { return false }
            let version = entry.dropFirst(name.count + 1)
            return version.first?.isNumber ?? false
        }
        guard let best = candidates.max(by: { versionLess($0, $1) }) else { return nil }
        var theme = Theme(name: name, root: Path.join(gems, best))
        theme.version = String(best.dropFirst(name.count + 1))
        GemSpecification.read(Path.join(root, "specifications", best + ".gemspec"), into: &theme)
        return theme
    }

    static func versionLess(_ a: String, _ b: String) -> Bool {
        let x = a.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let y = b.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return x.lexicographicallyPrecedes(y)
    }
}

/// The few facts kyll reads from a gemspec (Ruby source, read as text): summary, description,
/// authors, metadata and runtime dependencies.
enum GemSpecification {
    static func read(_ path: String, into theme: inout Theme) {
        guard let bytes = try? FileSystem.read(path) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("s.add_runtime_dependency") || trimmed.hasPrefix("s.add_dependency") {
                if let name = firstQuoted(trimmed) { theme.dependencies.append(name) }
            } else if trimmed.hasPrefix("s.summary") {
                theme.summary = firstQuoted(trimmed) ?? ""
            } else if trimmed.hasPrefix("s.description") {
                theme.description = firstQuoted(trimmed)
            } else if trimmed.hasPrefix("s.authors") {
                theme.authors = allQuoted(trimmed)
            }
        }
    }

    static func firstQuoted(_ s: Substring) -> String? { allQuoted(s).first }

    static func allQuoted(_ s: Substring) -> [String] {
        var out: [String] = []
        var current: String?
        var quote: Character?
        for c in s {
            if let q = quote {
                if c == q { out.append(current ?? ""); current = nil; quote = nil } else { current = (current ?? "") + String(c) }
            } else if c == "\"" || c == "'" {
                quote = c; current = ""
            }
        }
        return out
    }
}
