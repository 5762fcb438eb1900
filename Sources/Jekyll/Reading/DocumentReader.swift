import Liquid

/// Makes `Document`s from files as Jekyll's `Page` and `Document` classes make them: front matter,
/// defaults, and for collection items the date, title, slug, categories, tags and excerpt.
struct DocumentReader: Sendable {
    let configuration: Configuration
    let defaults: FrontMatterDefaults
    let converters: ConverterTable
    let clock: SiteClock
    let siteTime: TimeValue
    var logger: Logger
    /// Files parsed by earlier builds of this process, if any.
    var sources: SourceCache? = nil
    /// Parsers the readers of one reading share for plain front matter (`ConcurrentReading`
    /// gives its workers some); nil: a parser per document.
    var frontMatterParsers: FrontMatterParsers? = nil

    /// This reader with parsers for its copies to share, when it has none yet.
    func sharingFrontMatterParsers() -> DocumentReader {
        var reader = self
        if reader.frontMatterParsers == nil { reader.frontMatterParsers = FrontMatterParsers() }
        return reader
    }

    var locator: SettingLocator { SettingLocator(configuration: configuration, defaults: defaults) }

    /// What a file holds: its front matter as a hash, its body and where the body starts.
    struct Parsed: Sendable {
        var data: OrderedHash
        var body: String
        var bodyLine: Int
        var hadFrontMatter: Bool
    }

    /// Reads and splits a file; front matter that is not a hash is an error.
    func parse(path: String, displayPath: String) throws(BuildError) -> Parsed {
        // Called directly when nothing is cached: a closure kept in a local would copy the reader.
        guard let sources else {
            if let parsed = parseFromHead(path: path, displayPath: displayPath) { return parsed }
            return try parse(text: SourceText.read(path, displayPath: displayPath), displayPath: displayPath, fullPath: path)
        }
        return try sources.parsed(path: path, displayPath: displayPath) { () throws(BuildError) -> Parsed in
            if let parsed = parseFromHead(path: path, displayPath: displayPath) { return parsed }
            return try parse(text: SourceText.read(path, displayPath: displayPath), displayPath: displayPath, fullPath: path)
        }
    }

    /// Front matter YAML cannot load is, as in Jekyll, a warning and no data (the body is still
    /// rendered), unless `strict_front_matter` makes it an error; exceeding a YAML bound is
    /// always an error.
    func parse(text: consuming String, displayPath: String, fullPath: String? = nil) throws(BuildError) -> Parsed {
        guard let frontMatter = try frontMatter(of: text, displayPath: displayPath, fullPath: fullPath) else {
            return Parsed(data: OrderedHash(), body: text, bodyLine: 1, hadFrontMatter: false)
        }
        return Parsed(data: frontMatter.data, body: Self.remainder(of: consume text, fromUTF8Offset: frontMatter.bodyOffset),
                      bodyLine: frontMatter.bodyLine, hadFrontMatter: true)
    }

    /// The front matter's data and where the body starts (a UTF-8 offset, and its line); nil when
    /// the text has no front matter.
    private func frontMatter(of text: String, displayPath: String,
                             fullPath: String?) throws(BuildError) -> (data: OrderedHash, bodyOffset: Int, bodyLine: Int)? {
        guard let split = FrontMatterSplit.split(text) else { return nil }
        let bodyOffset = text.utf8.distance(from: text.utf8.startIndex, to: split.body.startIndex)
        let value: Value
        do {
            value = try YAMLLoading.attempt(split.yaml, path: displayPath, firstLine: 1, clock: clock, file: text)
        } catch {
            if configuration.strictFrontMatter || error.exceededBound { throw error.error }
            var warning = error.error
            warning.jekyllLine = ("YAML Exception reading \(fullPath ?? displayPath): \(warning.message)", "")
            logger.warn(warning)
            return (OrderedHash(), bodyOffset, split.bodyLine)
        }
        switch value {
        case .hash(let h):
            return (h, bodyOffset, split.bodyLine)
        case .nil:
            return (OrderedHash(), bodyOffset, split.bodyLine)
        default:
            throw BuildError("Invalid YAML front matter in \(displayPath): it is not a mapping",
                             at: FileLocation(path: displayPath, line: 2, column: 1), sourceLine: BuildError.line(2, of: text))
        }
    }

    /// The text from a UTF-8 offset on (a character boundary), made in the text's own storage
    /// when nothing else holds the text: the front matter is moved out of the body's way instead
    /// of the body being copied into new memory (bodies are most of the bytes a site reads).
    static func remainder(of text: consuming String, fromUTF8Offset offset: Int) -> String {
        var rest = consume text
        rest.removeSubrange(..<rest.utf8.index(rest.utf8.startIndex, offsetBy: offset))
        return rest
    }

