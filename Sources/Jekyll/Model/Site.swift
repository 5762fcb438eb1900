import Liquid

/// A collection while the site is read and generated: its settings, its documents and files.
public struct CollectionContent: Sendable {
    public var info: CollectionInfo
    public var docs: [Document]
    public var files: [StaticFile]

    public init(info: CollectionInfo, docs: [Document] = [], files: [StaticFile] = []) {
        self.info = info
        self.docs = docs
        self.files = files
    }

    public var label: String { info.label }
}

/// The site as the read and generate phases build it up: mutable, single-threaded. Generators
/// (plugins) add and change pages, documents and files here; then it is frozen for rendering.
public struct Site: Sendable {
    public var configuration: Configuration
    public let clock: SiteClock
    /// `site.time`: when the build started, or the configuration's `time`.
    public var time: TimeValue
    public var layouts: [String: Layout]
    public var pages: [Document]
    public var staticFiles: [StaticFile]
    /// In Jekyll's order: `posts` first, then the configuration's order.
    public var collections: [CollectionContent]
    public var data: Value
    public let converters: ConverterTable
    public let defaults: FrontMatterDefaults
    public let logger: Logger
    /// The theme in use, if any.
    public var theme: Theme?
    /// The site's Markdown converter, for generators that convert text (titles from headings).
    public internal(set) var markdown: ContentConverters.MarkdownProcessor?
    /// Files parsed by earlier builds of this process (`kyll serve`), if any.
    var sources: SourceCache?
    /// The earliest date of the posts reading left out for being in the future (seconds): from
    /// then on, the same files make another site.
    var earliestSkippedFuture: Int64?
    /// The front matter parsers of the whole build's reading: one set per folder read made new
    /// libyaml parsers (and emptied the strings they keep) for each folder, and none for a folder
    /// of one file or a layout.
    let frontMatterParsers = FrontMatterParsers()

    init(configuration: Configuration, clock: SiteClock, time: TimeValue, logger: Logger, theme: Theme?) {
        self.configuration = configuration
        self.clock = clock
        self.time = time
        self.layouts = [:]
        self.pages = []
        self.staticFiles = []
        self.collections = configuration.collections.map {
            CollectionContent(info: CollectionInfo(label: CollectionInfo.sanitize($0.label), metadata: $0.metadata))
        }
        self.data = .hash(OrderedHash())
        self.converters = ConverterTable(markdownExtensions: configuration.markdownExtensions)
        self.defaults = FrontMatterDefaults(configuration: configuration, clock: clock, logger: logger)
        self.logger = logger
        self.theme = theme
    }

    public var source: String { configuration.source }

    /// The index of a collection by label.
    public func collectionIndex(_ label: String) -> Int? {
        collections.firstIndex { $0.label == label }
    }

    public var posts: [Document] {
        get { collectionIndex("posts").map { collections[$0].docs } ?? [] }
        set {
            if let i = collectionIndex("posts") { collections[i].docs = newValue }
        }
    }

    /// Makes documents the way reading does, for generators that add pages.
    var documentReader: DocumentReader {
        DocumentReader(configuration: configuration, defaults: defaults, converters: converters, clock: clock,
                       siteTime: time, logger: logger, sources: sources, frontMatterParsers: frontMatterParsers)
    }

    /// A page a plugin makes without a file (Jekyll's `PageWithoutAFile`): `dir` is `` or starts with
    /// `/`; its data starts with `data`.
    public func generatedPage(dir: String, name: String, content: String, data: OrderedHash) -> Document {
        var doc = Document(kind: .page, path: Path.join(source, dir, name),
                           relativePath: Path.join(dir, name).droppingLeadingSlash, name: name, directory: dir,
                           data: data, defaults: defaults.all(path: Path.join(dir, name).droppingLeadingSlash, type: "pages"),
                           content: content, contentLine: 1, isGenerated: true)
        refreshPage(&doc)
        return doc
    }

    /// A page read from a file that reading took for a static file (a Markdown file without front
    /// matter), as Jekyll's `Page.new` reads it.
    public func page(from file: StaticFile) throws(BuildError) -> Document {
        let relative = file.relativePath.hasPrefix("/") ? file.relativePath : "/" + file.relativePath
        let dir = Path.dirname(relative)
        return try documentReader.page(base: source, dir: dir == "/" ? "" : dir, name: file.name)
    }

    /// Cuts a document's excerpt again after a generator changed its content (if it had one made
    /// from its content).
    public func refreshExcerpt(_ doc: inout Document) {
        guard doc.excerptSource != nil else { return }
        let separator = (doc.data["excerpt_separator"].flatMap { $0.isTruthy ? $0 : nil }?.rubyString)
            ?? configuration.excerptSeparator
        doc.excerptSource = separator.isEmpty ? nil : documentReader.excerpt(of: doc, separator: separator)
    }

    /// Whether a file extension is one the Markdown converter takes.
    public func isMarkdown(_ extname: String) -> Bool {
        converters.isMarkdown(extname)
    }

    /// Recomputes a page's output extension and URL after a generator changed its data.
    public func refreshPage(_ doc: inout Document) {
        DocumentReader.finishPage(&doc, converters: converters, permalinkStyle: configuration.permalinkStyle)
    }

    /// Whether a page or static file already has this URL (plugins skip files a site provides).
    public func hasPageOrFile(url: String) -> Bool {
        pages.contains { $0.url == url } || staticFiles.contains { $0.url == url }
    }
}
