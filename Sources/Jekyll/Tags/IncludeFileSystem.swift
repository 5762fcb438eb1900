import Liquid

/// Where `{% include %}` finds its files: the site's `_includes`, then the theme's. For
/// `{% include_relative %}`, the folder of the page being rendered. A file must not leave the
/// folder it is looked up in (`..`, absolute paths and, in safe mode, symlinks pointing out).
struct IncludeFileSystem: TemplateFileSystem {
    let source: String
    let collectionsDir: String
    let includeDirectories: [String]
    let safe: Bool
    /// Whether every include found is noted in the render's state (for `--profile`, which names
    /// each include by its file); otherwise only `include_relative`'s are.
    let notesEveryInclude: Bool
    /// Files already read, by the path they were found at (includes are read once per build).
    private let cache = IncludeCache()

    init(configuration: Configuration, theme: Theme?, notesEveryInclude: Bool = false) {
        source = configuration.source
        collectionsDir = configuration.collectionsDir
        var dirs = [configuration.inSource(configuration.includesDir)]
        if let themeIncludes = theme?.includesPath { dirs.append(themeIncludes) }
        includeDirectories = dirs
        safe = configuration.safe
        self.notesEveryInclude = notesEveryInclude
    }

    /// Finds the file an include names (beside the page for `include_relative`) and records it for
    /// the profile and for incremental builds. A name that finds nothing gets a key of its own, and
    /// `readTemplate` reports it.
    func cacheKey(forTemplateNamed name: String, context: RenderContext) -> String {
        let relative = context.state[IncludeRelativeKey.self]
        if relative { context.state[IncludeRelativeKey.self] = false }
        // An `include` found before: one lookup instead of joining, checking and relativizing
        // paths again on every page. Its resolution is not noted in the state (setting a register
        // cost ~700 instructions an include): `readTemplate` finds it again by its name.
        if !relative, !notesEveryInclude, let path = cache.foundPath(name) {
            if context.state[ResolvedIncludeKey.self] != nil { context.state[ResolvedIncludeKey.self] = nil }
            noteDependency(path, context: context)
            return path
        }
        let resolution = resolve(name, relative: relative, context: context)
        if relative || notesEveryInclude {
            context.state[ResolvedIncludeKey.self] = resolution
        } else if context.state[ResolvedIncludeKey.self] != nil {
            context.state[ResolvedIncludeKey.self] = nil
        }
        switch resolution {
        case .found(let path, _):
            noteDependency(path, context: context)
            return path
        case .missing(let directories):
            return "\u{0}missing\u{0}" + directories.joined(separator: "\u{0}") + "\u{0}" + name
        }
    }

    /// Where a name leads: the first folder holding a valid file of that name.
    private func resolve(_ name: String, relative: Bool, context: RenderContext) -> ResolvedIncludeKey.Resolution {
        if !relative, let (path, shown) = cache.found(name) { return .found(path, shown: shown) }
        let directories = relative ? [relativeDirectory(context)] : includeDirectories
        for dir in directories {
            let path = Path.join(dir, name)
            guard cache.isValid(path) ?? cache.remember(path, valid: isValid(path, in: dir)) else { continue }
            let shown = Path.relative(path, to: source) ?? path
            if !relative { cache.remember(name, foundAt: path, shown: shown) }
            return .found(path, shown: shown)
        }
        return .missing(directories)
    }

    /// Records the include a page read, for incremental builds.
    private func noteDependency(_ path: String, context: RenderContext) {
        let scope = context.jekyll
        scope?.build.dependencies.include(path, by: scope?.document)
    }

    /// Reads the file `cacheKey` found for the name: the one noted in the state (an
    /// `include_relative`'s, or every include's under `--profile`), else the name's own.
    func readTemplate(named name: String, context: RenderContext) throws -> TemplateSource {
        let resolution = context.state[ResolvedIncludeKey.self] ?? resolve(name, relative: false, context: context)
        switch resolution {
        case .found(let path, let shown):
            do {
                return TemplateSource(source: try SourceText.read(path, displayPath: shown), name: shown, firstLine: 1)
            } catch {
                throw LiquidError(.fileSystem, error.message)
            }
        case .missing(let directories):
            let listed = "[" + directories.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            let ending = safe ? " is not a symlink as those are not allowed in safe mode."
                : ", if it is a symlink, does not point outside your site source."
            throw LiquidError(.fileSystem, "Could not locate the included file '\(name)' in any of \(listed). "
                              + "Ensure it exists in one of those directories and" + ending)
        }
    }

