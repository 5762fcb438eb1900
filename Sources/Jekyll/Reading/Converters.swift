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

    public init(markdownExtensions: Set<String>) {
        self.markdownExtensions = markdownExtensions
    }

    /// The converters for a file extension, highest priority first (Jekyll's: Markdown `normal`,
    /// SCSS/Sass `low`, identity `lowest`).
    /// One of a few arrays made once, not a new one per call (~800 instructions, with a render
    /// and an excerpt asking for each document's).
    public func chain(for ext: String) -> [ConverterKind] {
        let lower = ext.lowercased()
        let markdown = markdownExtensions.contains(lower)
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
        let lower = ext.lowercased()
        let last = Self.stylesheetConverter(forLowercased: lower) ?? (markdownExtensions.contains(lower) ? .markdown : .identity)
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
