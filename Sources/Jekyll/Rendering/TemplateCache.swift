import Liquid

/// Parsed templates shared by all render threads: each layout is parsed once per build, when a
/// document first needs it (a layout nobody uses is never parsed, as in Jekyll).
final class TemplateCache<Key: Hashable & Sendable>: Sendable {
    private let templates = Locked<[Key: Template]>([:])

    func template(_ key: Key, parse: () throws(BuildError) -> Template) throws(BuildError) -> Template {
        if let t = templates.withLock({ $0[key] }) { return t }
        let parsed = try parse()
        return templates.withLock { stored in
            if let existing = stored[key] { return existing }
            stored[key] = parsed
            return parsed
        }
    }
}

/// What a document's own template is parsed from: documents with the same (the pages
/// jekyll-paginate makes of one `index.html`) share one parse.
struct DocumentSource: Hashable, Sendable {
    let name: String
    let firstLine: Int
    let content: String
}
