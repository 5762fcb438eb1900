/// Which converters a file goes through, by its extension, as Jekyll chooses them: Markdown for the
/// `markdown_ext` extensions, SCSS and Sass for `.scss` and `.sass`, and the identity converter for
/// everything (last). The output extension is that of the converter before the identity one.
public enum ConverterKind: Sendable, Equatable {
    case markdown
    case scss
    case sass
    case identity

    func outputExtension(for ext: String) -> String {
        switch self {
        case .markdown: return ".html"
        case .scss, .sass: return ".css"
        case .identity: return ext
        }
    }
}

public struct ConverterTable: Sendable {
    public let markdownExtensions: Set<String>
    /// The same as a list: a few short strings compared cost less than hashing the extension for
    /// the set (~370 instructions; every document's chain and output extension ask).
    private let markdownExtensionList: [String]

    public init(markdownExtensions: Set<String>) {
        self.markdownExtensions = markdownExtensions
        markdownExtensionList = Array(markdownExtensions)
    }

    /// Whether a file extension is one the Markdown converter takes.
    func isMarkdown(_ ext: String) -> Bool { isMarkdown(lowercased: Self.lowercased(ext)) }

    private func isMarkdown(lowercased ext: String) -> Bool {
        guard markdownExtensionList.count <= 16 else { return markdownExtensions.contains(ext) }
        for candidate in markdownExtensionList where candidate == ext { return true }
        return false
    }

    /// The extension in lowercase: itself when it is ASCII without capitals (nearly always).
    private static func lowercased(_ ext: String) -> String {
        ext.utf8.allSatisfy { UTF8Text.isUnchangedByLowercasing($0) } ? ext : ext.lowercased()
    }

    /// The converters for a file extension, highest priority first (Jekyll's: Markdown `normal`,
    /// SCSS/Sass `low`, identity `lowest`).
    /// One of a few arrays made once, not a new one per call (~800 instructions, with a render
    /// and an excerpt asking for each document's).
    public func chain(for ext: String) -> [ConverterKind] {
        let lower = Self.lowercased(ext)
        let markdown = isMarkdown(lowercased: lower)
        switch Self.stylesheetConverter(forLowercased: lower) {
        case .scss?: return markdown ? Chains.markdownSCSS : Chains.scss
        case .sass?: return markdown ? Chains.markdownSass : Chains.sass
        default: return markdown ? Chains.markdown : Chains.identity
        }
    }

    private enum Chains {
        static let markdown: [ConverterKind] = [.markdown, .identity]
        static let identity: [ConverterKind] = [.identity]
        static let scss: [ConverterKind] = [.scss, .identity]
        static let sass: [ConverterKind] = [.sass, .identity]
        static let markdownSCSS: [ConverterKind] = [.markdown, .scss, .identity]
        static let markdownSass: [ConverterKind] = [.markdown, .sass, .identity]
    }

    /// The output extension: a permalink's own extension wins; else the last converter of
    /// `chain(for:)` before identity decides (identity alone keeps the extension) — worked out
    /// without building the chain (an array, ~1,200 instructions a document).
    public func outputExtension(for ext: String, permalink: String?) -> String {
        if let permalink, !permalink.hasSuffix("/") {
            let permalinkExt = Path.extname(permalink)
            if !permalinkExt.isEmpty { return permalinkExt }
        }
        let lower = Self.lowercased(ext)
        let last = Self.stylesheetConverter(forLowercased: lower) ?? (isMarkdown(lowercased: lower) ? .markdown : .identity)
        return last.outputExtension(for: ext)
    }

    /// SCSS or Sass for their extensions, which come after Markdown in a chain.
    private static func stylesheetConverter(forLowercased ext: String) -> ConverterKind? {
        switch ext {
        case ".scss": .scss
        case ".sass": .sass
        default: nil
        }
    }
}
