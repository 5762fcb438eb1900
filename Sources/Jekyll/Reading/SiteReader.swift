#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Liquid

/// The read phase, in Jekyll's order: layouts; the source tree (pages, static files, posts and
/// drafts in every `_posts`/`_drafts`); files named by `include`; sorting; the other collections;
/// the theme's assets; data files.
struct SiteReader {
    let logger: Logger
    /// Told of each page read from the source tree, as soon as it is read.
    var pageRead: (Document) -> Void = { _ in }
    /// Told of the posts (and drafts) of each `_posts` folder, as soon as they are read.
    var postsRead: ([Document]) -> Void = { _ in }

    func read(_ site: inout Site) throws(BuildError) {
        site.layouts = try LayoutReader(site: site).read()
        let filter = EntryFilter(configuration: site.configuration)
        try readDirectory("", site: &site, filter: filter)
        try readIncludedFiles(&site, filter: filter)
        sortFiles(&site)
        for i in site.collections.indices where site.collections[i].label != "posts" && site.collections[i].label != "data" {
            try CollectionReader(site: site, index: i).read(into: &site)
        }
        try ThemeAssetsReader().read(&site)
        site.data = try DataReader(site: site).readAll()
        limitPosts(&site)
    }

    /// One folder of the source (`dir` is `` or `/sub/folder`), then its sub-folders.
    func readDirectory(_ dir: String, site: inout Site, filter: EntryFilter) throws(BuildError) {
        let base = site.configuration.inSource(dir)
        // The file system's order, as Jekyll reads it: pages of the same name keep it in `site.pages`.
        // Folders are told by the listing's entry types, not a `stat` per entry.
        guard let entries = try? FileSystem.entriesAndFolders(base) else { return }
        var dirs: [String] = [], pages: [String] = [], files: [String] = []
        let entryFilter = filter.relativeTo(baseDirectory: base)
        for entry in entries where !entryFilter.rejects(entry.name, in: base) {
            let name = entry.name
            if entry.isFolder {
                dirs.append(name)
            } else if FrontMatterSplit.hasFrontMatter(firstBytes: FileSystem.readPrefix(Path.join(base, name), limit: 512)) {
                pages.append(name)
            } else {
                files.append(name)
            }
        }
        // `_posts` and `_drafts` are looked for only where the listing shows them (the filter
        // leaves them out of `dirs`): a `stat` of each in every folder otherwise.
        try readPosts(dir, site: &site) { magicDir in entries.contains { $0.isFolder && $0.name == magicDir } }
        for name in dirs {
            let path = Path.join(dir, name)
            if site.configuration.inSource(path) != site.configuration.destination {
                try readDirectory(path, site: &site, filter: filter)
            }
        }
        let source = site.source, pageNames = pages
        let made = ConcurrentReading.run(pageNames.count, reader: site.documentReader, level: logger.level) {
            reader, i throws(BuildError) in try reader.page(base: source, dir: dir, name: pageNames[i])
        }
        for (result, held) in made {
            logger.replay(held)
            let page = try result.get()
            if page.isPublished || site.configuration.unpublished {
                site.pages.append(page)
                pageRead(page)
            }
        }
        for name in files {
            site.staticFiles.append(StaticFileReader.siteFile(site: site, base: site.source, dir: dir, name: name))
        }
    }

    /// Posts in `dir/_posts` and, with `--drafts`, drafts in `dir/_drafts`; `isFolder` tells
    /// whether `dir` holds a folder (or a link to one) of that name.
    func readPosts(_ dir: String, site: inout Site, isFolder: (String) -> Bool) throws(BuildError) {
        let collectionsDir = site.configuration.collectionsDir
        if !collectionsDir.isEmpty && !dir.hasPrefix("/" + collectionsDir) { return }
        guard let postsIndex = site.collectionIndex("posts") else { return }
        let info = site.collections[postsIndex].info
        var found: [Document] = []
        var kinds = [("_posts", true)]
        if site.configuration.showDrafts { kinds.append(("_drafts", false)) }
        for (magicDir, dated) in kinds where isFolder(magicDir) {
            let read = try readPublishable(dir, magicDir, site: site, info: info, dated: dated)
            found += read.docs
            if let date = read.skippedFuture { site.earliestSkippedFuture = min(site.earliestSkippedFuture ?? date, date) }
        }
        site.collections[postsIndex].docs += found
        if !found.isEmpty { postsRead(found) }
    }

