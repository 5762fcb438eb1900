import Markdown

/// Markdown pages converted by the walk of `EarlyConversions` once it has compiled the stylesheets.
///
/// On a small site the render of its one long page is the longest step after the read; the
/// walk's thread, done with the stylesheets, converts it unless a render has begun it. A page whose body holds no
/// Liquid markup renders to its body unchanged, so its Markdown can be converted as soon as its
/// file has been read. The render takes the result only for exactly the text it would convert;
/// anything else converts as before. At most `limit` pages (of the first few Markdown files the
/// walk finds): a larger site's pages are the render workers' to convert, or the conversion
/// ahead's (`EarlyConversions.convertAhead`), which registers here the documents it converts.
final class EarlyMarkdown: Sendable {
    static let limit = 2

    private let conversions = EarlyJobs<String, MarkdownOutput>()
    private let markdown: ContentConverters.MarkdownProcessor
    /// The site's disk cache of conversions: a page it holds is read from there by the render.
    private let cache: ConversionCache?

    init(markdown: ContentConverters.MarkdownProcessor, cache: ConversionCache? = nil) {
        self.markdown = markdown
        self.cache = cache
    }

    /// The conversion of the body of the page file at `path` (its text after the front matter),
    /// registered for the render to take, when it holds no Liquid markup; not run yet.
    func register(path: String) -> EarlyJob<String, MarkdownOutput>? {
        if case .unavailable = markdown { return nil }
        // Checked as the reader checks its bytes (`UTF8Text`); anything else is left to the reader.
        guard let bytes = try? FileSystem.read(path),
              let text = bytes.withUnsafeBytes({ UTF8Text.exactString($0) }), let split = FrontMatterSplit.split(text) else {
            return nil
        }
        let body = String(split.body)
        guard !Document.hasLiquidConstruct(body) else { return nil }
        return register(path: path, text: body)
    }

    /// The conversion of `text`, the Markdown the render of the document at `path` converts,
    /// registered for the render to take (unless one is registered for that path already, or the
    /// disk cache may hold it); not run yet.
    func register(path: String, text: String) -> EarlyJob<String, MarkdownOutput>? {
        if case .unavailable = markdown { return nil }
        guard !text.isEmpty, cache?.mayHold(text) != true else { return nil }
        let markdown = markdown
        return conversions.register(path: path, text, work: { try? markdown.convertReportingWarnings(text) })
    }

    /// Byte for byte (`==` compares a long page's characters by canonical equivalence).
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        guard first.utf8.count == second.utf8.count else { return false }
        var first = first, second = second  // not copied: `withUTF8` copies only a string not stored as UTF-8
        return first.withUTF8 { a in second.withUTF8 { b in ByteSearch.equal(a, b) } }
    }

    /// Whether a conversion of the page at `path` was registered (for tests).
    func hasConversion(path: String) -> Bool { conversions.has(path: path) }

    /// Whether the render took the conversion of the page at `path` (for tests).
    func conversionWasTaken(path: String) -> Bool { conversions.wasTaken(path: path) }

    /// The early conversion of exactly `text` for the page at `path`, waiting for it if it is
    /// still running; nil when there is none (or it failed: the render then reports the error).
    func result(for text: String, path: String) -> MarkdownOutput? {
        conversions.result(path: path, same: { Self.sameBytes($0, text) })
    }
}
