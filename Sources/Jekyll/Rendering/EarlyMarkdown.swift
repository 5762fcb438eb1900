import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Markdown

/// Markdown pages converted by the stylesheets' walk (`EarlyStylesheets`) before libsass runs.
///
/// On a small site the render of its one long page is the longest step after the read, and
/// the second core is free until the walk compiles the stylesheets. A page whose body holds no
/// Liquid markup renders to its body unchanged, so its Markdown can be converted as soon as its
/// file has been read. The render takes the result only for exactly the text it would convert;
/// anything else converts as before. At most `limit` pages (of the first few Markdown files the
/// walk finds): a larger site's pages are the render workers' to convert.
final class EarlyMarkdown: Sendable {
    static let limit = 2

    private final class Conversion: Sendable {
        let text: String
        let finished = DispatchGroup()
        let result = Locked<MarkdownOutput?>(nil)
        /// Taken by whichever comes first: the walk, or the render wanting the result.
        private let claimed = Locked(false)

        init(_ text: String) {
            self.text = text
            finished.enter()
        }

        /// Converts, unless it was claimed already; true when this call converted.
        func runUnlessClaimed(_ markdown: ContentConverters.MarkdownProcessor) -> Bool {
            guard claimed.withLock({ taken in
                defer { taken = true }
                return !taken
            }) else { return false }
            let converted = try? markdown.convertReportingWarnings(text)
            result.withLock { $0 = converted }
            finished.leave()
            return true
        }
    }

    private let conversions = Locked<[String: Conversion]>([:])
    private let markdown: ContentConverters.MarkdownProcessor
    /// The site's disk cache of conversions: a page it holds is read from there by the render.
    private let cache: ConversionCache?

    init(markdown: ContentConverters.MarkdownProcessor, cache: ConversionCache? = nil) {
        self.markdown = markdown
        self.cache = cache
    }

    /// Converts the body of the page file at `path` (its text after the front matter) when it
    /// holds no Liquid markup. False when it was not converted.
    @discardableResult
    func convert(path: String) -> Bool {
        if case .unavailable = markdown { return false }
        // Checked as the reader checks its bytes (`UTF8Text`); anything else is left to the reader.
        guard let bytes = try? FileSystem.read(path),
              let text = bytes.withUnsafeBytes({ UTF8Text.exactString($0) }), let split = FrontMatterSplit.split(text) else {
            return false
        }
        let body = String(split.body)
        guard !body.isEmpty, !EarlyStylesheets.holdsLiquidMarkup(body), cache?.mayHold(body) != true else { return false }
        let conversion = Conversion(body)
        let isNew = conversions.withLock { all in
            guard all[path] == nil else { return false }
            all[path] = conversion
            return true
        }
        return isNew && conversion.runUnlessClaimed(markdown)
    }

    /// Byte for byte (`==` compares a long page's characters by canonical equivalence).
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        guard first.utf8.count == second.utf8.count else { return false }
        var first = first, second = second  // not copied: `withUTF8` copies only a string not stored as UTF-8
        return first.withUTF8 { a in
            second.withUTF8 { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }

    /// Whether a conversion of the page at `path` was registered (for tests).
    func hasConversion(path: String) -> Bool { conversions.withLock { $0[path] != nil } }

    /// The early conversion of exactly `text` for the page at `path`, waiting for it if it is
    /// still running; nil when there is none (or it failed: the render then reports the error).
    func result(for text: String, path: String) -> MarkdownOutput? {
        guard let conversion = conversions.withLock({ $0[path] }), Self.sameBytes(conversion.text, text) else { return nil }
        if !conversion.runUnlessClaimed(markdown) { conversion.finished.wait() }
        return conversion.result.withLock { $0 }
    }
}