    /// The documents, and the earliest date of those left out for being in the future.
    func readPublishable(_ dir: String, _ magicDir: String, site: Site, info: CollectionInfo,
                         dated: Bool) throws(BuildError) -> (docs: [Document], skippedFuture: Int64?) {
        let base = site.configuration.inSource(dir, magicDir)
        let filter = EntryFilter(configuration: site.configuration).relativeTo(baseDirectory: base)
        // Ruby's `Dir["**/*"]`: no hidden files or folders; then the entry rules; no folders.
        let walked = FileSystem.walk(base).filter { !Path.hasHiddenComponent($0.path) }
        // Files are sifted, read and parsed on all cores; what they log, and the first error,
        // come out in the order of the files, as from one reader.
        let made = ConcurrentReading.run(walked.count, reader: site.documentReader, level: logger.level) {
            reader, i throws(BuildError) -> Document? in
            let entry = walked[i].path
            // Only a link may still be a folder (`walk` went into the others).
            guard !filter.rejects(entry, in: base),
                  !walked[i].isSymlink || !FileSystem.isDirectory(Path.join(base, entry)) else { return nil }
            let name = Path.basename(entry)
            guard dated ? DocumentReader.isDatedFileName(name) : Path.hasExtension(name) else { return nil }
            let path = Path.join(base, entry)
            do throws(BuildError) {
                return try reader.item(path: path, collection: info)
            } catch where error.cause == .invalidUTF8 && !site.configuration.strictFrontMatter
                            && ![".yml", ".yaml"].contains(Path.extname(name)) {
                // Jekyll logs that it could not read the post and leaves it out of the site;
                // `strict_front_matter` makes that an error, and a YAML post always is one.
                reader.logger.error("Error:", "could not read file \(path): invalid byte sequence in UTF-8")
                var skipped = error
                skipped.message += "; the post is left out"
                reader.logger.raw(skipped.render(trace: false, severity: "warning"), level: .warn)
                return nil
            }
        }
        var docs: [Document] = []
        var skippedFuture: Int64?
        let publisher = Publisher(site: site)
        for (result, held) in made {
            logger.replay(held)
            guard var doc = try result.get() else { continue }
            // Jekyll's future check reads a draft's date, and reading it stores the file's time in
            // the draft's data, where sorting looks (undated items sort by path). The check, and
            // so the storing, is skipped for unpublished drafts and with `--future`.
            if !dated, doc.isPublished || site.configuration.unpublished, !site.configuration.future,
               doc.data.value(PostKeys.date) == nil, let date = doc.date {
                doc.data["date"] = .time(date)
            }
            if publisher.publishes(doc) {
                docs.append(doc)
            } else if publisher.isHiddenInTheFuture(doc) {
                logger.warn("Skipping:", "\(doc.relativePath) has a future date")
                if let date = doc.date?.seconds { skippedFuture = min(skippedFuture ?? date, date) }
            }
        }
        return (docs, skippedFuture)
    }

    /// Files named in `include` that the walk did not reach (in excluded or special folders).
    func readIncludedFiles(_ site: inout Site, filter: EntryFilter) throws(BuildError) {
        for entry in site.configuration.include {
            let path = site.configuration.inSource(entry)
            if FileSystem.isDirectory(path) || filter.isRefusedSymlink(path) || !FileSystem.isFile(path) { continue }
            let dir = Path.dirname(path).replacingFirst(site.source, with: "")
            let name = Path.basename(path)
            if FrontMatterSplit.hasFrontMatter(firstBytes: FileSystem.readPrefix(path, limit: 512)) {
                if site.pages.contains(where: { site.configuration.inSource($0.relativePath) == path }) { continue }
                let page = try site.documentReader.page(base: site.source, dir: dir, name: name)
                if page.isPublished || site.configuration.unpublished {
                    site.pages.append(page)
                    pageRead(page)
                }
            } else {
                if site.staticFiles.contains(where: { site.configuration.inSource($0.relativePath) == path }) { continue }
                site.staticFiles.append(StaticFileReader.siteFile(site: site, base: site.source, dir: dir, name: name))
            }
        }
    }

    func sortFiles(_ site: inout Site) {
        for i in site.collections.indices { site.collections[i].docs.sortInJekyllOrder() }
        site.pages = site.pages.stableSorted { String.utf8Precedes($0.name, $1.name) }
        site.staticFiles = site.staticFiles.stableSorted { String.utf8Precedes($0.relativePath, $1.relativePath) }
    }

    /// `limit_posts`: only the last N posts stay.
    func limitPosts(_ site: inout Site) {
        let limit = site.configuration.limitPosts
        guard limit > 0 else { return }
        let posts = site.posts
        site.posts = Array(posts.suffix(limit))
    }
}

extension Path {
    /// Whether a component of the relative path starts with `.`.
    /// Slashes found by `memchr` on the path's bytes (iterating `utf8` cost ~35 instructions a
    /// byte, ~1,900 a post).
    static func hasHiddenComponent(_ path: String) -> Bool {
        var path = path  // not copied: `withUTF8` copies only a string not stored as UTF-8
        return path.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            let dot = UInt8(ascii: ".")
            if bytes[0] == dot { return true }
            var from = 0
            while let slash = memchr(base + from, Int32(UInt8(ascii: "/")), bytes.count - from) {
                let next = UnsafeRawPointer(slash) - UnsafeRawPointer(base) + 1
                if next < bytes.count, bytes[next] == dot { return true }
                from = next
            }
            return false
        }
    }

    /// Whether the name has an extension (Jekyll's `(\.[^.]+)$`).
    static func hasExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return name.index(after: dot) < name.endIndex
    }
}
