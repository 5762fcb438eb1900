import Liquid

/// The one model for everything that is rendered: pages, posts, drafts and the items of other
/// collections — Jekyll's `Page` and `Document` — told apart by `kind` where Jekyll's behaviour
/// differs (which variables they have, how URLs and destinations are made).
public struct Document: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A page: any file with front matter outside the collections, or one a plugin generates.
        case page
        /// An item of a collection (`posts` for posts and drafts).
        case item(collection: String)
    }

    /// The fields, in one box that copies share until one of them changes (see `Fields`).
    private var fields: Fields

    public var kind: Kind {
        get { fields.kind }
        set { uniqueFields().kind = newValue }
        _modify { yield &uniqueFields().kind }
    }
    /// Absolute path of the source file (for generated pages, where it would be).
    public var path: String {
        get { fields.path }
        set { uniqueFields().path = newValue }
        _modify { yield &uniqueFields().path }
    }
    /// Jekyll's `relative_path`: from the source for pages (`about/index.md`), from the collections
    /// folder for items (`_posts/2024-01-02-hello.md`).
    public var relativePath: String {
        get { fields.relativePath }
        set { uniqueFields().relativePath = newValue }
        _modify { yield &uniqueFields().relativePath }
    }
    /// The file name (`index.md`).
    public var name: String {
        get { fields.name }
        set { uniqueFields().name = newValue }
        _modify { yield &uniqueFields().name }
    }
    public var extname: String {
        get { fields.extname }
        set { uniqueFields().extname = newValue }
        _modify { yield &uniqueFields().extname }
    }
    /// The file name without extension (trailing dots removed for pages).
    public var basename: String {
        get { fields.basename }
        set { uniqueFields().basename = newValue }
        _modify { yield &uniqueFields().basename }
    }
    /// For pages: the folder between the source and the file (`/about`, `` at the root).
    public var directory: String {
        get { fields.directory }
        set { uniqueFields().directory = newValue }
        _modify { yield &uniqueFields().directory }
    }
    /// Front matter (for items also the defaults, the date, title, slug, categories and tags).
    public var data: OrderedHash {
        get { fields.data }
        set { uniqueFields().data = newValue }
        _modify { yield &uniqueFields().data }
    }
    /// For pages: the front-matter defaults that apply, merged under `data` in templates.
    public var defaults: OrderedHash {
        get { fields.defaults }
        set { uniqueFields().defaults = newValue }
        _modify { yield &uniqueFields().defaults }
    }
    /// The body after the front matter.
    public var content: String {
        get { fields.content }
        set {
            let unique = uniqueFields()
            unique.content = newValue
            unique.contentHasLiquid = Document.hasLiquidConstruct(newValue)
        }
        _modify {
            let unique = uniqueFields()
            // also when the change in place throws part-way
            defer { unique.contentHasLiquid = Document.hasLiquidConstruct(unique.content) }
            yield &unique.content
        }
    }
    /// The line of the file on which `content` starts (Liquid errors count from it).
    public var contentLine: Int {
        get { fields.contentLine }
        set { uniqueFields().contentLine = newValue }
        _modify { yield &uniqueFields().contentLine }
    }
    /// The site-relative URL (`/2024/01/02/hello.html`).
    public var url: String {
        get { fields.url }
        set { uniqueFields().url = newValue }
        _modify { yield &uniqueFields().url }
    }
    public var outputExtension: String {
        get { fields.outputExtension }
        set { uniqueFields().outputExtension = newValue }
        _modify { yield &uniqueFields().outputExtension }
    }
    /// For items: the date (front matter, file name, or the site's time; a draft's file time).
    public var date: TimeValue? {
        get { fields.date }
        set { uniqueFields().date = newValue }
        _modify { yield &uniqueFields().date }
    }
    public var isDraft: Bool {
        get { fields.isDraft }
        set { uniqueFields().isDraft = newValue }
        _modify { yield &uniqueFields().isDraft }
    }
    /// For items: the text the excerpt is made from, when the excerpt is generated.
    public var excerptSource: String? {
        get { fields.excerptSource }
        set { uniqueFields().excerptSource = newValue }
        _modify { yield &uniqueFields().excerptSource }
    }
    /// Top-level template variables a generator sets for this document (jekyll-paginate's
    /// `paginator`).
    public var variables: OrderedHash {
        get { fields.variables }
        set { uniqueFields().variables = newValue }
        _modify { yield &uniqueFields().variables }
    }
    /// Generated without a file: reading it again is not possible.
    public var isGenerated: Bool {
        get { fields.isGenerated }
        set { uniqueFields().isGenerated = newValue }
        _modify { yield &uniqueFields().isGenerated }
    }
    /// The plugin that makes this page's content at render time (a sitemap, a feed), if any.
    public var generator: String? {
        get { fields.generator }
        set { uniqueFields().generator = newValue }
        _modify { yield &uniqueFields().generator }
    }
    /// For a page made while another renders (a stylesheet's source map): that page's index in the
    /// snapshot's documents.
    public var derivedFrom: Int? {
        get { fields.derivedFrom }
        set { uniqueFields().derivedFrom = newValue }
        _modify { yield &uniqueFields().derivedFrom }
    }
    /// `destinationPath` as last worked out, with what it was worked out from.
    private var destinationMemo: DestinationMemo? {
        get { fields.destinationMemo }
        set { uniqueFields().destinationMemo = newValue }
        _modify { yield &uniqueFields().destinationMemo }
    }

    public init(kind: Kind, path: String, relativePath: String, name: String, directory: String = "",
                data: OrderedHash = OrderedHash(), defaults: OrderedHash = OrderedHash(), content: String,
                contentLine: Int = 1, isGenerated: Bool = false) {
        let extname = Path.extname(name)
        // A page's name without its extension is worked out for pages only (~1,300 instructions).
        let basename = kind == .page
            ? (extname.isEmpty ? name : String(name.dropLast(extname.count))).trimmingTrailingDots
            : Path.basenameWithoutExtension(path)
        fields = Fields(kind: kind, path: path, relativePath: relativePath, name: name, extname: extname,
                        basename: basename,
                        directory: directory, data: data, defaults: defaults, content: content,
                        contentLine: contentLine, isGenerated: isGenerated)
    }

    /// The fields to change, copied first if another document shares them.
    private mutating func uniqueFields() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = Fields(copying: fields) }
        return fields
    }

    public var isPage: Bool { kind == .page }

    public var collectionLabel: String? {
        if case .item(let label) = kind { return label }
        return nil
    }

    /// A front-matter value, falling back to the defaults as Jekyll's hash default does.
    public func value(_ key: String) -> Value? {
        if let v = data[key] { return v }
        return defaults[key]
    }

    /// `value` of a key hashed before: the keys the build reads of every document (the name
    /// hashed for the data and again for the defaults cost ~100 instructions a read).
    public func value(_ key: HashedKey) -> Value? {
        if let v = data.value(key) { return v }
        return defaults.value(key)
    }

    /// The layout name the document asks for (`none` and nil mean no layout).
    public var layoutName: String? {
        guard let v = value(DocumentKeys.layout), !v.isNil else { return nil }
        return v.rubyString
    }

    public var permalink: String? {
        guard let v = value(DocumentKeys.permalink), !v.isNil, v != false else { return nil }
        return v.rubyString
    }

    public var isPublished: Bool {
        guard let v = value(DocumentKeys.published) else { return true }
        return v != .bool(false)
    }

    /// Pages are HTML when their output extension is one of Jekyll's HTML extensions.
    public var isHTML: Bool { [".html", ".xhtml", ".htm"].contains(outputExtension) }

    public var isSass: Bool { extname == ".sass" || extname == ".scss" }
    public var isYAML: Bool { extname == ".yaml" || extname == ".yml" }

    /// Liquid runs unless the front matter says `render_with_liquid: false`, the file is a SCSS,
    /// CoffeeScript or YAML item, or the content has no `{{` or `{%`.
    public var rendersLiquid: Bool {
        if value(DocumentKeys.renderWithLiquid) == .bool(false) { return false }
        if !isPage && (extname == ".coffee" || isYAML) { return false }
        return fields.contentHasLiquid
    }

    /// Whether text has `{{` or `{%`.
    static func hasLiquidConstruct(_ text: String) -> Bool { ByteSearch.hasLiquidConstruct(text) }

    /// Layouts apply unless the document is an asset, a YAML item, or asks for `layout: none`.
    public var placedInLayout: Bool { placedInLayout(layout: value(DocumentKeys.layout)) }

    /// `placedInLayout`, given the document's `layout` value (for callers that read it anyway).
    func placedInLayout(layout: Value?) -> Bool {
        if isSass || extname == ".coffee" { return false }
        if !isPage && isYAML { return false }
        return layout != .string("none")
    }

    /// The page's `dir`: its URL when that ends in `/`, else the URL's folder with a slash.
    public var urlDirectory: String {
        if url.hasSuffix("/") { return url }
        let dir = Path.dirname(url)
        return dir.hasSuffix("/") ? dir : dir + "/"
    }

    /// The output file, relative to the destination, without a leading slash. Asked for many times
    /// per build (planning, writing, live reload), so it is worked out once per URL and extension.
    public var destinationPath: String {
        if let memo = destinationMemo, memo.url == url, memo.outputExtension == outputExtension, memo.isPage == isPage {
            return memo.path
        }
        return workedOutDestinationPath
    }

    /// Works out `destinationPath` now and keeps it, with the URL and extension it was made from.
    mutating func rememberDestination() {
        guard destinationMemo.map({ $0.url != url || $0.outputExtension != outputExtension || $0.isPage != isPage }) ?? true else {
            return
        }
        destinationMemo = DestinationMemo(url: url, outputExtension: outputExtension, isPage: isPage, path: workedOutDestinationPath)
    }

    private var workedOutDestinationPath: String {
        if let path = Self.plainDestinationPath(url: url, outputExtension: outputExtension, isPage: isPage) { return path }
        var path = Path.sanitized(base: "/", URLPath.unescape(url))
        // Suffixes compared as bytes, as Ruby's `end_with?` compares them.
        if url.utf8.last == UInt8(ascii: "/") {
            path = Path.join(path, isPage ? "index" : "index.html")
        }
        if !String.utf8(of: path, endsWith: outputExtension) { path += outputExtension }
        return path.droppingLeadingSlash
    }

    /// `workedOutDestinationPath` of the usual URL, written in one go: with no `%` escape and no
    /// empty, `.` or `..` component, unescaping and sanitizing give the URL back (without a trailing
    /// slash, which the `index` file then puts back), so the path is the URL after its slash, the
    /// index file's name for a folder, and the extension unless it ends so. The general steps cost
    /// ~4,200 instructions a document. nil for any other URL.
    static func plainDestinationPath(url: String, outputExtension: String, isPage: Bool) -> String? {
        var url = url, ext = outputExtension  // not copied: `withUTF8` copies only a string not stored as UTF-8
        guard Path.expandedForm(url) != nil else { return nil }
        return url.withUTF8 { url -> String? in
            guard !ByteSearch.contains(UInt8(ascii: "%"), in: url) else { return nil }
            return ext.withUTF8 { ext in
                let index: StaticString = url.last != UInt8(ascii: "/") ? "" : isPage ? "index" : "index.html"
                let length = url.count + index.utf8CodeUnitCount
                // Compared on the path with its leading slash, as the general steps compare it.
                let endsWithExtension = ext.count <= length && (ext.isEmpty
                    || (0..<ext.count).allSatisfy { i in
                        let at = length - ext.count + i
                        return (at < url.count ? url[at] : index.utf8Start[at - url.count]) == ext[i]
                    })
                let count = length - 1 + (endsWithExtension ? 0 : ext.count)
                // Copied in runs (a byte at a time cost ~4 instructions a byte).
                return String(unsafeUninitializedCapacity: count) { out in
                    guard let start = out.baseAddress, let path = url.baseAddress else { return 0 }
                    start.initialize(from: path + 1, count: url.count - 1)
                    var at = url.count - 1
                    (start + at).initialize(from: index.utf8Start, count: index.utf8CodeUnitCount)
                    at += index.utf8CodeUnitCount
                    if !endsWithExtension, let extBytes = ext.baseAddress {
                        (start + at).initialize(from: extBytes, count: ext.count)
                        at += ext.count
                    }
                    return at
                }
            }
        }
    }

    /// Jekyll's `id` of an item: the URL's folder joined with the slug.
    public var id: String {
        let slug = data["slug"].map(\.rubyString) ?? basename
        return Path.join(Path.dirname(url), slug)
    }

    /// The name shown in messages and error locations.
    public var displayPath: String { relativePath }
}
