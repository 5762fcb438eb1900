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

    /// The content's length, not its bytes: the pages of one `index.html` are looked up with it
    /// each (hashing a page's whole text cost ~3,000 instructions), and equal keys still compare it.
    func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(firstLine)
        hasher.combine(content.utf8.count)
    }
}

/// A layout of a chain with the `layout` variable its render sees (its front matter merged over
/// that of the layouts inside it), its template and how it uses `content` (see
/// `BuildContext.layoutChain`): worked out once, so placing a document in it takes no lock and
/// no look-up by path (hashing the path cost ~600 instructions for each layout of each document).
final class LayoutStep: Sendable {
    let layout: Layout
    let data: OrderedHash
    let template: Result<Template, BuildError>
    let printsContentOnlyPlainly: Bool

    init(layout: Layout, data: OrderedHash, template: Result<Template, BuildError>, printsContentOnlyPlainly: Bool) {
        self.layout = layout
        self.data = data
        self.template = template
        self.printsContentOnlyPlainly = printsContentOnlyPlainly
    }
}

/// The layout chains of one build by the name a document asks for, innermost first, each made
/// once instead of for every document placed in them.
final class LayoutChains: Sendable {
    /// By name (`ListedTable`: a site has a few layouts, and every document looks its chain up).
    private let chains = Locked(ListedTable<String, [LayoutStep]>())

    /// Made under the lock: the render workers start on the same chain at once, and making it
    /// (parsing its layouts, reading their includes) twice cost more than the wait.
    func chain(named name: String, make: () -> [LayoutStep]) -> [LayoutStep] {
        chains.withLock { chains in
            if let known = chains[name] { return known }
            let steps = make()
            chains[name] = steps
            return steps
        }
    }
}
