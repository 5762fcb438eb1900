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
                       siteTime: time, logger: logger)
    }

    /// A page a plugin makes without a file (Jekyll's `PageWithoutAFile`): `dir` is `` or starts with
    /// `/`; its data starts with `data`.
    public func generatedPage(dir: String, name: String, content: String, data: OrderedHash) -> Document {
        var doc = Document(kind: .page, path: Path.join(source, dir, name),
                           relativePath: Path.join(dir, name).droppingLeadingSlash, name: name, directory: dir,
                           data: data, defaults: defaults.all(path: Path.join(dir, name).droppingLeadingSlash, type: "pages"),
                           content: content, contentLine: 1, isGenerated: true)
        documentReader.finishPage(&doc)
        return doc
    }

    /// Recomputes a page's output extension and URL after a generator changed its data.
    public func refreshPage(_ doc: inout Document) {
        documentReader.finishPage(&doc)
    }

    /// Whether a page or static file already has this URL (plugins skip files a site provides).
    public func hasPageOrFile(url: String) -> Bool {
        pages.contains { $0.url == url } || staticFiles.contains { $0.url == url }
    }
}
