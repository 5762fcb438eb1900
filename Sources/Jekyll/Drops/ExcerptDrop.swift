import Liquid
import Markdown

/// `page` while an item's excerpt renders, and what `post.excerpt` is made of: the item's keys, with
/// the excerpt's own content and output, no excerpt of its own, and the item's layout and date.
final class ExcerptDrop: Drop {
    let site: SiteSnapshot
    let id: Int
    let content: String

    init(site: SiteSnapshot, id: Int, content: String) {
        self.site = site
        self.id = id
        self.content = content
    }

    var typeName: String { "Jekyll::Drops::ExcerptDrop" }

    func value(forKey key: String, in context: RenderContext) throws -> Value? {
        let doc = site.documents[id]
        switch key {
        case "name": return doc.data["name"].flatMap { $0.isTruthy ? $0 : nil } ?? .string(doc.name)
        case "id": return .string(doc.id + "#excerpt")
        case "relative_path", "path": return .string(Path.join(doc.relativePath, "#excerpt"))
        case "excerpt": return .nil
        case "layout": return doc.data["layout"] ?? .nil
        case "content": return .string(content)
        case "output": return .nil
        case "excerpt_separator": return doc.data[key]
        default:
            return try (context.jekyll?.build.documentDrops[id] as? DocumentDrop)?.value(forKey: key, in: context)
        }
    }

    var keys: [String] {
        DocumentDrop.methodKeys + site.documents[id].data.keys.compactMap {
            guard case .string(let k) = $0, !DocumentDrop.methodKeySet.contains(k), k != "layout", k != "excerpt" else {
                return nil
            }
            return k
        }
    }

    func items(in context: RenderContext) throws -> [Value]? { keys.map(Value.string) }
}

/// Excerpts are rendered when a template first asks for one, once per build.
final class ExcerptTable: Sendable {
    /// A document's excerpt, once made, and whether it was read off the document's converted
    /// content (kramdown's `<p>` paragraphs of plain lines, see `ExcerptFromContent`).
    struct Made: Sendable {
        let text: String
        let isReadOffContent: Bool
    }

    /// Each document's excerpt once made.
    private let slots: [Locked<Made?>]
    /// Whether the build's `markdownify` gives kramdown's paragraphs back as they are (kramdown,
    /// block HTML not parsed, entities as characters).
    let markdownifyKeepsParagraphs: Bool

    init(count: Int, converters: ContentConverters) {
        slots = (0..<count).map { _ in Locked<Made?>(nil) }
        if case .kramdown(let kramdown) = converters.markdown {
            markdownifyKeepsParagraphs = !kramdown.options.parseBlockHTML && kramdown.options.entityOutput == .asChar
        } else {
            markdownifyKeepsParagraphs = false
        }
    }

    /// What `{{ doc.excerpt }}` prints: the front matter's `excerpt` as written, or the generated
    /// excerpt converted (Liquid in it rendered first), or nothing.
    func text(of id: Int, scope: RenderScope) throws -> String {
        let doc = scope.site.documents[id]
        if let given = doc.data["excerpt"], given.isTruthy { return given.rubyString }
        guard let source = doc.excerptSource else { return "" }
        let slot = slots[id]
        if let done = slot.withLock({ $0 }) { return done.text }
        // Without Liquid of its own, a first-line excerpt is often its document's converted first paragraph.
        let readOff = Document.hasLiquidConstruct(source) ? nil : ExcerptFromContent.html(of: id, source: source, build: scope.build)
        // A line with its footnotes is read off too, but is not paragraphs only (what `{% seo %}`
        // strips without `markdownify`).
        let made = try Made(text: readOff?.html ?? scope.build.renderExcerpt(id: id, source: source),
                            isReadOffContent: readOff?.isParagraphs == true)
        return slot.withLock { stored in
            if stored == nil { stored = made }
            return stored?.text ?? made.text
        }
    }

    /// Makes document `id`'s excerpt now, while its converted content is in memory, when it is read
    /// off that content (a few paragraphs' scan; what a later request would make): a staged build
    /// then keeps that content only in the written file, and reading it back for an archive page's
    /// excerpts cost three system calls a post.
    func readOffNow(_ id: Int, build: BuildContext) {
        let doc = build.site.documents[id]
        if let given = doc.data["excerpt"], given.isTruthy { return }
        guard let source = doc.excerptSource, !Document.hasLiquidConstruct(source), slots[id].withLock({ $0 == nil }),
              let readOff = ExcerptFromContent.html(of: id, source: source, build: build) else { return }
        let made = Made(text: readOff.html, isReadOffContent: readOff.isParagraphs)
        slots[id].withLock { if $0 == nil { $0 = made } }
    }

    /// Whether `text` is document `id`'s generated excerpt as read off its converted content.
    func isReadOffContent(_ text: String, of id: Int) -> Bool {
        guard let made = slots[id].withLock({ $0 }), made.isReadOffContent else { return false }
        return made.text == text
    }
}

extension BuildContext {
    /// Whether `text` is the generated excerpt of the document `page` is the drop of, read off its
    /// converted content — kramdown's `<p>` paragraphs of plain lines, whose tags are kramdown's
    /// own inline elements (no `<script`, `<style` or comment) — and this build's `markdownify`
    /// gives such paragraphs back as they are. `{% seo %}` then strips the tags of the excerpt without converting it again.
    public func isExcerptOfParagraphs(_ text: String, page: Value) -> Bool {
        guard excerpts.markdownifyKeepsParagraphs, case .drop(let drop) = page, let document = drop as? DocumentDrop else {
            return false
        }
        return excerpts.isReadOffContent(text, of: document.id)
    }
}
