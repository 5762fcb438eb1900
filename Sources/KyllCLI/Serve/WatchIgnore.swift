import Jekyll

/// Which changes under the source `kyll serve` and `kyll build --watch` do not rebuild for (paths
/// relative to the source): the destination and the folders kyll stages builds in, version control,
/// caches and the incremental metadata, what `exclude` leaves out of the site (unless `include`
/// names it), and the temporary and backup files editors write beside the files they save.
struct WatchIgnore: Sendable {
    let source: String
    /// The destination and its staging folders, relative to the source, when they are inside it.
    let outputFolders: [String]
    let filter: EntryFilter
    let cacheDir: String

    init(configuration: Configuration) {
        source = configuration.source
        let destination = configuration.destination
        let parent = Path.dirname(destination), name = Path.basename(destination)
        outputFolders = [destination, Path.join(parent, "." + name + ".kyll-staging"),
                         Path.join(parent, "." + name + ".kyll-previous")].compactMap { folder in
            folder.hasPrefix(configuration.source + "/") ? String(folder.dropFirst(configuration.source.count + 1)) : nil
        }
        filter = EntryFilter(source: configuration.source, include: configuration.include,
                             exclude: configuration.exclude, safe: configuration.safe)
        cacheDir = configuration.cacheDir
    }

    static let ignoredNames: Set<String> = [
        ".git", ".svn", ".hg", ".jekyll-cache", ".jekyll-metadata", ".sass-cache", ".DS_Store", "4913",
    ]

    func ignores(_ relative: String) -> Bool {
        for folder in outputFolders where relative == folder || relative.hasPrefix(folder + "/") { return true }
        if relative == cacheDir || relative.hasPrefix(cacheDir + "/") { return true }
        // Anything inside `.git` and the like, not only the folder itself.
        if relative.split(separator: "/").contains(where: { WatchIgnore.ignoredNames.contains(String($0)) }) { return true }
        if WatchIgnore.isEditorFile(Path.basename(relative)) { return true }
        return filter.isExcluded(relative) && !filter.isIncluded(relative)
    }

    /// Swap, backup, lock and atomic-save files of vim, emacs, JetBrains IDEs, Kate and GNOME, and
    /// kyll's own temporaries.
    static func isEditorFile(_ name: String) -> Bool {
        if name.hasSuffix("~") || name.hasPrefix(".#") || (name.hasPrefix("#") && name.hasSuffix("#")) { return true }
        for suffix in [".swp", ".swo", ".swx", ".swpx", ".kate-swp", "___jb_tmp___", "___jb_old___", ".kyll-new"]
        where name.hasSuffix(suffix) {
            return true
        }
        return name.hasPrefix(".goutputstream-")
    }
}

/// The source files whose every change the watcher reports: those it does not ignore, in folders
/// it watches — reached without a symbolic link (a watch does not see changes at a link's target).
/// A rebuild trusts the watcher for these and looks again only at those it named.
final class WatchedFiles: Sendable {
    let ignore: WatchIgnore
    private let realSource: String?
    /// Whether each folder (relative to the source) is reached without a link, asked once.
    private let plainFolders = Locked<[String: Bool]>([:])

    init(_ ignore: WatchIgnore) {
        self.ignore = ignore
        realSource = FileSystem.realPath(ignore.source)
    }

    func watches(_ relative: String) -> Bool {
        guard !ignore.ignores(relative), let realSource else { return false }
        let folder = Path.dirname(relative)
        if folder == "." { return !FileSystem.isSymlink(Path.join(ignore.source, relative)) }
        if let known = plainFolders.withLock({ $0[folder] }) {
            return known && !FileSystem.isSymlink(Path.join(ignore.source, relative))
        }
        let plain = FileSystem.realPath(Path.join(ignore.source, folder)) == Path.join(realSource, folder)
        plainFolders.withLock { $0[folder] = plain }
        return plain && !FileSystem.isSymlink(Path.join(ignore.source, relative))
    }
}
