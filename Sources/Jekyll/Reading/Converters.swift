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
        var chain: [ConverterKind] = []
        let lower = ext.lowercased()
        if markdownExtensions.contains(lower) { chain.append(.markdown) }
        if lower == ".scss" { chain.append(.scss) }
        if lower == ".sass" { chain.append(.sass) }
        chain.append(.identity)
        return chain
    }

    /// The output extension: a permalink's own extension wins; else the converters decide.
    public func outputExtension(for ext: String, permalink: String?) -> String {
        if let permalink, !permalink.hasSuffix("/") {
            let permalinkExt = Path.extname(permalink)
            if !permalinkExt.isEmpty { return permalinkExt }
        }
        // The last converter of `chain(for:)` before identity decides (identity alone keeps the
        // extension); worked out without building the chain and its extensions (two arrays, ~1,200
        // instructions a document).
        let lower = ext.lowercased()
        if lower == ".scss" || lower == ".sass" { return ".css" }
        return markdownExtensions.contains(lower) ? ".html" : ext
    }
}