    /// A file inside `dir` once `..` is resolved and once symlinks are (a symlink may point
    /// elsewhere in the site, but never out of it; in safe mode not out of `dir`).
    func isValid(_ path: String, in dir: String) -> Bool {
        let lexical = Path.expand(path)
        let inside = dir.hasSuffix("/") ? dir : dir + "/"
        guard lexical.hasPrefix(inside) else { return false }
        // A name right inside `dir` that is not a symlink resolves to a name right inside the
        // folder's real path: one `lstat` instead of two `realpath`s, which read every component
        // of both paths as a link (~10 system calls an include).
        if lexical == path, !path.utf8.dropFirst(inside.utf8.count).contains(UInt8(ascii: "/")) {
            switch FileSystem.kind(path, followingLinks: false) {
            case .file?: return true
            case .symlink?: break
            case .directory?, .other?, nil: return false
            }
        }
        guard FileSystem.isFile(path), let real = FileSystem.realPath(path),
              let realDir = FileSystem.realPath(dir) else { return false }
        if real.hasPrefix(realDir + "/") { return true }
        if safe { return false }
        guard let realSource = FileSystem.realPath(source) else { return false }
        return real.hasPrefix(realSource + "/")
    }

    /// The folder of the page being rendered (its `path`, within the collections folder for items).
    func relativeDirectory(_ context: RenderContext) -> String {
        guard let scope = context.jekyll, let id = scope.document else { return source }
        let doc = scope.site.documents[id]
        var path = doc.isPage ? (doc.data["path"]?.rubyString ?? doc.relativePath) : doc.relativePath
        if !doc.isPage && !collectionsDir.isEmpty { path = Path.join(collectionsDir, path) }
        return Path.sanitized(base: source, Path.dirname(path))
    }
}

/// Set by `include_relative` just before its partial is looked up.
enum IncludeRelativeKey: RegisterKey {
    static var defaultValue: Bool { false }
}

/// `{% include_relative file params %}`: Jekyll's include, with the file looked up beside the page.
struct IncludeRelativeParser: TagParser {
    let include: any TagParser

    func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
        IncludeRelativeNode(inner: try include.parse(tag, parser: &parser))
    }
}

struct IncludeRelativeNode: TagNode {
    let inner: any TagNode

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        context.state[IncludeRelativeKey.self] = true
        defer { context.state[IncludeRelativeKey.self] = false }
        try inner.render(into: &output, context: context)
    }
}

/// Which include paths were found valid, shared by the render threads (the checks follow
/// symlinks, which costs system calls).
final class IncludeCache: Sendable {
    private let validity = Locked<[String: Bool]>([:])
    /// `include` names (not `include_relative`'s) and where they were found.
    private let resolved = Locked(ListedTable<String, (path: String, shown: String)>())

    func isValid(_ path: String) -> Bool? { validity.withLock { $0[path] } }

    func found(_ name: String) -> (path: String, shown: String)? { resolved.withLock { $0[name] } }

    func foundPath(_ name: String) -> String? { resolved.withLock { $0.withValue(for: name) { $0.path } } }

    func remember(_ name: String, foundAt path: String, shown: String) {
        resolved.withLock { if $0[name] == nil { $0[name] = (path, shown) } }
    }

    func remember(_ path: String, valid: Bool) -> Bool {
        validity.withLock { $0[path] = valid }
        return valid
    }
}

/// Where the include being rendered was found (between `cacheKey` and `readTemplate`).
enum ResolvedIncludeKey: RegisterKey {
    /// The file's path, and that path as messages and the profile show it.
    enum Resolution { case found(String, shown: String), missing([String]) }
    static var defaultValue: Resolution? { nil }
}
