/// What each document's render used, recorded while rendering for the next incremental build (see
/// `ReuseRules`): the includes it rendered, the lists of the site it looked at (`site.posts`,
/// `site.tags`, its own `next`/`previous` …), and the other documents it read — their front matter
/// and URL, or their rendered text. Reads that cannot be told apart so finely (a generator's page,
/// `post_url`) mark the document as using the whole site.
final class DependencyLog: Sendable {
    struct Reads: Sendable {
        var usesSite = false
        /// Names of `SiteLists` lists.
        var lists: Set<String> = []
        /// Documents whose front matter, URL or date was read.
        var data: Set<Int> = []
        /// Documents whose content, output or excerpt was read.
        var rendered: Set<Int> = []
    }

    private let reads = Locked<[Int: Reads]>([:])
    private let includes = Locked<[Int: Set<String>]>([:])

    func siteUsed(by document: Int?) {
        guard let document else { return }
        reads.withLock { $0[document, default: Reads()].usesSite = true }
    }

    func listRead(_ name: String, by document: Int?) {
        guard let document else { return }
        reads.withLock { _ = $0[document, default: Reads()].lists.insert(name) }
    }

    /// `rendered`: the content, output or excerpt, which change when the document renders again.
    func documentRead(_ id: Int, rendered: Bool, by document: Int?) {
        guard let document, document != id else { return }
        reads.withLock {
            if rendered { _ = $0[document, default: Reads()].rendered.insert(id) } else { _ = $0[document, default: Reads()].data.insert(id) }
        }
    }

    func include(_ path: String, by document: Int?) {
        guard let document else { return }
        includes.withLock { _ = $0[document, default: []].insert(path) }
    }

    func reads(of document: Int) -> Reads { reads.withLock { $0[document] ?? Reads() } }
    func usedSite(_ document: Int) -> Bool { reads.withLock { $0[document]?.usesSite ?? false } }
    func includes(of document: Int) -> Set<String> { includes.withLock { $0[document] ?? [] } }

    static let renderedKeys: Set<String> = ["content", "output", "excerpt"]
}
