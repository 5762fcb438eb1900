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

/// A layout of a chain with the `layout` variable its render sees: its front matter merged over
/// that of the layouts inside it.
final class LayoutStep: Sendable {
    let layout: Layout
    let data: OrderedHash
    /// The layout's template once a document has been placed in this step: found here, not by
    /// its path in the build's `TemplateCache` (hashing the path cost ~600 instructions for
    /// each layout of each document).
    private let parsed = Locked<Template?>(nil)
    /// Whether the layout prints `content` only plainly (`LayoutContentUse`), kept here as well.
    private let printsContent = Locked<Bool?>(nil)

    init(layout: Layout, data: OrderedHash) {
        self.layout = layout
        self.data = data
    }

    func template(from cache: TemplateCache<String>, parse: () throws(BuildError) -> Template) throws(BuildError) -> Template {
        if let known = parsed.withLock({ $0 }) { return known }
        let template = try cache.template(layout.path, parse: parse)
        parsed.withLock { $0 = template }
        return template
    }

    func printsContentOnlyPlainly(_ template: Template, from use: LayoutContentUse,
                                  options: @autoclosure () -> RenderOptions) -> Bool {
        if let known = printsContent.withLock({ $0 }) { return known }
        let plain = use.printsOnlyPlainly(template, path: layout.path, options: options())
        printsContent.withLock { $0 = plain }
        return plain
    }
}

/// The layout chains of one build by the name a document asks for, innermost first, each worked
/// out once (with their merged data) instead of for every document placed in them.
final class LayoutChains: Sendable {
    private let chains = Locked<[String: [LayoutStep]]>([:])

    func chain(named name: String, in layouts: [String: Layout]) -> [LayoutStep] {
        if let known = chains.withLock({ $0[name] }) { return known }
        var steps: [LayoutStep] = []
        var data: OrderedHash?
        for layout in LayoutLeak.chain(named: name, in: layouts) {
            data = layout.data.deepMerged(with: data ?? OrderedHash())
            steps.append(LayoutStep(layout: layout, data: data!))
        }
        return chains.withLock { chains in
            if let known = chains[name] { return known }
            chains[name] = steps
            return steps
        }
    }
}

/// Which layouts read `content` only to print it plainly (`{{ content }}`, in them and in their
/// includes): such a layout can take the layout inside it's output as its buffer
/// (`RenderedOutput`), not joined into a `String`. Worked out once per layout and build.
final class LayoutContentUse: Sendable {
    private let known = Locked<[String: Bool]>([:])

    func printsOnlyPlainly(_ template: Template, path: String, options: @autoclosure () -> RenderOptions) -> Bool {
        if let k = known.withLock({ $0[path] }) { return k }
        let plain = template.readsOnlyInPlainOutputs("content", options: options())
        known.withLock { $0[path] = plain }
        return plain
    }
}