    /// A page at `base/dir/name` (`dir` is `` or starts with `/`).
    func page(base: String, dir: String, name: String) throws(BuildError) -> Document {
        let path = Path.sanitized(base: base, Path.join(dir, name))
        let relativePath = Path.join(dir, name).droppingLeadingSlash
        let make = { () throws(BuildError) -> Document in
            let parsed = try parse(path: path, displayPath: relativePath)
            return try page(path: path, relativePath: relativePath, dir: dir, name: name, parsed: parsed)
        }
        guard let sources else { return try make() }
        return try sources.document(path: path, role: "page:" + relativePath, siteTime: siteTime) { () throws(BuildError) in
            SourceCache.MadeDocument(document: try make(), siteTime: nil)
        }
    }

    func page(path: String, relativePath: String, dir: String, name: String, parsed: Parsed,
              isGenerated: Bool = false) throws(BuildError) -> Document {
        var doc = Document(kind: .page, path: path, relativePath: relativePath, name: name, directory: dir,
                           data: parsed.data, defaults: defaults.all(path: relativePath, type: "pages"),
                           content: parsed.body, contentLine: parsed.bodyLine, isGenerated: isGenerated)
        if parsed.data["permalink"] == .string("") {
            throw BuildError("Invalid permalink in \(relativePath)", at: FileLocation(path: relativePath, line: 1))
        }
        finishPage(&doc)
        if configuration.pageExcerpts && !isGenerated { addPageExcerpt(&doc) }
        return doc
    }

    /// With `page_excerpts`, a page whose output is HTML gets an excerpt like a post's unless its
    /// front matter gives one. Jekyll puts it into the page's data as it reads the page (before
    /// front matter defaults apply), so `excerpt` comes after the front matter's keys.
    func addPageExcerpt(_ doc: inout Document) {
        let separator = doc.data["excerpt_separator"].flatMap { $0.isTruthy ? $0.rubyString : nil }
            ?? configuration.excerptSeparator
        guard !separator.isEmpty, doc.isHTML, !(doc.data["excerpt"]?.isTruthy ?? false) else { return }
        doc.excerptSource = excerpt(of: doc, separator: separator)
        doc.data["excerpt"] = .nil
    }

    /// Output extension and URL, once the page's data is complete.
    func finishPage(_ doc: inout Document) {
        Self.finishPage(&doc, converters: converters, permalinkStyle: configuration.permalinkStyle)
    }

    /// `finishPage` without a reader (a reader copies the configuration: a generator refreshes
    /// every page it makes).
    static func finishPage(_ doc: inout Document, converters: ConverterTable, permalinkStyle: String) {
        doc.outputExtension = converters.outputExtension(for: doc.extname, permalink: doc.permalink)
        doc.url = doc.pageURL(permalinkStyle: permalinkStyle)
        doc.rememberDestination()
    }

    /// The excerpt's source; Jekyll warns when it had to close Liquid blocks the cut left open.
    func excerpt(of doc: Document, separator: String) -> String {
        let excerpt = Excerpt.extract(from: doc.content, separator: separator)
        if excerpt.closedBlocks {
            logger.warn("Warning:", "Excerpt modified in \(doc.relativePath)!")
            logger.warn("", "Found a Liquid block containing the excerpt separator \(Value.string(separator).inspect).")
            logger.warn("", "The block has been modified with the appropriate closing tag.")
            logger.warn("", "Feel free to define a custom excerpt or excerpt_separator in the")
            logger.warn("", "document's Front Matter if the generated excerpt is unsatisfactory.")
        }
        return excerpt.text
    }

    /// A collection item (a post, a draft, a document of another collection) at an absolute path;
    /// in `kyll serve`, the one made by an earlier build when its file is unchanged.
    func item(path: String, collection: CollectionInfo) throws(BuildError) -> Document {
        guard let sources else { return try makeItem(path: path, collection: collection).document }
        return try sources.document(path: path, role: "item:" + collection.label, siteTime: siteTime) { () throws(BuildError) in
            try makeItem(path: path, collection: collection)
        }
    }

