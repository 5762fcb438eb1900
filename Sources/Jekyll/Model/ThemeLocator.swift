import Liquid

/// Finds the gem theme a site names (`theme:`) without Ruby: first in the folders given by
/// `--theme-path` or `KYLL_THEME_PATH` (each holding `NAME/` or `NAME-VERSION/` theme folders, or a
/// gem tree), then where RubyGems installs gems.
enum ThemeLocator {
    static func theme(for configuration: Configuration, logger: Logger) throws(BuildError) -> Theme? {
        guard let value = configuration["theme"], !value.isNil else { return nil }
        guard let name = value.stringValue else {
            logger.warn("Theme:", "value of 'theme' in config should be String to use gem-based themes, but got \(value.rubyClassName)")
            return nil
        }
        var folders = configuration["theme_path"]?.rubyArray.map(\.rubyString) ?? []
        if let env = FileSystem.environment("KYLL_THEME_PATH") { folders += env.split(separator: ":").map(String.init) }
        for folder in folders {
            let dir = Path.expand(folder, relativeTo: configuration.source)
            if FileSystem.isDirectory(Path.join(dir, name)) { return Theme(name: name, root: Path.join(dir, name)) }
            if let theme = find(name, in: dir, layout: .flat) ?? find(name, in: dir) { return theme }
        }
        for root in gemDirectories() {
            if let theme = find(name, in: root) { return theme }
        }
        throw configuration.places.locate(BuildError("The \(name) theme could not be found."), at: ["theme"])
    }

    enum Layout { case gems, flat }

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

    /// The newest installed version of the gem under a gem folder (`gems/NAME-VERSION`), or with
    /// the flat layout directly in the folder (`NAME-VERSION`).
    static func find(_ name: String, in root: String, layout: Layout = .gems) -> Theme? {
        let gems = layout == .gems ? Path.join(root, "gems") : root
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

/// The few facts kyll reads from a gemspec (Ruby source, read as text, never run): summary,
/// description, authors, metadata and runtime dependencies — in the forms gem authors write and
/// RubyGems installs (`s.add_runtime_dependency "x"`, `s.add_runtime_dependency(%q<x>.freeze, …)`).
enum GemSpecification {
    static func read(_ path: String, into theme: inout Theme) {
        guard let bytes = try? FileSystem.read(path) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        var plainDependencies: [String] = []
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            guard let dot = line.firstIndex(of: "."), !line.hasPrefix("#") else { continue }
            let call = line[line.index(after: dot)...]
            if call.hasPrefix("add_runtime_dependency") {
                if let name = strings(in: call).first, !theme.dependencies.contains(name) { theme.dependencies.append(name) }
            } else if call.hasPrefix("add_dependency") {
                if let name = strings(in: call).first { plainDependencies.append(name) }
            } else if call.hasPrefix("summary") {
                theme.summary = strings(in: call).first ?? ""
            } else if call.hasPrefix("description") {
                theme.description = strings(in: call).first
            } else if call.hasPrefix("authors") {
                theme.authors = strings(in: call)
            } else if call.hasPrefix("metadata"), !call.contains("respond_to") || call.contains("=") {
                let values = strings(in: call)
                var metadata = OrderedHash()
                for pair in stride(from: 0, to: values.count - 1, by: 2) { metadata[values[pair]] = .string(values[pair + 1]) }
                theme.metadata = metadata
            }
        }
        // Installed gemspecs repeat the runtime dependencies as `add_dependency` for old RubyGems.
        if theme.dependencies.isEmpty { theme.dependencies = plainDependencies }
    }

    /// The string literals in a line of Ruby: "…", '…' and %q<…>.
    static func strings(in s: Substring) -> [String] {
        var out: [String] = []
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            var close: Character?
            if c == "\"" || c == "'" {
                close = c
            } else if c == "%", s[i...].hasPrefix("%q<") {
                i = s.index(i, offsetBy: 2)
                close = ">"
            }
            if let close {
                let start = s.index(after: i)
                guard let end = s[start...].firstIndex(of: close) else { break }
                out.append(String(s[start..<end]))
                i = s.index(after: end)
            } else {
                i = s.index(after: i)
            }
        }
        return out
    }
}
