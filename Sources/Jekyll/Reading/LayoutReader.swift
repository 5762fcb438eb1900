import Liquid

/// Layouts from the site's `_layouts` (any depth: `blog/post.html` is the layout `blog/post`), then
/// the theme's layouts for names the site does not define.
struct LayoutReader {
    let site: Site

    func read() throws(BuildError) -> [String: Layout] {
        var byName: [String: Layout] = [:]
        let siteDir = site.configuration.inSource(site.configuration.layoutsDir)
        for layout in try layouts(in: siteDir, root: site.source) { byName[layout.name] = layout }
        if let theme = site.theme, let themeDir = theme.layoutsPath {
            for layout in try layouts(in: themeDir, root: theme.root) where byName[layout.name] == nil {
                byName[layout.name] = layout
            }
        }
        return byName
    }

    func layouts(in directory: String, root: String) throws(BuildError) -> [Layout] {
        guard FileSystem.isDirectory(directory) else { return [] }
        let filter = EntryFilter(configuration: site.configuration)
        // Ruby's `Dir["**/*.*"]`: names with a dot, no hidden files or folders.
        let candidates = FileSystem.walkFiles(directory).filter { entry in
            !entry.split(separator: "/").contains { $0.hasPrefix(".") } && Path.basename(entry).contains(".")
        }
        let reader = site.documentReader
        var result: [Layout] = []
        for entry in filter.filter(candidates, in: directory) {
            let path = Path.join(directory, entry)
            guard FileSystem.isFile(path) else { continue }
            let relative = Path.relative(path, to: root) ?? path
            let parsed = try reader.parse(path: path, displayPath: relative)
            // The name is what comes before the last dot.
            let name = entry.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(entry[..<$0]) } ?? ""
            result.append(Layout(name: name, path: path, relativePath: relative, data: parsed.data,
                                 content: parsed.body, contentLine: parsed.bodyLine))
        }
        return result
    }
}