    /// An item, and the site time when it depends on it (its date is the site's time or was
    /// compared with it).
    func makeItem(path: String, collection: CollectionInfo) throws(BuildError) -> SourceCache.MadeDocument {
        let relativePath = Path.relative(path, to: configuration.collectionsPath) ?? path
        var doc = Document(kind: .item(collection: collection.label), path: path, relativePath: relativePath,
                           name: Path.basename(path), content: "")
        // Joined once for the item (~250 instructions each time), for the draft test and its data.
        let folder = collection.relativeDirectory
        // Searched as bytes, as Ruby searches (`String.firstRange(of:)` compares `Character`s).
        doc.isDraft = collection.label == "posts" && ByteSearch.firstRange(of: folder, in: relativePath) == nil
        // Whether the item's date is, or was compared with, the site's time (which changes every build).
        var usesSiteTime = false
        var merge = DataMerge(path: path, displayPath: relativePath, collectionLabel: collection.label, clock: clock)
        if doc.isYAML {
            let text = try SourceText.read(path, displayPath: relativePath)
            let value = try YAMLLoading.load(text, path: relativePath, firstLine: 1, clock: clock)
            doc.data = value.orderedHash ?? OrderedHash()
        } else {
            var data = try itemData(relativePath: relativePath, isDraft: doc.isDraft, collection: collection,
                                    folder: folder, merge: merge)
            var mergedDate = false
            if sources == nil, let read = readMergingFrontMatter(path: path, into: &data, mergedDate: &mergedDate) {
                doc.content = read.body
                doc.contentLine = read.bodyLine
                if mergedDate { try merge.readDate(&data, source: DataMerge.frontMatter, reader: self) }
            } else {
                // Front matter that is not plain YAML, a file for the whole-file path, or one a
                // cache may hold parsed: the data again (a merge may have begun), and the front
                // matter parsed on its own.
                if sources == nil {
                    data = try itemData(relativePath: relativePath, isDraft: doc.isDraft, collection: collection,
                                        folder: folder, merge: merge)
                }
                let parsed = try parse(path: path, displayPath: relativePath)
                doc.content = parsed.body
                doc.contentLine = parsed.bodyLine
                if parsed.hadFrontMatter { try merge.merge(&data, parsed.data, source: DataMerge.frontMatter, reader: self) }
            }
            // Moved, not copied: a second reference left every later set in `populatePostData`
            // copying the whole hash (~2,700 instructions a post).
            doc.data = consume data
            if case .time(let t)? = doc.data.value(PostKeys.date), t.seconds == siteTime.seconds { usesSiteTime = true }
            try populatePostData(&doc, merge: &merge)
        }
        doc.date = dateOf(doc)
        if doc.date?.seconds == siteTime.seconds { usesSiteTime = true }
        doc.outputExtension = converters.outputExtension(for: doc.extname, permalink: doc.permalink)
        do {
            doc.url = try doc.itemURL(collection: collection, permalinkStyle: configuration.permalinkStyle,
                                      siteTime: siteTime)
        } catch {
            throw permalinkError(error, of: doc, collection: collection)
        }
        doc.rememberDestination()
        return SourceCache.MadeDocument(document: doc, siteTime: usesSiteTime ? siteTime : nil)
    }

    /// An item's data before its front matter: whether it is a draft, the categories its folders
    /// give and the front matter defaults for it. `folder` is the collection's `relativeDirectory`.
    private func itemData(relativePath: String, isDraft: Bool, collection: CollectionInfo, folder: String,
                          merge: DataMerge) throws(BuildError) -> OrderedHash {
        // Room for what a post's data usually grows to (draft, categories, defaults, front matter,
        // title, slug, ext, tags): growing each of the hash's arrays 4 → 8 → 16 cost ~2,500
        // instructions a post.
        var data = OrderedHash(minimumCapacity: 16)
        data["draft"] = .bool(isDraft)
        let special = isDraft ? "_drafts" : folder
        merge.mergeCategories(&data, categoriesFromPath(relativePath, specialDir: special).map(Value.string))
        let fileDefaults = defaults.all(path: relativePath, type: collection.label)
        if !fileDefaults.isEmpty { try merge.merge(&data, fileDefaults, source: DataMerge.defaults, reader: self) }
        return data
    }

    /// An error of the item's permalink, placed where the permalink is set. Not inlined: the
    /// locator it makes holds a copy of the configuration, which `makeItem` then made for every
    /// item (~1,200 instructions with its release), error or not.
    @inline(never)
    private func permalinkError(_ error: BuildError, of doc: Document, collection: CollectionInfo) -> BuildError {
        let place = locator.permalink(of: doc, collection: collection)
        return error.located(place?.location ?? FileLocation(path: doc.displayPath, line: 1), in: place?.text)
    }

    /// The date an item shows: its own, or the file's modification time for a draft, or the site's time.
    func dateOf(_ doc: Document) -> TimeValue {
        if case .time(let t)? = doc.data.value(PostKeys.date) { return t }
        if doc.isDraft, let mtime = FileSystem.modificationTime(doc.path) {
            return clock.local(Int64(mtime.seconds), nanoseconds: mtime.nanoseconds)
        }
        return siteTime
    }

    /// Folders above the special folder become categories: `blog/_posts/x.md` is in `blog`.
    func categoriesFromPath(_ relativePath: String, specialDir: String) -> [String] {
        if relativePath.hasPrefix(specialDir) { return [] }
        var prefix = relativePath
        if let r = ByteSearch.firstRange(of: specialDir, in: relativePath) {
            prefix = String(decoding: relativePath.utf8.prefix(r.lowerBound), as: UTF8.self)
        }
        let base = Path.basename(relativePath)
        return prefix.split(separator: "/").map(String.init).filter { !$0.isEmpty && $0 != specialDir && $0 != base }
    }
}
