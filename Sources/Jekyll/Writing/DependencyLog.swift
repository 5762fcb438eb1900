/// What each document's render used, recorded while rendering for the next incremental build (see
/// `ReuseRules`): the includes it rendered, the lists of the site it looked at (`site.posts`,
/// `site.tags`, its own `next`/`previous` …), and the other documents it read — their front matter
/// and URL, or their rendered text. Reads that cannot be told apart so finely (a generator's page,
/// `post_url`) mark the document as using the whole site.
///
/// A build that keeps no records (`kyll build` without `--incremental`) records nothing: every
/// drop key read passes through here. Each document has a slot of its own, so render threads
/// (each on its own document) do not wait for one another.
final class DependencyLog: Sendable {
    struct Reads: Sendable {
        var usesSite = false
        /// Names of `SiteLists` lists.
        var lists: Set<String> = []
        /// Documents whose front matter, URL or date was read.
        var data: Set<Int> = []
        /// Documents whose content, output or excerpt was read.
        var rendered: Set<Int> = []
        /// Include files it rendered, and the files its stylesheet imported.
        var includes: Set<String> = []
        /// Files that would change the render by appearing (or changing), present or not.
        var mayAppear: Set<String> = []
        /// The document last added to `data`: a list reads several keys of each document in a
        /// row, and only the first needs the set.
        var lastDataRead = -1
    }

    /// Empty when nothing records.
    private let slots: [Locked<Reads>]

    /// Whether reads are recorded (an incremental build, serve).
    var records: Bool { !slots.isEmpty }

    init(documents count: Int, recording: Bool) {
        slots = recording ? (0..<count).map { _ in Locked(Reads()) } : []
    }

    private func record(by document: Int?, _ change: (inout Reads) -> Void) {
        guard let document, !slots.isEmpty else { return }
        slots[document].withLock(change)
    }

    func siteUsed(by document: Int?) {
        record(by: document) { $0.usesSite = true }
    }

    /// `name` is worked out only when recording; nil for no list.
    func listRead(_ name: @autoclosure () -> String?, by document: Int?) {
        guard !slots.isEmpty, let name = name() else { return }
        record(by: document) { _ = $0.lists.insert(name) }
    }

    /// `rendered`: the content, output or excerpt, which change when the document renders again.
    func documentRead(_ id: Int, rendered: Bool, by document: Int?) {
        guard document != id else { return }
        record(by: document) {
            if rendered {
                _ = $0.rendered.insert(id)
            } else if $0.lastDataRead != id {
                $0.lastDataRead = id
                _ = $0.data.insert(id)
            }
        }
    }

    /// A drop key of document `id` read by `document`'s render.
    func keyRead(_ key: String, of id: Int, by document: Int?) {
        guard !slots.isEmpty else { return }
        documentRead(id, rendered: DependencyLog.renderedKeys.contains(key), by: document)
    }

    func include(_ path: String, by document: Int?) {
        record(by: document) { _ = $0.includes.insert(path) }
    }

    /// A file whose appearance would change `document`'s render (see `Reads.mayAppear`).
    func mayAppear(_ path: String, by document: Int?) {
        record(by: document) { _ = $0.mayAppear.insert(path) }
    }

    func reads(of document: Int) -> Reads { slots.isEmpty ? Reads() : slots[document].withLock { $0 } }

    private static let renderedKeys: Set<String> = ["content", "output", "excerpt"]
}
