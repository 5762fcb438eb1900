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
    public func chain(for ext: String) -> [ConverterKind] {
        let lower = ext.lowercased()
        var chain: [ConverterKind] = markdownExtensions.contains(lower) ? [.markdown] : []
        if let stylesheet = Self.stylesheetConverter(forLowercased: lower) { chain.append(stylesheet) }
        chain.append(.identity)
        return chain
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
