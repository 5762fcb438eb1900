import Liquid

/// Static files: their URL, the defaults that apply to them, whether they are written.
enum StaticFileReader {
    /// A file of the site itself; `dir` is `` or starts with `/`.
    static func siteFile(site: Site, base: String, dir: String, name: String) -> StaticFile {
        let relativePath = Path.join(dir, name)
        let ext = Path.extname(name)
        let withoutExt = ext.isEmpty ? relativePath : String(relativePath.dropLast(ext.count))
        let url = withoutExt.trimmingTrailingDots.droppingTrailingSlash + ext
        return make(site: site, path: Path.join(base, dir, name), relativePath: relativePath, name: name,
                    collection: nil, url: url, writes: true)
    }

    /// A file of a collection; `relativeDir` is like `_photos/` or `_photos/2024`.
    static func collectionFile(site: Site, collection: CollectionInfo, relativeDir: String, name: String) -> StaticFile {
        let relativePath = Path.join(relativeDir, name)
        let ext = Path.extname(name)
        var cleaned = (ext.isEmpty ? relativePath : String(relativePath.dropLast(ext.count))).trimmingTrailingDots
        cleaned = cleaned.replacingFirst(collection.relativeDirectory, with: "")
        let basename = (ext.isEmpty ? name : String(name.dropLast(ext.count))).trimmingTrailingDots
        let template = collection.urlTemplate(permalinkStyle: site.configuration.permalinkStyle)
        let filled = URLTemplate.fill(template, orderedPlaceholders: [
            ("collection", collection.label), ("path", cleaned), ("output_ext", ""), ("name", basename), ("title", ""),
        ])
        let url = URLPath.sanitize(filled).droppingTrailingSlash + ext
        let path = site.configuration.collectionsDir.isEmpty
            ? Path.join(site.source, relativeDir, name)
            : Path.join(site.source, site.configuration.collectionsDir, relativeDir, name)
        return make(site: site, path: path, relativePath: relativePath, name: name, collection: collection.label,
                    url: url, writes: collection.writesOutput)
    }

    static func make(site: Site, path: String, relativePath: String, name: String, collection: String?,
                     url: String, writes: Bool) -> StaticFile {
        let data = site.defaults.all(path: url, type: collection)
        let mtime = FileSystem.modificationTime(path) ?? FileSystem.Timestamp(seconds: 0, nanoseconds: 0)
        let published = data["published"].map { $0 != .bool(false) && !$0.isNil } ?? true
        return StaticFile(path: path, relativePath: relativePath, name: name, extname: Path.extname(name),
                          collection: collection, url: url, data: data,
                          modificationTime: site.clock.local(Int64(mtime.seconds), nanoseconds: mtime.nanoseconds),
                          isWritten: published && writes)
    }
}

extension String {
    /// Ruby's `chomp("/")`: one trailing slash removed.
    var droppingTrailingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}

/// A collection other than posts: every file in its folder, documents for those with front matter,
/// static files for the rest; then sorted by `order`, `sort_by` or Jekyll's default order.
struct CollectionReader {
    let site: Site
    let index: Int

    func read(into site: inout Site) throws(BuildError) {
        let info = site.collections[index].info
        // As Jekyll's `in_source_dir`: a label with `..` in it cannot lead out of the source.
        let directory = Path.sanitized(base: site.configuration.collectionsPath, info.relativeDirectory)
        let baseFilter = EntryFilter(configuration: site.configuration)
        guard FileSystem.isDirectory(directory), !baseFilter.isRefusedSymlink(directory) else { return }
        let filter = baseFilter.relativeTo(baseDirectory: info.relativeDirectory)
        let entries = filter.filter(FileSystem.walkFiles(directory), in: directory).filter {
            let full = Path.join(directory, $0)
            return !FileSystem.isDirectory(full) && !filter.isRefusedSymlink(full)
        }
        var docs: [Document] = []
        var files: [StaticFile] = []
        // Read on all cores; logs and the first error in the order of the entries (`ConcurrentReading`).
        let snapshot = site
        let made = ConcurrentReading.run(entries.count, reader: site.documentReader, level: site.logger.level) {
            reader, i throws(BuildError) -> CollectionEntry in
            let full = Path.join(directory, entries[i])
            if FrontMatterSplit.hasFrontMatter(firstBytes: FileSystem.readPrefix(full, limit: 512)) {
                return .document(try reader.item(path: full, collection: info))
            }
            let dir = Path.dirname(entries[i])
            let relativeDir = dir == "." ? info.relativeDirectory + "/" : Path.join(info.relativeDirectory, dir)
            return .file(StaticFileReader.collectionFile(site: snapshot, collection: info, relativeDir: relativeDir,
                                                         name: Path.basename(entries[i])))
        }
        for (result, held) in made {
            site.logger.replay(held)
            switch try result.get() {
            case .document(let doc):
                if site.configuration.unpublished || doc.isPublished { docs.append(doc) }
            case .file(let file):
                files.append(file)
            }
        }
        site.staticFiles += files
        site.collections[index].docs = sorted(docs, info: info, logger: site.logger)
        site.collections[index].files = files
    }

    /// What a file of the collection is read as.
    private enum CollectionEntry: Sendable {
        case document(Document)
        case file(StaticFile)
    }

    func sorted(_ docs: [Document], info: CollectionInfo, logger: Logger) -> [Document] {
        var base = docs
        base.sortInJekyllOrder()
        if let order = info.metadata["order"]?.arrayValue {
            var byPath: [String: Document] = [:]
            for d in base { byPath[d.relativePath] = d }
            var result: [Document] = []
            var listed = Set<String>()
            for entry in order {
                let key = Path.join(info.relativeDirectory, entry.rubyString)
                guard listed.insert(key).inserted else { continue }
                if let d = byPath[key] { result.append(d) }
            }
            result += base.filter { !listed.contains($0.relativePath) }
            return result
        }
        if let key = info.metadata["sort_by"]?.stringValue {
            return base.stableSorted { a, b in
                let x = a.data[key] ?? .nil, y = b.data[key] ?? .nil
                if x.isNil != y.isNil {
                    logger.warn("Sort warning:", "'\(key)' not defined in \((x.isNil ? a : b).relativePath)")
                    return y.isNil
                }
                if let order = x.rubyCompare(y), order != 0 { return order < 0 }
                return Document.jekyllOrder(a, b)
            }
        }
        return base
    }
}
