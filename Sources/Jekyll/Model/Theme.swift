import Liquid

/// A gem theme: a folder with `_layouts`, `_includes`, `_sass`, `assets` and `_data`, and what its
/// gemspec says about it.
public struct Theme: Sendable {
    public let name: String
    /// The theme's folder (symlinks resolved).
    public let root: String
    public var version: String = ""
    public var authors: [String] = []
    public var summary: String = ""
    public var description: String?
    public var metadata: OrderedHash = OrderedHash()
    /// Runtime dependencies named in the gemspec (plugins switched on with the theme).
    public var dependencies: [String] = []

    public init(name: String, root: String) {
        self.name = name
        self.root = FileSystem.realPath(root) ?? root
    }

    private func folder(_ name: String) -> String? {
        let path = Path.join(root, name)
        guard FileSystem.isDirectory(path), let real = FileSystem.realPath(path), real.hasPrefix(root) else { return nil }
        return real
    }

    public var layoutsPath: String? { folder("_layouts") }
    public var includesPath: String? { folder("_includes") }
    public var sassPath: String? { folder("_sass") }
    public var assetsPath: String? { folder("assets") }
    public var dataPath: String? { folder("_data") }
}

/// The theme's `assets` folder: pages for files with front matter, static files otherwise, unless
/// the site has a file with the same relative path.
struct ThemeAssetsReader {
    func read(_ site: inout Site) throws(BuildError) {
        guard let theme = site.theme, let assets = theme.assetsPath else { return }
        let reader = site.documentReader
        for relative in FileSystem.walkFiles(assets) {
            let full = Path.join(assets, relative)
            if FileSystem.isDirectory(full) { continue }
            if FileSystem.isSymlink(full) {
                site.logger.warn("Theme reader:", "Ignored symlinked asset: \(full)")
                continue
            }
            let inTheme = "assets/" + relative
            let dir = Path.dirname(inTheme)
            let name = Path.basename(inTheme)
            if FrontMatterSplit.hasFrontMatter(firstBytes: FileSystem.readPrefix(full, limit: 512)) {
                let page = try reader.page(base: theme.root, dir: dir, name: name)
                if !site.pages.contains(where: { $0.relativePath == page.relativePath }) { site.pages.append(page) }
            } else {
                let file = StaticFileReader.siteFile(site: site, base: theme.root, dir: "/" + dir, name: name)
                if !site.staticFiles.contains(where: { $0.relativePath == file.relativePath }) {
                    site.staticFiles.append(file)
                }
            }
        }
    }
}
